// A task's requirement, apart from who it addresses and from the wording every plan repeats.
//
// 「各镇人民政府、英城街道办事处，市直相关部门、清远市生态环境局英德分局要继续落实基层政务公开标准化规范化要求…」
// requires 「落实基层政务公开标准化规范化要求…」: the addressee list before 要 and the adverb 继续 say nothing
// about what is required, yet a 35-character list of local names outweighed the requirement when whole
// texts were compared. The text is cut into clauses (a task often bundles two or three requirements),
// each clause loses its addressee and its boilerplate (data/requirement-wording.tsv), and what is left
// is what two tasks are compared by. The original text is kept for display.
import { readTable } from "../data.ts";
import { looksLikeUnitList } from "../parse/units.ts";

/** Separates the clauses of a comparable form (enrich/requirements.ts); never inside a clause (punctuation is removed). */
export const CLAUSE_MARK = "|";

const rows = readTable("requirement-wording.tsv");
export const valuesOf = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value);

const CLAUSE_BREAKS = new Set(valuesOf("clause-break"));
const MODALS = valuesOf("modal").sort((a, b) => b.length - a.length);
const ADDRESSEES = valuesOf("addressee").map((p) => new RegExp(p, "u"));
const NOT_ADDRESSEE = valuesOf("not-addressee");
const BOILERPLATE = new RegExp(valuesOf("boilerplate").map((p) => `(?:${p})`).join("|"), "gu");

/** The longest a written addressee runs before its modal word (英德: 35 characters). */
const MAX_ADDRESSEE = 80;

/** Clauses too short to state a requirement on their own join the clause before them. */
const MIN_CLAUSE = 6;

/** The text cut at clause breaks, each clause with its break; short fragments joined to the one before (nothing dropped). */
export function clauses(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    start = end;
    if (piece === "") return;
    if (out.length > 0 && stripped(piece).length < MIN_CLAUSE) out[out.length - 1] += piece;
    else out.push(piece);
  };
  for (let i = 0; i < text.length; i++) if (CLAUSE_BREAKS.has(text[i]) || titleBreak(text, i)) push(i + 1);
  push(text.length);
  if (out.length > 1 && stripped(out[0]).length < MIN_CLAUSE) out.splice(0, 2, out[0] + out[1]);
  return out;
}

/**
 * A space between two Chinese characters: the parser keeps one only where a heading line opens the task
 * below it (「加强组织领导 各地各部门要…」), so the title is a clause of its own.
 */
const titleBreak = (text: string, i: number) => text[i] === " " && i > 0 && HAN.test(text[i - 1]) && HAN.test(text[i + 1] ?? "");
const HAN = /\p{Script=Han}/u;

const stripped = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, "");

/**
 * The addressee a clause opens with, or "" when it opens with its requirement: a list of units before a
 * modal word (要, 应, 负责 …), or a blanket addressee of data/requirement-wording.tsv (各地各部门).
 */
export function addresseeOf(clause: string): string {
  const lead = clause.match(/^[\s\p{P}]*/u)![0].length;
  const body = clause.slice(lead);
  for (const re of ADDRESSEES) {
    const m = body.match(re);
    if (m && m[0].length > 0) return clause.slice(0, lead + m[0].length);
  }
  const window = body.slice(0, MAX_ADDRESSEE + 2);
  for (let i = 2; i < window.length; i++) {
    const modal = MODALS.find((m) => window.startsWith(m, i));
    if (!modal) continue;
    // 「各镇（街、场）人民政府（办事处），星都管理办公室，市府直各单位，要…」: a comma may close the list
    const subject = window.slice(0, i).replace(/[，,]$/, "");
    if (/[，,]$/.test(subject) || /[。；;]/.test(subject)) return "";
    if (NOT_ADDRESSEE.some((w) => subject.endsWith(w))) return "";
    return looksLikeUnitList(subject) ? clause.slice(0, lead + i + modal.length) : "";
  }
  return "";
}

/** A clause as compared: its addressee and boilerplate removed. */
export function requirementOfClause(clause: string): string {
  return clause.slice(addresseeOf(clause).length).replace(BOILERPLATE, "");
}

/** The requirement a task states, clause by clause (addressees and boilerplate removed, punctuation kept). */
export function requirementClauses(text: string): string[] {
  return clauses(text).map(requirementOfClause);
}
