// Layout "cell-lines": a table dumped one cell per line. Each cell starts on a line of its own (in
// conversions from PDF, behind a tab); a line without the tab continues the cell above (a cell cut by
// a page break, or several tasks in one cell). The column of a cell is read from its content.
import type { Block } from "../assemble.ts";
import { classifyCell, headerRole, isDeadlineCell, looksLikeUnmarkedHeading, newContext } from "../cells.ts";
import { CHINESE_L2, endsSentence, headingMarker, trimSpan, type Line, type Numbering } from "../text.ts";
import type { Span } from "../types.ts";
import { looksLikeUnitList } from "../units.ts";

export function parseCellLines(text: string, lines: Line[], numbering: Numbering = CHINESE_L2): Block[] {
  const tabbed = lines.filter((l) => /^\t[^\t]*\S/.test(l.text)).length;
  // with tabs: a tab starts a cell; without (one cell per line): content decides
  const startsCell = tabbed > 0 ? (l: Line) => l.text.startsWith("\t") : (l: Line, prev: string) => !continues(prev, l.text, numbering);
  const cells: Span[] = [];
  let current: Span | null = null;
  for (const line of lines) {
    if (line.text.trim() === "") continue;
    const prevText: string = current ? text.slice(current.start, current.end) : "";
    if (current === null || startsCell(line, prevText)) {
      if (current) cells.push(current);
      current = { start: line.start, end: line.end };
    } else current.end = line.end;
  }
  if (current) cells.push(current);
  const ctx = newContext(numbering);
  const trimmed = cells.map((c) => trim(text, c));
  ctx.unmarkedLevel = trimmed.some((c) => headingMarker(text, c.start, c.end, numbering)?.level === 1) ? 2 : 1;
  // a short cell a bar closes (「主动公开 |」「基础信息公开 |」), in a run of such cells before a task's sentence:
  // the labels of a table's first columns, printed without markers
  const closedLabel = trimmed.map((c, i) => /[|｜]/.test(text.slice(c.end, cells[i].end)) && looksLikeUnmarkedHeading(text.slice(c.start, c.end)));
  const labelsBeforeSentence = closedLabel.map(() => false);
  for (let i = trimmed.length - 2; i >= 0; i--) {
    const next = trimmed[i + 1];
    labelsBeforeSentence[i] = closedLabel[i] && (labelsBeforeSentence[i + 1] || (!closedLabel[i + 1] && endsSentence(text.slice(next.start, next.end))));
  }
  return trimmed.flatMap((cell, i) => {
    const next = trimmed[i + 1];
    const beforeTask = (next !== undefined && numbering.task.test(text.slice(next.start, Math.min(next.end, next.start + 10)))) || labelsBeforeSentence[i];
    const blocks = classifyCell(text, cell, ctx, { beforeTask });
    if (blocks.some((b) => b.kind === "task" && !b.continuation)) ctx.unitCells = 0; // a new row
    return blocks;
  });
}

/** Without tabs, a line continues the one above when that one stopped mid-sentence. */
function continues(prev: string, line: string, numbering: Numbering): boolean {
  const t = bare(line);
  const p = bare(prev);
  if (p === "" || endsSentence(p)) return false;
  if (/[|｜]\s*$/.test(prev)) return false; // a bar closes the cell above (「…集中公开工作 |」)
  // a 序号 cell, a column header or a deadline cell is a cell of its own
  if ([p, t].some((x) => /^\d{1,3}$/.test(x) || headerRole(x) !== null || isDeadlineCell(x))) return false;
  if (headingMarker(p, 0, p.length, numbering)) return false; // a heading is one line
  if (looksLikeUnitList(p) && !/[、，,]$/.test(p)) return false; // a complete unit cell
  if (headingMarker(t, 0, t.length, numbering) || numbering.task.test(t)) return false;
  if (looksLikeUnitList(t) && !/[、，,]$/.test(p)) return false;
  return true;
}

function bare(s: string): string {
  return s.replace(/^[\s\u2029|｜]+|[\s\u2029|｜]+$/g, "");
}

/** The blanks and the `|` a flattened table leaves at a cell's edges (「各镇街(园区) |」). */
const CELL_EDGE = /[\s\u2029|｜]/;
const trim = (text: string, s: Span): Span => trimSpan(text, s, CELL_EDGE);

/** Runs of spaces that stand between the cells of a table a reposting site flattened to text. */
const CELL_GAP = /[ \u3000\u00a0]+/g;

/**
 * A table flattened with spaces between its cells (「目标 序号 任务 有关要求 责任单位」, then each row on a
 * line or the whole table on one: 「1 对照法律法规规章…公开 市直各单位,…」): when a line of the body holds
 * a header row written that way, every line is cut at its spaces into cells, one per line, for the
 * one-cell-per-line reader. Null when no such header row is there (tabs and bars have their own layout).
 */
export function spaceSeparatedCells(lines: Line[]): Line[] | null {
  const header = lines.some((l) => /[ \u3000\u00a0]/.test(l.text) && !/[\t|｜]/.test(l.text) && headerNames(l.text.split(CELL_GAP)) >= 2);
  if (!header) return null;
  const cells: Line[] = [];
  for (const line of lines) {
    let at = 0;
    for (const gap of line.text.matchAll(CELL_GAP)) {
      if (gap.index! > at) cells.push({ start: line.start + at, end: line.start + gap.index!, text: line.text.slice(at, gap.index!) });
      at = gap.index! + gap[0].length;
    }
    if (at < line.text.length) cells.push({ start: line.start + at, end: line.end, text: line.text.slice(at) });
  }
  return cells;
}

/** Column names among the pieces of a line, a name spaced out letter by letter (具 体 要 求) counted once. */
function headerNames(pieces: string[]): number {
  let n = 0;
  let spelled = "";
  for (const piece of [...pieces, ""]) {
    if ([...piece].length === 1) {
      spelled += piece;
      continue;
    }
    if (spelled !== "" && headerRole(spelled) !== null) n++;
    spelled = "";
    if (headerRole(piece) !== null) n++;
  }
  return n;
}
