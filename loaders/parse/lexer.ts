// Logical lines: structure found from markers over the whole text, not from line breaks alone.
//
// Web pages and PDF conversions often join a plan's paragraphs into one long line, by spaces or by
// nothing: 「…制定本工作要点。 一、总体要求 2022年是… (一)强化重点领域信息公开 1、数字经济…（责任单位：…） 2、优化营商…」.
// This lexer cuts every physical line again where a heading or task marker starts after a sentence end,
// a closing bracket or a space, and after a heading's short title when a space separates it from the
// text that follows. The text itself is never changed: a logical line is a span of it, so every span
// the parser records still points into the normalised text.
//
// Table rows (cells separated by tabs or |) are left whole: their cells are the table parsers' business.
import { splitLines, type Line } from "./text.ts";

const CN = "一二三四五六七八九十";

/** What may stand right before a marker that starts a new paragraph inside a line. */
const BOUNDARY = "\\s。；;！？!?）)】〕";

/**
 * A marker that starts a paragraph: 一、 (level 1), （一） (level 2), 1. 1、 (tasks), (1) and ① (tasks
 * under 1. headings). Digits must be followed by text, not by more digits (1.5, 2022年).
 */
const MARKER = new RegExp(
  `(?<=[${BOUNDARY}])(?=[${CN}]{1,3}[、．.](?![\\d${CN}])|[（(][${CN}]{1,3}[)）]|\\d{1,2}[.、．](?![\\d.])\\s*[^\\s\\d]|[（(]\\d{1,2}[)）][^\\s\\d）)]|[\\u2460-\\u2473])`,
  "gu",
);

/** A heading marker at the start of a logical line, with its short title and a space after it. */
const HEADING_THEN_SPACE = new RegExp(`^(?:[${CN}]{1,3}[、．.]|[（(][${CN}]{1,3}[)）])\\s*[^\\s。；;！？!?，,：:]{2,30}?(?=\\s+\\S)`, "u");

export function isTableRow(s: string): boolean {
  return s.includes("\t") || (s.match(/\|/g)?.length ?? 0) >= 2;
}

/** The physical lines of a text cut again at paragraph markers; empty physical lines are kept. */
export function logicalLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  for (const line of splitLines(text, from, to)) splitLine(text, line.start, line.end, lines);
  return lines;
}

function splitLine(text: string, start: number, end: number, out: Line[]) {
  const s = text.slice(start, end);
  if (isTableRow(s) || s.length < 8) {
    out.push({ start, end, text: s });
    return;
  }
  const cuts: number[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(s); m !== null; m = MARKER.exec(s)) {
    if (m.index > 0 && !quoted(s, m.index)) cuts.push(m.index);
    if (MARKER.lastIndex === m.index) MARKER.lastIndex++;
  }
  let at = 0;
  const pieces: [number, number][] = [];
  for (const cut of [...cuts, s.length]) {
    if (cut > at) pieces.push([at, cut]);
    at = cut;
  }
  for (const [a, b] of pieces) {
    // a heading whose short title is followed by a space and the text of its paragraph
    const h = HEADING_THEN_SPACE.exec(s.slice(a, b));
    const titleEnd = h ? a + h[0].length : -1;
    if (h && titleEnd < b && !s.slice(a, titleEnd).includes("|")) {
      push(out, text, start + a, start + titleEnd);
      push(out, text, start + titleEnd, start + b);
    } else push(out, text, start + a, start + b);
  }
  if (pieces.length === 0) out.push({ start, end, text: s });
}

function push(out: Line[], text: string, start: number, end: number) {
  out.push({ start, end, text: text.slice(start, end) });
}

/** Inside 《》 or “” a marker is part of a title or a quotation, not a paragraph. */
function quoted(s: string, at: number): boolean {
  let depth = 0;
  for (let i = Math.max(0, at - 120); i < at; i++) {
    const ch = s[i];
    if (ch === "《" || ch === "“") depth++;
    else if ((ch === "》" || ch === "”") && depth > 0) depth--;
  }
  return depth > 0;
}
