// The Plan tree. Like mdast, every node carries its position: offsets into the document's normalised
// text (SourceText.text), end exclusive.

export interface Span {
  start: number;
  end: number;
}

export type Level = "county" | "prefecture" | "provincial" | "national";
export type Role = "lead" | "participant" | "responsible";
export type Severity = "error" | "warning" | "info";
export type Layout = "cell-lines" | "table-rows" | "prose-tags" | "none";

export interface Issue {
  severity: Severity;
  code: string;
  message: string;
  position: Span | null;
}

export interface DocMeta {
  title: string | null;
  region: string | null;
  regionCode: string | null;
  parentCity: string | null;
  province: string | null;
  level: Level | null;
  year: number | null;
  issuer: string | null;
  docNumber: string | null;
  /** YYYY-MM-DD */
  issueDate: string | null;
  status: "final" | "draft";
  /** Where the plan itself begins (after any cover notice) and ends (before 抄送/印发 lines). */
  body: Span;
}

export interface Unit {
  type: "unit";
  /** The name as written in the cell, role words removed. */
  name: string;
  position: Span;
}

export interface UnitPhrase {
  type: "unitPhrase";
  role: Role;
  text: string;
  position: Span;
  units: Unit[];
}

export interface Task {
  type: "task";
  /** Number as printed, null when unnumbered. */
  number: number | null;
  /** Clean requirement text: the pieces joined, whitespace collapsed. */
  text: string;
  /** From the first piece's start to the last piece's end. */
  position: Span;
  /** The stretches of text the task was assembled from (more than one when a page break cut it). */
  pieces: Span[];
  units: UnitPhrase[];
  /** A deadline printed in its own column (deadlines stated inside the text are found by enrich). */
  deadline: string | null;
}

export interface Section {
  type: "section";
  level: 1 | 2;
  /** 一、 / （一） as printed, or null for a titled column without a marker. */
  marker: string | null;
  /** Position of the section among its siblings, 1-based. */
  ordinal: number;
  title: string;
  position: Span;
  children: (Section | Task)[];
}

export interface PlanDocument {
  type: "document";
  meta: DocMeta;
  layout: Layout;
  children: (Section | Task)[];
  issues: Issue[];
  position: Span;
}
