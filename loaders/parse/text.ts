// Text primitives shared by the layout parsers: lines, cells, numbering markers, span trimming.
import type { Span } from "./types.ts";

export interface Line extends Span {
  text: string;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf("\n", start);
    if (end === -1 || end > to) end = to;
    lines.push({ start, end, text: text.slice(start, end) });
    if (end >= to) break;
    start = end + 1;
  }
  return lines;
}

const SPACE = /[\s\u2029]/;

/** The span without leading and trailing whitespace (including paragraph separators), or without `edge` characters. */
export function trimSpan(text: string, span: Span, edge: RegExp = SPACE): Span {
  let { start, end } = span;
  while (start < end && edge.test(text[start])) start++;
  while (end > start && edge.test(text[end - 1])) end--;
  return { start, end };
}

/** Cells of a line split at `sep` (tab or |), each trimmed. */
export function splitCells(text: string, line: Span, sep: string): Span[] {
  const cells: Span[] = [];
  let start = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || text[i] === sep) {
      cells.push(trimSpan(text, { start, end: i }));
      start = i + 1;
    }
  }
  return cells;
}

const HAS_SPACE = /[\s\u2029]/;

/** Clean text of a span: whitespace runs collapse, spaces between CJK characters vanish. */
export function cleanText(s: string): string {
  if (!HAS_SPACE.test(s)) return s;
  return s
    .replace(/[\s\u2029]+/g, " ")
    .replace(/(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、，。；：！？（）《》]) (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、，。；：！？（）《》])/g, "")
    .trim();
}

/** A key for comparing headings and titles: no spaces, no punctuation, half/full width alike. */
export function compareKey(s: string): string {
  return s.replace(/[\s\u2029\p{P}\p{S}]/gu, "");
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十五 → 15, 二十三 → 23; null when not a Chinese numeral. */
export function chineseNumber(s: string): number | null {
  if (s === "") return null;
  if (s === "十") return 10;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else return null;
  }
  return total + digit;
}

const CN = "一二三四五六七八九十〇零百两";

/** Level-1 heading marker: 一、 二. 三． */
export const LEVEL1 = new RegExp(`^([${CN}]{1,4})[、.．]\\s*`);
/** Level-2 heading marker: （一） (二) with either width of parenthesis. */
export const LEVEL2 = new RegExp(`^[（(]\\s*([${CN}]{1,4})\\s*[)）]\\s*`);
/**
 * Task number at the start of a cell: 1. 2、 3． (and a bare number directly followed by Chinese text).
 * 33.2022 年底前 is task 33; 1.5 and 4.25 are decimals.
 */
export const TASK_NUMBER = /^(\d{1,3})(?:\s*[.、．](?!\d{1,3}(?!\d))|(?=[\u4e00-\u9fff]))\s*/;
/** Task numbers inside a cell that holds several tasks: preceded by whitespace or a paragraph mark. */
export const INNER_TASK_NUMBER = /(?<=[\s\u2029。；;])(\d{1,3})\s*[.、．](?!\d{1,3}(?!\d))\s*/g;

/**
 * How a plan numbers its second level and its tasks. Most plans: （一） headings over 1. tasks. Some
 * write the second level 1. and the tasks (1) or ①; one detector per document chooses.
 */
export interface Numbering {
  name: "chinese-l2" | "arabic-l2";
  /** A second-level heading marker other than （一）, or null. */
  level2: RegExp | null;
  /** A task number at the start of a cell; group 1 the digits, group 2 a circled number. */
  task: RegExp;
  /** Task numbers inside a cell, after whitespace or a sentence end. */
  inner: RegExp;
}

export const CHINESE_L2: Numbering = { name: "chinese-l2", level2: null, task: TASK_NUMBER, inner: INNER_TASK_NUMBER };
export const ARABIC_L2: Numbering = {
  name: "arabic-l2",
  level2: /^(\d{1,2})\s*[.．、](?!\d{1,3}(?!\d))\s*/,
  task: /^(?:[（(]\s*(\d{1,3})\s*[)）]|([\u2460-\u2473]))\s*/,
  inner: /(?<=[\s\u2029。；;])(?:[（(](\d{1,3})[)）]|([\u2460-\u2473]))\s*/g,
};

/** 1. / 1、 / 1． at the start of a line — never a decimal (1.5). */
export const DOTTED_TASK_NUMBER = /^\d{1,3}\s*[.、．](?!\d)/;

/** A line that starts as a task does: a dotted number followed by text, (1) / （1）, or ①–⑳. */
export function startsLikeTask(t: string): boolean {
  const dotted = DOTTED_TASK_NUMBER.exec(t);
  return (dotted !== null && /\S/.test(t.slice(dotted[0].length))) || ARABIC_L2.task.test(t);
}

/** The task number a numbering match stands for: its digits, or the value of a circled ①–⑳. */
export function matchedNumber(m: RegExpExecArray): number {
  return m[1] !== undefined ? Number(m[1]) : m[2].charCodeAt(0) - 0x2460 + 1;
}

/**
 * A second-level marker whose closing bracket was lost: 「(一加强涉及优化营商环境的信息公开。」 (和平区 2022). Read
 * only in a document that numbers both (一 and (二 so and never writes （一） whole: a lone 「(一般情况下…」 is no heading.
 */
const DAMAGED_L2 = /^[（(]\s*([一二三四五六七八九十]{1,3})(?=[\u4e00-\u9fff])(?!是)/; // (一是 / (二是: an enumeration, not a heading
export const DAMAGED_CHINESE_L2: Numbering = { ...CHINESE_L2, level2: DAMAGED_L2 };

/** Choose the numbering of a document from the starts of its lines. */
export function detectNumbering(lines: { text: string }[]): Numbering {
  let paren = 0;
  let arabicTasks = 0;
  let chinese2 = 0;
  const damaged = new Set<number>();
  for (const { text } of lines) {
    const t = text.replace(/^[\s\u2029]+/, "").trimEnd();
    const lost = DAMAGED_L2.exec(t);
    if (lost) damaged.add(chineseNumber(lost[1]) ?? 0);
    if (ARABIC_L2.task.test(t)) paren++;
    else if (LEVEL2.test(t)) chinese2++;
    // a 1. line that reads as a sentence is a task, not a heading
    else if (DOTTED_TASK_NUMBER.test(t) && (t.length > 48 || /[。；;]/.test(t.replace(/[。.]$/, "")))) arabicTasks++;
  }
  if (paren >= 3 && arabicTasks === 0 && chinese2 === 0) return ARABIC_L2;
  return chinese2 === 0 && damaged.has(1) && damaged.has(2) ? DAMAGED_CHINESE_L2 : CHINESE_L2;
}

export interface Marker {
  level: 1 | 2;
  marker: string;
  value: number;
  /** Offset where the title starts. */
  titleStart: number;
}

export function headingMarker(text: string, at: number, end: number, numbering: Numbering = CHINESE_L2): Marker | null {
  const s = text.slice(at, Math.min(end, at + 16));
  let m = LEVEL2.exec(s);
  if (m) return { level: 2, marker: m[0].trim(), value: chineseNumber(m[1]) ?? 0, titleStart: at + m[0].length };
  if (numbering.level2 && (m = numbering.level2.exec(s))) return { level: 2, marker: m[0].trim(), value: chineseNumber(m[1]) ?? Number(m[1]), titleStart: at + m[0].length };
  m = LEVEL1.exec(s);
  if (m) return { level: 1, marker: m[0].trim(), value: chineseNumber(m[1]) ?? 0, titleStart: at + m[0].length };
  return null;
}

const SENTENCE_END = new Set("。！？!?；;.）)”\"」");

/**
 * Terminal punctuation: a task whose text ends otherwise was probably cut by a page break. Read from the
 * end, in constant time (no copy of a long text).
 */
export function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && /\s/.test(s[i])) i--;
  return i >= 0 && SENTENCE_END.has(s[i]);
}
