// Layout "prose-tags": running prose in which each task ends with its responsible units in
// parentheses — 「…集中展示建设成果。（县发改局牵头负责）」 — under 一、 and （一） headings whose first
// sentence is the heading's title. National and provincial plans (（XX部牵头）) are written this way too.
import type { Block } from "../assemble.ts";
import { looksLikeUnmarkedHeading } from "../cells.ts";
import { CHINESE_L2, chineseNumber, endsSentence, headingMarker, matchedNumber, trimSpan, type Line, type Numbering } from "../text.ts";
import type { Span } from "../types.ts";
import { findUnitTags, tagBlocks } from "../tags.ts";

/** 「一是落实…。」「二是…」 at a paragraph's start: the plan's own numbering of its tasks. */
const ENUMERATED = /^([一二三四五六七八九十]{1,3})是(?=[\u4e00-\u9fff“《])/;

export function parseProseTags(text: string, body: Span, lines: Line[], numbering: Numbering = CHINESE_L2): Block[] {
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
  const unmarkedLevel: 1 | 2 = lines.some((l) => /^\s*[一二三四五六七八九十]{1,3}[、.．]/.test(l.text)) ? 2 : 1;

  let resume = body.start; // where a tag that ran over a line break ended
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    let lineEnd = line.end;
    let pos = Math.max(line.start, resume);
    if (pos >= lineEnd) continue;
    if (pos === line.start) {
      while (pos < lineEnd && /[\s\u2029]/.test(text[pos])) pos++;
      if (pos >= lineEnd) continue;
      const startsWithTag = tagIndex < tags.length && tags[tagIndex].span.start === pos;
      const heading = headingMarker(text, pos, lineEnd, numbering);
      const found = numbering.task.exec(text.slice(pos, Math.min(lineEnd, pos + 10)));
      const numbered = found && /[.、．（(）)\u2460-\u2473]/.test(found[0]) ? found : null;
      const enumerated = heading || numbered ? null : ENUMERATED.exec(text.slice(pos, Math.min(lineEnd, pos + 6)));
      if (heading || numbered || enumerated) flush();
      else if (!startsWithTag && pieceText !== "" && endsSentence(pieceText)) flush(); // a paragraph that ended with no tag
      const rest = text.slice(pos, lineEnd);
      if (!heading && !numbered && !enumerated && !startsWithTag && pieceText.trim() === "" && looksLikeUnmarkedHeading(rest) && text.slice(lineEnd, body.end).trim() !== "") {
        flush();
        sawStructure = true;
        const title = trimSpan(text, { start: pos, end: lineEnd });
        blocks.push({ kind: "section", level: unmarkedLevel, marker: null, title, span: title });
        continue;
      }
      if (heading) {
        sawStructure = true;
        const after = text.slice(heading.titleStart, lineEnd);
        let titleEnd = lineEnd;
        // a heading sentence followed by the text of its paragraph (（一）…。增强…, or a 一、 item that is a task)
        if ((heading.level === 2 && numbering.name === "chinese-l2") || (heading.level === 1 && after.length > 80 && after.search(/[。]/) !== -1 && after.search(/[。]/) <= 60)) {
          const stop = after.search(/[。]/);
          if (stop !== -1 && stop <= 80) titleEnd = heading.titleStart + stop;
          else if (after.length > 80) titleEnd = heading.titleStart; // no short title sentence: the text is all task
        }
        const title = trimSpan(text, { start: heading.titleStart, end: titleEnd });
        blocks.push({ kind: "section", level: heading.level, marker: heading.marker, title, span: { start: pos, end: titleEnd } });
        pos = titleEnd < lineEnd && text[titleEnd] === "。" ? titleEnd + 1 : titleEnd;
      } else if (numbered) {
        sawStructure = true;
        number = matchedNumber(numbered);
        pos += numbered[0].length;
      } else if (enumerated) {
        sawStructure = true;
        number = chineseNumber(enumerated[1]);
        pos += enumerated[0].length;
      }
    }
    while (pos < lineEnd) {
      while (tagIndex < tags.length && tags[tagIndex].span.start < pos) tagIndex++;
      const tag = tagIndex < tags.length && tags[tagIndex].span.start < lineEnd ? tags[tagIndex] : null;
      if (!tag) {
        pieces.push({ start: pos, end: lineEnd });
        pieceText += text.slice(pos, lineEnd);
        pos = lineEnd;
        break;
      }
      if (tag.span.start > pos) {
        pieces.push({ start: pos, end: tag.span.start });
        pieceText += text.slice(pos, tag.span.start);
      }
      if (pieces.some((p) => trimSpan(text, p).end > trimSpan(text, p).start)) {
        sawStructure = true;
        flush();
        blocks.push(...tagBlocks(text, tag));
        if (tag.unclosed) blocks.push({ kind: "note", code: "unclosed-tag", message: `责任单位标注「${text.slice(tag.span.start, tag.span.end).slice(0, 40)}」缺少右括号，已按行尾结束`, span: tag.span });
      } else if (tag.follows) blocks.push(...tagBlocks(text, tag)); // the task's units or deadline go on
      else blocks.push({ kind: "unplaced", span: tag.span, reason: "责任单位标注前没有任务文字" });
      pos = tag.span.end;
      tagIndex++;
      if (pos > lineEnd) {
        // the tag ran over a line break (a page break inside the parentheses): go on after it
        resume = pos;
        while (li + 1 < lines.length && lines[li + 1].end <= pos) li++;
        if (li + 1 < lines.length && lines[li + 1].start < pos) {
          li++;
          lineEnd = lines[li].end;
        }
      }
    }
  }
  flush();
  return blocks;
}
