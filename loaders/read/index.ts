// loaders/read — a file's bytes → its text: format sniffing (.docx, .doc/.wps, .pdf, .html, plain text), encoding
// detection, then normalisation with an offset map back to the decoded text.
import { createHash } from "node:crypto";
import mammoth from "mammoth";
import { decode, MAX_BYTES, ReadError, type Encoding } from "./decode.ts";
import { extractHtml } from "./html.ts";
import { pdfToText } from "./pdf.ts";
import { docToText } from "./doc.ts";
import { checkDocxSizes } from "./zip.ts";
import { normalize } from "./normalize.ts";
import type { ReadNotice } from "./notice.ts";

export { ReadError } from "./decode.ts";
export { normalize, toNormalized, PARAGRAPH } from "./normalize.ts";
export type { ReadNotice } from "./notice.ts";

export type Format = "text" | "html" | "docx" | "pdf" | "doc";

export interface SourceText {
  sourceFile: string;
  sha256: string;
  byteLength: number;
  format: Format;
  encoding: Encoding | "mixed" | "docx" | "pdf" | "doc";
  /** The decoded text (for .html/.docx/.pdf/.doc: the text extracted from the document). */
  original: string;
  /** The normalised text every span refers to. */
  text: string;
  toSource: Int32Array;
  simplified: boolean;
  /** Undecodable characters replaced by U+FFFD. */
  replaced: number;
  /** Invisible format characters removed by normalisation (bidirectional controls, zero-width characters). */
  invisible: number;
  /** What reading recovered from (markup that swallowed text, hidden text), placed in `original`. */
  notices: ReadNotice[];
}

export async function readSource(sourceFile: string, bytes: Uint8Array): Promise<SourceText> {
  if (bytes.length > MAX_BYTES) decode(bytes); // throws file-too-large before any format work
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const base = { sourceFile, sha256, byteLength: bytes.length };
  const format = sniff(sourceFile, bytes);
  if (format === "docx") {
    checkDocxSizes(bytes); // a zip bomb is refused before mammoth inflates it
    let html: string;
    try {
      // images are never read: a plan's text is what is analysed
      const convertImage = mammoth.images.imgElement(async () => ({ src: "" }));
      html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage })).value;
    } catch (e) {
      throw new ReadError("unreadable-docx", `the .docx file could not be opened (${(e as Error).message.split("\n")[0]})`);
    }
    const { text: original, notices } = extractHtml(html);
    return { ...base, format, encoding: "docx", original, replaced: 0, notices, ...normalize(original, { entitiesDecoded: true }) };
  }
  if (format === "pdf" || format === "doc") {
    const original = format === "pdf" ? await pdfToText(bytes) : await docToText(sourceFile, bytes);
    return { ...base, format, encoding: format, original, replaced: 0, notices: [], ...normalize(original, { entitiesDecoded: true }) };
  }
  const decoded = decode(bytes);
  const { text: original, notices } = format === "html" ? extractHtml(decoded.text) : { text: decoded.text, notices: [] as ReadNotice[] };
  if (decoded.nulRemoved) {
    notices.unshift({ severity: "warning", code: "control-bytes", message: `文件中有 ${decoded.nulRemoved} 个 NUL 空字节（文件可能受损），已删除`, offset: null });
  }
  return { ...base, format, encoding: decoded.encoding, original, replaced: decoded.replaced, notices, ...normalize(original, { entitiesDecoded: format === "html" }) };
}

function sniff(name: string, bytes: Uint8Array): Format {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith("%PDF")) return "pdf";
  // an OLE compound file: Word 97–2003 (.doc) or WPS 文字 (.wps), which shares Word's binary format
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "doc";
  if (head.startsWith("{\\rtf")) {
    throw new ReadError("unsupported-format", "this is an RTF file, which is not read: open it in Word or WPS and save it as .docx (or as plain text, UTF-8)");
  }
  if (head.startsWith("PK\u0003\u0004")) {
    if (/\.docx$/i.test(name) || containsAscii(bytes, "word/document.xml")) return "docx";
    throw new ReadError("unsupported-format", "this is a ZIP archive but not a Word .docx document");
  }
  if (/\.(html?|xhtml|shtml)$/i.test(name)) return "html";
  const start = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html")) return "html";
  return "text";
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, "latin1");
}
