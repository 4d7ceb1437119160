// Layout "cell-lines": a table dumped one cell per line. Each cell starts on a line of its own (in
// conversions from PDF, behind a tab); a line without the tab continues the cell above (a cell cut by
// a page break, or several tasks in one cell). The column of a cell is read from its content.
import type { Block } from "../assemble.ts";
import { classifyCell, headerRole, isDeadlineCell, newContext } from "../cells.ts";
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
  return trimmed.flatMap((cell, i) => {
    const next = trimmed[i + 1];
    const beforeTask = next !== undefined && numbering.task.test(text.slice(next.start, Math.min(next.end, next.start + 10)));
    return classifyCell(text, cell, ctx, { beforeTask });
  });
}

/** Without tabs, a line continues the one above when that one stopped mid-sentence. */
function continues(prev: string, line: string, numbering: Numbering): boolean {
  const t = bare(line);
  const p = bare(prev);
  if (p === "" || endsSentence(p)) return false;
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
