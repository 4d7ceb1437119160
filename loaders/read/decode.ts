// Bytes → Unicode text. Detects the encoding from the bytes themselves (BOM, UTF-8 validity,
// UTF-16 zero-byte pattern, then GB18030), never from the file name.
import iconv from "iconv-lite";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Decoded {
  text: string;
  encoding: Encoding | "mixed";
  /** Characters that could not be decoded and were replaced by U+FFFD. */
  replaced: number;
  /** NUL bytes removed from a text file (a few, from a damaged copy; many mean a binary file). */
  nulRemoved?: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Plans are tens of kilobytes; a file beyond this is not one plan (an archive, a data dump, a whole site). */
export const MAX_BYTES = 16 * 1024 * 1024;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new ReadError("empty-file", "the file is empty (0 bytes)");
  if (bytes.length > MAX_BYTES) {
    throw new ReadError("file-too-large", `the file is ${(bytes.length / 1048576).toFixed(1)} MB; a plan is well under ${MAX_BYTES / 1048576} MB — split a combined file into one file per plan`);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked(new TextDecoder("utf-8").decode(bytes.subarray(3)), "utf-8-bom");
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  const bomless16 = guessUtf16(bytes);
  if (bomless16) return checked(new TextDecoder(bomless16).decode(bytes), bomless16);
  // a few NUL bytes in a text file are damage, not a binary file: removed and counted
  const nuls = countNul(bytes);
  if (nuls > 0 && nuls <= Math.max(2, bytes.length / 2000)) {
    return { ...decode(bytes.filter((b) => b !== 0)), nulRemoved: nuls };
  }
  if (nuls === 0) {
    try {
      return checked(utf8.decode(bytes), "utf-8");
    } catch {
      // not UTF-8: below
    }
  }
  for (const enc of ["utf-16le", "utf-16be"] as const) {
    if (bytes.length % 2 === 0 && plausibleText(new TextDecoder(enc).decode(bytes))) return checked(new TextDecoder(enc).decode(bytes), enc);
  }
  if (looksBinary(bytes)) {
    throw new ReadError("binary-file", "the file is binary, not text (NUL or control bytes); give a .txt, .html, .md or .docx plan");
  }
  // the Chinese legacy encoding family (GB2312 ⊂ GBK ⊂ GB18030) — or a file pasted together from two
  // encodings, which is read line by line
  const mixed = decodeLines(bytes);
  if (mixed) return mixed;
  return checked(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030"), "gb18030");
}

/**
 * Each line in UTF-8 when it is UTF-8 with non-ASCII text — a line with a stray invalid byte or two among
 * its UTF-8 characters included, which costs those bytes (U+FFFD), not the line — else GB18030. UTF-8 when
 * no line is GB18030, mixed when both occur, null when none is UTF-8.
 */
function decodeLines(bytes: Uint8Array): Decoded | null {
  const parts: string[] = [];
  let utf8Lines = 0;
  let gbLines = 0;
  let start = 0;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    end = end === -1 ? bytes.length : end + 1;
    const line = bytes.subarray(start, end);
    let text: string;
    try {
      text = utf8.decode(line);
      if (line.some((b) => b >= 0x80)) {
        // GB18030 bytes that happen to be valid UTF-8 (知 = D6 AA reads as U+05AA): two-byte letters of other
        // scripts where a Chinese page has Chinese
        if (!plausibleUtf8Line(text)) throw new Error("GB18030 read as UTF-8");
        utf8Lines++;
      }
    } catch {
      const lossy = lossyUtf8.decode(line);
      if (mostlyUtf8(lossy)) {
        text = lossy;
        utf8Lines++;
      } else {
        text = iconv.decode(buffer.subarray(start, end), "gb18030");
        gbLines++;
      }
    }
    parts.push(text);
    start = end;
  }
  if (utf8Lines === 0) return null;
  return checked(parts.join(""), gbLines > 0 ? "mixed" : "utf-8");
}

const lossyUtf8 = new TextDecoder("utf-8");

/** A line of UTF-8 as a Chinese page writes it: no character of U+0100–U+07FF (Greek, Cyrillic, Hebrew …), which is what GB18030 pairs decode to. */
function plausibleUtf8Line(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x100 && c < 0x800) return false;
  }
  return true;
}

/** A line read as UTF-8 whose characters decode but for a stray few: GB18030 bytes read so are nearly all U+FFFD. */
function mostlyUtf8(lossy: string): boolean {
  let decoded = 0;
  let replaced = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c >= 0x80) decoded++;
  }
  return decoded >= 4 && replaced <= Math.max(2, decoded * 0.05);
}

function countNul(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0); i !== -1; i = bytes.indexOf(0, i + 1)) n++;
  return n;
}

/** Chinese or ASCII text, not the noise another encoding's bytes make when read as UTF-16. */
function plausibleText(s: string): boolean {
  const sample = s.slice(0, 4000);
  if (sample.length < 20) return false;
  let good = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || c === 0x201c || c === 0x201d) good++;
  }
  return good >= sample.length * 0.95;
}

function checked(text: string, encoding: Encoding | "mixed"): Decoded {
  let replaced = 0;
  for (let i = text.indexOf("\ufffd"); i !== -1; i = text.indexOf("\ufffd", i + 1)) replaced++;
  return { text, encoding, replaced };
}

/** UTF-16 without a BOM: ASCII and CJK both leave a zero byte in one lane far more often than in the other. */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.02;
}
