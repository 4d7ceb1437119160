// Parsed documents → the contract's rows, with the enrich stage applied: canonical units and kinds,
// categories, deadlines and frequencies, and requirement groups across the whole corpus.
import type { ParsedDoc } from "../corpus.ts";
import type { Kept } from "../duplicates.ts";
import { classify } from "../enrich/categories.ts";
import { traceLineage, type CoverageRow, type LineageRow, type PlanFacts } from "../enrich/lineage.ts";
import { groupRequirements, prepareCorpus, taskLinks, type Distinct, type GroupInput, type Grouping, type Thresholds } from "../enrich/requirements.ts";
import { timeExpressions } from "../enrich/time.ts";
import { resolveUnit } from "../enrich/units.ts";
import { sectionsOf, tasksOf } from "../parse/index.ts";
import type { Role, Section } from "../parse/types.ts";
import type { Row, Tables } from "./schema.ts";
import type { RowSink } from "./sink.ts";
import { unpackGroup, valueAt, type PackedRows } from "../prepare/packed.ts";

/** UTF-16 offset → Unicode code point offset (what DuckDB's substring and Python count). */
function codePoints(text: string): (offset: number) => number {
  if (!/[\ud800-\udbff]/.test(text)) return (o) => o;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff)) cp++;
  }
  map[text.length] = cp;
  return (o) => map[o];
}

const ROLE_RANK: Record<Role, number> = { lead: 3, participant: 2, responsible: 1 };

/**
 * One copy of each repeated string (unit names, kinds, categories, evidence, section paths): a national
 * corpus repeats the same few thousand values millions of times, and V8 does not share computed strings.
 */
const interned = new Map<string, string>();
function intern<T extends string | null>(s: T): T {
  if (s === null) return s;
  const hit = interned.get(s);
  if (hit !== undefined) return hit as T;
  if (interned.size > 2_000_000) interned.clear();
  interned.set(s, s);
  return s;
}

/** The tables made one document at a time; requirements, lineage and coverage come from the whole corpus. */
export type DocTables = Omit<Tables, "requirements" | "lineage" | "coverage">;

/** What the whole corpus adds to the rows: requirement groups, lineage and coverage (empty when they went to a sink). */
export interface CorpusLinks extends Grouping {
  lineage: LineageRow[];
  coverage: CoverageRow[];
  /** Where the time went: grouping the requirements, then following them down the levels. */
  seconds: { group: number; lineage: number };
}

export interface BuildOptions {
  thresholds?: Thresholds;
  /** Skip requirement grouping (requirement_id and requirement_link NULL, requirements empty). */
  skipRequirements?: boolean;
}

/** Parsed documents → rows, in any order; the whole corpus at once or one document at a time. */
export function buildTables(docs: ParsedDoc[], options: BuildOptions = {}): Tables {
  const builder = new TableBuilder();
  for (const doc of docs) {
    builder.add(doc);
    for (const other of doc.duplicates) builder.addDuplicate(doc, other);
  }
  return builder.finish(options);
}

/**
 * Rows accumulate one document at a time, so that a large corpus never holds its parse trees and
 * texts' offset maps all at once: `add` each document as it is parsed, `finish` once.
 */
export class TableBuilder {
  private readonly byFile: { sourceFile: string; tables: DocTables; group: GroupInput[]; plan: PlanFacts | null }[] = [];

  /** With a sink, each document's rows go to it as the document is added and are not kept here. */
  constructor(private readonly sink: RowSink | null = null) {}

  /** A later file holding the same plan as an added document: reported on the kept document, not added. */
  addDuplicate(kept: Kept, duplicateFile: string) {
    const row: Row = { doc_id: kept.docId, severity: "info", code: "duplicate-document", message: `与 ${duplicateFile} 内容相同，只保留一份`, span_start: null, span_end: null, source_file: kept.sourceFile };
    if (this.sink) this.sink.append("parse_issues", [row]);
    else this.byFile.find((f) => f.sourceFile === kept.sourceFile)?.tables.parse_issues.push(row);
  }

  /** The requirement groups, lineage and coverage of everything added so far. */
  group(options: BuildOptions = {}): CorpusLinks {
    const files = [...this.byFile].sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : 0));
    const started = performance.now();
    const tasks = files.flatMap((f) => f.group);
    const corpus = prepareCorpus(tasks);
    const grouping = groupRequirements(tasks, options.thresholds, corpus);
    const grouped = performance.now();
    const groupOf = (item: Distinct) => grouping.requirementOf.get(item.tasks[0].taskId);
    // with a sink, the rows go straight to it (millions of coverage rows at national scale), else to arrays
    const lineage: LineageRow[] = [];
    const coverage: CoverageRow[] = [];
    const sink = this.sink;
    const links = sink
      ? { lineage: (r: LineageRow) => sink.append("lineage", [r as unknown as Row]), coverage: (r: CoverageRow) => sink.append("coverage", [r as unknown as Row]) }
      : { lineage: (r: LineageRow) => lineage.push(r), coverage: (r: CoverageRow) => coverage.push(r) };
    traceLineage(corpus, files.flatMap((f) => (f.plan ? [f.plan] : [])), links, groupOf);
    return { ...grouping, lineage, coverage, seconds: { group: (grouped - started) / 1000, lineage: (performance.now() - grouped) / 1000 } };
  }

  add(doc: ParsedDoc) {
    this.addRows(documentRows(doc));
  }

  /** A document's rows as columns, made where it was parsed (a worker thread), straight into the sink. */
  addPacked(packed: PackedRows) {
    if (!this.sink) throw new Error("rows as columns go to a sink (TableBuilder(sink)); add documents with add() otherwise");
    const docs = packed.tables.documents;
    const plan = docs.length ? planFacts((column) => valueAt("documents", docs, 0, column)) : null;
    this.byFile.push({ sourceFile: packed.sourceFile, tables: { documents: [], sections: [], tasks: [], assignments: [], parse_issues: [], texts: [] }, group: this.shared(unpackGroup(packed)), plan });
    for (const name of Object.keys(packed.tables) as (keyof PackedRows["tables"])[]) this.sink.appendPacked(name, packed.tables[name]);
  }

  /** Each distinct task text once: most texts recur verbatim across plans (copies down the levels), and each copy came as its own string. */
  private readonly texts = new Map<string, string>();

  private shared(group: GroupInput[]): GroupInput[] {
    for (const g of group) {
      const text = this.texts.get(g.text);
      if (text === undefined) this.texts.set(g.text, g.text);
      else g.text = text;
      if (g.docId === group[0].docId) g.docId = group[0].docId; // one string for the document's id, not one per task
    }
    return group;
  }

  /** A document's rows, made where it was parsed. */
  addRows({ sourceFile, tables, group }: DocumentRows) {
    const doc = tables.documents[0];
    this.byFile.push({ sourceFile, tables, group, plan: doc ? planFacts((column) => doc[column]) : null });
    if (this.sink) {
      for (const name of Object.keys(tables) as (keyof typeof tables)[]) {
        this.sink.append(name, tables[name]);
        tables[name] = [];
      }
    }
  }
  /** All rows, documents in source-file order (whatever order they were added in), requirements grouped. */
  finish(options: BuildOptions = {}): Tables {
    const files = [...this.byFile].sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : 0));
    const tables: Tables = { documents: [], sections: [], tasks: [], assignments: [], requirements: [], lineage: [], coverage: [], parse_issues: [], texts: [] };
    for (const f of files) for (const name of Object.keys(f.tables) as (keyof typeof f.tables)[]) for (const row of f.tables[name]) tables[name].push(row);
    if (!options.skipRequirements) {
      const grouping = this.group(options);
      const links = new Map(taskLinks(grouping));
      for (const row of tables.tasks) {
        row.requirement_id = grouping.requirementOf.get(row.task_id as string) ?? null;
        row.requirement_link = links.get(row.task_id as string) ?? null;
      }
      tables.requirements = grouping.requirements as unknown as Row[];
      tables.lineage = grouping.lineage as unknown as Row[];
      tables.coverage = grouping.coverage as unknown as Row[];
    }
    return tables;
  }
}

/** Where and when a document's plan was issued, from its documents row. */
function planFacts(get: (column: string) => unknown): PlanFacts {
  return {
    docId: get("doc_id") as string, level: (get("level") as PlanFacts["level"]) ?? null, year: (get("year") as number | null) ?? null,
    region: (get("region") as string | null) ?? null, province: (get("province") as string | null) ?? null, parentCity: (get("parent_city") as string | null) ?? null,
    taskCount: (get("task_count") as number | null) ?? 0,
  };
}

/** One document's rows (all tables but the corpus-wide ones) and its tasks as grouping input. */
export interface DocumentRows {
  sourceFile: string;
  tables: DocTables;
  group: GroupInput[];
}

/** A parsed document → its rows, enriched: a pure function of the document, run wherever it was parsed. */
export function documentRows(doc: ParsedDoc): DocumentRows {
  const tables: DocTables = { documents: [], sections: [], tasks: [], assignments: [], parse_issues: [], texts: [] };
  const groupInputs: GroupInput[] = [];
  const { plan, source } = doc;
  const issues = [...(plan?.issues ?? [])];
  if (!plan || !source) issues.push({ severity: "error", code: doc.failure?.code ?? "internal-error", message: doc.failure?.message ?? "unknown failure", position: null });
  const cp = codePoints(source?.text ?? "");
  for (const issue of issues) {
    tables.parse_issues.push({
      doc_id: doc.docId, severity: issue.severity, code: issue.code, message: issue.message,
      span_start: issue.position ? cp(issue.position.start) : null, span_end: issue.position ? cp(issue.position.end) : null, source_file: doc.sourceFile,
    });
  }
  const meta = plan?.meta;
  const flat = plan ? tasksOf(plan) : [];
  tables.documents.push({
    doc_id: doc.docId, source_file: doc.sourceFile, sha256: source?.sha256 ?? null, title: meta?.title ?? null,
    region: meta?.region ?? null, region_code: meta?.regionCode ?? null, parent_city: meta?.parentCity ?? null, province: meta?.province ?? null,
    level: meta?.level ?? null, year: meta?.year ?? null, issuer: meta?.issuer ?? null, doc_number: meta?.docNumber ?? null,
    issue_date: meta?.issueDate ?? null, status: meta?.status ?? "final", layout: plan?.layout ?? "none", task_count: flat.length,
    char_count: source ? [...source.text].length : 0, format: source?.format ?? null, encoding: source?.encoding ?? null,
    error_count: issues.filter((i) => i.severity === "error").length, warning_count: issues.filter((i) => i.severity === "warning").length,
  });
  if (!plan || !source || !meta) return { sourceFile: doc.sourceFile, tables, group: groupInputs };
  tables.texts.push({ doc_id: doc.docId, text: source.text });

  const sectionIds = new Map<Section, string>();
  for (const { section, parent } of sectionsOf(plan)) {
    const id = parent ? `${sectionIds.get(parent)}.${section.ordinal}` : `${doc.docId}:s${section.ordinal}`;
    sectionIds.set(section, id);
    tables.sections.push({
      doc_id: doc.docId, section_id: id, parent_id: parent ? sectionIds.get(parent)! : null, level: section.level, ordinal: section.ordinal,
      marker: section.marker, title: section.title, span_start: cp(section.position.start), span_end: cp(section.position.end),
    });
  }
  flat.forEach(({ task, path }, i) => {
    const taskId = `${doc.docId}:t${String(i + 1).padStart(3, "0")}`;
    const titles = path.map((s) => s.title);
    const c = classify(task.text, titles);
    const time = timeExpressions(task.text);
    const row: Row = {
      task_id: taskId, doc_id: doc.docId, seq: i + 1, number: task.number, section_id: path.length ? sectionIds.get(path[path.length - 1])! : null,
      section_path: intern(path.map((s) => `${s.marker ?? ""}${s.title}`).join(" / ") || null), text: task.text,
      span_start: cp(task.position.start), span_end: cp(task.position.end), category: c.category, categories: c.categories, domain: c.domain,
      deadline: task.deadline ?? time.deadline, requirement_id: null, frequency: time.frequency, category_evidence: intern(c.evidence.join("；") || null), requirement_link: null,
    };
    tables.tasks.push(row);
    groupInputs.push({ taskId, docId: doc.docId, text: task.text, region: meta.regionCode ?? meta.region, year: meta.year });
    // one row per unit and task: a unit listed twice keeps its strongest role (lead > participant > responsible)
    const byUnit = new Map<string, Row>();
    for (const phrase of task.units) {
      for (const unit of phrase.units) {
        const info = resolveUnit(unit.name, meta);
        const existing = byUnit.get(info.unit);
        if (existing) {
          if (ROLE_RANK[phrase.role] > ROLE_RANK[existing.role as Role]) existing.role = phrase.role;
          continue;
        }
        byUnit.set(info.unit, {
          task_id: taskId, doc_id: doc.docId, unit_raw: intern(unit.name), unit: intern(info.unit), unit_kind: info.kind, role: phrase.role, blanket: info.blanket,
          span_start: cp(unit.position.start), span_end: cp(unit.position.end),
        });
      }
    }
    tables.assignments.push(...byUnit.values());
  });
  return { sourceFile: doc.sourceFile, tables, group: groupInputs };
}
