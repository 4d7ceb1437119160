// Document metadata and the plan body's extent: the cover notice (issuing office, 文号, date line,
// addressees) comes before the plan's own title; 抄送/公开方式/印发 lines come after its last task.
import { escapeRegExp, vocabulary } from "../data.ts";
import { headerRole } from "./cells.ts";
import { resolveRegion } from "./gazetteer.ts";
import { cleanText, headingMarker, type Line } from "./text.ts";
import type { DocMeta, Issue, Span } from "./types.ts";

const VOCAB = "plan-vocabulary.tsv";
const TITLE_WORDS = new RegExp(vocabulary(VOCAB, "title").map(escapeRegExp).join("|"));
const DRAFT_WORDS = new RegExp(vocabulary(VOCAB, "draft").map(escapeRegExp).join("|"));
const BACK_START = vocabulary(VOCAB, "back");
const BACK_END = vocabulary(VOCAB, "back-end");
const DATE_LINE = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;
const DOC_NUMBER = /[\u4e00-\u9fff]{1,12}\s*[〔［\[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*\d{1,4}\s*号/;
const ISSUER = /^(.{2,40}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅))(?:文件)?$/;
const NOTICE_TITLE = /关于印发(.+?)的通知/;

function isStructural(text: string, line: Line): boolean {
  const t = line.text.replace(/^[\s\u2029]+/, "");
  if (t === "") return false;
  const at = line.start + (line.text.length - t.length);
  if (headingMarker(text, at, line.end)) return true;
  if (/^\d{1,3}\s*[.、．](?!\d)/.test(t) || /^([（(]\d{1,3}[)）]|[\u2460-\u2473])/.test(t)) return true;
  // a table header row: several column names (data/column-headers.tsv) on one line
  return t.split(/[\t|]/).filter((cell) => headerRole(cell.trim()) !== null).length >= 2;
}

function isTitleLine(s: string): boolean {
  const t = s.trim();
  return t.length >= 6 && t.length <= 80 && TITLE_WORDS.test(t) && !/通知$|《|^为|。/.test(t) && /年|要点|方案|清单/.test(t);
}

export interface Located {
  body: Span;
  titleLine: Line | null;
  frontLines: Line[];
}

export function locateBody(text: string, lines: Line[]): Located {
  let first = lines.findIndex((l) => isStructural(text, l));
  if (first === -1) first = lines.length;
  let titleIdx = -1;
  for (let i = first - 1; i >= 0; i--) {
    if (isTitleLine(lines[i].text)) {
      titleIdx = i;
      break;
    }
  }
  let startIdx = titleIdx + 1;
  // a draft marker, a 文号 or a date directly under the title belongs to the title block
  while (startIdx < lines.length && (lines[startIdx].text.trim() === "" || /^[（(【\[]?\s*(征求意见稿|送审稿|讨论稿)\s*[）)】\]]?$/.test(lines[startIdx].text.trim()) || DATE_LINE.test(lines[startIdx].text))) startIdx++;
  const start = startIdx < lines.length ? lines[startIdx].start : text.length;
  let end = text.length;
  for (let i = Math.max(startIdx, first); i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (BACK_START.some((w) => t.startsWith(w)) || (BACK_END.some((w) => t.endsWith(w)) && /\d{4}\s*年/.test(t) && t.length <= 30)) {
      end = lines[i].start;
      break;
    }
  }
  return { body: { start, end: Math.max(start, end) }, titleLine: titleIdx >= 0 ? lines[titleIdx] : null, frontLines: lines.slice(0, Math.max(0, startIdx)) };
}

export function extractMeta(text: string, lines: Line[], located: Located, issues: Issue[]): DocMeta {
  const front = located.frontLines.map((l) => l.text.trim()).filter((t) => t !== "");
  let title = located.titleLine ? cleanText(located.titleLine.text) : null;
  if (!title) {
    const notice = front.map((t) => NOTICE_TITLE.exec(t.replace(/\s+/g, ""))).find((m) => m);
    if (notice) title = notice[1].replace(/[《》]/g, "");
  }
  const head = text.slice(0, Math.min(text.length, (located.titleLine?.end ?? 0) + 200));
  const status = DRAFT_WORDS.test(head) ? "draft" : "final";

  const docNumberLine = front.find((t) => DOC_NUMBER.test(t) && t.replace(DOC_NUMBER, "").trim() === "");
  const docMatch = docNumberLine ? DOC_NUMBER.exec(docNumberLine) : null;
  const docNumber = docMatch ? docMatch[0].replace(/\s+/g, "") : null;

  const dateIdx = front.findIndex((t) => DATE_LINE.test(t));
  let issueDate: string | null = null;
  if (dateIdx !== -1) {
    const m = DATE_LINE.exec(front[dateIdx])!;
    issueDate = isoDate(+m[1], +m[2], +m[3]);
  }
  // the issuer signs above the date line; else the letterhead
  let issuer: string | null = null;
  if (dateIdx > 0 && ISSUER.test(front[dateIdx - 1])) issuer = ISSUER.exec(front[dateIdx - 1])![1];
  else {
    const letterhead = front.slice(0, 4).find((t) => ISSUER.test(t.replace(/\s+/g, "")));
    if (letterhead) issuer = ISSUER.exec(letterhead.replace(/\s+/g, ""))![1];
  }

  const yearOf = (s: string | null) => {
    const m = s ? /(20\d{2}|19\d{2})\s*年/.exec(s) : null;
    return m ? +m[1] : null;
  };
  const year = yearOf(title) ?? (docMatch ? +docMatch[1] : null) ?? (issueDate ? +issueDate.slice(0, 4) : null);

  const letterhead = front.slice(0, 4).join(" ");
  const { region, ambiguous } = resolveRegion([title ?? "", issuer ?? "", letterhead, docNumber ?? ""], text);
  if (!region) {
    issues.push(
      ambiguous
        ? { severity: "warning", code: "ambiguous-region", message: `地区名称可能指 ${ambiguous.join("、")}，文中没有说明是哪一个`, position: located.titleLine }
        : { severity: "warning", code: "region-not-found", message: `标题和发文机关中找不到 GB/T 2260 行政区划名称（标题：${title ?? "无"}）`, position: located.titleLine },
    );
  }
  if (year === null) issues.push({ severity: "warning", code: "year-not-found", message: "标题、文号和成文日期中都找不到年份", position: located.titleLine });

  return {
    title,
    region: region?.region ?? null,
    regionCode: region?.regionCode ?? null,
    parentCity: region?.parentCity ?? null,
    province: region?.province ?? null,
    level: region?.level ?? null,
    year,
    issuer,
    docNumber,
    issueDate,
    status,
    body: located.body,
  };
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
