// loaders/parse — normalised text → the Plan tree. One detector chooses the layout; each layout parser
// turns the body into blocks; one assembler builds the tree from blocks for every layout.
import { assemble, type Block } from "./assemble.ts";
import { parseCellLines, spaceSeparatedCells } from "./layouts/cell-lines.ts";
import { headerRole, isPageNav } from "./cells.ts";
import { parseProseTags } from "./layouts/prose-tags.ts";
import { findUnitTags } from "./tags.ts";
import { headerRow, parseTableRows, tableSeparator } from "./layouts/table-rows.ts";
import { extractMeta, locateBody, OPENNESS_WORDS } from "./meta.ts";
import { issuedDocuments, otherDocumentIssues } from "./issued.ts";
import { cleanText, detectNumbering, endsSentence, headingMarker, type Line } from "./text.ts";
import { logicalLines } from "./lexer.ts";
import type { Issue, Layout, PlanDocument, Section, Span, Task } from "./types.ts";

export type * from "./types.ts";
export { resolveRegion, countiesNamed, allCounties } from "./gazetteer.ts";


export function detectLayout(text: string, lines: Line[], body: Span): Layout {
  let headers = 0;
  let rows = 0;
  let tabCells = 0;
  let chars = 0;
  let nonEmpty = 0;
  let headerCells = 0;
  for (const line of lines) {
    // (a site's menu or buttons printed as text, 网站首页 政务公开 / 打印本页, say nothing of the layout)
    const bare = line.text.trim();
    if (bare === "" || (bare.length <= 40 && isPageNav(bare))) continue;
    nonEmpty++;
    chars += line.text.length;
    const sep = tableSeparator(line);
    if (headerRow(text, line, sep)) headers++;
    else if (line.text.split(sep).filter((c) => c.trim() !== "").length >= 2) rows++;
    if (/^\t[^\t]*\S[^\t]*$/.test(line.text)) tabCells++;
    if (headerRole(line.text.replace(/[\s|｜]/g, "")) !== null) headerCells++;
  }
  if (headers >= 1 && rows >= 2) return "table-rows";
  if (tabCells >= 3) return "cell-lines";
  if (nonEmpty === 0) return "none";
  const tags = findUnitTags(text, body.start, body.end, 2).length; // two are as many as the choice needs
  // one tag is enough where no column header says the lines are table cells (a page cut after its first tag)
  if (tags >= 2 || chars / nonEmpty > 60 || (tags === 1 && headerCells === 0)) return "prose-tags";
  return "cell-lines";
}

export function parsePlan(text: string): PlanDocument {
  const lines = logicalLines(text);
  let located = locateBody(text, lines);
  const issues: Issue[] = [];
  // a notice issuing several documents: the openness plan is read, the others reported
  const issued = issuedDocuments(text, { start: 0, end: located.firstStructural });
  if (issued) {
    const { span, titleEnd } = issued.plan;
    const own = locateBody(text, lines.filter((l) => l.start >= span.start && l.end <= span.end));
    const start = own.titleLine ? own.body.start : titleEnd;
    located = { ...located, body: { start, end: Math.max(start, Math.min(own.body.end, span.end)) }, titleLine: own.titleLine ?? located.titleLine };
    issues.push(...otherDocumentIssues(issued));
  }
  if (located.notice) {
    const items = cleanText(text.slice(located.notice.start, located.notice.end));
    issues.push({ severity: "info", code: "notice-requirements", message: `印发通知自身提出的工作要求，不是方案的任务，未计为任务：「${items.slice(0, 40)}」`, position: located.notice });
  }
  const meta = extractMeta(text, lines, located, issues);
  const { body } = located;
  const bodyLines = lines.filter((l) => l.start >= body.start && l.end <= body.end);
  // a table flattened with spaces between its cells is read one cell per line
  const spaced = spaceSeparatedCells(bodyLines);
  const layout = spaced ? "cell-lines" : detectLayout(text, bodyLines, body);
  const numbering = detectNumbering(bodyLines.flatMap((l) => l.text.split("\t").map((c) => ({ text: c }))));
  let blocks: Block[] = [];
  if (layout === "table-rows") blocks = parseTableRows(text, bodyLines, numbering);
  else if (layout === "cell-lines") blocks = parseCellLines(text, spaced ?? bodyLines, numbering);
  else if (layout === "prose-tags") blocks = parseProseTags(text, body, bodyLines, numbering);
  const { children, issues: treeIssues } = assemble(text, blocks);
  issues.push(...treeIssues);

  let tasks = countTasks(children);
  if (!OPENNESS_WORDS.test(text)) {
    // whatever its numbered lists, a text that never mentions openness is not a plan: one clear message
    children.length = 0;
    tasks = 0;
    issues.length = 0;
    issues.push({ severity: "error", code: "not-a-plan", message: "这不是政务公开工作计划：全文没有“政务公开/信息公开”字样", position: null });
  } else if (tasks === 0 && (located.notice || located.noticeAlone)) {
    // the page holds the issuing notice (and its own requirements), and ends before the plan's first task
    const notice = (located.notice ?? located.noticeAlone)!;
    issues.length = 0;
    issues.push({ severity: "error", code: "notice-only", message: `只有印发通知：${located.notice ? "通知自身的工作要求不是方案的任务，" : ""}文件中没有方案的任务（可能只保存了网页的开头）`, position: { start: notice.start, end: Math.max(notice.end, body.end) } });
  } else if (tasks === 0) {
    issues.length = 0;
    issues.push({ severity: "error", code: "unknown-layout", message: `没有识别出任何任务：版式无法识别（检测结果：${layout}）`, position: body });
  }
  if (tasks > 0) {
    const truncated = truncation(text, children, body);
    if (truncated) issues.push(truncated);
    const trailing = trailingContent(text, lines, body, issued?.others.map((d) => d.span) ?? []);
    if (trailing) issues.push(trailing);
  }
  issues.sort((a, b) => (a.position?.start ?? -1) - (b.position?.start ?? -1));
  return { type: "document", meta, layout: tasks === 0 ? "none" : layout, children, issues, position: { start: 0, end: text.length } };
}

/**
 * Text after the plan's end (抄送 / 印发 / 附件 lines) that is itself structured — headings and numbered items
 * of another document pasted after the plan — is not read: it is reported with its span, never dropped in
 * silence. Documents the notice issues are reported by issued.ts and not again here.
 */
function trailingContent(text: string, lines: Line[], body: Span, reported: Span[]): Issue | null {
  const tail = lines.filter((l) => l.start >= body.end && !reported.some((r) => l.start >= r.start && l.start < r.end));
  const structured = tail.filter((l) => {
    const at = l.start + (l.text.length - l.text.trimStart().length);
    return headingMarker(text, at, l.end) !== null;
  });
  if (structured.length < 2) return null;
  const start = structured[0].start;
  const chars = tail.filter((l) => l.start >= start).reduce((n, l) => n + (l.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0), 0);
  if (chars < 40) return null;
  const first = text.slice(start, structured[0].end).trim().slice(0, 30);
  return { severity: "warning", code: "trailing-content", message: `正文结束（抄送、印发或附件行）之后还有 ${chars} 字有标题编号的内容（自「${first}」起），未作为任务读取，请核对是否另一份文件`, position: { start, end: text.length } };
}

/**
 * A plan cut off before its end (a truncated download): no closing lines, and the text stops inside the
 * last task — mid-sentence — or inside the unit cell after it (ending on 、 or ，).
 */
function truncation(text: string, children: (Section | Task)[], body: Span): Issue | null {
  if (body.end < text.length) return null; // 抄送 / 印发 lines follow: the file is complete
  const flat = tasksOf({ children });
  const last = flat[flat.length - 1].task;
  const tail = text.slice(last.position.end, body.end).trim();
  const cut = (tail === "" && !endsSentence(last.text)) || /[、，,（(]$/.test(tail);
  if (!cut) return null;
  const where = last.number !== null ? `第 ${last.number} 项任务` : "最后一项任务";
  return { severity: "warning", code: "truncated", message: `文件在${where}中间结束，可能下载或转换不完整：已解析的 ${flat.length} 项任务保留`, position: { start: last.position.start, end: body.end } };
}

export function countTasks(nodes: (Section | Task)[]): number {
  let n = 0;
  for (const node of nodes) n += node.type === "task" ? 1 : countTasks(node.children);
  return n;
}

/** Tasks in document order, each with the sections it sits in. */
export function tasksOf(doc: { children: (Section | Task)[] }): { task: Task; path: Section[] }[] {
  const out: { task: Task; path: Section[] }[] = [];
  const walk = (nodes: (Section | Task)[], path: Section[]) => {
    for (const n of nodes) n.type === "task" ? out.push({ task: n, path }) : walk(n.children, [...path, n]);
  };
  walk(doc.children, []);
  return out;
}

export function sectionsOf(doc: { children: (Section | Task)[] }): { section: Section; parent: Section | null }[] {
  const out: { section: Section; parent: Section | null }[] = [];
  const walk = (nodes: (Section | Task)[], parent: Section | null) => {
    for (const n of nodes) if (n.type === "section") {
      out.push({ section: n, parent });
      walk(n.children, n);
    }
  };
  walk(doc.children, null);
  return out;
}
