// Layout "cell-lines": a table dumped one cell per line. Each cell starts on a line of its own (in
// conversions from PDF, behind a tab); a line without the tab continues the cell above (a cell cut by
// a page break, or several tasks in one cell). The column of a cell is read from its content.
import type { Block } from "../assemble.ts";
import { classifyCell, newContext } from "../cells.ts";
import { endsSentence, headingMarker, TASK_NUMBER, type Line } from "../text.ts";
import type { Span } from "../types.ts";
import { looksLikeUnitList } from "../units.ts";

export function parseCellLines(text: string, lines: Line[]): Block[] {
  const tabbed = lines.filter((l) => /^\t[^\t]*\S/.test(l.text)).length;
  // with tabs: a tab starts a cell; without (one cell per line): content decides
  const startsCell = tabbed > 0 ? (l: Line) => l.text.startsWith("\t") : (l: Line, prev: string) => !continues(prev, l.text);
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
  const ctx = newContext();
  return cells.flatMap((cell) => classifyCell(text, trim(text, cell), ctx));
}

/** Without tabs, a line continues the one above when that one stopped mid-sentence. */
function continues(prev: string, line: string): boolean {
  const t = line.trim();
  if (prev === "" || endsSentence(prev)) return false;
  if (headingMarker(t, 0, t.length) || TASK_NUMBER.test(t)) return false;
  if (looksLikeUnitList(t) && !/[、，,]$/.test(prev.trim())) return false;
  return true;
}

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s\u2029]/.test(text[start])) start++;
  while (end > start && /[\s\u2029]/.test(text[end - 1])) end--;
  return { start, end };
}
