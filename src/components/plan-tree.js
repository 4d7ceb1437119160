// A plan's structure rebuilt from the tables: sections, tasks with number, units and roles, category,
// and parse issues in place (an issue sits before the task or section whose text it points into).
// Everything is built with htl: the plan's text is always text, never markup.
import { html } from "htl";
import { diffView } from "./diff-view.js";

/** labels: a labeller (format.js) over data/labels.json, for roles, unit kinds and domains. */
export function planTree({ sections, tasks, assignments, issues }, { labels }) {
  const unitsOf = new Map();
  for (const a of assignments) {
    if (!unitsOf.has(a.task_id)) unitsOf.set(a.task_id, []);
    unitsOf.get(a.task_id).push(a);
  }
  const positioned = issues.filter((i) => i.span_start != null).sort((a, b) => a.span_start - b.span_start);
  const general = issues.filter((i) => i.span_start == null);
  let next = 0;
  const issuesBefore = (end) => {
    const out = [];
    while (next < positioned.length && positioned[next].span_start < end) out.push(positioned[next++]);
    return out.map(issueBox);
  };
  const items = [];
  const byStart = [...sections.map((s) => ({ kind: "section", at: s.span_start, s })), ...tasks.map((t) => ({ kind: "task", at: t.span_start, t }))].sort((a, b) => a.at - b.at);
  for (const item of byStart) {
    if (item.kind === "section") {
      items.push(...issuesBefore(item.at + 1));
      const { s } = item;
      items.push(s.level === 1 ? html`<h3 id=${s.section_id}>${s.marker ?? ""}${s.title}</h3>` : html`<h4 id=${s.section_id}>${s.marker ?? ""}${s.title}</h4>`);
    } else {
      const { t } = item;
      items.push(...issuesBefore(t.span_end));
      items.push(taskRow(t, unitsOf.get(t.task_id) ?? [], labels));
    }
  }
  items.push(...issuesBefore(Infinity));
  return html`<div class="plan-tree">${general.map(issueBox)}${items}</div>`;
}

function taskRow(t, units, labels) {
  return html`<div class="task" id=${t.task_id}>
    <div class="no">${t.number ?? "·"}</div>
    <div>
      <div>${t.text}</div>
      <div class="meta">
        <span class="tag category" title=${t.category_evidence ?? ""}>${t.category_label}${t.domain ? ` · ${labels.label("domain", t.domain)}` : ""}</span>
        ${units.map((u) => html`<span class="tag ${u.role} ${u.blanket ? "blanket" : ""}" title=${`${u.unit}（${labels.label("unit-kind", u.unit_kind)}）`}>${labels.label("role", u.role)}：${u.unit_raw}</span>`)}
        ${t.deadline ? html`<span class="tag">时限：${t.deadline}</span>` : ""}
        ${t.frequency ? html`<span class="tag">频次：${t.frequency}</span>` : ""}
        ${t.requirement_page ? html`<a class="tag" href=${`../requirements/${t.requirement_id}`}>${t.requirement_plans} 份规划有此要求</a>` : ""}
      </div>
      ${t.source ? sourceLine(t.source, labels) : ""}
    </div>
  </div>`;
}

/** 来自 XX省2022年要点第N项, and what this task changed of it (struck: left out; underlined: added). */
function sourceLine(s, labels) {
  const place = `${s.region ?? ""}${s.year ?? ""}年要点第${s.number ?? s.seq}项`;
  const same = s.diff.every(([op]) => op === "=");
  return html`<details class="lineage"><summary>来自<a href=${`./view?doc=${encodeURIComponent(s.doc_id)}#${encodeURIComponent(s.task_id)}`}>${place}</a>（${labels.label("relation", s.relation)}，相似度 ${s.similarity}）</summary>
    ${same ? html`<div class="muted">文字与上级条文相同。</div>` : html`<div class="muted">与上级条文逐字比较：红底删除线是本规划删去的文字，绿底是新增的文字。</div>${diffView(s.diff)}`}</details>`;
}

function issueBox(i) {
  const label = { error: "错误", warning: "警告", info: "提示" }[i.severity];
  return html`<div class="issue ${i.severity}">${label} · ${i.code}：${i.message}</div>`;
}
