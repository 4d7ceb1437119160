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

/**
 * What the finder needs of a document, computed where the document is parsed (a worker thread): its id,
 * its content key, and for the near-duplicate check its region or title, year and task fingerprints.
 */
export interface DuplicateFacts extends Kept {
  contentKey: string | null;
  /** region (or title) and year, when both are known: where other versions of the plan are looked for. */
  bucket: string | null;
  fingerprints: number[];
}

export function duplicateFacts(doc: { docId: string; sourceFile: string; plan: PlanDocument | null }): DuplicateFacts {
  const forms = doc.plan ? taskForms(doc.plan) : [];
  const key = doc.plan && contentKey(doc.plan, forms);
  const meta = doc.plan?.meta;
  const bucket = meta && meta.year !== null && (meta.region ?? meta.title) !== null ? `${meta.region ?? meta.title}\u0001${meta.year}` : null;
  return { docId: doc.docId, sourceFile: doc.sourceFile, contentKey: key ?? null, bucket, fingerprints: key ? [...new Set(forms.map(fingerprint))] : [] };
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
    const { duplicateOf, nearDuplicate } = this.checkFacts(duplicateFacts(doc));
    if (nearDuplicate) doc.plan!.issues.push(nearDuplicate);
    return duplicateOf;
  }

  /** The same decision from a document's facts: the kept document it duplicates, or the warning to add to it. */
  checkFacts(facts: DuplicateFacts): { duplicateOf: Kept | null; nearDuplicate: Issue | null } {
    const same = this.byId.get(facts.docId);
    if (same) return { duplicateOf: same, nearDuplicate: null };
    const sameContent = facts.contentKey ? this.byContent.get(facts.contentKey) : undefined;
    if (sameContent) return { duplicateOf: sameContent, nearDuplicate: null };
    const kept = { docId: facts.docId, sourceFile: facts.sourceFile };
    this.byId.set(facts.docId, kept);
    if (!facts.contentKey) return { duplicateOf: null, nearDuplicate: null };
    this.byContent.set(facts.contentKey, kept);
    return { duplicateOf: null, nearDuplicate: facts.bucket ? this.compareWithVersions(facts.bucket, new Set(facts.fingerprints), kept) : null };
  }

  private compareWithVersions(bucket: string, tasks: Set<number>, kept: Kept): Issue | null {
    const versions = this.byRegionYear.get(bucket) ?? [];
    let best: { other: Seen; shared: number } | null = null;
    for (const other of versions) {
      let shared = 0;
      for (const t of tasks) if (other.tasks.has(t)) shared++;
      if (!best || shared > best.shared) best = { other, shared };
    }
    let issue: Issue | null = null;
    if (best) {
      const larger = Math.max(tasks.size, best.other.tasks.size);
      if (best.shared / larger >= NEAR_DUPLICATE_SHARE) issue = nearDuplicate(best.other.sourceFile, best.shared, larger);
    }
    versions.push({ ...kept, tasks });
    this.byRegionYear.set(bucket, versions);
    return issue;
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
