// What one cell of a plan says, when the layout does not tell: a column header, a heading, numbered
// tasks, a list of units, or plain text (an unnumbered task, or the rest of a task cut by a page break).
import { escapeRegExp, readTable, vocabulary } from "../data.ts";
import type { Block } from "./assemble.ts";
import { CHINESE_L2, compareKey, endsSentence, headingMarker, matchedNumber, trimSpan, type Numbering } from "./text.ts";
import type { Span } from "./types.ts";
import { isChannelList, isDutyList, looksLikeUnitList, ROLE_END } from "./units.ts";
import { PARAGRAPH } from "../read/normalize.ts";

export type ColumnRole = "section" | "task" | "units" | "lead-units" | "participant-units" | "deadline" | "number" | "channel" | "ignore";

const HEADERS = new Map(readTable("column-headers.tsv").map((r) => [compareKey(r.header), r.role as ColumnRole]));

const DEADLINE_CELL = new RegExp(`^(?:${readTable("time-expressions.tsv").filter((r) => r.kind === "deadline-cell").map((r) => r.pattern).join("|")})$`);

/** A short cell that states only when: 持续推进, 2022年底前, 长期坚持. */
export function isDeadlineCell(s: string): boolean {
  const t = s.replace(/[\s\u2029]+/g, "");
  return t.length > 0 && t.length <= 30 && DEADLINE_CELL.test(t);
}

/**
 * A header's letters spaced out (责 任 单 位) or bracketed are at most three times its key: a longer cell is
 * text, and is not folded (the fold, for every cell and line of a plan, cost a tenth of parsing).
 */
const LONGEST_HEADER = 3 * Math.max(...[...HEADERS.keys()].map((k) => k.length));

export function headerRole(s: string): ColumnRole | null {
  if (s.length > LONGEST_HEADER && s.trim().length > LONGEST_HEADER) return null;
  return HEADERS.get(compareKey(s)) ?? null;
}

/** State the cell classifier needs from what came before. */
export interface CellContext {
  /** Number of the last numbered task, for telling 49完善 (task 49) from 2022年 (text). */
  lastNumber: number | null;
  /** The end (last 200 characters) of the last task, to tell a page-break continuation from a new unnumbered task. */
  lastTaskText: string | null;
  /** A heading, a numbered task or a unit cell was seen: plain text before that is preamble. */
  seenStructure: boolean;
  numbering: Numbering;
  /** The level of a heading printed without a marker (做好财政信息公开): 1, or 2 under 一、 headings. */
  unmarkedLevel: 1 | 2;
  /** A 序号 cell printed on its own (「1」 then the task's text): the number of the next task. */
  pendingNumber: number | null;
  /** Column headers (任务, 责任单位, 时限 …) seen in a row: two make a header row, and the table's body follows. */
  headerCells: number;
  /** The header row's unit columns in order (牵头单位, 责任单位): the unit cells of a row take their roles. */
  unitColumns: ColumnRole[];
  /** Unit cells read since the last task. */
  unitCells: number;
  /** A header named a column of where the plan publishes (公开载体): cells naming only channels are that column's. */
  channelColumn: boolean;
}

export function newContext(numbering: Numbering = CHINESE_L2): CellContext {
  return { lastNumber: null, lastTaskText: null, seenStructure: false, numbering, unmarkedLevel: 1, pendingNumber: null, headerCells: 0, unitColumns: [], unitCells: 0, channelColumn: false };
}

/**
 * Split a cell into its numbered tasks. The cell may start with a number, or with the rest of a task
 * cut by a page break followed by numbered tasks (「度，明确…。 35. …」): that leading text is returned
 * as a continuation (or an unnumbered task). Null when the cell holds no task number.
 */
export function numberedTasks(text: string, cell: Span, ctx: CellContext): Block[] | null {
  const head = text.slice(cell.start, Math.min(cell.end, cell.start + 10));
  const { task, inner: innerNumber } = ctx.numbering;
  const m = task.exec(head);
  const starts: { n: number; marker: number; body: number }[] = [];
  // a bare number directly followed by text (49完善…) counts only where the sequence expects it
  if (m && (/[.、．（(）)\u2460-\u2473]/.test(m[0]) || (ctx.lastNumber !== null && matchedNumber(m) === ctx.lastNumber + 1))) {
    starts.push({ n: matchedNumber(m), marker: cell.start, body: cell.start + m[0].length });
  }
  const inner = text.slice(cell.start, cell.end);
  innerNumber.lastIndex = 0;
  for (let im = innerNumber.exec(inner); im !== null; im = innerNumber.exec(inner)) {
    const n = matchedNumber(im);
    const last = starts[starts.length - 1];
    const prev = last ? last.n : ctx.lastNumber;
    if (prev === null) continue;
    if (n > prev && n <= prev + 3 && (!last || cell.start + im.index > last.body)) {
      starts.push({ n, marker: cell.start + im.index, body: cell.start + im.index + im[0].length });
    }
  }
  if (starts.length === 0) return null;
  const blocks: Block[] = [];
  if (starts[0].marker > cell.start) {
    const lead = trimSpan(text, { start: cell.start, end: starts[0].marker });
    if (lead.end > lead.start) blocks.push(...classifyCell(text, lead, ctx, { taskColumn: true, plain: true }));
  }
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].marker : cell.end;
    const span = trimSpan(text, { start: s.body, end });
    blocks.push({ kind: "task", number: s.n, span });
    ctx.lastNumber = s.n;
    ctx.seenStructure = true;
    ctx.lastTaskText = text.slice(span.start, span.end);
  });
  return blocks;
}

export function unitsBlock(text: string, cell: Span, role?: ColumnRole): Block {
  const paragraphs: Span[] = [];
  let start = cell.start;
  for (let i = cell.start; i <= cell.end; i++) {
    if (i === cell.end || text[i] === PARAGRAPH) {
      const p = trimSpan(text, { start, end: i });
      if (p.end > p.start) paragraphs.push(p);
      start = i + 1;
    }
  }
  const forced = role === "lead-units" ? "lead" : role === "participant-units" ? "participant" : undefined;
  return { kind: "units", span: cell, paragraphs, role: forced };
}

/**
 * Classify a cell whose column is not known (cell-per-line layouts) or a task-column cell that has
 * no number. Returns the blocks it stands for.
 */
/** A short line with no sentence in it, directly above a numbered task: a heading printed without a marker. */
export function looksLikeUnmarkedHeading(s: string): boolean {
  const t = s.trim();
  // (a heading says something in Chinese: 「GOVERNMENT INFORMATION」 is a site's banner)
  return t.length >= 2 && t.length <= 40 && /\p{Script=Han}{2}/u.test(t) && !/[。；;！？!?：:（）()“”"\t|>]/.test(t) && !looksLikeUnitList(t) && !isPageNav(t) && !NOT_HEADING_END.test(t);
}

/**
 * A line ending so is the notice's title (data/plan-vocabulary.tsv, head-line-end) or its 文号 (闽政办〔2018〕43 号:
 * a year in brackets, a number, 号), never a heading.
 */
const NOT_HEADING_END = new RegExp(`(?:${vocabulary("plan-vocabulary.tsv", "head-line-end").map(escapeRegExp).join("|")}|[〔［\\[【(（﹝]\\s*\\d{4}\\s*[〕］\\]】)）﹞]\\s*\\d{1,4}\\s*号)$`);

const PAGE_NAV = new Set(vocabulary("plan-vocabulary.tsv", "page-nav"));
const BREADCRUMB = new RegExp(`^\\s*(?:${vocabulary("plan-vocabulary.tsv", "breadcrumb").map(escapeRegExp).join("|")})\\s*[:：]`);

/** Site navigation printed as text (网站首页 政务公开; 当前位置：首页 > 信息公开): page chrome, never a heading or a task. */
export function isPageNav(s: string): boolean {
  if (BREADCRUMB.test(s)) return true;
  const words = s.split(/[\s|>»›/]+/).filter((w) => w !== "");
  return words.length > 0 && words.every((w) => PAGE_NAV.has(w));
}

export function classifyCell(text: string, cell: Span, ctx: CellContext, opts: { taskColumn?: boolean; plain?: boolean; beforeTask?: boolean } = {}): Block[] {
  const s = text.slice(cell.start, cell.end);
  // an empty cell, or one a table fills with a dash for 「none」 (——, 一, -)
  if (s.trim() === "" || /^[\s—–\-－―─]+$/.test(s)) return [];
  const header = opts.taskColumn ? null : headerRole(s);
  if (header !== null) {
    // a header row (任务 | 责任单位 | 时限) opens the table: what follows is its body, not a preamble
    if (ctx.headerCells === 0) ctx.unitColumns = [];
    if (header === "units" || header === "lead-units" || header === "participant-units") ctx.unitColumns.push(header);
    if (header === "channel") ctx.channelColumn = true;
    if (++ctx.headerCells >= 2) ctx.seenStructure = true;
    return [];
  }
  ctx.headerCells = 0;
  const heading = headingMarker(text, cell.start, cell.end, ctx.numbering);
  if (heading) {
    ctx.seenStructure = true;
    ctx.lastTaskText = null; // a heading ends the task above: the text below it is no continuation
    return [{ kind: "section", level: heading.level, marker: heading.marker, title: trimSpan(text, { start: heading.titleStart, end: cell.end }), span: cell }];
  }
  if (!opts.taskColumn && ctx.seenStructure && isDeadlineCell(s)) return [{ kind: "deadline", span: cell }];
  if (!opts.taskColumn && /^\d{1,3}$/.test(s.trim()) && ctx.seenStructure) {
    ctx.pendingNumber = Number(s.trim());
    return [];
  }
  const tasks = opts.plain ? null : numberedTasks(text, cell, ctx);
  if (tasks) {
    ctx.pendingNumber = null; // the row's 序号 went to a cell of numbered items (「1.重点推进… 2.随机抽查…」)
    return tasks;
  }
  // (only under a header that names such a column, and not for a task's text after its 序号 cell)
  if (!opts.taskColumn && ctx.channelColumn && ctx.pendingNumber === null && isChannelList(s)) {
    return [{ kind: "note", severity: "info", code: "channel-cell", message: `发布渠道一栏（公开载体），未计为任务或责任单位：「${s.trim().slice(0, 40)}」`, span: cell }];
  }
  if (!opts.taskColumn && (looksLikeUnitList(s) || (ctx.seenStructure && isDutyList(s)))) {
    ctx.seenStructure = true;
    return [unitsBlock(text, cell, unitColumnRole(ctx))];
  }
  if (!opts.taskColumn && ctx.seenStructure) {
    const split = unitsThenRequirement(text, cell);
    if (split) return split;
  }
  if (opts.beforeTask && !opts.taskColumn && looksLikeUnmarkedHeading(s)) {
    ctx.seenStructure = true;
    return [{ kind: "section", level: ctx.unmarkedLevel, marker: null, title: cell, span: cell }];
  }
  if (!ctx.seenStructure) return [{ kind: "preamble", span: cell }];
  // plain text: the rest of a task a page break cut, or a task printed without a number
  if (ctx.pendingNumber !== null) {
    const number = ctx.pendingNumber;
    ctx.pendingNumber = null;
    ctx.lastNumber = number;
    ctx.lastTaskText = s;
    return [{ kind: "task", number, span: cell }];
  }
  const continuation = ctx.lastTaskText !== null && !endsSentence(ctx.lastTaskText) && !/^[\s\u2029]*[“"《（(]?\d/.test(s);
  // only the task's end is ever read (does it close a sentence?): keep a bounded tail, not the whole text
  ctx.lastTaskText = continuation ? ((ctx.lastTaskText ?? "") + s).slice(-200) : s;
  return [{ kind: "task", number: null, span: cell, continuation }];
}

/**
 * The role of the next unit cell of a row, when the header row names several unit columns (牵头单位 |
 * 责任单位: the first leads, the second takes part); undefined when the cell's own wording decides.
 */
function unitColumnRole(ctx: CellContext): ColumnRole | undefined {
  const columns = ctx.unitColumns;
  if (columns.length < 2) return undefined;
  const role = columns[Math.min(ctx.unitCells++, columns.length - 1)];
  return role === "units" && columns.includes("lead-units") ? "participant-units" : role === "units" ? undefined : role;
}

/**
 * A cell of a 责任单位和工作要求 column: its units with their role word, then what they are to do
 * (「区发展改革局、区市场监管局牵头办理,在工作中加强与上级单位沟通对接。」): the units, and the rest
 * as more of the task's text. Null when the cell does not open that way.
 */
function unitsThenRequirement(text: string, cell: Span): Block[] | null {
  const s = text.slice(cell.start, cell.end);
  const comma = s.search(/[，,]/);
  if (comma <= 0) return null;
  const head = trimSpan(text, { start: cell.start, end: cell.start + comma });
  const rest = trimSpan(text, { start: cell.start + comma + 1, end: cell.end });
  const units = text.slice(head.start, head.end);
  if (rest.end <= rest.start || !ROLE_END.test(units) || !looksLikeUnitList(units)) return null;
  return [unitsBlock(text, head), { kind: "task", number: null, span: rest, continuation: true }];
}
