// A notice that issues several documents at once (现将《A》和《B》印发给你们 — the year's openness plan beside a
// government-services plan, an assessment scheme, a list of measures): the plan read is the openness one,
// from its title to where the next issued document begins; every other document is reported with its
// span, never parsed into tasks and never silently dropped.
import { escapeRegExp } from "../data.ts";
import { OPENNESS_WORDS, TITLE_WORDS } from "./meta.ts";
import type { Issue, Span } from "./types.ts";

const TITLE = "《([^《》\\n]{4,80})》";
const JOINED = `(?:${TITLE}(?:\\s*[(（][^()（）\\n]{0,30}[)）])?\\s*[、，,和及与以及\\s]*){2,}`;
/** 现将《A》《B》印发给你们 / 《A》和《B》已经县政府同意，现印发给你们. */
const ISSUING = new RegExp(`(?:现将|现印发|印发)\\s*(${JOINED})|(${JOINED})\\s*(?:已经|经)[^。]{0,20}同意`);
/** An attachment label printed before an issued document's title, on its line or the line above: 附件1 / 附件 2： */
const LABEL = String.raw`附\s*件\s*\d{0,2}\s*[:：]?\s*`;
const LABEL_BEFORE = new RegExp(`${LABEL}$`);
const LABEL_LINE = new RegExp(`^\\s*${LABEL}$`);

export interface IssuedDocument {
  title: string;
  /** Where the document begins (its attachment label or its title) and where its text ends. */
  span: Span;
  /** Where its title ends: the document's text follows. */
  titleEnd: number;
}

export interface IssuedChoice {
  /** The openness plan: the document read. */
  plan: IssuedDocument;
  /** The other documents the notice issues, in text order. */
  others: IssuedDocument[];
}

/**
 * The documents a notice issues, found where their titles stand in the text after the notice; null unless
 * it issues two or more, one of them an openness plan, and that plan's title is found.
 */
export function issuedDocuments(text: string, head: Span): IssuedChoice | null {
  const notice = ISSUING.exec(text.slice(head.start, head.end));
  if (!notice) return null;
  // the clause without its notes (以下简称《任务分工》): the titles it joins
  const clause = (notice[1] ?? notice[3] ?? "").replace(/[(（][^()（）\n]{0,30}[)）]/g, "");
  const titles = [...new Set([...clause.matchAll(new RegExp(TITLE, "g"))].map((m) => m[1].trim()))];
  if (titles.length < 2) return null;
  const after = head.start + notice.index + notice[0].length;
  const found: IssuedDocument[] = [];
  for (const title of titles) {
    const at = titleAt(text, title, after);
    if (at) found.push({ title, span: { start: labelStart(text, at.start), end: text.length }, titleEnd: at.end });
  }
  found.sort((a, b) => a.span.start - b.span.start);
  found.forEach((doc, i) => {
    if (i + 1 < found.length) doc.span.end = found[i + 1].span.start;
  });
  const openness = found.filter((d) => OPENNESS_WORDS.test(d.title));
  const plan = openness.find((d) => TITLE_WORDS.test(d.title)) ?? openness[0];
  if (!plan) return null;
  const missing = titles.filter((t) => !found.some((d) => d.title === t));
  const others = [...found.filter((d) => d !== plan), ...missing.map((title) => ({ title, span: { start: plan.span.end, end: plan.span.end }, titleEnd: plan.span.end }))];
  return { plan, others };
}

export function otherDocumentIssues(choice: IssuedChoice): Issue[] {
  return choice.others.map((doc) => ({
    severity: "info",
    code: "other-document",
    message:
      doc.span.end > doc.span.start
        ? `通知同时印发了《${doc.title}》，不是政务公开工作计划，其全文未作为任务读取`
        : `通知同时印发了《${doc.title}》，文中没有找到它的正文`,
    position: doc.span.end > doc.span.start ? doc.span : null,
  }));
}

/** The title standing as a title (not quoted inside a sentence) after `from`. */
function titleAt(text: string, title: string, from: number): Span | null {
  const pattern = new RegExp([...title.replace(/\s+/g, "")].map(escapeRegExp).join("\\s*"), "g");
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    const next = text[m.index + m[0].length] ?? "";
    if (before !== "《" && next !== "》") return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** An attachment label (附件2) on the title's line or on a line above it (blank lines between) belongs to the document. */
function labelStart(text: string, titleStart: number): number {
  const lineStart = text.lastIndexOf("\n", titleStart - 1) + 1;
  const sameLine = text.slice(lineStart, titleStart);
  if (LABEL_BEFORE.test(sameLine)) return lineStart + sameLine.search(LABEL_BEFORE);
  if (sameLine.trim() !== "") return titleStart;
  let end = lineStart - 1; // the newline ending the line above
  for (let up = 0; up < 3 && end > 0; up++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    if (LABEL_LINE.test(line)) return start;
    if (line.trim() !== "") break;
    end = start - 1;
  }
  return lineStart;
}
