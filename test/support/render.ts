// Re-lays a plan's content out in the forms conversions commonly produce, so that tests can check the
// parser gives the same tree whatever the layout, and the benchmark can make a large varied corpus.
import JSZip from "jszip";
import * as OpenCC from "opencc-js";
import { tasksOf } from "../../loaders/parse/index.ts";
import type { PlanDocument, Role } from "../../loaders/parse/types.ts";

export interface SpecUnits {
  role: Role;
  names: string[];
}
export interface SpecTask {
  number: number | null;
  text: string;
  units: SpecUnits[];
}
export interface SpecSection {
  marker: string;
  title: string;
  sections: SpecSection[];
  tasks: SpecTask[];
}
export interface PlanSpec {
  title: string;
  draft: boolean;
  sections: SpecSection[];
}

const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

/** A parsed plan as a spec: two heading levels, tasks with their units grouped by role. */
export function specOf(plan: PlanDocument): PlanSpec {
  const top: SpecSection[] = [];
  const bySection = new Map<unknown, SpecSection>();
  for (const { task, path } of tasksOf(plan)) {
    let list = top;
    let parent: SpecSection | null = null;
    for (const s of path) {
      let spec = bySection.get(s);
      if (!spec) {
        spec = { marker: s.marker ?? "", title: s.title, sections: [], tasks: [] };
        bySection.set(s, spec);
        list.push(spec);
      }
      parent = spec;
      list = spec.sections;
    }
    const units: SpecUnits[] = [];
    for (const role of ["lead", "participant", "responsible"] as Role[]) {
      const names = [...new Set(task.units.filter((p) => p.role === role).flatMap((p) => p.units.map((u) => u.name)))];
      if (names.length) units.push({ role, names });
    }
    const t: SpecTask = { number: task.number, text: task.text, units };
    if (parent) parent.tasks.push(t);
    else {
      const loose: SpecSection = { marker: "", title: "", sections: [], tasks: [t] };
      top.push(loose);
    }
  }
  return { title: plan.meta.title ?? "政务公开工作要点", draft: plan.meta.status === "draft", sections: top };
}

/** What a tree says, in a form two layouts of the same content must agree on. */
export function essence(plan: PlanDocument, options: { numbers?: boolean; roles?: (role: Role) => Role } = {}) {
  const key = (s: string) => s.replace(/[\s\p{P}]/gu, "");
  return tasksOf(plan).map(({ task, path }) => ({
    path: path.map((s) => key(s.title)).join(" / "),
    number: options.numbers === false ? null : task.number,
    text: key(task.text),
    units: [...new Set(task.units.flatMap((p) => p.units.map((u) => `${options.roles ? options.roles(p.role) : p.role}:${u.name.replace(/\(/g, "（").replace(/\)/g, "）")}`)))].sort(),
  }));
}

export function unitText(units: SpecUnits[]): string {
  const lead = units.find((u) => u.role === "lead")?.names ?? [];
  const part = units.find((u) => u.role === "participant")?.names ?? [];
  const resp = units.find((u) => u.role === "responsible")?.names ?? [];
  if (lead.length) return `${lead.join("、")}牵头${part.length ? `，${part.join("、")}配合` : ""}`;
  if (resp.length) return `${resp.join("、")}负责`;
  return "";
}

function* walk(spec: PlanSpec): Generator<{ l1: SpecSection; l2: SpecSection | null; task: SpecTask; firstInL1: boolean; firstInL2: boolean }> {
  for (const l1 of spec.sections) {
    let firstInL1 = true;
    for (const task of l1.tasks) {
      yield { l1, l2: null, task, firstInL1, firstInL2: false };
      firstInL1 = false;
    }
    for (const l2 of l1.sections) {
      let firstInL2 = true;
      for (const task of l2.tasks) {
        yield { l1, l2, task, firstInL1, firstInL2 };
        firstInL1 = false;
        firstInL2 = false;
      }
    }
  }
}

const heading = (s: SpecSection) => `${s.marker}${s.title}`;
const numbered = (t: SpecTask) => (t.number === null ? t.text : `${t.number}. ${t.text}`);
const head = (spec: PlanSpec) => `${spec.title}\n${spec.draft ? "\n（征求意见稿）\n" : ""}\n`;

export type LayoutName = "table-tabs" | "table-pipes" | "cell-lines" | "one-cell-per-line" | "prose-tags" | "split-columns" | "html" | "numbered-l2";

/** Render a spec as text in one layout (html as a saved page). */
export function render(spec: PlanSpec, layout: LayoutName): string {
  const out: string[] = [head(spec)];
  switch (layout) {
    case "table-tabs":
    case "table-pipes": {
      const row = (cells: string[]) => (layout === "table-tabs" ? cells.join("\t") : `| ${cells.join(" | ")} |`);
      out.push(row(["工作要求", "具体任务", "具体要求", "牵头落实单位"]));
      if (layout === "table-pipes") out.push("| --- | --- | --- | --- |");
      for (const { l1, l2, task, firstInL1, firstInL2 } of walk(spec)) {
        out.push(row([firstInL1 ? heading(l1) : "", l2 && firstInL2 ? heading(l2) : "", numbered(task), unitText(task.units)]));
      }
      break;
    }
    case "split-columns": {
      out.push(["工作任务", "具体任务", "具体要求", "牵头单位", "配合单位"].join("\t"));
      for (const { l1, l2, task, firstInL1, firstInL2 } of walk(spec)) {
        const lead = task.units.find((u) => u.role === "lead")?.names ?? task.units.find((u) => u.role === "responsible")?.names ?? [];
        const part = task.units.find((u) => u.role === "participant")?.names ?? [];
        out.push([firstInL1 ? heading(l1) : "", l2 && firstInL2 ? heading(l2) : "", numbered(task), lead.join("、"), part.join("、")].join("\t"));
      }
      break;
    }
    case "cell-lines":
    case "one-cell-per-line": {
      const tab = layout === "cell-lines" ? "\t" : "";
      for (const { l1, l2, task, firstInL1, firstInL2 } of walk(spec)) {
        if (firstInL1) out.push(`${tab}${heading(l1)}`, "");
        if (l2 && firstInL2) out.push(`${tab}${heading(l2)}`);
        out.push(`${tab}${numbered(task)}`);
        if (task.units.length) out.push(`${tab}${unitText(task.units)}`);
        out.push("");
      }
      break;
    }
    case "numbered-l2": {
      // 一、 then 1. for the second level, then (1) for tasks
      for (const { l1, l2, task, firstInL1, firstInL2 } of walk(spec)) {
        if (firstInL1) out.push(heading(l1), "");
        if (l2 && firstInL2) out.push(`${l1.sections.indexOf(l2) + 1}. ${l2.title}`, "");
        out.push(`${task.number === null ? "" : `（${task.number}）`}${task.text}${task.units.length ? `（${unitText(task.units)}）` : ""}`, "");
      }
      break;
    }
    case "prose-tags": {
      let para = "";
      for (const { l1, l2, task, firstInL1, firstInL2 } of walk(spec)) {
        if (firstInL1 || (l2 && firstInL2)) {
          if (para) out.push(para, "");
          para = "";
        }
        if (firstInL1) out.push(heading(l1), "");
        if (l2 && firstInL2) para = `${heading(l2).replace(/[。.]$/, "")}。`;
        if (task.units.length) para += `${task.text}（${unitText(task.units)}）`;
        else {
          // a task with no unit tag ends at its paragraph
          out.push(para + task.text, "");
          para = "";
        }
      }
      if (para) out.push(para);
      break;
    }
    case "html": {
      const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      const rows = [...walk(spec)].map(({ l1, l2, task, firstInL1, firstInL2 }) =>
        `<tr><td>${firstInL1 ? esc(heading(l1)) : ""}</td><td>${l2 && firstInL2 ? esc(heading(l2)) : ""}</td><td><p>${esc(numbered(task))}</p></td><td>${esc(unitText(task.units))}</td></tr>`);
      return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(spec.title)}</title><script>var x = "<td>1. 不是任务</td>";</script></head>
<body><div class="header"><nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></nav></div>
<div class="article"><h1>${esc(spec.title)}</h1>${spec.draft ? "<p>（征求意见稿）</p>" : ""}
<table border="1"><tr><th>工作要求</th><th>具体任务</th><th>具体要求</th><th>牵头落实单位</th></tr>${rows.join("\n")}</table></div>
<footer><p>主办单位：某县人民政府办公室</p><p>分享到：微信 微博</p></footer></body></html>`;
    }
  }
  return out.join("\n") + "\n";
}

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
export function traditional(text: string): string {
  return toTraditional(text);
}

/** A .docx whose body is the title paragraph(s) and one table with the plan's rows. */
export async function renderDocx(spec: PlanSpec): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const p = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
  const cell = (s: string) => `<w:tc>${p(s)}</w:tc>`;
  const rows = [`<w:tr>${["工作要求", "具体任务", "具体要求", "牵头落实单位"].map(cell).join("")}</w:tr>`];
  for (const { l1, l2, task, firstInL1, firstInL2 } of walk(spec)) {
    rows.push(`<w:tr>${[firstInL1 ? heading(l1) : "", l2 && firstInL2 ? heading(l2) : "", numbered(task), unitText(task.units)].map(cell).join("")}</w:tr>`);
  }
  const body = `${p(spec.title)}${spec.draft ? p("（征求意见稿）") : ""}<w:tbl>${rows.join("")}</w:tbl>`;
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}

export { CN };
