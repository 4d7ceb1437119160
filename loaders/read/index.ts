// loaders/read — a file's bytes → its text: format sniffing (.docx, .html, .pdf, plain text), encoding
// detection, then normalisation with an offset map back to the decoded text.
import { createHash } from "node:crypto";
import mammoth from "mammoth";
import { decode, MAX_BYTES, ReadError, type Encoding } from "./decode.ts";
import { htmlToText } from "./html.ts";
import { normalize } from "./normalize.ts";

export { ReadError } from "./decode.ts";
export { normalize, PARAGRAPH } from "./normalize.ts";

export type Format = "text" | "html" | "docx";

export interface SourceText {
  sourceFile: string;
  sha256: string;
  byteLength: number;
  format: Format;
  encoding: Encoding | "mixed" | "docx";
  /** The decoded text (for .html/.docx: the text extracted from the markup). */
  original: string;
  /** The normalised text every span refers to. */
  text: string;
  toSource: Int32Array;
  simplified: boolean;
  /** Undecodable characters replaced by U+FFFD. */
  replaced: number;
}

export async function readSource(sourceFile: string, bytes: Uint8Array): Promise<SourceText> {
  if (bytes.length > MAX_BYTES) decode(bytes); // throws file-too-large before any format work
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const base = { sourceFile, sha256, byteLength: bytes.length };
  const format = sniff(sourceFile, bytes);
  if (format === "docx") {
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
    } catch (e) {
      throw new ReadError("unreadable-docx", `the .docx file could not be opened (${(e as Error).message.split("\n")[0]})`);
    }
    const original = htmlToText(html);
    return { ...base, format, encoding: "docx", original, replaced: 0, ...normalize(original) };
  }
  const decoded = decode(bytes);
  const original = format === "html" ? htmlToText(decoded.text) : decoded.text;
  return { ...base, format, encoding: decoded.encoding, original, replaced: decoded.replaced, ...normalize(original) };
}

function sniff(name: string, bytes: Uint8Array): Format {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith("%PDF")) {
    throw new ReadError("unsupported-format", "this is a PDF: convert it to text or .docx first (e.g. pdftotext -layout, or save as Word)");
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ReadError("unsupported-format", "this is an old binary Word (.doc/.wps) file: save it as .docx first");
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
