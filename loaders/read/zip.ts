// A .docx is a ZIP archive: before mammoth inflates it whole, its XML parts are measured — the size each
// entry declares, and the size it really inflates to, read with a ceiling — so a "zip bomb" (150 KB that
// inflates to 50 MB of document.xml and takes the whole run down with it) is one failed file with a message.
import { inflateRawSync } from "node:zlib";
import { ReadError } from "./decode.ts";

/** No plan's XML part comes near this; the largest real document.xml seen is a few megabytes. */
export const MAX_XML_BYTES = 16 * 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/** Throws `docx-too-large` when an XML part of the archive declares or inflates to more than MAX_XML_BYTES. */
export function checkDocxSizes(bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buffer);
  if (entries === null) return; // not a well-formed archive: mammoth says what is wrong with it
  for (const entry of entries) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue; // media are never inflated (images are not converted)
    if (entry.size > MAX_XML_BYTES) throw tooLarge(entry.name, entry.size);
    const inflated = inflatedSize(buffer, entry);
    if (inflated > MAX_XML_BYTES) throw tooLarge(entry.name, inflated);
  }
}

function tooLarge(name: string, size: number): ReadError {
  const mb = size > MAX_XML_BYTES ? `more than ${MAX_XML_BYTES / 1048576} MB` : `${(size / 1048576).toFixed(1)} MB`;
  return new ReadError("docx-too-large", `the .docx part ${name} inflates to ${mb}, far beyond any plan (a damaged or hostile archive); it was not opened`);
}

function centralDirectory(buffer: Buffer): Entry[] | null {
  // the end-of-central-directory record is in the last 64 KB + 22 bytes
  const from = Math.max(0, buffer.length - 65_557);
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < from || eocd + 22 > buffer.length) return null;
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    entries.push({
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localHeader: buffer.readUInt32LE(at + 42),
      name: buffer.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What the entry really inflates to, read no further than one byte past the ceiling. */
function inflatedSize(buffer: Buffer, entry: Entry): number {
  const local = entry.localHeader;
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) return 0;
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  const data = buffer.subarray(start, Math.min(buffer.length, start + entry.compressedSize));
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) return 0;
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_XML_BYTES + 1 }).length;
  } catch (e) {
    // RangeError: the ceiling was passed; any other error is damage mammoth will report
    return (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError ? MAX_XML_BYTES + 1 : 0;
  }
}
