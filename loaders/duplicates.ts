// The same plan saved twice: as .html and as .txt, with trailing blank lines, re-typed with other
// punctuation widths or line breaks. Two files are one plan when their content is the same — region,
// year, 文号 and every task's text and units, compared without whitespace and punctuation — not only
// when their bytes or normalised texts are. The first copy in sorted order is kept, the others reported.
// A near-duplicate (same region and year, most tasks the same, some edited) is another version of the
// plan: both are kept, and the later one is flagged with how much it shares.
import { createHash } from "node:crypto";
import { tasksOf, type PlanDocument } from "./parse/index.ts";
import type { Issue } from "./parse/types.ts";

/** Share of the larger plan's tasks two plans of one region and year must have in common to be flagged. */
export const NEAR_DUPLICATE_SHARE = 0.8;

export interface Kept {
  docId: string;
  sourceFile: string;
}

interface Seen extends Kept {
  tasks: Set<number>;
}

/** Text as compared: compatibility forms folded (full-width digits, letters), whitespace and punctuation gone. */
function contentForm(text: string): string {
  return text.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");
}

/** 32-bit FNV-1a: a task's fingerprint (a collision only blurs a similarity, never merges two plans). */
function fingerprint(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function taskForms(plan: PlanDocument): string[] {
  return tasksOf(plan).map(({ task }) => contentForm(task.text) + "\u0001" + task.units.map((u) => `${u.role}:${contentForm(u.text)}`).join("\u0002"));
}

/** What makes two plans the same plan; null when a plan has no tasks (then only identical text counts). */
function contentKey(plan: PlanDocument, forms = taskForms(plan)): string | null {
  if (forms.length === 0) return null;
  const m = plan.meta;
  return createHash("sha256").update(JSON.stringify([m.region, m.year, m.docNumber && contentForm(m.docNumber), forms])).digest("hex");
}

export class DuplicateFinder {
  private readonly byId = new Map<string, Kept>();
  private readonly byContent = new Map<string, Kept>();
  private readonly byRegionYear = new Map<string, Seen[]>();

  /**
   * The kept document this one duplicates, or null (it is kept, and remembered). A near-duplicate gets a
   * `near-duplicate` warning added to its plan's issues.
   */
  check(doc: { docId: string; sourceFile: string; plan: PlanDocument | null }): Kept | null {
    const same = this.byId.get(doc.docId);
    if (same) return same;
    const forms = doc.plan ? taskForms(doc.plan) : [];
    const key = doc.plan && contentKey(doc.plan, forms);
    const sameContent = key ? this.byContent.get(key) : undefined;
    if (sameContent) return sameContent;
    const kept = { docId: doc.docId, sourceFile: doc.sourceFile };
    this.byId.set(doc.docId, kept);
    if (key) this.byContent.set(key, kept);
    if (doc.plan && key) this.compareWithVersions(doc.plan, forms, kept);
    return null;
  }

  private compareWithVersions(plan: PlanDocument, forms: string[], kept: Kept) {
    const { region, year, title } = plan.meta;
    if (year === null || (region ?? title) === null) return;
    const bucket = `${region ?? title}\u0001${year}`;
    const tasks = new Set(forms.map(fingerprint));
    const versions = this.byRegionYear.get(bucket) ?? [];
    let best: { other: Seen; shared: number } | null = null;
    for (const other of versions) {
      let shared = 0;
      for (const t of tasks) if (other.tasks.has(t)) shared++;
      if (!best || shared > best.shared) best = { other, shared };
    }
    if (best) {
      const larger = Math.max(tasks.size, best.other.tasks.size);
      if (best.shared / larger >= NEAR_DUPLICATE_SHARE) plan.issues.push(nearDuplicate(best.other.sourceFile, best.shared, larger));
    }
    versions.push({ ...kept, tasks });
    this.byRegionYear.set(bucket, versions);
  }
}

function nearDuplicate(otherFile: string, shared: number, of: number): Issue {
  const pct = Math.floor((shared / of) * 100);
  return {
    severity: "warning",
    code: "near-duplicate",
    message: `与 ${otherFile} 的任务 ${pct}% 相同（${shared}/${of} 项），可能是同一计划的另一版本或转载，两份都已保留，请核对`,
    position: null,
  };
}
