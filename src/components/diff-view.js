// A character diff ([op, text] segments) as text: insertions and deletions marked, never as markup.
import { html } from "htl";

export function diffView(segments) {
  return html`<span class="diff">${segments.map(([op, s]) => (op === "=" ? s : op === "+" ? html`<ins>${s}</ins>` : html`<del>${s}</del>`))}</span>`;
}
