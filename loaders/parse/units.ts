// A responsible-unit cell (or the inside of a （…牵头负责） tag) → unit phrases with roles → units.
//
// domain.md: a cell is a list of units separated by 、，, and split into phrases that carry a role.
// 牵头 makes its phrase's units `lead`; the other units of a cell that has a lead are `participant`;
// a cell with no lead at all makes every unit `responsible`. Never split inside parentheses.
import { vocabulary, escapeRegExp } from "../data.ts";
import { cleanText } from "./text.ts";
import type { Role, Span, Unit, UnitPhrase } from "./types.ts";

const GRAMMAR = "unit-grammar.tsv";
const suffixes = vocabulary(GRAMMAR, "suffix").sort((a, b) => b.length - a.length);
const groupTails = vocabulary(GRAMMAR, "group").sort((a, b) => b.length - a.length);
const groupUnits = vocabulary(GRAMMAR, "group-unit").sort((a, b) => b.length - a.length);
const LEAD = new RegExp(vocabulary(GRAMMAR, "lead").map(escapeRegExp).join("|"));
const PARTICIPANT = new RegExp(vocabulary(GRAMMAR, "participant").map(escapeRegExp).join("|"));
const PHRASE_SEPARATORS = new Set(vocabulary(GRAMMAR, "separator"));
const SHARED_NAME = vocabulary(GRAMMAR, "shared-name");
const WHOLE = vocabulary(GRAMMAR, "whole");
/** Kinds of place, the longer first (自治县 before 县). */
const PLACE = vocabulary(GRAMMAR, "place").sort((a, b) => b.length - a.length);
const SHARED_TAIL = vocabulary(GRAMMAR, "shared-tail").sort((a, b) => b.length - a.length);
const LEVEL_COUNT = vocabulary(GRAMMAR, "level-count");
const UPPER_PLACE = new Set(vocabulary(GRAMMAR, "upper-place"));
const LOWER_PLACE = new Set(vocabulary(GRAMMAR, "lower-place"));
const BARE_GROUP = vocabulary(GRAMMAR, "bare-group").sort((a, b) => b.length - a.length);
const LOWER_FIRST = new Set([...LOWER_PLACE].map((p) => p[0]));
const placeAt = (s: string, at: number) => PLACE.find((p) => s.startsWith(p, at));
const LEAD_WORDS = vocabulary(GRAMMAR, "lead").sort((a, b) => b.length - a.length);
const LEAD_JOINTS = vocabulary(GRAMMAR, "lead-joint").sort((a, b) => b.length - a.length);
const BETWEEN = vocabulary(GRAMMAR, "between").sort((a, b) => b.length - a.length);
const BETWEEN_NOT = vocabulary(GRAMMAR, "between-not");
const JOINTS = vocabulary(GRAMMAR, "joint");
const JOINT_NOT_AFTER = vocabulary(GRAMMAR, "joint-not-after");
const STANDALONE = vocabulary(GRAMMAR, "standalone");
/** An office of two to four characters before its suffix (宣传处, 法规科): it stands alone after a joint word. */
const STANDALONE_OFFICE = new RegExp(`^\\p{Script=Han}{2,4}(?:${vocabulary(GRAMMAR, "standalone-suffix").join("|")})$`, "u");
const RUN_NOT = vocabulary(GRAMMAR, "run-not");
const RUN_END = vocabulary(GRAMMAR, "run-end");
const CHANNELS = vocabulary(GRAMMAR, "channel");
const RUN_START = vocabulary(GRAMMAR, "run-start");
const ROLE_WORDS = (["lead", "participant", "responsible"] as const).flatMap((k) => vocabulary(GRAMMAR, k));
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
/** A run-end word right before a run-start word: where two names printed together may meet. */
const RUN_JOIN = new RegExp(`(?:${alternation(RUN_END)})(?=${alternation(RUN_START)})`, "g");
/** What may follow the last unit name of an item and still be role wording only: 等有关部门按职责分工负责. */
const ROLE_TAIL = new RegExp(`^(?:${alternation([...groupUnits, ...groupTails])})?(?:${alternation([...vocabulary(GRAMMAR, "role-modifier"), ...ROLE_WORDS])})*$`);
const ROLE_WORD = new RegExp(alternation(ROLE_WORDS));
/** Role wording (lead, participant, responsible) that closes a list of units: 「…县财政局牵头负责」. */
export const ROLE_END = new RegExp(`(?:${ROLE_WORDS.map(escapeRegExp).join("|")})$`);
const REMARK = new RegExp(vocabulary(GRAMMAR, "remark").map(escapeRegExp).join("|"));
const NOTE = new RegExp(vocabulary(GRAMMAR, "note").map(escapeRegExp).join("|"));
/** Lead wording after 分别 at a list's end: each unit named leads its own part (「…分别牵头落实」). */
const RESPECTIVELY_LEAD = new RegExp(`(?:${vocabulary(GRAMMAR, "respectively").map(escapeRegExp).join("|")})(?:${vocabulary(GRAMMAR, "lead").map(escapeRegExp).join("|")})`);
const NOTE_UNITS_BEFORE = vocabulary(GRAMMAR, "note-units-before");
const NOTE_UNITS_AFTER = vocabulary(GRAMMAR, "note-units-after");
const NOTE_UNITS_OPEN = vocabulary(GRAMMAR, "note-units-open");
/** Words a note opens with before the units it names (以下, 本要点各项工作): not part of the first name. */
const NOTE_LEAD_IN = new RegExp(`^(?:${vocabulary(GRAMMAR, "note-lead-in").map(escapeRegExp).join("|")})+`);

/** Is this a note about a unit list (以下不再列出, 均为责任单位), not a unit? */
export function isUnitNote(s: string): boolean {
  return NOTE.test(outsideBrackets(s));
}
const CONVENTIONS: [LeadConvention, RegExp][] = (["lead-before-comma", "lead-first"] as const).map((k) => [k, new RegExp(vocabulary(GRAMMAR, k).map(escapeRegExp).join("|"))]);
const ITEM_SEPARATORS = new Set(["、", "，", ",", "；", ";", "。", " ", "\u2029", "/", "／"]);
// 〈〉: a reposting site's brackets around an aside (「各区人民政府〈含开发区、风景区、化工区管委会,下同〉」)
const OPEN = new Set(["（", "(", "〔", "﹝", "[", "〈"]);
const CLOSE = new Set(["）", ")", "〕", "﹞", "]", "〉"]);
const OPEN_PAIR: Record<string, string> = { "（": "）", "(": ")", "〔": "〕", "﹝": "﹞", "[": "]", "〈": "〉" };
const ANY_OPEN = new RegExp(`[${[...OPEN].map(escapeRegExp).join("")}]`);

const SPACE = /\s/;

interface Piece extends Span {
  text: string;
}

/** Split a span at top-level separator characters (never inside parentheses). */
function splitTopLevel(text: string, span: Span, isSeparator: (ch: string) => boolean): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let start = span.start;
  for (let i = span.start; i <= span.end; i++) {
    const ch = text[i];
    if (i < span.end && OPEN.has(ch)) depth++;
    else if (i < span.end && CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    if (i === span.end || (depth === 0 && isSeparator(ch))) {
      let s = start;
      let e = i;
      while (s < e && SPACE.test(text[s])) s++;
      while (e > s && SPACE.test(text[e - 1])) e--;
      if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
      start = i + 1;
    }
  }
  return out;
}

/** Does `word` occur in `item` starting before `end` and running past it? */
function overlapsEnd(item: string, word: string, end: number): boolean {
  for (let k = Math.max(0, end - word.length + 1); k < end; k++) if (item.startsWith(word, k)) return true;
  return false;
}

/** Where the unit name in an item ends: after the last unit suffix (and a parenthesised note that follows it). */
function nameEnd(item: string): number {
  // a unit by itself (各地), alone or before role wording
  for (const w of WHOLE) if (item.startsWith(w) && (item.length === w.length || ROLE_WORDS.some((r) => item.startsWith(r, w.length)))) return w.length;
  let best = -1;
  // unit names are short: looking past the first 60 characters only costs time on hostile input
  for (let i = Math.min(item.length, MAX_NAME); i > 0; i--) {
    // a trailing parenthesis group belongs to the name: 区委宣传部(网信办), 各镇（场）政府
    if (CLOSE.has(item[i - 1])) {
      const open = matchingOpen(item, i - 1);
      // a remark in brackets (见附件1，下同) follows the name without being part of it
      if (open > 0 && endsWithSuffix(item, open)) return REMARK.test(item.slice(open, i)) ? open : i;
      continue;
    }
    if (endsWithSuffix(item, i)) {
      // a suffix that begins role wording (办 of 各镇(街)办理) ends no name here
      if (ROLE_WORDS.some((w) => w.length > 1 && overlapsEnd(item, w, i))) continue;
      // role wording that happens to end like a name (协办, 承办 end in 办) is not part of the name before it
      const role = ROLE_WORDS.find((w) => w.length < i && item.startsWith(w, i - w.length) && endsWithSuffix(item, i - w.length));
      best = role ? i - role.length : i;
      break;
    }
  }
  return best;
}

const MAX_NAME = 60;

function matchingOpen(s: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && i > close - MAX_NAME; i--) {
    if (CLOSE.has(s[i])) depth++;
    else if (OPEN.has(s[i]) && --depth === 0) return i;
  }
  return -1;
}

/** The suffixes by their last character: a position is tested against the few that can end there. */
const SUFFIXES_BY_LAST = new Map<string, string[]>();
for (const suffix of suffixes) {
  const last = suffix[suffix.length - 1];
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), suffix]);
}

function endsWithSuffix(s: string, at: number): boolean {
  const candidates = SUFFIXES_BY_LAST.get(s[at - 1]);
  if (candidates === undefined) return false;
  for (const suffix of candidates) if (s.endsWith(suffix, at)) return true;
  return false;
}

/** How many kinds of place a list names at most (各旗县市区). */
const MAX_PLACES = 5;

/**
 * The kinds of place a text opens with, after an optional 各: 「各县区」, 「市」, 「各区、县」, 「各县（市、区）」 (a
 * bracketed list of places after them). Where they end, and how many there are.
 */
function placesPrefix(s: string): { end: number; count: number } {
  let end = s.startsWith("各") ? 1 : 0;
  let count = 0;
  while (end < s.length && count < MAX_PLACES) {
    const place = placeAt(s, end);
    if (place) {
      end += place.length;
      count++;
      // a bracketed list of places after one: 各县（市、区、特区）, 各区县（自治县）, 各市（州）、县（市、区）
      const close = s[end] in OPEN_PAIR ? s.indexOf(OPEN_PAIR[s[end]], end) : -1;
      if (close > end + 1 && onlyPlaces(s.slice(end + 1, close))) end = close + 1;
    } else if (s[end] === "、" && count > 0 && placeAt(s, end + 1)) end++;
    else break;
  }
  // 「市、县两级政府」: the levels counted before the name
  const levels = count > 0 ? LEVEL_COUNT.find((w) => s.startsWith(w, end)) : undefined;
  if (levels) end += levels.length;
  return { end, count };
}

/** Is this a list of kinds of place and nothing else (「市、区、特区」)? */
function onlyPlaces(s: string): boolean {
  for (let at = 0; at < s.length; ) {
    const place = s[at] === "、" ? "、" : placeAt(s, at);
    if (!place) return false;
    at += place.length;
  }
  return true;
}

/** Is this only role wording (负责, 按职责分工负责, 牵头落实)? */
const isRoleWording = (rest: string) => ROLE_TAIL.test(rest) || (rest.length <= 12 && ROLE_WORD.test(rest));

/**
 * Where a list of kinds of place standing by itself ends (「各县区」「各县（市、区）」「各区、县」 before role wording
 * or at the item's end: their governments), or 0. Only once nothing shares its name (joinKinds).
 */
function placesEnd(item: string): number {
  if (!item.startsWith("各")) return 0;
  const { end, count } = placesPrefix(item);
  if (count === 0) return 0;
  return end === item.length || isRoleWording(item.slice(end)) ? end : 0;
}

/** Where the unit in an item (after joinKinds) ends: its name's suffix, or a list of kinds of place by itself. */
function unitEnd(item: string): number {
  const end = nameEnd(item);
  return end > 0 ? end : placesEnd(item);
}

/** Words that end a unit name right before them: what follows is its duty (data/unit-grammar.tsv duty-start). */
const DUTY_START = vocabulary(GRAMMAR, "duty-start").sort((a, b) => b.length - a.length);
const dutyWordAt = (s: string, at: number) => DUTY_START.some((w) => s.startsWith(w, at));

/**
 * Where a complete unit name ends right before a word of its duty (「各成员单位负责做好本单位…工作」: 各成员单位,
 * not a name ending in 本单位), or 0. The first such place: a name holds no duty word after a full name.
 */
function dutyStart(item: string): number {
  for (let at = 2; at < Math.min(item.length, MAX_NAME); at++) {
    if (!dutyWordAt(item, at)) continue;
    const head = item.slice(0, at);
    if (nameEnd(head) === at || placesEnd(head) === at) return at;
  }
  return 0;
}

/**
 * A cell that assigns duties, clause by clause, each opening with a list of units and a word of its duty
 * (「各有关单位、各镇(街)做好发布工作,区政务服务数据管理局做好技术支持和指导」, 番禺 2021; 「区司法局牵头…工作,区各
 * 行政规范性文件制定主体具体落实;各成员单位负责做好本单位…工作」, 张店 2023): a unit cell, though no clause ends
 * in role wording. Every clause must open so, and there must be two at least: one such clause is a requirement
 * with its subject.
 */
export function isDutyList(s: string): boolean {
  if (s.length > 400) return false;
  const clauses = splitTopLevel(s, { start: 0, end: s.length }, (ch) => PHRASE_SEPARATORS.has(ch)).map((c) => c.text);
  // one clause opening with a unit (「区财政局做好政府预算、决算公开工作。」) is a requirement with its subject
  if (clauses.length < 2) return false;
  return clauses.every((clause) => {
    for (let at = 2; at < Math.min(clause.length, MAX_NAME); at++) if (dutyWordAt(clause, at)) return looksLikeUnitList(clause.slice(0, at));
    return false;
  });
}

/**
 * Does `item` name a kind of place that shares the name of `next` (see joinKinds)? `next` must name a place
 * and then the name both share (「市人民政府」 after 「各州」, 「各县（市）政府」 after 「各区」), or a place that
 * goes on sharing (「市」 in 「各州、市、县人民政府」), or be a kind of place sharing a name itself (驻县有关单位 after
 * 县直). A 各 unit naming no place (各部门), places with no name after them (各县市区, 各乡镇) or a place's
 * own unit (各街道) shares nothing.
 */
function sharesName(item: string, next: string): boolean {
  // 「各有关处室、单位」: a bare group word shares the 各 unit's 各有关 (data/unit-grammar.tsv bare-group)
  const bare = /^各(?:有关|相关)/.test(item) ? BARE_GROUP.find((w) => next.startsWith(w)) : undefined;
  if (bare && nameEnd(item) === item.length && (next.length === bare.length || ROLE_TAIL.test(next.slice(bare.length)))) return true;
  // (a bare place, 「市」 of 「市、县两级政府」, or a longer list of places: 「各县（市、区）」 of 「…、自治县人民政府」)
  const places = placesPrefix(item).end === item.length;
  if ((item.length > 6 && !places) || !(SHARED_NAME.some((w) => item.startsWith(w)) || places)) return false;
  if (WHOLE.includes(item)) return !next.startsWith("各");
  if (nameEnd(item) > 0) return false;
  const { end, count } = placesPrefix(next);
  // 县直 after 各区 is a unit of its own (县直各部门); after 县直 it shares (驻县有关单位)
  if (count === 0) return SHARED_NAME.some((w) => w !== "各" && next.startsWith(w)) && !item.startsWith("各");
  const name = next.slice(end);
  // a bare place goes on sharing (「市」 in 「各州、市、县人民政府」; 「县负责」 ends 「各区、县」), but a 各 list of
  // places with no name after it is a unit of its own (各乡镇)
  if (name === "" || ROLE_TAIL.test(name)) return !next.startsWith("各");
  // the name they share is a government's (data/unit-grammar.tsv shared-tail), not one agency's (「各县区、市财政局」),
  // unless the places go from upper to lower (「各市、县(市、区)教育局」)
  const tail = SHARED_TAIL.find((t) => name.startsWith(t));
  if (tail === undefined && !/^[直各驻]/.test(name) && descending(item, next)) {
    const end = nameEnd(name);
    if (end > 0 && (end === name.length || isRoleWording(name.slice(end)))) return true;
  }
  // after it, a note in brackets (「（包括大亚湾开发区…，下同）」) and role wording
  const rest = tail === undefined ? "" : name.slice(tail.length).replace(/^[（(〔〈][^（()）〔〕〈〉]*[)）〕〉]/, "");
  return tail !== undefined && (rest === "" || ROLE_TAIL.test(rest));
}

/** Kinds of place, each of those a text opens with (「各市」: 市; 「县(市、区)」: 县), its bracketed list aside. */
function placesOf(s: string): string[] {
  const out: string[] = [];
  for (let at = s.startsWith("各") ? 1 : 0; at < s.length; ) {
    const place = placeAt(s, at);
    if (!place) break;
    out.push(place);
    at += place.length;
    if (s[at] === "、") at++;
  }
  return out;
}

/** Do an item's places, all above a county, come before a next item opening with a place at or below one (各市、县…)? */
function descending(item: string, next: string): boolean {
  if (!LOWER_FIRST.has(next[0])) return false;
  const upper = placesOf(item);
  const lower = placesOf(next);
  return upper.length > 0 && upper.every((p) => UPPER_PLACE.has(p)) && lower.length > 0 && LOWER_PLACE.has(lower[0]);
}

/**
 * 「各州、市人民政府」「各区、县(市)政府」「县直、驻县有关单位」: a list of kinds of place sharing one unit
 * name. An item with no unit suffix of its own (各州, 各区, 县直) joins the item after it across 、; so does
 * a unit by itself (各地) before a name (「各地、州、市人民政府」), but not before another 各 unit (「各地、各单位」).
 */
function joinKinds(text: string, items: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < items.length; i++) {
    let item = items[i];
    while (i + 1 < items.length && sharesName(item.text, items[i + 1].text) && text.slice(item.end, items[i + 1].start).trim() === "、") {
      const next = items[++i];
      item = { start: item.start, end: next.end, text: text.slice(item.start, next.end) };
    }
    out.push(item);
  }
  return out;
}

/**
 * 「县司法局牵头各行政机关负责」: a lead word between the units that lead and a list of units ends the
 * lead's phrase there; the units after it (a joint such as 会同 aside) are a phrase of their own, which
 * takes part. A lead word followed by other wording (牵头组织各部门开展) does not split.
 */
function splitAtLead(phrase: Piece): Piece[] {
  const t = phrase.text;
  for (const word of LEAD_WORDS) {
    for (let at = t.indexOf(word, 1); at !== -1; at = t.indexOf(word, at + 1)) {
      const left = t.slice(0, at);
      let from = at + word.length;
      const joint = LEAD_JOINTS.find((j) => t.startsWith(j, from) && looksLikeUnitList(t.slice(from + j.length)));
      if (joint) from += joint.length;
      const right = t.slice(from);
      if (nameEnd(left) !== left.length || !looksLikeUnitList(right)) continue;
      const lead = { start: phrase.start, end: phrase.start + at + word.length, text: t.slice(0, at + word.length) };
      return [lead, ...splitAtLead({ start: phrase.start + from, end: phrase.end, text: right })];
    }
  }
  return [phrase];
}

/**
 * An item that joins two unit names with 等 / 以及 / 会同 / 和 (区商务局等领导小组成员单位, 会同市财政局): one
 * item per name. A word inside a name (人力资源和社会保障局) is not a joint: the text before it must
 * itself end as a unit name.
 */
function splitBetween(item: Piece): Piece[] {
  for (const word of BETWEEN) {
    if (item.text.startsWith(word) && nameEnd(item.text.slice(word.length)) > 0) {
      return splitBetween({ start: item.start + word.length, end: item.end, text: item.text.slice(word.length) });
    }
    const cut = cutAt(item, word, 1, (_, right) => nameEnd(right) > 0 && !/^(有关|相关)?(部门|单位)/.test(right));
    if (cut) return cut;
  }
  // 会 for 会同: only after a name not ending so (常委会, 管委会: 委员会) and before one standing alone
  for (const word of JOINTS) {
    const cut = cutAt(item, word, 2, (left, right) => !JOINT_NOT_AFTER.some((w) => left.endsWith(w)) && standsAlone(right));
    if (cut) return cut;
  }
  return [item];
}

/**
 * The item cut at the first `word` (from position `from`) that ends a whole name on its left, where `accept`
 * takes the two sides and the word opens no word of its own (between-not: 会计, 会考); null when there is none.
 */
function cutAt(item: Piece, word: string, from: number, accept: (left: string, right: string) => boolean): Piece[] | null {
  for (let at = item.text.indexOf(word, from); at !== -1; at = item.text.indexOf(word, at + 1)) {
    if (BETWEEN_NOT.some((w) => item.text.startsWith(w, at))) continue;
    const left = item.text.slice(0, at);
    const right = item.text.slice(at + word.length);
    if (nameEnd(left) === left.length && accept(left, right)) {
      return [{ start: item.start, end: item.start + at, text: left }, ...splitBetween({ start: item.start + at + word.length, end: item.end, text: right })];
    }
  }
  return null;
}

/** A name that stands alone after a joint word (办公室, 宣传处, 市财政局, 各镇街), role wording after it allowed. */
function standsAlone(s: string): boolean {
  const end = nameEnd(s);
  if (end <= 0 || (end < s.length && !isRoleWording(s.slice(end)))) return false;
  const name = s.slice(0, end);
  return STANDALONE.includes(name) || STANDALONE_OFFICE.test(name) || name.startsWith("各") || (RUN_START.some((w) => name.startsWith(w)) && !RUN_NOT.some((w) => name.startsWith(w)));
}

/**
 * Two names printed with no mark between them (「区直各部门市生态环境局大武口分局」): cut where a whole name ends
 * in a run-end word and a name opening with a run-start word follows (data/unit-grammar.tsv).
 */
function splitRunTogether(item: Piece): Piece[] {
  RUN_JOIN.lastIndex = 0;
  for (let m = RUN_JOIN.exec(item.text); m !== null; m = RUN_JOIN.exec(item.text)) {
    const at = m.index + m[0].length;
    if (at < 2 || at >= Math.min(item.text.length - 1, MAX_NAME)) continue;
    if (RUN_NOT.some((w) => item.text.startsWith(w, at))) continue;
    const left = item.text.slice(0, at);
    const right = item.text.slice(at);
    if (nameEnd(left) === at && unitEnd(right) > 0) return [{ start: item.start, end: item.start + at, text: left }, ...splitRunTogether({ start: item.start + at, end: item.end, text: right })];
  }
  return [item];
}

export interface ParsedUnits {
  phrases: UnitPhrase[];
  /** Items that did not look like a unit name. */
  unrecognised: Piece[];
  /** Phrases that are notes about the list (以下不再列出, 逗号前为牵头单位), not units. */
  notes: Piece[];
  /**
   * Notes whose units were taken for this task (「以下均需各区县政府组织落实」): they may speak of the tasks below
   * too, which do not repeat them.
   */
  unitNotes: Piece[];
}

/** The text outside any brackets: 「各区县政府﹝含南太湖新区管委会，下同﹞」 → 「各区县政府」. */
function outsideBrackets(s: string): string {
  if (!ANY_OPEN.test(s)) return s;
  let depth = 0;
  let out = "";
  for (const ch of s) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** How a plan marks its lead units without role words, declared once in a note (逗号前为牵头单位，下同). */
export type LeadConvention = "lead-before-comma" | "lead-first";

/** The first lead convention a plan declares, and where its note stands; null when it declares none. */
export function findLeadConvention(text: string): { convention: LeadConvention; at: number } | null {
  let best: { convention: LeadConvention; at: number } | null = null;
  for (const [convention, pattern] of CONVENTIONS) {
    const m = pattern.exec(text);
    if (m && (best === null || m.index < best.at)) best = { convention, at: m.index };
  }
  return best;
}

/**
 * The units a note makes responsible for its task (data/unit-grammar.tsv note-units-*), or null when it names
 * none: between 均需 and 作为责任单位 / 组织落实 (「本要点各项工作均需各市、县〔市、区〕政府作为责任单位」), before
 * 均为责任单位 or 均需 (「各县市区人民政府、园区管委会均为责任单位」, 「以下各乡镇均需组织落实」), after 均包含 to the end
 * (「以下责任单位均包含各区县政府」). What follows 均需 with no such word after it is an instruction, not units
 * (「以下均需报送市政务公开办」).
 */
function noteUnitList(note: Piece): Piece | null {
  const t = note.text;
  const after = (from: number) => {
    let to = -1;
    for (const w of NOTE_UNITS_AFTER) {
      const at = t.indexOf(w, from);
      if (at !== -1 && (to === -1 || at < to)) to = at;
    }
    return to;
  };
  let from = -1;
  let to = -1;
  for (const w of NOTE_UNITS_OPEN) {
    const at = t.lastIndexOf(w);
    if (at !== -1 && at + w.length > from) [from, to] = [at + w.length, t.length];
  }
  for (const w of NOTE_UNITS_BEFORE) {
    const at = t.lastIndexOf(w);
    if (at === -1 || at + w.length <= from) continue;
    const end = after(at + w.length);
    // units between the two words, or (nothing between them) before the first: 「以下各乡镇均需组织落实」
    if (end > at + w.length) [from, to] = [at + w.length, end];
    else if (end !== -1) [from, to] = [0, at];
  }
  if (from === -1) {
    const end = after(0);
    if (end <= 0) return null;
    [from, to] = [0, end];
  }
  const lead = from === 0 ? (NOTE_LEAD_IN.exec(t)?.[0].length ?? 0) : 0;
  const list = t.slice(from + lead, to);
  if (/^(?:以上|上述)/.test(list) || !looksLikeUnitList(list)) return null;
  return { start: note.start + from + lead, end: note.start + to, text: list };
}

/** A unit's name as two writings of it compare: outside brackets, without punctuation, 人民政府 as 政府 (各区、县(市)人民政府 = 各区县政府). */
const sameNameKey = (name: string) => outsideBrackets(name).replace(/[\s\p{P}]/gu, "").replace(/人民政府/g, "政府");

export function parseUnitCell(text: string, span: Span, convention: LeadConvention | null = null): ParsedUnits {
  const phrases: UnitPhrase[] = [];
  const unrecognised: Piece[] = [];
  const notes: Piece[] = [];
  const unitNotes: Piece[] = [];
  const noteLists: Piece[] = [];
  /** Phrases that name no role at all (indices into phrases). */
  const unmarked = new Set<number>();
  for (const phrase of splitTopLevel(text, span, (ch) => PHRASE_SEPARATORS.has(ch) || ch === "\u2029").flatMap(splitAtLead)) {
    if (isUnitNote(phrase.text)) {
      const list = noteUnitList(phrase);
      if (list) {
        noteLists.push(list);
        unitNotes.push(phrase);
      } else notes.push(phrase);
      continue;
    }
    const units: Unit[] = [];
    let roleWords = "";
    for (const item of joinKinds(text, splitTopLevel(text, phrase, (ch) => ITEM_SEPARATORS.has(ch))).flatMap(splitBetween).flatMap(splitRunTogether)) {
      // in a unit cell a name ends before its duty (「各成员单位负责做好本单位…工作」)
      let end = dutyStart(item.text) || unitEnd(item.text);
      if (end <= 0) {
        // wording with no unit in it (按职责分工落实 after a comma) still tells the phrase's role
        if (LEAD.test(item.text) || PARTICIPANT.test(item.text) || /负责|落实|分工/.test(item.text)) roleWords += item.text;
        else unrecognised.push(item);
        continue;
      }
      let name = cleanText(item.text.slice(0, end)).replace(/ /g, "");
      roleWords += item.text.slice(end);
      let group: Unit | null = null;
      for (const tail of groupUnits) {
        const at = item.text.lastIndexOf(tail, end - tail.length);
        if (name.endsWith(tail) && name.length > tail.length && at > 0) {
          // 「省农业厅等有关部门」: 省农业厅, and 有关部门 as a unit of its own
          group = { type: "unit", name: tail.slice(1), position: { start: item.start + at + 1, end: item.start + end } };
          name = name.slice(0, -tail.length);
          end = at;
          break;
        }
      }
      for (const tail of group ? [] : groupTails) {
        if (name.endsWith(tail) && name.length > tail.length) {
          name = name.slice(0, -tail.length);
          end -= tail.length;
          break;
        }
      }
      units.push({ type: "unit", name, position: { start: item.start, end: item.start + end } });
      if (group) units.push(group);
    }
    if (units.length === 0) continue;
    const role: Role = LEAD.test(roleWords) ? "lead" : PARTICIPANT.test(roleWords) ? "participant" : "responsible";
    if (roleWords.trim() === "") unmarked.add(phrases.length);
    phrases.push({ type: "unitPhrase", role, text: cleanText(phrase.text), position: { start: phrase.start, end: phrase.end }, units });
  }
  if (convention && phrases.length > 0 && !phrases.some((p) => p.role === "lead")) applyConvention(phrases, convention);
  // the units a note makes responsible that the tag does not name already
  for (const list of noteLists) {
    const named = new Set(phrases.flatMap((p) => p.units.map((u) => sameNameKey(u.name))));
    const units = parseUnitCell(text, list).phrases.flatMap((p) => p.units).filter((u) => !named.has(sameNameKey(u.name)));
    if (units.length > 0) phrases.push({ type: "unitPhrase", role: "responsible", text: cleanText(list.text), position: { start: list.start, end: list.end }, units });
  }
  // 「各县市区政府、管委，市委宣传部…等有关部门分别牵头落实」: leading respectively (data/unit-grammar.tsv
  // respectively) closes the whole list; the unmarked phrases before it lead too
  const last = phrases[phrases.length - 1];
  if (last?.role === "lead" && RESPECTIVELY_LEAD.test(last.text) && phrases.slice(0, -1).every((_, i) => unmarked.has(i))) for (const p of phrases) p.role = "lead";
  // a cell with a lead: its other (unmarked) units participate
  if (phrases.some((p) => p.role === "lead")) {
    for (const p of phrases) if (p.role === "responsible") p.role = "participant";
  }
  return { phrases, unrecognised, notes, unitNotes };
}

/** Roles by the plan's declared convention, for a cell whose own wording names no lead. */
function applyConvention(phrases: UnitPhrase[], convention: LeadConvention) {
  if (convention === "lead-before-comma") {
    phrases[0].role = "lead";
    return;
  }
  const [first, ...rest] = phrases[0].units;
  if (rest.length > 0) {
    const cut = rest[0].position.start;
    phrases.splice(1, 0, { ...phrases[0], role: "participant", units: rest, position: { start: cut, end: phrases[0].position.end } });
    phrases[0] = { ...phrases[0], units: [first], position: { start: phrases[0].position.start, end: first.position.end } };
  }
  phrases[0].role = "lead";
}

/**
 * A cell naming only where a plan publishes (「市政府门户网站、市政府相关部门网站、各区县(市)政府门户网站、新闻媒体等」:
 * a 公开载体 column, 沈阳 2017): every item, without a closing 等, ends in a channel word (data/unit-grammar.tsv
 * channel). Such items end like unit names (门户网站 in 站), but the cell names no unit; a channel beside a unit
 * (「政务公开指导办、政府网站」) stays a unit.
 */
export function isChannelList(s: string): boolean {
  const t = s.trim();
  if (t === "" || t.length > 200) return false;
  const items = splitTopLevel(t, { start: 0, end: t.length }, (ch) => ITEM_SEPARATORS.has(ch)).map((i) => i.text.replace(/等$/, ""));
  return items.length > 0 && items.every((item) => CHANNELS.some((w) => item.endsWith(w)));
}

/**
 * Does this text read as a list of units (a unit cell) rather than a requirement? Used where a layout
 * does not say which cell is which. Most items must end in a unit suffix and be short.
 */
export function looksLikeUnitList(s: string): boolean {
  const t = s.trim();
  if (t === "" || t.length > 400) return false;
  if (/[。！？]./.test(t.replace(/。$/, ""))) {
    // sentences inside: only a unit cell when every sentence is itself a unit list (…单位。区发改局…监管)
    return t.split("。").every((part) => part.trim() === "" || looksLikeUnitList(part));
  }
  const items = joinKinds(t, splitTopLevel(t, { start: 0, end: t.length }, (ch) => ITEM_SEPARATORS.has(ch) || PHRASE_SEPARATORS.has(ch)));
  if (items.length === 0) return false;
  let unitLike = 0;
  let chars = 0;
  for (const item of items) {
    const end = unitEnd(item.text);
    const rest = end > 0 ? item.text.slice(end) : item.text;
    const roleOnly = end > 0 ? isRoleWording(rest) : ROLE_TAIL.test(rest);
    if (end > 0 && end <= 40 && roleOnly) {
      unitLike++;
      chars += item.text.length;
    } else if (end <= 0 && ROLE_WORD.test(item.text) && ROLE_TAIL.test(item.text)) {
      chars += item.text.length;
    }
  }
  return unitLike > 0 && unitLike >= items.length * 0.75 && chars >= t.replace(/[\s、，,；;。]/g, "").length * 0.8;
}
