// PDF → plain text in the shapes the parser reads. The text layer is read with pdfjs-dist; lines are
// rebuilt from glyph positions, not from the order the producer wrote them:
//   - glyph runs on one baseline make a visual line; a gap wider than COLUMN_GAP font sizes splits it
//     into segments (table cells);
//   - a visual line that reaches the right margin and is followed by one starting at the left margin is
//     a paragraph wrapped by the page: the two are joined;
//   - lines with several segments are table rows; lines that follow closely, with their segments under
//     the row's cells, are the wrapped rest of those cells (a row is one line, cells joined by tabs);
//   - a page number alone at the top or bottom of a page is page furniture and left out.
// Where the page draws table rulings (thin filled or stroked boxes), glyphs are placed in the cells the
// rulings make, and each table row becomes one line of tab-separated cells — the column gap alone cannot
// tell two cells apart when a table has no padding.
// A PDF without any text (a scan) is refused with a message that says so.
import { ReadError } from "./decode.ts";

interface Glyphs {
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
}

interface Segment {
  x0: number;
  x1: number;
  text: string;
}

interface VisualLine {
  y: number;
  size: number;
  segments: Segment[];
}

/** A gap this many font sizes wide between two runs on one line separates table cells. */
const COLUMN_GAP = 1.5;
/** Lines further apart than this many typical line spacings start a new table row. */
const ROW_GAP = 1.35;
const PAGE_NUMBER = /^[-—–\s第页]*\d{1,4}[-—–\s页]*$|^[-—–\s]*[0-9]+\s*\/\s*[0-9]+[-—–\s]*$/;

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (/password/i.test(message)) throw new ReadError("unreadable-pdf", "the PDF is password-protected: remove the password or export its text first");
    throw new ReadError("unreadable-pdf", `the PDF could not be opened (${message.split("\n")[0]})`);
  }
  try {
    const read: { glyphs: Glyphs[]; rulings: Rulings }[] = [];
    let glyphCount = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const glyphs: Glyphs[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [a, b, , , x, y] = item.transform as number[];
        const size = Math.hypot(a, b) || item.height || 10;
        glyphs.push({ x, y, width: item.width, size, text: item.str });
      }
      glyphCount += glyphs.length;
      read.push({ glyphs, rulings: glyphs.length > 0 ? rulingsOf(await page.getOperatorList(), pdfjs.OPS) : { vertical: [], horizontal: [] } });
      page.cleanup();
    }
    // the text's right margin, over the whole document: a short last page must not set it
    const right = Math.max(...read.flatMap((p) => p.glyphs.map((g) => g.x + g.width)));
    const pages = read.map((p) => pageText(p.glyphs, p.rulings, right));
    if (glyphCount === 0) {
      throw new ReadError("scanned-pdf", `the PDF has ${doc.numPages} page(s) but no text layer (a scanned document): run OCR on it first (for example ocrmypdf --language chi_sim) or supply the text`);
    }
    return joinPages(pages.filter((p) => p !== ""));
  } finally {
    await doc.destroy();
  }
}

const MARKER = /^\s*(?:\d{1,3}\s*[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;

/**
 * Pages in order. A table row cut by a page break goes on at the top of the next page: its cells' text
 * starts mid-sentence under cells that had not ended, and is joined to the row above. When the first row
 * of the page also opens new content (a cell starting with a number or heading marker), only the cells
 * before that one are the cut row's rest (「…强化监督保」 / 「障」).
 */
function joinPages(pages: string[]): string {
  const out: string[] = [];
  for (const page of pages) {
    const lines = page.split("\n");
    const last = out.length > 0 ? out[out.length - 1].split("\n") : null;
    const above = last?.[last.length - 1];
    if (last && above !== undefined && above.includes("\t") && lines[0].includes("\t")) {
      const cells = above.split("\t");
      const row = lines[0].split("\t");
      const moved = continuedCells(cells, row);
      if (moved > 0) {
        for (let i = 0; i < moved; i++) cells[i] += row[i];
        last[last.length - 1] = cells.join("\t");
        out[out.length - 1] = last.join("\n");
        if (moved >= row.length) lines.shift();
        else lines[0] = row.map((c, i) => (i < moved ? "" : c)).join("\t");
      }
    }
    if (lines.length > 0) out.push(lines.join("\n"));
  }
  return out.join("\n");
}

/** How many leading cells of a page's first row carry on the row above (the whole row when none starts anew). */
function continuedCells(above: string[], row: string[]): number {
  if (above.length !== row.length) return 0;
  const fresh = row.findIndex((c) => MARKER.test(c) && c.trim() !== "");
  const upTo = fresh === -1 ? row.length : fresh;
  const first = row.findIndex((c) => c.trim() !== "");
  if (first === -1 || first >= upTo) return 0;
  const continues = row.slice(0, upTo).every((c, i) => c.trim() === "" || (above[i].trim() !== "" && !/[。！？!?]$/.test(above[i].trim())));
  return continues ? upTo : 0;
}

interface Ruling {
  /** x of a vertical ruling, y of a horizontal one */
  at: number;
  from: number;
  to: number;
}
interface Rulings {
  vertical: Ruling[];
  horizontal: Ruling[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** m applied first, then ctm (PDF: CTM' = M × CTM). */
function concat(m: Matrix, ctm: Matrix): Matrix {
  return [m[0] * ctm[0] + m[1] * ctm[2], m[0] * ctm[1] + m[1] * ctm[3], m[2] * ctm[0] + m[3] * ctm[2], m[2] * ctm[1] + m[3] * ctm[3], m[4] * ctm[0] + m[5] * ctm[2] + ctm[4], m[4] * ctm[1] + m[5] * ctm[3] + ctm[5]];
}
function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Thin boxes the page paints (table borders), in page space: vertical and horizontal rulings. */
function rulingsOf(list: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): Rulings {
  const out: Rulings = { vertical: [], horizontal: [] };
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = concat(args as unknown as Matrix, ctm);
    else if (fn === OPS.constructPath) {
      const box = args[args.length - 1] as ArrayLike<number> | null;
      if (!box || box.length < 4) return;
      const [ax, ay] = apply(ctm, box[0], box[1]);
      const [bx, by] = apply(ctm, box[2], box[3]);
      const [x0, x1, y0, y1] = [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)];
      if (x1 - x0 <= 2.5 && y1 - y0 > 4) out.vertical.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
      else if (y1 - y0 <= 2.5 && x1 - x0 > 4) out.horizontal.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
    }
  });
  return out;
}

/** The table cell a glyph sits in: between two vertical rulings that span its height; null outside tables. */
function cellOf(g: Glyphs, rulings: Rulings): { row: number; col: number; top: number } | null {
  const mid = g.y + g.size * 0.35;
  const x = g.x + Math.min(g.width, g.size) / 2;
  const spanning = rulings.vertical.filter((v) => v.from <= mid && v.to >= mid);
  const leftOf = spanning.filter((v) => v.at < x);
  if (leftOf.length === 0 || !spanning.some((v) => v.at > x)) return null;
  const above = rulings.horizontal.filter((h) => h.from <= x && h.to >= x && h.at > mid);
  const top = above.length > 0 ? Math.min(...above.map((h) => h.at)) : Infinity;
  const left = Math.max(...leftOf.map((v) => v.at));
  return { row: Math.round(top), col: Math.round(left), top };
}

/** A table row or a paragraph, with where it starts on the page (page space: larger y is higher). */
interface Block {
  top: number;
  text: string;
}

function pageText(glyphs: Glyphs[], rulings: Rulings, right: number): string {
  // glyphs inside ruled cells make table rows; the rest make lines
  const rows = new Map<number, { top: number; cells: Map<number, Glyphs[]> }>();
  const free: Glyphs[] = [];
  for (const g of glyphs) {
    const cell = rulings.vertical.length >= 2 ? cellOf(g, rulings) : null;
    if (!cell) {
      free.push(g);
      continue;
    }
    const row = rows.get(cell.row) ?? { top: cell.top === Infinity ? g.y + g.size : cell.top, cells: new Map() };
    rows.set(cell.row, row);
    if (!row.cells.has(cell.col)) row.cells.set(cell.col, []);
    row.cells.get(cell.col)!.push(g);
  }
  const blocks: Block[] = [...rows.values()].map((row) => ({ top: row.top, text: rowText(row.cells, rulings) }));
  const text = freeText(free, right);
  if (blocks.length === 0) return text.map((b) => b.text).join("\n");
  return [...text, ...blocks].sort((a, b) => b.top - a.top).map((b) => b.text).join("\n");
}

/** A table row: every cell between the rulings that cross it, empty ones included, so columns keep their place. */
function rowText(cells: Map<number, Glyphs[]>, rulings: Rulings): string {
  const all = [...cells.values()].flat();
  const mid = all.reduce((sum, g) => sum + g.y + g.size * 0.35, 0) / all.length;
  const edges: number[] = [];
  for (const v of rulings.vertical.filter((r) => r.from <= mid && r.to >= mid).sort((a, b) => a.at - b.at)) {
    if (edges.length === 0 || v.at - edges[edges.length - 1] > 6) edges.push(v.at); // a double border is one edge
  }
  const texts: string[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const inside = [...cells.entries()].filter(([col]) => col >= Math.round(edges[i]) - 1 && col < edges[i + 1] - 1).flatMap(([, g]) => g);
    texts.push(visualLines(inside).map(lineText).join(""));
  }
  return texts.join("\t");
}

/** Lines outside ruled tables, paragraphs wrapped by the page joined again; each with where it starts. */
function freeText(glyphs: Glyphs[], right: number): Block[] {
  const lines = visualLines(glyphs);
  // page furniture: a page number alone on the first or last line
  while (lines.length > 0 && PAGE_NUMBER.test(lineText(lines[lines.length - 1]))) lines.pop();
  while (lines.length > 0 && PAGE_NUMBER.test(lineText(lines[0]))) lines.shift();
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.segments[0].x0));
  const spacing = typicalSpacing(lines);
  const out: Block[] = [];
  let row: Segment[] | null = null;
  let rowTop = 0;
  let paragraph: string | null = null;
  let paragraphTop = 0;
  let prev: VisualLine | null = null;
  const flushParagraph = () => {
    if (paragraph !== null) out.push({ top: paragraphTop, text: paragraph });
    paragraph = null;
  };
  const flushRow = () => {
    if (row) out.push({ top: rowTop, text: row.map((c) => c.text).join("\t") });
    row = null;
  };
  for (const line of lines) {
    const close = prev !== null && prev.y - line.y <= spacing * ROW_GAP;
    if (line.segments.length >= 2 || (row !== null && close && line.segments[0].x0 > left + line.size * 2)) {
      flushParagraph();
      if (row !== null && close && fitsUnder(row, line.segments, line.size)) mergeInto(row, line.segments, line.size);
      else {
        flushRow();
        row = line.segments.map((s) => ({ ...s }));
        rowTop = line.y + line.size;
      }
    } else {
      flushRow();
      const text = line.segments[0].text;
      const open: string | null = paragraph;
      const wrapped = open !== null && prev !== null && close && reachesRight(prev, right) && line.segments[0].x0 <= left + line.size * 0.5;
      if (wrapped) paragraph = open + joiner(open, text) + text;
      else {
        flushParagraph();
        paragraph = text;
        paragraphTop = line.y + line.size;
      }
    }
    prev = line;
  }
  flushParagraph();
  flushRow();
  return out;
}

/** Glyph runs grouped by baseline, each line's runs ordered left to right and split at column gaps. */
function visualLines(glyphs: Glyphs[]): VisualLine[] {
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Glyphs[][] = [];
  for (const g of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0].y - g.y) <= Math.max(last[0].size, g.size) * 0.4) last.push(g);
    else groups.push([g]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const size = Math.max(...group.map((g) => g.size));
    const segments: Segment[] = [];
    for (const g of group) {
      const last = segments[segments.length - 1];
      const gap = last ? g.x - last.x1 : Infinity;
      if (last && gap <= size * COLUMN_GAP) {
        last.text += joiner(last.text, g.text, gap > size * 0.2) + g.text;
        last.x1 = Math.max(last.x1, g.x + g.width);
      } else segments.push({ x0: g.x, x1: g.x + g.width, text: g.text });
    }
    return { y: group[0].y, size, segments };
  });
}

/** Between two runs of text: a space where the page leaves one (a gap of a fifth of the font size), else nothing. */
function joiner(before: string, after: string, spaced = false): string {
  return spaced && before !== "" && after !== "" ? " " : "";
}

function lineText(line: VisualLine): string {
  return line.segments.map((s) => s.text).join(" ").trim();
}

function reachesRight(line: VisualLine, right: number): boolean {
  return line.segments[line.segments.length - 1].x1 >= right - line.size * 2;
}

/** The most common distance between consecutive baselines: the body's line spacing. */
function typicalSpacing(lines: VisualLine[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const d = Math.round(lines[i - 1].y - lines[i].y);
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = lines[0].size * 1.5;
  let most = 0;
  for (const [d, n] of counts) if (n > most || (n === most && d < best)) [best, most] = [d, n];
  return best;
}

/** Every segment of a line falls under a cell of the open row (the wrapped rest of those cells). */
function fitsUnder(row: Segment[], segments: Segment[], size: number): boolean {
  return segments.every((s) => row.some((c) => s.x0 >= c.x0 - size && s.x0 <= c.x1 + size));
}

function mergeInto(row: Segment[], segments: Segment[], size: number) {
  for (const s of segments) {
    const cell = row.find((c) => s.x0 >= c.x0 - size && s.x0 <= c.x1 + size)!;
    cell.text += joiner(cell.text, s.text) + s.text;
    cell.x1 = Math.max(cell.x1, s.x1);
  }
}
