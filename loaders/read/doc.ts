// Word 97–2003 (.doc) and WPS 文字 (.wps, the same OLE binary format) → plain text through word-extractor.
// Word writes a table row as its cells, each closed by a cell mark, and the row's end; word-extractor gives
// the cells separated by tabs, one row per line, which is the table shape the parser reads.
import { createRequire } from "node:module";
import { ReadError } from "./decode.ts";

interface WordDocument {
  getBody(): string;
}
interface WordExtractor {
  extract(source: Buffer): Promise<WordDocument>;
}

const require = createRequire(import.meta.url);
const Extractor = require("word-extractor") as new () => WordExtractor;

export async function docToText(sourceFile: string, bytes: Uint8Array): Promise<string> {
  const wps = /\.wps$/i.test(sourceFile);
  let body: string;
  try {
    body = (await new Extractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).getBody();
  } catch (e) {
    const reason = (e as Error).message.split("\n")[0];
    throw new ReadError(
      wps ? "unreadable-wps" : "unreadable-doc",
      wps
        ? `this WPS 文字 (.wps) file could not be read (${reason}): open it in WPS and save it as .docx (文件 → 另存为 → Word 文件)`
        : `this Word 97–2003 (.doc) file could not be read (${reason}): open it in Word or WPS and save it as .docx`,
    );
  }
  // trailing tabs close each row's last cell; U+0007 cell marks and form feeds (page breaks) are not text
  return body.replace(/\t+(?=\n|$)/g, "").replace(/[\u0007\f]/g, "\n");
}
