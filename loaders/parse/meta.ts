// Document metadata and the plan body's extent: the cover notice (issuing office, 文号, date line,
// addressees) comes before the plan's own title; 抄送/公开方式/印发 lines come after its last task.
import { escapeRegExp, vocabulary } from "../data.ts";
import { headerRole } from "./cells.ts";
import { cityOpeningZone, countyOfBranch, isZoneOf, prefectureByCitedPlans, provinceByDocNumbers, resolveRegion } from "./gazetteer.ts";
import { chineseNumber, cleanText, headingMarker, startsLikeTask, type Line } from "./text.ts";
import type { DocMeta, Issue, Span } from "./types.ts";

const VOCAB = "plan-vocabulary.tsv";
/** A line naming a plan contains one of these (data/plan-vocabulary.tsv, title). */
export const TITLE_WORDS = new RegExp(vocabulary(VOCAB, "title").map(escapeRegExp).join("|"));
/** A text about openness contains one of these (data/plan-vocabulary.tsv, not-plan). */
export const OPENNESS_WORDS = new RegExp(vocabulary(VOCAB, "not-plan").map(escapeRegExp).join("|"));
const DRAFT_WORDS = new RegExp(vocabulary(VOCAB, "draft").map(escapeRegExp).join("|"));
const BACK_CHROME = vocabulary(VOCAB, "back-chrome");
const BACK_LINES = vocabulary(VOCAB, "back");
const BACK_START = [...BACK_LINES, ...BACK_CHROME];
const BACK_END = vocabulary(VOCAB, "back-end");
const DATE_LINE = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;

function isStructural(text: string, line: Line): boolean {
  const t = line.text.replace(/^[\s\u2029]+/, "");
  if (t === "") return false;
  if (isChrome(t)) return false;
  const at = line.start + (line.text.length - t.length);
  if (headingMarker(text, at, line.end)) return true;
  if (startsLikeTask(t)) return true;
  // a table header row: several column names (data/column-headers.tsv) on one line, between tabs, bars
  // or (a table flattened by a reposting site) spaces: 「目标 序号 任务 有关要求 责任单位」
  return t.split(/[\t|]|[ \u3000]+/).filter((cell) => headerRole(cell.trim()) !== null).length >= 2;
}

function isTitleLine(s: string): boolean {
  const t = s.trim();
  return t.length >= 6 && t.length <= 80 && TITLE_WORDS.test(t) && !/通知$|《|^为|。/.test(t) && /年|要点|方案|清单/.test(t);
}

export interface Located {
  body: Span;
  /** The issuing notice's own requirements (「现将《X》印发给你们，并提出如下要求：一、…」), not the plan's tasks; null when it sets none. */
  notice: Span | null;
  /** A signed issuing notice with nothing after it that could be the plan (a site's menu and footer aside); else null. */
  noticeAlone: Span | null;
  /** Where the first heading, task or table header starts (the end of the head: notice, chrome, title). */
  firstStructural: number;
  titleLine: Line | null;
}

export function locateBody(text: string, lines: Line[], notices = true): Located {
  let first = lines.findIndex((l) => isStructural(text, l));
  if (first === -1) first = lines.length;
  let titleIdx = -1;
  for (let i = first - 1; i >= 0; i--) {
    if (isTitleLine(lines[i].text)) {
      titleIdx = i;
      break;
    }
  }
  // a title printed on two lines: 「2021年吉林市政务公开」「工作要点及重点任务分工」
  let titleLine: Line | null = titleIdx >= 0 ? lines[titleIdx] : null;
  if (titleLine) {
    let prev = titleIdx - 1;
    while (prev >= 0 && lines[prev].text.trim() === "") prev--;
    if (prev >= 0 && isTitleStart(lines[prev].text, titleLine.text)) titleLine = { ...titleLine, start: lines[prev].start, text: text.slice(lines[prev].start, titleLine.end) };
  }
  const notice = notices ? noticeRequirements(text, lines, first, titleIdx) : null;
  if (notice && lines.slice(notice.from, notice.planAt).some((l) => l.text.trim() !== "")) {
    // the plan begins after the notice's items: at its title (then its body starts below it) or below the
    // signature's date line; a page that ends first holds the notice alone
    const start = notice.planAt < lines.length ? lines[notice.planAt].start : text.length;
    const span = { start: lines[notice.from].start, end: start };
    const firstStructural = Math.min(span.start, first < lines.length ? lines[first].start : text.length);
    if (notice.planAt >= lines.length) return { body: { start: text.length, end: text.length }, notice: span, noticeAlone: null, firstStructural, titleLine };
    const own = locateBody(text, lines.slice(notice.planAt), false);
    return { body: own.body, notice: span, noticeAlone: null, firstStructural, titleLine: own.titleLine ?? titleLine };
  }
  let startIdx = titleIdx + 1;
  // a draft marker, a 文号 or a date directly under the title belongs to the title block
  while (startIdx < lines.length && (lines[startIdx].text.trim() === "" || /^[（(【\[]?\s*(征求意见稿|送审稿|讨论稿)\s*[）)】\]]?$/.test(lines[startIdx].text.trim()) || DATE_LINE.test(lines[startIdx].text))) startIdx++;
  let start = startIdx < lines.length ? lines[startIdx].start : text.length;
  let end = text.length;
  // after the first heading, task or table header: back matter (抄送：, 附件：) and page chrome (打印本页);
  // in a text with none of those (a table dumped one cell per line), page chrome only, from the start
  const from = first < lines.length ? Math.max(startIdx, first) : startIdx;
  const ends = first < lines.length ? BACK_START : BACK_CHROME;
  for (let i = from; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (ends.some((w) => t.startsWith(w)) || (first < lines.length && BACK_END.some((w) => t.endsWith(w)) && /\d{4}\s*年/.test(t) && t.length <= 30)) {
      end = lines[i].start;
      break;
    }
  }
  const firstStructural = first < lines.length ? lines[first].start : text.length;
  // no heading, numbered item or table header anywhere: a signed issuing notice with nothing after its
  // signature but a site's menu (「各区政府」「国家部委」「新闻媒体」) and footer holds the notice alone
  const alone = notices && first === lines.length ? noticeAloneEnd(text, lines, end) : -1;
  if (alone !== -1) {
    start = alone < lines.length ? Math.min(lines[alone].start, end) : text.length;
    return { body: { start, end: start }, notice: null, noticeAlone: { start: lines[0].start, end: start }, firstStructural, titleLine };
  }
  return { body: { start, end: Math.max(start, end) }, notice: null, noticeAlone: null, firstStructural, titleLine };
}

const wholeArea = (...kinds: string[]) => new RegExp(`(?:${kinds.flatMap((k) => vocabulary(VOCAB, k)).map(escapeRegExp).join("|")})(?!域|内)`);
/** How a plan names the whole of its own area (data/plan-vocabulary.tsv, whole-*). */
const WHOLE_PROVINCE = wholeArea("whole-province");
const WHOLE_PREFECTURE = wholeArea("whole-prefecture");
const WHOLE_COUNTY = wholeArea("whole-county");
const WHOLE_DISTRICT = wholeArea("whole-district");
/** An opening sentence that names the plan's year (data/plan-vocabulary.tsv, year-lead): 「2023年上海市医疗保障局政务公开工作的总体要求是」. */
const YEAR_LEAD = new RegExp(`(?:^|[。；;！\\n\\s])(20[0-3]\\d)\\s*年(?!以来|来|以前|前)[^。，,；;《》\\d]{0,30}?(?:${vocabulary(VOCAB, "year-lead").map(escapeRegExp).join("|")})`);
/** How a county's cover notice speaks of its own government (data/plan-vocabulary.tsv, own-county): 经县政府同意, 我县. */
const OWN_COUNTY = new RegExp(vocabulary(VOCAB, "own-county").map(escapeRegExp).join("|"));
/** A township's own name (data/plan-vocabulary.tsv, township): its 我县 speaks of the county above it. */
const TOWNSHIP = new RegExp(vocabulary(VOCAB, "township").map(escapeRegExp).join("|"));
const WHOLE_BELOW_PROVINCE = wholeArea("whole-prefecture", "whole-county", "whole-district");

/** The words of a notice that issues a plan (data/plan-vocabulary.tsv, notice-issues; not 通知如下, a notice that is the plan). */
const ISSUING = new RegExp(vocabulary(VOCAB, "notice-issues").map(escapeRegExp).join("|"));
/**
 * A site's menu items are no longer than this (the menus under 厦门 2021 and 东莞 2017 run to 5 characters:
 * 各区政府, 新闻发布会); a task cell is longer (「公开政府工作报告」), and a deadline cell holds digits.
 */
const MENU_ITEM = /^[^\d]{1,6}$/;

/**
 * Where a signed issuing notice ends and whether the page holds it alone: the issuing sentence
 * (「…现将《X》印发给你们…」), then only sentences of the notice, the office and the date (a publication note such
 * as 「(此件主动公开)」 below it), then nothing but a site's menu items up to `end` (its footer).
 */
function noticeAloneEnd(text: string, lines: Line[], end: number): number {
  const issuing = ISSUING.exec(text);
  if (!issuing) return -1;
  const from = lines.findIndex((l) => l.end > issuing.index);
  for (let i = from + 1; from >= 0 && i < lines.length && lines[i].start < end; i++) {
    const t = lines[i].text.trim();
    if (signsDate(lines, i)) {
      let after = i + 1;
      while (after < lines.length && lines[after].text.replace(NOTE_IN_BRACKETS, "").trim() === "") after++;
      const rest = lines.slice(after).filter((l) => l.start < end && l.text.trim() !== "");
      return rest.every((l) => MENU_ITEM.test(l.text.trim())) ? after : -1;
    }
    // the notice's own sentences, its attachment line and its office only: a table dumped above the signature is the plan
    if (t !== "" && !/[。！：:]$/.test(t) && !signedBy(t) && !BACK_LINES.some((w) => t.startsWith(w)) && !/^附件\s*\d{0,2}\s*[:：]/.test(t)) return -1;
  }
  return -1;
}

const NOTICE_ASKS = new RegExp(`(?:${vocabulary(VOCAB, "notice-issues").map(escapeRegExp).join("|")})[^。]{0,40}?(?:${vocabulary(VOCAB, "notice-asks").map(escapeRegExp).join("|")})`, "g");

/**
 * A notice that issues the plan and then sets requirements of its own (「现将《X》印发给你们，并提出如下工作要求：
 * 一、提高政治站位…二、强化工作落实…」): its items are the notice's, not the plan's tasks. They run to the
 * plan (planAt: the line it starts at, or lines.length when the page ends first): its title, the line
 * below the signature's date, or a level-1 heading that starts the numbering again (一、 after the notice's
 * own 一、二、). Only where the asking sentence stands after the last title line above the first item: a
 * plan whose title follows the notice starts there as usual.
 */
function noticeRequirements(text: string, lines: Line[], first: number, titleIdx: number): { from: number; planAt: number } | null {
  if (lines.length === 0) return null;
  const from = titleIdx >= 0 ? lines[titleIdx].end : lines[0].start;
  const to = first < lines.length ? lines[first].start : text.length;
  let end = -1;
  for (const m of text.slice(from, to).matchAll(NOTICE_ASKS)) end = from + m.index + m[0].length;
  if (end === -1) return null;
  const asks = lines.findIndex((l) => l.end >= end);
  let ownFirst = false; // the notice's own 一、 seen
  for (let i = asks + 1; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text.trim();
    const at = line.start + (line.text.length - line.text.trimStart().length);
    const marker = headingMarker(text, at, line.end);
    if (marker?.level === 1 && marker.value === 1) {
      if (ownFirst) return { from: asks + 1, planAt: i };
      ownFirst = true;
    }
    if (marker || startsLikeTask(t)) continue; // an item of the notice, whatever it says
    if (isTitleLine(t)) return { from: asks + 1, planAt: i };
    if (signsDate(lines, i)) return { from: asks + 1, planAt: i + 1 };
  }
  return { from: asks + 1, planAt: lines.length };
}

/** Line i is the signature's date: a date line (a note in brackets aside) under the issuing office or a closing sentence, or the office and the date on one line. */
function signsDate(lines: Line[], i: number): boolean {
  const t = lines[i].text.trim().replace(NOTE_IN_BRACKETS, "").trim();
  if (SIGNED_DATE.test(t.replace(/\s+/g, "")) && t.length <= 40) return true;
  if (!DATE_LINE.test(t) && !CN_DATE.test(t)) return false;
  let prev = i - 1;
  while (prev >= 0 && lines[prev].text.trim() === "") prev--;
  if (prev < 0) return false;
  const above = lines[prev].text.trim();
  return signedBy(above) || /[。！]$/.test(above);
}

/** The first line of a title cut in two: short, no sentence, and the two read as one title only together. */
function isTitleStart(prev: string, title: string): boolean {
  const p = prev.trim();
  return p.length >= 2 && p.length <= 30 && !/[。，,：:；;！？()（）《》]/.test(p) && !DATE_LINE.test(p) && !/通知$|号$/.test(p) && !/\d{4}\s*年/.test(title) && /\d{4}\s*年/.test(p);
}

/** Quoted titles and the 文号 in brackets after them are citations of other documents, never this plan's own. */
const CITATION = /《[^《》\n]{0,120}》\s*(?:[(（][^()（）\n]{0,40}[)）])?/g;
const DOC_NUMBER_ANY = /[\u4e00-\u9fff]{1,12}\s*[〔［\[【(（﹝{]\s*(\d{4})\s*[〕］\]】)）﹞}]\s*\d{1,4}\s*号/g;
/** A 文号 whose brackets were lost (泉鲤政办201783号): prefix ending in 发/函/字/办, year, number. */
const DOC_NUMBER_BARE = /([\u4e00-\u9fff]{1,10}(?:发|函|字|办|文|电))\s*(20[0-3]\d)\s*(\d{1,4})\s*号/;
const DOC_NUMBER_CUT = /^([\u4e00-\u9fff]{2,10}(?:发|函|字|办|组|文|电))\s*[〔［\[【(（﹝]\s*(20[0-3]\d)\s*(\d{1,4})\s*$/;
const words = (kind: string) => vocabulary(VOCAB, kind).sort((a, b) => b.length - a.length).map((w) => [...w].map(escapeRegExp).join("\\s*")).join("|");
/** A page's metadata row: a label from data/plan-vocabulary.tsv, a colon, the value (in the next cell of a | row). */
/** Every kind of metadata-row label in data/plan-vocabulary.tsv. */
const META_KINDS = ["meta-doc-number", "meta-date", "meta-issuer", "meta-title", "meta-other"];
const label = (kind: string) => `(?:(?:${words(kind)})\\s*[:：]|[\\[【]\\s*(?:${words(kind)})\\s*[\\]】]\\s*[:：]?)`;
const metadataRow = (kind: string, value: string) => new RegExp(`(?:^|[|/\\s])\\s*${label(kind)}[\\s|]*${value}`);
/** Any metadata row's label at a line's start, after an optional list number: 「1. [索引号]…」「发布日期：…」. */
const CHROME_ROW = new RegExp(`^(?:\\d{1,2}\\s*[.、．]\\s*)?(?:${META_KINDS.map(label).join("|")})`);

/** A line of page chrome that a list number makes look like a task: a metadata row, or markup left as text. */
function isChrome(t: string): boolean {
  return CHROME_ROW.test(t) || /^(?:\d{1,2}\s*[.、．]\s*)?(?:<|[\[【][^\]】\n]{2,8}[\]】])/.test(t);
}
const METADATA_DOC_NUMBER = metadataRow("meta-doc-number", "([^\\s:：|]{4,30})");
/** The written date (成文日期), never the publication date. */
const METADATA_DATE = metadataRow("meta-date", "(\\d{4})\\s*(?:年|-|\\/|\\.)\\s*(\\d{1,2})\\s*(?:月|-|\\/|\\.)\\s*(\\d{1,2})");
const METADATA_ISSUER = metadataRow("meta-issuer", "([^\\s|:：]{4,40})");
const METADATA_TITLE = metadataRow("meta-title", "([^|]{6,120})");
const CN_DATE = /^\s*([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日\s*$/;
const SIGNED_DATE = new RegExp(`(?:${words("issuer")})\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`);
const WEB_DATE = new RegExp(words("web-date"));
const ISSUER_LINE = new RegExp(`^(.{2,40}?(?:${words("issuer")}))(?:文件)?$`);
/** A line that signs the date below it: the issuing office's name alone, not a metadata row. */
const signedBy = (line: string) => ISSUER_LINE.test(line.replace(/\s+/g, "")) && !isChrome(line);
/** 「关于印发贯彻落实湖南省政府办公厅2022年…的通知」: the body whose plan is implemented is the level above, not the issuer. */
const IMPLEMENTED = new RegExp(`(${words("implements")})[^\\d《》，,。]{2,20}?(?:${words("issuer")})(?=\\d{4}\\s*年|关于)`, "g");
/** A metadata label alone on its line, its value on the next (生成日期： / 2017年05月26日). */
const METADATA_LABEL_ONLY = new RegExp(`^\\s*(?:${META_KINDS.map(words).join("|")})\\s*[:：]\\s*$`);
/** 「(此件公开发布) 2021年6月25日」: a note printed on the date line. */
const NOTE_IN_BRACKETS = /[(（][^()（）]{2,12}[)）]/g;
/** The notice names the plan it issues: 现将《X》印发给你们 / 《X》已经市政府同意 / 现印发《X》. */
const ISSUED_PLAN = /(?:现将|现印发|印发)《([^《》]{4,80})》|《([^《》]{4,80})》(?:[(（][^()（）]{0,20}[)）])?(?:已经|经)[^。，,]{0,20}同意/;
/** A year with its first digit lost to the encoding: 「贵州?017年」. */
const DAMAGED_YEAR = /[?？\uFFFD]0([0-3]\d)\s*年/;
const NOTICE_ANY = /关于(?:印发|转发|明确|做好|下达|进一步)?(.{2,80}?)的?\s*通\s*知/;

export function extractMeta(text: string, lines: Line[], located: Located, issues: Issue[]): DocMeta {
  // the head: everything before the plan's first heading or task (cover notice, page chrome, title)
  const headEnd = located.firstStructural;
  const head = lines.filter((l) => l.end <= headEnd).map((l) => ({ line: l, text: cleanLine(l.text) })).filter((h) => h.text !== "");
  const headLines = head.map((h) => h.text);
  const uncited = (t: string) => t.replace(CITATION, " ");
  let title = located.titleLine ? cleanText(located.titleLine.text) : null;
  const headJoined = headLines.join("");
  const notice = NOTICE_ANY.exec(uncited(headJoined).replace(/\s+/g, "")) ?? NOTICE_ANY.exec(headJoined.replace(/\s+/g, ""));
  const issued = ISSUED_PLAN.exec(headJoined.replace(/\s+/g, ""));
  const issuedTitle = issued ? (issued[1] ?? issued[2]) : null;
  const noticeTitle = notice ? notice[1].replace(/[《》]/g, "") : issuedTitle;
  if (!title && noticeTitle) title = noticeTitle;
  const status = DRAFT_WORDS.test(text.slice(0, Math.min(text.length, Math.max(located.titleLine?.end ?? 0, headEnd) + 200))) ? "draft" : "final";

  const docNumber = ownDocNumber(headLines);

  // the signature date: a date line under the issuing office first, else the first date line that is
  // neither page chrome (发布时间：…) nor the value of a metadata row (生成日期： / 2017年05月26日)
  const compact = (t: string) => t.replace(/\s+/g, "");
  const signs = (i: number) => i > 0 && signedBy(headLines[i - 1]);
  let issueDate: string | null = null;
  let dateIdx = -1;
  const dates: { i: number; date: string; repaired: boolean }[] = [];
  let unreadable: number | null = null;
  for (let i = 0; i < headLines.length; i++) {
    const t = headLines[i].replace(NOTE_IN_BRACKETS, "");
    if (WEB_DATE.test(t) || (i > 0 && METADATA_LABEL_ONLY.test(headLines[i - 1]))) continue;
    const date = dateOf(t);
    if (date) dates.push({ i, date, repaired: false });
    // the lost-glyph form only where a signature date stands: under the office, or after the notice's last sentence
    else if (signs(i) || (i > 0 && /。$/.test(headLines[i - 1]))) {
      const readings = lostGlyphReadings(t);
      if (readings.length === 1) dates.push({ i, date: readings[0], repaired: true });
      else if (readings.length > 1) unreadable ??= i;
    }
  }
  const chosen = dates.find((d) => signs(d.i)) ?? dates[0];
  if (chosen) {
    ({ date: issueDate, i: dateIdx } = chosen);
    if (chosen.repaired) issues.push({ severity: "warning", code: "date-repaired", message: `落款日期「${headLines[dateIdx]}」缺了年月日字样，按 ${issueDate} 读取`, position: head[dateIdx].line });
  } else if (unreadable !== null) {
    issues.push({ severity: "warning", code: "date-unreadable", message: `落款日期「${headLines[unreadable]}」缺了年月日字样，读法不唯一，未记录成文日期`, position: head[unreadable].line });
  }
  if (issueDate === null) {
    const m = SIGNED_DATE.exec(uncited(headJoined)) ?? METADATA_DATE.exec(headLines.join("\n"));
    if (m) issueDate = isoDate(+m[1], +m[2], +m[3]);
  }
  if (!title) {
    const m = headLines.map((t) => METADATA_TITLE.exec(t)).find((x) => x);
    if (m) title = cleanText(m[1]);
  }
  // the issuer signs above the date line; else the letterhead
  let issuer: string | null = null;
  if (dateIdx > 0 && ISSUER_LINE.test(compact(headLines[dateIdx - 1]))) issuer = ISSUER_LINE.exec(compact(headLines[dateIdx - 1]))![1];
  else {
    const letterhead = headLines.slice(0, 6).find((t) => !isChrome(t) && ISSUER_LINE.test(compact(t)));
    if (letterhead) issuer = ISSUER_LINE.exec(compact(letterhead))![1];
    else {
      const row = headLines.map((t) => METADATA_ISSUER.exec(t)).find((x) => x);
      if (row) issuer = row[1];
    }
  }

  const yearOf = (s: string | null) => {
    const m = s ? /(20[0-3]\d)\s*年/.exec(s) : null;
    return m ? +m[1] : null;
  };
  const docYear = docNumber ? /[〔](\d{4})[〕]/.exec(docNumber) : null;
  // (the year opens its sentence: 「到2025年…」「2020年以来…」 name no plan's year)
  const yearLead = () => {
    const lead = YEAR_LEAD.exec(uncited(headLines.join("\n")));
    return lead ? +lead[1] : null;
  };
  let year = yearOf(title) ?? yearOf(noticeTitle) ?? yearOf(issuedTitle) ?? (docYear ? +docYear[1] : null) ?? (issueDate ? +issueDate.slice(0, 4) : null) ?? yearLead();
  const damaged = year === null && title ? DAMAGED_YEAR.exec(title) : null;
  if (damaged) {
    year = 2000 + +damaged[1];
    issues.push({ severity: "warning", code: "year-repaired", message: `标题中的年份缺了一位数字（「${damaged[0]}」），按 ${year} 年读取`, position: located.titleLine });
  }

  const letterhead = uncited(headLines.slice(0, 6).join(" "));
  const addressees = headLines.find((t) => /^各.{2,120}[:：]$/.test(compact(t))) ?? "";
  const own = (t: string | null) => (t ? t.replace(IMPLEMENTED, "$1") : "");
  const resolved = resolveRegion(
    [own(title), own(noticeTitle), own(issuedTitle), issuer ?? "", own(letterhead), docNumber ?? "", uncited(addressees), title ?? "", noticeTitle ?? ""],
    text,
    uncited(addressees),
  );
  const { ambiguous } = resolved;
  // a province's plan that never names its province (「省人民政府办公厅关于印发2016年全省政务公开工作要点的通知」): its 文号 do
  // (its title, the notice's and the issuer say so; any of them naming a lower level's 全市 / 全县 or 市政府 vetoes it)
  const names = [title, noticeTitle, issuer].map((t) => (t ?? "").replace(/\s+/g, ""));
  const provincial = names.some((t) => WHOLE_PROVINCE.test(t) || /^省(?:人民)?政府/.test(t)) && !names.some((t) => WHOLE_BELOW_PROVINCE.test(t) || /^(?:市|县|区|州|旗|盟)(?:人民)?政府/.test(t));
  // (or a zone's plan naming its city by the short form only: 「成都高新区…」)
  const named = resolved.region ?? (!ambiguous && provincial ? provinceByDocNumbers(text) : null) ?? (ambiguous ? null : (names.map(cityOpeningZone).find((c) => c !== null) ?? null));
  // a zone of the city (深圳市大鹏新区, 重庆两江新区管委会): the city is its parent, the zone no division of its own
  const zone = named !== null && isZoneOf(named, names);
  if (zone) issues.push({ severity: "info", code: "zone-plan", message: `发文单位是${named.region}的功能区（开发区、新区等），不是 GB/T 2260 行政区划：地区记为空，上级城市记为${named.region}，层级按区县记`, position: located.titleLine });
  // a city bureau's branch in a county (保山市生态环境局昌宁分局): the county's plan
  const region = zone ? null : named ? (countyOfBranch(named, names) ?? named) : null;
  // a county's plan that never names its county (「2018年全县政务公开工作要点」): its level, and its prefecture by the
  // prefecture's plan it cites (全区 alone is also an autonomous region's word for itself)
  // (its own title and issuer: a notice title read from a citation names the level above)
  const ownNames = [title, issuer].map((t) => (t ?? "").replace(/\s+/g, ""));
  const belowPrefecture = !region && !ambiguous && !ownNames.some((t) => WHOLE_PROVINCE.test(t) || WHOLE_PREFECTURE.test(t));
  // (or its notice, in its own words: 「推进我县政务公开工作落实，经县政府同意」)
  // (a township's plan says 我县 of its county: 「某某镇…工作要点」 is none of the county's)
  const township = ownNames.some((t) => TOWNSHIP.test(t));
  const county = belowPrefecture && (ownNames.some((t) => WHOLE_COUNTY.test(t)) || (!township && OWN_COUNTY.test(uncited(headJoined).replace(/\s+/g, ""))));
  const above = county || (belowPrefecture && ownNames.some((t) => WHOLE_DISTRICT.test(t))) ? prefectureByCitedPlans(text) : null;
  const level = region?.level ?? (county || above || zone ? "county" : null);
  if (!region && !zone) {
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
    parentCity: region?.parentCity ?? above?.parentCity ?? (zone ? named.region : null),
    province: region?.province ?? above?.province ?? (zone ? named.province : null),
    level,
    year,
    issuer,
    docNumber,
    issueDate,
    status,
    body: located.body,
  };
}

/** Bullets of page chrome before a line, removed for reading metadata. */
function cleanLine(s: string): string {
  return s.replace(/^[\s•·●◆■>]+/, "").trim();
}

/**
 * The plan's own 文号: a line that is only a 文号 (the notice's own line), else a 文号 metadata row, else
 * the first 文号 in the head that is not a citation (《…》（国办发〔2022〕8号）, 根据…). Brackets are written 〔〕.
 */
function ownDocNumber(headLines: string[]): string | null {
  const tidy = (s: string) => s.replace(/\s+/g, "").replace(/[［\[【(（﹝{]/g, "〔").replace(/[］\]】)）﹞}]/g, "〕");
  for (const line of headLines) {
    const t = line.replace(/^[(（]?|[)）]?$/g, "").trim();
    DOC_NUMBER_ANY.lastIndex = 0;
    const m = DOC_NUMBER_ANY.exec(t);
    if (m && t.replace(m[0], "").trim() === "") return tidy(m[0]);
    const bare = DOC_NUMBER_BARE.exec(t);
    if (bare && t.replace(bare[0], "").trim() === "") return `${bare[1]}〔${bare[2]}〕${bare[3]}号`;
    // 「吉政公组〔20212」: the closing bracket and 号 lost, the year and number run together
    const cut = DOC_NUMBER_CUT.exec(t);
    if (cut) return `${cut[1]}〔${cut[2]}〕${cut[3]}号`;
  }
  for (const line of headLines) {
    const m = METADATA_DOC_NUMBER.exec(line);
    if (m) {
      DOC_NUMBER_ANY.lastIndex = 0;
      const d = DOC_NUMBER_ANY.exec(m[1]);
      if (d) return tidy(d[0]);
    }
  }
  for (const line of headLines) {
    if (/根据|按照|依据|贯彻|落实|《/.test(line)) continue;
    DOC_NUMBER_ANY.lastIndex = 0;
    const m = DOC_NUMBER_ANY.exec(line);
    if (m) return tidy(m[0]);
  }
  return null;
}

/** A date line in Arabic or Chinese numerals (二〇二一年六月一日). */
function dateOf(t: string): string | null {
  const m = DATE_LINE.exec(t);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  const cn = CN_DATE.exec(t);
  if (cn) return isoDate(Number([...cn[1]].map((c) => chineseNumber(c === "○" ? "〇" : c)).join("")), chineseNumber(cn[2]) ?? 0, chineseNumber(cn[3]) ?? 0);
  return null;
}

/**
 * The dates a signature line whose 年月日 glyphs were lost (「2021520」) can stand for: every split of the
 * digits after the year into a valid month and day. Read only when there is exactly one.
 */
function lostGlyphReadings(t: string): string[] {
  const m = /^\s*(20[0-3]\d)(\d{2,4})\s*$/.exec(t);
  if (!m) return [];
  const rest = m[2];
  const readings = new Set<string>();
  for (let cut = 1; cut < rest.length; cut++) {
    if (cut > 2 || rest.length - cut > 2) continue;
    const date = isoDate(+m[1], +rest.slice(0, cut), +rest.slice(cut));
    if (date) readings.add(date);
  }
  return [...readings];
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
