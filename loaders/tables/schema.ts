// The data contract (notes/architecture.md): table and column names and types. Other tools depend on
// these names: extend, never rename. Columns marked "extension" are ours, beyond the contract.

export type ColumnType = "VARCHAR" | "INTEGER" | "DOUBLE" | "BOOLEAN" | "DATE" | "VARCHAR[]";

export interface Column {
  name: string;
  type: ColumnType;
}

const col = (name: string, type: ColumnType): Column => ({ name, type });

export const SCHEMA = {
  documents: [
    col("doc_id", "VARCHAR"),
    col("source_file", "VARCHAR"),
    col("sha256", "VARCHAR"),
    col("title", "VARCHAR"),
    col("region", "VARCHAR"),
    col("region_code", "VARCHAR"),
    col("parent_city", "VARCHAR"),
    col("province", "VARCHAR"),
    col("level", "VARCHAR"),
    col("year", "INTEGER"),
    col("issuer", "VARCHAR"),
    col("doc_number", "VARCHAR"),
    col("issue_date", "DATE"),
    col("status", "VARCHAR"),
    col("layout", "VARCHAR"),
    col("task_count", "INTEGER"),
    col("char_count", "INTEGER"),
    col("format", "VARCHAR"), // extension: text | html | docx
    col("encoding", "VARCHAR"), // extension: utf-8 | utf-16le | gb18030 | docx …
    col("error_count", "INTEGER"), // extension: parse_issues of severity error
    col("warning_count", "INTEGER"), // extension
  ],
  sections: [
    col("doc_id", "VARCHAR"),
    col("section_id", "VARCHAR"),
    col("parent_id", "VARCHAR"),
    col("level", "INTEGER"),
    col("ordinal", "INTEGER"),
    col("marker", "VARCHAR"),
    col("title", "VARCHAR"),
    col("span_start", "INTEGER"),
    col("span_end", "INTEGER"),
  ],
  tasks: [
    col("task_id", "VARCHAR"),
    col("doc_id", "VARCHAR"),
    col("seq", "INTEGER"),
    col("number", "INTEGER"),
    col("section_id", "VARCHAR"),
    col("section_path", "VARCHAR"),
    col("text", "VARCHAR"),
    col("span_start", "INTEGER"),
    col("span_end", "INTEGER"),
    col("category", "VARCHAR"),
    col("categories", "VARCHAR[]"),
    col("domain", "VARCHAR"),
    col("deadline", "VARCHAR"),
    col("requirement_id", "VARCHAR"),
    col("frequency", "VARCHAR"), // extension: 每年至少1次, 每季度 … as written
    col("category_evidence", "VARCHAR"), // extension: the rules that fired, for the reader
    col("requirement_link", "VARCHAR"), // extension: lead | wording | concept, how the task came into its requirement group (enrich/requirements.ts)
  ],
  assignments: [
    col("task_id", "VARCHAR"),
    col("doc_id", "VARCHAR"),
    col("unit_raw", "VARCHAR"),
    col("unit", "VARCHAR"),
    col("unit_kind", "VARCHAR"),
    col("role", "VARCHAR"),
    col("blanket", "BOOLEAN"),
    col("span_start", "INTEGER"), // extension
    col("span_end", "INTEGER"), // extension
  ],
  requirements: [
    col("requirement_id", "VARCHAR"),
    col("label", "VARCHAR"),
    col("task_count", "INTEGER"),
    col("doc_count", "INTEGER"),
    col("region_count", "INTEGER"),
    col("first_year", "INTEGER"),
    col("last_year", "INTEGER"),
    col("concept", "VARCHAR"), // extension: the codebook concept its tasks state (data/requirement-concepts.tsv), NULL when none
    col("wording_doc_count", "INTEGER"), // extension: plans stating it in its own wording or near it (requirement_link lead or wording)
  ],
  // a task's most likely source in a plan of a region above (enrich/lineage.ts); no row: none found
  lineage: [
    col("task_id", "VARCHAR"),
    col("doc_id", "VARCHAR"),
    col("source_task_id", "VARCHAR"),
    col("source_doc_id", "VARCHAR"),
    col("similarity", "DOUBLE"),
    col("relation", "VARCHAR"), // copied | modified
  ],
  // extension: each requirement of a plan above (parent_doc_id), copied, modified or absent in the plan below (doc_id)
  coverage: [
    col("doc_id", "VARCHAR"),
    col("parent_doc_id", "VARCHAR"),
    col("parent_task_id", "VARCHAR"),
    col("status", "VARCHAR"), // copied | modified | absent
    col("task_id", "VARCHAR"), // the task of doc_id that carries it; NULL when absent
    col("similarity", "DOUBLE"),
  ],
  parse_issues: [
    col("doc_id", "VARCHAR"),
    col("severity", "VARCHAR"),
    col("code", "VARCHAR"),
    col("message", "VARCHAR"),
    col("span_start", "INTEGER"),
    col("span_end", "INTEGER"),
    col("source_file", "VARCHAR"), // extension: so a failure can be found without a join
  ],
  // extension: the normalised text every span refers to, so that any row can be shown in context
  texts: [col("doc_id", "VARCHAR"), col("text", "VARCHAR")],
} satisfies Record<string, Column[]>;

export type TableName = keyof typeof SCHEMA;
export const TABLE_NAMES = Object.keys(SCHEMA) as TableName[];

export type Value = string | number | boolean | null | string[];
export type Row = Record<string, Value>;
export type Tables = Record<TableName, Row[]>;
