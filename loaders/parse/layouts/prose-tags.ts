// Layout "prose-tags": running prose in which each task ends with its responsible units in
// parentheses — 「…集中展示建设成果。（县发改局牵头负责）」 — under 一、 and （一） headings whose first
// sentence is the heading's title. National and provincial plans (（XX部牵头）) are written this way too.
import type { Block } from "../assemble.ts";
import { looksLikeUnmarkedHeading, unitsBlock } from "../cells.ts";
import { CHINESE_L2, endsSentence, headingMarker, matchedNumber, trimSpan, type Numbering } from "../text.ts";
import type { Span } from "../types.ts";
import { looksLikeUnitList } from "../units.ts";

export interface Tag {
  /** The whole tag with its parentheses. */
  span: Span;
  /** Inside the parentheses. */
  inner: Span;
}

const ROLE_END = /(牵头|负责|落实|配合|承办|实施|参与)$/;

/** Unit tags in a stretch of text: balanced parentheses (either width, nesting allowed) naming units. */
export function findUnitTags(text: string, from: number, to: number): Tag[] {
  const tags: Tag[] = [];
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === "（" || ch === "(") {
      stack.push(i);
      if (stack.length > 64) stack.shift(); // hostile nesting: forget the oldest
    } else if ((ch === "）" || ch === ")") && stack.length > 0) {
      const open = stack.pop()!;
      if (stack.length > 0 || i - open > 400) continue; // only outermost groups, no longer than a long unit list
      const inner = { start: open + 1, end: i };
      const content = text.slice(inner.start, inner.end).replace(/\s+/g, "");
      if (ROLE_END.test(content) && looksLikeUnitList(content)) tags.push({ span: { start: open, end: i + 1 }, inner });
    } else if (ch === "\n" && stack.length > 0 && i - stack[stack.length - 1] > 400) stack.length = 0;
  }
  return tags;
}

export function parseProseTags(text: string, body: Span, numbering: Numbering = CHINESE_L2): Block[] {
  const tags = findUnitTags(text, body.start, body.end);
  const blocks: Block[] = [];
  let pieces: Span[] = [];
  let pieceText = "";
  let number: number | null = null;
  let tagIndex = 0;
  let sawStructure = false;

  const flush = () => {
    const real = pieces.map((p) => trimSpan(text, p)).filter((p) => p.end > p.start);
    if (real.length > 0) {
      if (!sawStructure) blocks.push({ kind: "preamble", span: { start: real[0].start, end: real[real.length - 1].end } });
      else {
        blocks.push({ kind: "task", number, span: real[0] });
        for (const p of real.slice(1)) blocks.push({ kind: "task", number: null, span: p, continuation: true });
      }
    }
    pieces = [];
    pieceText = "";
    number = null;
  };

  // headings printed without a marker are level 1, or level 2 under 一、 headings
  const bodyText = text.slice(body.start, body.end);
  const unmarkedLevel: 1 | 2 = /(^|\n)[\s]*[一二三四五六七八九十]{1,3}[、.．]/.test(bodyText) ? 2 : 1;

  let pos = body.start;
  let atLineStart = true;
  while (pos < body.end) {
    let lineEnd = text.indexOf("\n", pos);
    if (lineEnd === -1 || lineEnd > body.end) lineEnd = body.end;
    if (atLineStart) {
      while (pos < lineEnd && /[\s\u2029]/.test(text[pos])) pos++;
      if (pos >= lineEnd) {
        pos = lineEnd + 1;
        continue;
      }
      const startsWithTag = tagIndex < tags.length && tags[tagIndex].span.start === pos;
      const heading = headingMarker(text, pos, lineEnd, numbering);
      const found = numbering.task.exec(text.slice(pos, Math.min(lineEnd, pos + 10)));
      const numbered = found && /[.、．（(）)\u2460-\u2473]/.test(found[0]) ? found : null;
      if (heading || numbered) flush();
      else if (!startsWithTag && pieceText !== "" && endsSentence(pieceText)) flush(); // a paragraph that ended with no tag
      const line = text.slice(pos, lineEnd);
      if (!heading && !numbered && !startsWithTag && pieceText.trim() === "" && looksLikeUnmarkedHeading(line) && text.slice(lineEnd, body.end).trim() !== "") {
        flush();
        sawStructure = true;
        const title = trimSpan(text, { start: pos, end: lineEnd });
        blocks.push({ kind: "section", level: unmarkedLevel, marker: null, title, span: title });
        pos = lineEnd + 1;
        continue;
      }
      if (heading) {
        sawStructure = true;
        const rest = text.slice(heading.titleStart, lineEnd);
        let titleEnd = lineEnd;
        if (heading.level === 2 && numbering.name === "chinese-l2") {
          const stop = rest.search(/[。]/);
          if (stop !== -1 && stop <= 80) titleEnd = heading.titleStart + stop;
          else if (rest.length > 80) titleEnd = heading.titleStart; // no short title sentence: the text is all task
        }
        const title = trimSpan(text, { start: heading.titleStart, end: titleEnd });
        blocks.push({ kind: "section", level: heading.level, marker: heading.marker, title, span: { start: pos, end: titleEnd } });
        pos = titleEnd < lineEnd && text[titleEnd] === "。" ? titleEnd + 1 : titleEnd;
        atLineStart = false;
        continue;
      }
      if (numbered) {
        sawStructure = true;
        number = matchedNumber(numbered);
        pos += numbered[0].length;
      }
    }
    atLineStart = false;
    while (tagIndex < tags.length && tags[tagIndex].span.start < pos) tagIndex++;
    const tag = tagIndex < tags.length && tags[tagIndex].span.start < lineEnd ? tags[tagIndex] : null;
    if (tag) {
      if (tag.span.start > pos) {
        pieces.push({ start: pos, end: tag.span.start });
        pieceText += text.slice(pos, tag.span.start);
      }
      if (pieces.some((p) => trimSpan(text, p).end > trimSpan(text, p).start)) {
        sawStructure = true;
        flush();
        blocks.push(unitsBlock(text, tag.inner));
      } else blocks.push({ kind: "unplaced", span: tag.span, reason: "责任单位标注前没有任务文字" });
      pos = tag.span.end;
      tagIndex++;
      if (pos > lineEnd) {
        // the tag ran over a line break (a page break inside the parentheses)
        lineEnd = text.indexOf("\n", pos);
        if (lineEnd === -1 || lineEnd > body.end) lineEnd = body.end;
      }
      if (pos >= lineEnd) {
        pos = lineEnd + 1;
        atLineStart = true;
      }
      continue;
    }
    pieces.push({ start: pos, end: lineEnd });
    pieceText += text.slice(pos, lineEnd);
    pos = lineEnd + 1;
    atLineStart = true;
  }
  flush();
  return blocks;
}
