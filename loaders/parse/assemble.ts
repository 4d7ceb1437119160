// Blocks (what a layout parser recognised, in document order) → the Plan tree.
//
// Every layout parser emits the same blocks; this one module turns them into sections, tasks and
// units, so all layouts share: repeated page-break headings, tasks cut by a page break, unit cells
// shared by a group of tasks, one-to-one cells, and the numbering checks.
import { escapeRegExp, vocabulary } from "../data.ts";
import { cleanText, compareKey } from "./text.ts";
import { findLeadConvention, parseUnitCell, type LeadConvention } from "./units.ts";
import type { Issue, Role, Section, Span, Task, UnitPhrase } from "./types.ts";

export type Block =
  | { kind: "section"; level: 1 | 2; marker: string | null; title: Span; span: Span }
  | { kind: "task"; number: number | null; span: Span; continuation?: boolean }
  /** paragraphs: the cell's paragraphs (U+2029-separated); role: forced by a 牵头单位 / 配合单位 column. */
  | { kind: "units"; span: Span; paragraphs: Span[]; role?: Role }
  /** A deadline column's cell: applies to the tasks of its row. */
  | { kind: "deadline"; span: Span }
  /** Text before the plan's first heading or task: general requirements, a draft notice. */
  | { kind: "preamble"; span: Span }
  | { kind: "unplaced"; span: Span; reason: string }
  /** Something a layout repaired and wants reported: a tag whose closing bracket was lost. */
  | { kind: "note"; code: string; message: string; span: Span; severity?: "info" | "warning" };

interface Group {
  tasks: Task[];
  cells: Extract<Block, { kind: "units" }>[];
  deadline: Span | null;
}

export interface Assembled {
  children: (Section | Task)[];
  issues: Issue[];
}

export function assemble(text: string, blocks: Block[]): Assembled {
  const children: (Section | Task)[] = [];
  const issues: Issue[] = [];
  let l1: Section | null = null;
  let l2: Section | null = null;
  let group: Group = { tasks: [], cells: [], deadline: null };
  let lastTask: Task | null = null;
  const titles = new Map<Section, Span>();

  const container = () => (l2 ?? l1)?.children ?? children;
  const siblings = (level: 1 | 2) => (level === 1 || !l1 ? children : l1.children);
  const sectionCounts = new Map<(Section | Task)[], number>();

  const declared = findLeadConvention(text);
  const conventionAt = (span: Span): LeadConvention | null => (declared && span.end > declared.at ? declared.convention : null);
  const closeGroup = () => {
    if (group.tasks.length > 0) assignUnits(text, group, issues, conventionAt);
    group = { tasks: [], cells: [], deadline: null };
  };

  for (const block of blocks) {
    switch (block.kind) {
      case "section": {
        const current = block.level === 1 ? l1 : l2;
        const title = cleanText(text.slice(block.title.start, block.title.end));
        if (current && isRepeat(current, block.marker, title)) break; // a heading repeated at a page break
        closeGroup();
        const list = siblings(block.level);
        const ordinal = (sectionCounts.get(list) ?? 0) + 1; // counted, not recounted: linear in the headings
        sectionCounts.set(list, ordinal);
        const section: Section = { type: "section", level: block.level, marker: block.marker, ordinal, title, position: block.span, children: [] };
        titles.set(section, block.title);
        list.push(section);
        if (block.level === 1) {
          l1 = section;
          l2 = null;
        } else l2 = section;
        break;
      }
      case "task": {
        const piece = block.span;
        if (isUndecodable(text.slice(piece.start, piece.end))) {
          // characters the encoding lost, alone on their line: not a task, nor part of one
          issues.push({ severity: "warning", code: "undecodable-text", message: "一段文字只剩无法解码的字符（U+FFFD），未计为任务", position: piece });
          break;
        }
        if (block.continuation && lastTask) {
          lastTask.pieces.push(piece);
          lastTask.position = { start: lastTask.position.start, end: piece.end };
          lastTask.text += joinPieces(text, [piece]); // appended, not joined again: linear in the pieces
          break;
        }
        if (group.cells.length > 0 || group.deadline) closeGroup();
        const task: Task = { type: "task", number: block.number, text: cleanText(text.slice(piece.start, piece.end)), position: piece, pieces: [piece], units: [], deadline: null };
        container().push(task);
        group.tasks.push(task);
        lastTask = task;
        break;
      }
      case "units":
        if (group.tasks.length === 0) {
          issues.push({ severity: "warning", code: "units-without-task", message: `责任单位「${cleanText(text.slice(block.span.start, block.span.end)).slice(0, 40)}」前面没有可归属的任务`, position: block.span });
          break;
        }
        group.cells.push(block);
        break;
      case "deadline":
        group.deadline = block.span;
        break;
      case "preamble":
        issues.push({ severity: "info", code: "preamble", message: `正文第一个标题或任务之前的文字（总体要求、说明等），未计为任务：「${cleanText(text.slice(block.span.start, block.span.end)).slice(0, 40)}」`, position: block.span });
        break;
      case "note":
        issues.push({ severity: block.severity ?? "warning", code: block.code, message: block.message, position: block.span });
        break;
      case "unplaced":
        issues.push({ severity: "warning", code: "unplaced-text", message: `${block.reason}：「${cleanText(text.slice(block.span.start, block.span.end)).slice(0, 60)}」`, position: block.span });
        break;
    }
  }
  closeGroup();
  dropNonTasks(children, issues);
  headingsThatAreTasks(text, children, titles);
  itemsThatAreHeadings(children, titles, text);
  checkNumbering(children, issues);
  return { children, issues };
}

/** Nothing but U+FFFD, spaces and punctuation: text an encoding lost. */
function isUndecodable(s: string): boolean {
  return s.includes("\ufffd") && /^[\ufffd\s\u2029\p{P}\p{S}]*$/u.test(s);
}

function isRepeat(current: Section, marker: string | null, title: string): boolean {
  if (marker && current.marker && compareKey(marker) === compareKey(current.marker)) return true;
  const a = compareKey(current.title);
  const b = compareKey(title);
  if (a === "" || b === "") return false;
  return a === b || (Math.min(a.length, b.length) >= 6 && (a.startsWith(b) || b.startsWith(a)));
}

function joinPieces(text: string, pieces: Span[]): string {
  // a piece cut at a page break continues mid-word: join without a space
  return pieces.map((p) => cleanText(text.slice(p.start, p.end))).join("");
}

function assignUnits(text: string, group: Group, issues: Issue[], conventionAt: (span: Span) => LeadConvention | null) {
  const { tasks, cells } = group;
  if (group.deadline) {
    const deadline = cleanText(text.slice(group.deadline.start, group.deadline.end));
    for (const task of tasks) task.deadline = deadline;
  }
  if (cells.length === 0) {
    for (const task of tasks) {
      issues.push({ severity: "warning", code: "task-without-unit", message: `任务${task.number ?? ""}「${task.text.slice(0, 30)}」没有责任单位`, position: task.position });
    }
    return;
  }
  for (const cell of cells) {
    const paragraphs = cell.paragraphs.map((p) => parseCell(text, p, cell.role, issues, conventionAt(p)));
    if (paragraphs.length === 1 || paragraphs.length === tasks.length) {
      tasks.forEach((task, i) => task.units.push(...(paragraphs.length === 1 ? paragraphs[0] : paragraphs[i])));
    } else {
      issues.push({
        severity: "warning",
        code: "ambiguous-unit-mapping",
        message: `${tasks.length} 项任务（${numbersOf(tasks)}）共用一个单元格中的 ${paragraphs.length} 段责任单位，无法一一对应：每项任务都记入全部单位`,
        position: cell.span,
      });
      for (const task of tasks) task.units.push(...paragraphs.flat());
    }
  }
  // a cell whose lead units sit in another column (牵头单位 | 配合单位) still makes the rest participants
  for (const task of tasks) {
    if (task.units.some((p) => p.role === "lead")) for (const p of task.units) if (p.role === "responsible") p.role = "participant";
  }
}

function parseCell(text: string, span: Span, role: Role | undefined, issues: Issue[], convention: LeadConvention | null): UnitPhrase[] {
  const { phrases, unrecognised, notes, unitNotes } = parseUnitCell(text, span, role ? null : convention);
  for (const note of notes) {
    issues.push({ severity: "info", code: "unit-note", message: `「${note.text.slice(0, 40)}」是对责任单位的说明，未记为单位`, position: { start: note.start, end: note.end } });
  }
  for (const note of unitNotes) {
    issues.push({ severity: "info", code: "unit-note", message: `「${note.text.slice(0, 40)}」所说的单位已记为本项任务的单位；说明若及于以下各项任务，以下各项未逐项记入`, position: { start: note.start, end: note.end } });
  }
  for (const item of unrecognised) {
    issues.push({ severity: "info", code: "unrecognised-unit", message: `「${item.text.slice(0, 40)}」不像单位名称，未记为责任单位`, position: { start: item.start, end: item.end } });
  }
  if (role) return phrases.map((p) => ({ ...p, role: p.role === "lead" || role === "lead" ? "lead" : role }));
  return phrases;
}

function numbersOf(tasks: Task[]): string {
  const numbers = tasks.map((t) => t.number).filter((n): n is number => n !== null);
  return numbers.length ? numbers.join("、") : "未编号";
}

/** Numbering gaps, repeats and unnumbered tasks among numbered ones; numbering may restart per section. */
function checkNumbering(children: (Section | Task)[], issues: Issue[]) {
  const tasks: { task: Task; section: Section | null }[] = [];
  const walk = (nodes: (Section | Task)[], section: Section | null) => {
    for (const n of nodes) n.type === "task" ? tasks.push({ task: n, section }) : walk(n.children, n);
  };
  walk(children, null);
  const numbered = tasks.filter((t) => t.task.number !== null).length;
  if (numbered === 0) return;
  let prev: number | null = null;
  let prevSection: Section | null = null;
  for (let i = 0; i < tasks.length; i++) {
    const { task, section } = tasks[i];
    if (task.number === null) {
      if (numbered >= tasks.length / 2) {
        const next = tasks.slice(i + 1).find((t) => t.task.number !== null)?.task.number;
        const guess = prev !== null && next === prev + 2 ? `，应为第 ${prev + 1} 项` : "";
        issues.push({ severity: "warning", code: "unnumbered-task", message: `编号任务之间有一项未编号的任务（在 ${prev ?? "开头"} 之后${guess}）：「${task.text.slice(0, 30)}」`, position: task.position });
      }
      continue;
    }
    const n = task.number;
    if (prev !== null) {
      if (n === 1 && section !== prevSection) {
        // numbering restarts in each section
      } else if (n > prev + 1) {
        const missing = n - prev === 2 ? `${prev + 1}` : `${prev + 1}–${n - 1}`;
        issues.push({ severity: "warning", code: "numbering-gap", message: `任务编号从 ${prev} 跳到 ${n}，缺少 ${missing}`, position: task.position });
      } else if (n <= prev) {
        issues.push({ severity: "warning", code: "numbering-repeat", message: `任务编号 ${n} 出现在 ${prev} 之后（重复或倒序）`, position: task.position });
      }
    }
    prev = n;
    prevSection = section;
  }
}

const GENERAL = new RegExp(`^(?:${vocabulary("plan-vocabulary.tsv", "general").map(escapeRegExp).join("|")})`);

/**
 * Paragraphs that are not tasks although they sit where tasks do: the aims under 总体要求 / 指导思想 /
 * 工作目标, a section's lead-in paragraph before its own subsections (section-text), and what a web page
 * or the issuing notice puts there (not-a-task: see notATask). Only unnumbered text without units is
 * taken; it is reported (info) with its position, not dropped silently.
 */
function dropNonTasks(nodes: (Section | Task)[], issues: Issue[], general = false) {
  const hasSections = nodes.some((n) => n.type === "section");
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (n.type === "section") {
      dropNonTasks(n.children, issues, general || GENERAL.test(n.title));
      continue;
    }
    if (n.number !== null || n.units.length > 0) continue;
    const leadIn = hasSections && nodes.slice(i + 1).some((x) => x.type === "section");
    const reason = general || leadIn ? null : notATask(n);
    if (!general && !leadIn && !reason) continue;
    nodes.splice(i, 1);
    const stale = issues.findIndex((x) => x.code === "task-without-unit" && x.position?.start === n.position.start);
    if (stale !== -1) issues.splice(stale, 1);
    const quoted = `，未计为任务：「${n.text.slice(0, 40)}」`;
    if (reason) issues.push({ severity: "info", code: "not-a-task", message: reason + quoted, position: n.position });
    else issues.push({ severity: "info", code: "section-text", message: `${general ? "总体要求部分" : "小节之前的引言"}的文字${quoted}`, position: n.position });
  }
}

/**
 * A heading whose own sentence opens its only task — 「（一）加强涉及市场主体的信息公开。增强政策…（省发展改革委牵头）」,
 * as national and provincial plans write them, or a level-1 item that is itself a task — is a task: its
 * text starts at the heading's title. So does a heading line over tasks without numbers: it opens the first
 * (门头沟区 2020, 洛阳 2016). The section stays, so that the task keeps its place in the outline.
 */
function headingsThatAreTasks(text: string, nodes: (Section | Task)[], titles: Map<Section, Span>) {
  // only where most headings hold one task each: a plan whose headings gather several tagged tasks (庆元县
  // 2022) titles them, and its heading sentences are not part of any one task. In a plan with unit tags,
  // a last task without units does not count: a page cut in the middle of a task leaves one behind.
  const all: Task[] = [];
  const holding: Section[] = [];
  const walk = (list: (Section | Task)[]) => {
    for (const n of list) {
      if (n.type === "task") all.push(n);
      else {
        if (n.children.some((c) => c.type === "task")) holding.push(n);
        walk(n.children);
      }
    }
  };
  walk(nodes);
  const tagged = all.some((t) => t.units.length > 0);
  const last = tagged && all[all.length - 1].units.length === 0 ? all[all.length - 1] : null;
  const counted = holding.map((s) => s.children.filter((c) => c !== last)).filter((c) => c.length > 0);
  const single = counted.filter((c) => c.length === 1 && c[0].type === "task" && c[0].number === null).length;
  if (single === 0 || single < counted.length * 0.5) return;
  mergeHeadings(text, nodes, titles);
}

/**
 * A plan whose items are its headings' own sentences, with nothing below them (「(一)深入解读重要政策措施,确保政策
 * 内涵透明,信号清晰。」「(二)积极回应社会关切,…。」 under 一、二、三、, a shortened copy of the national plan): each
 * such second-level heading that says a requirement in one sentence is a task. Only in a plan that has no task
 * otherwise, only under two parts or more (a notice's own requirements are one flat list: 「一、提高思想认识，切实
 * 加强组织领导。」), and never under 总体要求 and its like, where a heading's sentence titles the prose below it. A
 * heading without its 。 (「（一）加强惠企政策公开，助力市场主体纾困发展」 over tasks a page lost, or one cut by the
 * page's end) stays a heading.
 */
function itemsThatAreHeadings(nodes: (Section | Task)[], titles: Map<Section, Span>, text: string) {
  const leaves: Section[] = [];
  const parts = new Set<Section>();
  let tasks = 0;
  const walk = (list: (Section | Task)[], general: boolean, part: Section | null) => {
    for (const n of list) {
      if (n.type === "task") tasks++;
      else if (n.children.length > 0) walk(n.children, general || GENERAL.test(n.title), n.level === 1 ? n : null);
      else if (part && n.level > 1 && !general && !GENERAL.test(n.title) && isRequirementSentence(n.title)) {
        leaves.push(n);
        parts.add(part);
      }
    }
  };
  walk(nodes, false, null);
  if (tasks > 0 || parts.size < 2) return;
  for (const section of leaves) {
    const title = titles.get(section) ?? section.position;
    section.children.push({ type: "task", number: null, text: cleanText(text.slice(title.start, title.end)), position: title, pieces: [title], units: [], deadline: null });
  }
}

/** A heading that is one sentence of its own, not a name nor a paragraph run into its heading line (a notice's 「(一)严格执行公开属性源头认定。要从拟文关口开始,…」). */
const isRequirementSentence = (title: string) => title.length >= 5 && title.length <= 120 && /[。；;]$/.test(title) && !/[。；;！？]./.test(title);

/** A heading that only gathers what is below it (data/plan-vocabulary.tsv list-title: 其他). */
const LIST_TITLE = new RegExp(`^(?:${vocabulary("plan-vocabulary.tsv", "list-title").map(escapeRegExp).join("|")})`);

/**
 * A heading line of its own: short, one phrase (「建设完成政府信息公开平台」, not a paragraph); not one that introduces
 * a list (「重点领域信息公开：」) or gathers what is below it (「其他」).
 */
const looksLikeTitleLine = (title: string) => title.length <= 30 && !/[。；;！？!?：:]/.test(title) && !LIST_TITLE.test(title);

/** A heading sentence that opens its section's first task (in its paragraph or on the line above) becomes the start of that task. */
function mergeHeadings(text: string, nodes: (Section | Task)[], titles: Map<Section, Span>) {
  for (const n of nodes) {
    if (n.type !== "section") continue;
    mergeHeadings(text, n.children, titles);
    const first = n.children[0];
    const title = titles.get(n);
    if (!first || first.type !== "task" || first.number !== null || !title || title.end <= title.start) continue;
    const between = text.slice(title.end, first.position.start);
    // the task goes on after the heading: in its paragraph, or in the paragraph below a heading line over
    // tasks without numbers (「（一）建设完成政府信息公开平台」, with or without its 。, then 「县政府门户网站要…（牵头单位：…）」;
    // over paragraphs each closed by its tag, it opens the first: 「(二)推进京津冀协同发展信息公开」, 门头沟区 2020)
    const tasks = n.children.filter((c) => c.type === "task");
    const ownLine =
      /^[。.]?[\s\u2029]*$/.test(between) &&
      /[\n\u2029]/.test(between) &&
      looksLikeTitleLine(text.slice(title.start, title.end)) &&
      tasks.length === n.children.length &&
      tasks.every((c) => c.number === null) &&
      // one task, or a first one its tag closes (a heading over plain items, 「二、其他」, titles them)
      (tasks.length === 1 || first.units.length > 0);
    const sameParagraph = /^[ 。.：:]*$/.test(between);
    if (!sameParagraph && !ownLine) continue;
    first.position = { start: title.start, end: first.position.end };
    if (sameParagraph) {
      first.pieces[0] = { start: title.start, end: first.pieces[0].end };
      first.text = joinPieces(text, first.pieces);
    } else {
      // the heading line is a piece of its own, kept apart from the paragraph by a space (「建设完成政府信息公开平台
      // 县政府门户网站要…」): the line break between them is where the title ends
      first.pieces.unshift({ start: title.start, end: title.end });
      first.text = joinPieces(text, [first.pieces[0]]) + " " + first.text;
    }
  }
}

const WEB_ADDRESS = new RegExp(vocabulary("plan-vocabulary.tsv", "web-address").map(escapeRegExp).join("|"), "i");
const WEB_CHROME = new RegExp(vocabulary("plan-vocabulary.tsv", "web-chrome").map(escapeRegExp).join("|"));
const NOTICE = new RegExp(vocabulary("plan-vocabulary.tsv", "notice").map(escapeRegExp).join("|"));
/** A notice's title, its 文号 in brackets after it (「…关于进一步做好政务公开工作的通知(烟政办发〔2018〕22号)」), no sentence. */
const NOTICE_TITLE = /^[^。；;]*关于[^。；;]{2,80}通\s*知\s*[(（〔][^()（）]{0,30}号\s*[)）〕]$/;
/** How far into a piece the notice's words are looked for: the notice opens the piece it is part of. */
const NOTICE_WINDOW = 300;
const HAN = /\p{Script=Han}/u;

/**
 * Why a piece standing where tasks do is not one, or null when it may be: a line with a web address and
 * page chrome (「中方县人民政府 www.… 发布时间：…」), the notice's own sentence (「为贯彻落实…，现将《…》印发给你们」),
 * a piece without a Chinese character (「4.」, 「;」).
 */
function notATask(task: Task): string | null {
  if (!HAN.test(task.text)) return "没有汉字的片段";
  if (WEB_ADDRESS.test(task.text) && WEB_CHROME.test(task.text)) return "网页信息（网址、发布时间）";
  if (NOTICE.test(task.text.slice(0, NOTICE_WINDOW))) return "印发通知的正文";
  if (NOTICE_TITLE.test(task.text)) return "通知的标题";
  return null;
}
