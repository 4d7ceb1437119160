// What a plan carries of the plans above it: for each plan above (its prefecture's, province's or the
// national plan), each requirement copied, modified or absent, with the task that carries it.
// Everything is built with htl: a plan's text is always text, never markup.
import { html } from "htl";

/** rows: parent_coverage rows of one plan; labels: a labeller (format.js) over data/labels.json. */
export function parentCoverage(rows, { labels }) {
  const byParent = new Map();
  for (const r of rows) {
    if (!byParent.has(r.parent_doc_id)) byParent.set(r.parent_doc_id, []);
    byParent.get(r.parent_doc_id).push(r);
  }
  return html`<div class="parent-coverage">${[...byParent.values()].map((list) => {
    const p = list[0];
    const count = (status) => list.filter((r) => r.status === status).length;
    return html`<h3><a href=${`./view?doc=${encodeURIComponent(p.parent_doc_id)}`}>${p.parent_region} ${p.parent_year} 年</a>（${labels.label("level", p.parent_level)}）</h3>
      <p class="muted">${labels.entries("coverage").map(({id, label}) => `${label} ${count(id)} 项`).join("　")}</p>
      <ol class="coverage-list">${list.map((r) => html`<li class=${`coverage-${r.status}`}>
        <span class="tag">${labels.label("coverage", r.status)}${r.status === "absent" ? "" : ` · 第 ${r.number ?? r.seq} 项`}</span>
        <span class="muted">第 ${r.parent_number ?? r.parent_seq} 项：</span>${r.parent_text}</li>`)}</ol>`;
  })}</div>`;
}
