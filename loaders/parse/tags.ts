// Unit tags: where a prose plan names who carries a task. Forms seen on real pages:
//   （县财政局牵头负责）  （XX牵头，YY配合）  （XX按职责分工负责）        role words at the end
//   （责任单位：XX）  （牵头单位：XX；责任单位：YY）  〔责任单位：…〕  【…】  labels from data/column-headers.tsv
//   （责任时限：2022年底前，牵头单位：XX，责任单位：YY）                  a deadline inside the tag
//   责任单位：XX                                                     a labelled line of its own
// Labels and role words are data (column-headers.tsv, unit-grammar.tsv); this module only finds and splits.
import { escapeRegExp, readTable, vocabulary } from "../data.ts";
import type { Block } from "./assemble.ts";
import { isDeadlineCell, unitsBlock, type ColumnRole } from "./cells.ts";
import { compareKey, trimSpan } from "./text.ts";
import type { Span } from "./types.ts";
import { isUnitNote, looksLikeUnitList, ROLE_END } from "./units.ts";

export interface TagSegment {
  /** The label's column role (units, lead-units, participant-units, deadline), or null for an unlabelled list. */
  role: ColumnRole | null;
  span: Span;
}

export interface Tag {
  /** The whole tag with its brackets (or the whole labelled line). */
  span: Span;
  /** Inside the brackets. */
  inner: Span;
  segments: TagSegment[];
  /** The closing bracket is missing: the tag ended with its line. */
  unclosed?: boolean;
  /** It stands right after another tag, and belongs to the same task. */
  follows?: boolean;
}

const TAG_ROLES = new Set<ColumnRole>(["units", "lead-units", "participant-units", "deadline"]);
const LABELS = new Map(
  readTable("column-headers.tsv")
    .filter((r) => TAG_ROLES.has(r.role as ColumnRole))
    .map((r) => [compareKey(r.header), r.role as ColumnRole]),
);
const LABEL = new RegExp(`(${[...LABELS.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})\\s*[:：]`, "g");
const LABEL_AT_START = new RegExp(`^\\s*(?:${[...LABELS.keys()].map(escapeRegExp).join("|")})\\s*[:：]`);
const GRAMMAR = "unit-grammar.tsv";

const OPEN: Record<string, string> = { "（": "）", "(": ")", "〔": "〕", "【": "】", "[": "]" };
const CLOSE = new Set(Object.values(OPEN));
const MAX_TAG = 400;

/** A label at a position of the text (sticky: no copy of the line is made to test it). */
const LABEL_HERE = new RegExp(LABEL_AT_START.source.slice(1), "y");

/** Split a labelled stretch (责任单位：A；配合单位：B) into segments, one per label; null when it does not start with a label. */
export function labelledSegments(text: string, span: Span): TagSegment[] | null {
  LABEL_HERE.lastIndex = span.start;
  const here = LABEL_HERE.exec(text);
  if (!here) return null;
  const s = text.slice(span.start, span.end);
  if (here.index + here[0].length > span.end && !LABEL_AT_START.test(s)) return null;
  const segments: TagSegment[] = [];
  LABEL.lastIndex = 0;
  const found: { at: number; body: number; role: ColumnRole }[] = [];
  for (let m = LABEL.exec(s); m !== null; m = LABEL.exec(s)) found.push({ at: m.index, body: m.index + m[0].length, role: LABELS.get(m[1])! });
  found.forEach((f, i) => {
    const end = i + 1 < found.length ? found[i + 1].at : s.length;
    let e = end;
    while (e > f.body && /[\s，,；;。、]/.test(s[e - 1])) e--;
    const seg = trimSpan(text, { start: span.start + f.body, end: span.start + e });
    if (seg.end > seg.start) segments.push({ role: f.role, span: seg });
  });
  return segments;
}

/** The characters where the tag scanner has something to do: line breaks and brackets. */
const EVENT = new RegExp(`[\n${[...Object.keys(OPEN), ...CLOSE].map(escapeRegExp).join("")}]`, "g");
const SPACE = /[\s\u2029]/;

/**
 * Unit tags in a stretch of text, in order: bracketed tags anywhere, labelled lines at a line start.
 * The scan jumps from one line break or bracket to the next; it stops once `limit` tags are found.
 */
export function findUnitTags(text: string, from: number, to: number, limit = Infinity): Tag[] {
  const tags: Tag[] = [];
  const stack: number[] = [];
  let lineStart = true;
  for (let i = from; i < to && tags.length < limit; i = next(i)) {
    const ch = text[i];
    if (lineStart && stack.length === 0 && !SPACE.test(ch)) {
      lineStart = false;
      const lineEnd = nextBreak(text, i, to);
      if (lineEnd - i <= MAX_TAG) {
        const segments = labelledSegments(text, { start: i, end: lineEnd });
        if (segments && segments.length > 0) {
          const span = trimSpan(text, { start: i, end: lineEnd });
          tags.push({ span, inner: span, segments });
          i = lineEnd - 1;
          continue;
        }
      }
    }
    if (ch === "\n") {
      lineStart = true;
      // a tag whose closing bracket was lost (「（省财政厅牵头(/div>」 on a damaged page) still ends with its line
      const open = stack.length > 0 ? stack[stack.length - 1] : -1;
      if (open !== -1 && i - open <= MAX_TAG && text.lastIndexOf("\n", i - 1) < open) {
        const inner = trimSpan(text, { start: open + 1, end: i });
        const segments = readTag(text, inner);
        if (segments) {
          tags.push({ span: { start: open, end: inner.end }, inner, segments, unclosed: true });
          stack.length = 0;
        }
      }
    }
    if (ch in OPEN) {
      stack.push(i);
      if (stack.length > 64) stack.shift(); // hostile nesting: forget the oldest
    } else if (CLOSE.has(ch) && stack.length > 0) {
      const open = stack.pop()!;
      // a bracket left open on an earlier line (a stray 「(园区」) does not enclose this group
      if (stack.length > 0 && text.lastIndexOf("\n", open) > stack[stack.length - 1]) stack.length = 0;
      // nor does one whose sentence ended before this group opened (a damaged 「(一加强…。…(区财政局负责)」), unless
      // it opens with a tag's label: a labelled tag may hold a note with brackets of its own (「(责任单位:省政府办公厅。
      // 本要点各项工作均需各市、县〔市、区〕政府作为责任单位,以下不再列出)」, 浙江 2020)
      else if (stack.length > 0 && text.lastIndexOf("。", open) > stack[stack.length - 1] && !LABEL_AT_START.test(text.slice(stack[stack.length - 1] + 1, open))) stack.length = 0;
      if (stack.length > 0 || i - open > MAX_TAG) continue; // only outermost groups, no longer than a long unit list
      const inner = { start: open + 1, end: i };
      // a bracket right after a tag goes with it: more units (「（市委宣传部、市委网信办）（市政府办公室）」) or the
      // deadline (「（市政府办公室、市大数据局）（2024年底前完成）」)
      const lastEnd = tags.length > 0 ? tags[tags.length - 1].span.end : -1;
      const afterTag = lastEnd >= 0 && open - lastEnd <= 4 && text.slice(lastEnd, open).trim() === "";
      const content = text.slice(inner.start, inner.end).trim();
      const segments =
        afterTag && isDeadlineCell(content) ? [{ role: "deadline" as const, span: trimSpan(text, inner) }]
        : afterTag && (/[:：]/.test(content) || ASIDE.test(content)) ? null // a remark after the tag (（注：…）, （涉及各乡镇）)
        : readTag(text, inner, afterTag || afterSentence(text, open));
      if (segments) tags.push({ span: { start: open, end: i + 1 }, inner, segments, ...(afterTag ? { follows: true } : {}) });
    } else if (ch === "\n" && stack.length > 0 && i - stack[stack.length - 1] > MAX_TAG) stack.length = 0;
  }
  return tags;

  // the next character that can change the scan: the next one while a line's first character is awaited
  function next(i: number): number {
    if (lineStart && stack.length === 0) return i + 1;
    EVENT.lastIndex = i + 1;
    const m = EVENT.exec(text);
    return m === null || m.index > to ? to : m.index;
  }
}

function nextBreak(text: string, at: number, to: number): number {
  const nl = text.indexOf("\n", at);
  return nl === -1 || nl > to ? to : nl;
}

/**
 * A bracket that stands after a finished sentence, at the end of a paragraph (「…水平。(各县(区、市)人民政府、
 * 开发区管委会、市直各单位)」) or before the next task of the same paragraph (「…展示相关工作。(区政府办公室、
 * 各相关部门)探索通过人工智能…」, 浦东 2024): there a plain list of units is the task's tag, role words or not.
 */
function afterSentence(text: string, open: number): boolean {
  const before = text.slice(Math.max(0, open - 4), open).replace(/[ \t\u3000]+$/, "");
  return /[。；;]$/.test(before);
}

/** A bracket opening with one of these words is an aside (含…, 见…), never a tag. */
const ASIDE = new RegExp(`^(?:${vocabulary(GRAMMAR, "aside").map(escapeRegExp).join("|")})`);

/** The first separator after which a note about the list may follow it. */
const NOTE_AFTER_LIST = /[。，,；;]/;

/** The segments of a bracket's content when it is a unit tag, else null. */
function readTag(text: string, inner: Span, plainList = false): TagSegment[] | null {
  const labelled = labelledSegments(text, inner);
  if (labelled) return labelled.some((s) => s.role !== "deadline") ? labelled : null;
  // units first, labelled parts after them: （区商务局负责落实，完成时限：2022年10月）
  const s = text.slice(inner.start, inner.end);
  LABEL.lastIndex = 0;
  const label = LABEL.exec(s);
  const head = trimSpan(text, { start: inner.start, end: label ? inner.start + label.index : inner.end });
  let headEnd = head.end;
  while (headEnd > head.start && /[，,；;。、]/.test(text[headEnd - 1])) headEnd--;
  const whole = text.slice(head.start, headEnd).replace(/\s+/g, "");
  // a list may be followed by a note about it (「（市直相关单位按职责分工负责。各县市区人民政府、园区管委会均为责任
  // 单位，以下不再列出）」, 湘潭 2022; 「（县财政局负责，下同）」): the list before the note decides
  const note = NOTE_AFTER_LIST.exec(whole);
  const content = note && note.index > 0 && isUnitNote(whole.slice(note.index + 1)) ? whole.slice(0, note.index) : whole;
  // a plain list: no role words, no labels of any kind (「（组长单位：…；成员单位：…）」 is a remark), no aside
  if (!(ROLE_END.test(content) || (plainList && !label && !/[:：]/.test(content) && !ASIDE.test(content))) || !looksLikeUnitList(content)) return null;
  const segments: TagSegment[] = [{ role: null, span: { start: head.start, end: headEnd } }];
  if (label) segments.push(...(labelledSegments(text, { start: inner.start + label.index, end: inner.end }) ?? []));
  return segments;
}

/** The blocks a tag stands for: unit cells (roles forced by their labels) and a deadline. */
export function tagBlocks(text: string, tag: Tag): Block[] {
  return tag.segments.map((seg) =>
    seg.role === "deadline" ? { kind: "deadline" as const, span: seg.span } : unitsBlock(text, seg.span, seg.role === "units" ? undefined : (seg.role ?? undefined)),
  );
}
