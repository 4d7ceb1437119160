// HTML (a saved web page, or the HTML that mammoth makes of a .docx) → plain text in the shapes the
// parser reads: block elements become lines, a table row becomes one line of tab-separated cells, and
// paragraphs inside one cell are separated by U+2029. Scripts, styles and site chrome (nav, header,
// footer, aside, form) are dropped. A single linear scan: no backtracking on hostile input.
import { PARAGRAPH } from "./normalize.ts";

const SKIP = new Set(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select", "button", "iframe", "svg", "template", "head"]);
const BLOCK = new Set(["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "table", "tbody", "thead", "tfoot", "caption", "hr"]);
const VOID = new Set(["br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"]);

const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;
const NAMED: Record<string, string> = { nbsp: " ", lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", ensp: " ", emsp: " ", ldquo: "“", rdquo: "”", mdash: "—", hellip: "…", middot: "·" };

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = ""; // text of the current line outside tables
  let skipDepth = 0;
  let skipTag = "";
  // table state: a stack, since tables nest in layout-heavy pages
  const tables: { rows: string[][]; row: string[] | null; cell: string | null }[] = [];
  const emit = (s: string) => {
    const t = tables[tables.length - 1];
    if (t && t.cell !== null) t.cell += s;
    else line += s;
  };
  const breakLine = () => {
    const t = tables[tables.length - 1];
    if (t && t.cell !== null) {
      if (t.cell.trim() !== "" && !t.cell.endsWith(PARAGRAPH)) t.cell += PARAGRAPH;
      return;
    }
    if (line.trim() !== "") out.push(line.trim());
    line = "";
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i && skipDepth === 0) emit(decodeEntities(html.slice(i, textEnd)).replace(/[\s\u00a0]+/g, " "));
    if (lt === -1) break;
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf(">", lt + 1);
    if (gt === -1) {
      if (skipDepth === 0) emit(html.slice(lt));
      break;
    }
    const raw = html.slice(lt + 1, gt);
    i = gt + 1;
    const m = /^(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(raw);
    if (!m) {
      if (skipDepth === 0 && raw[0] !== "!" && raw[0] !== "?") emit("<" + raw + ">");
      continue;
    }
    const closing = m[1] === "/";
    const tag = m[2].toLowerCase();
    if (skipDepth > 0) {
      if (tag === skipTag) skipDepth += closing ? -1 : raw.endsWith("/") ? 0 : 1;
      continue;
    }
    if (SKIP.has(tag) && !closing) {
      if (!raw.endsWith("/")) {
        skipDepth = 1;
        skipTag = tag;
      }
      continue;
    }
    if (tag === "table") {
      if (!closing) {
        breakLine();
        tables.push({ rows: [], row: null, cell: null });
      } else if (tables.length > 0) {
        const t = tables.pop()!;
        closeRow(t);
        const text = t.rows.map((r) => r.join("\t")).join("\n");
        if (tables.length > 0) emit(text.replace(/\n/g, PARAGRAPH).replace(/\t/g, " "));
        else {
          breakLine();
          if (text.trim() !== "") out.push(text);
        }
      }
      continue;
    }
    const t = tables[tables.length - 1];
    if (t && tag === "tr") {
      closeRow(t);
      if (!closing) t.row = [];
      continue;
    }
    if (t && (tag === "td" || tag === "th")) {
      if (t.cell !== null) closeCell(t);
      if (!closing) {
        if (t.row === null) t.row = [];
        t.cell = "";
      }
      continue;
    }
    if (tag === "br") {
      breakLine();
      continue;
    }
    if (BLOCK.has(tag) || VOID.has(tag)) {
      if (BLOCK.has(tag)) breakLine();
      continue;
    }
  }
  while (tables.length > 0) {
    const t = tables.pop()!;
    closeRow(t);
    out.push(t.rows.map((r) => r.join("\t")).join("\n"));
  }
  breakLine();
  return out.join("\n") + "\n";

  function closeCell(t: { row: string[] | null; cell: string | null }) {
    if (t.cell === null) return;
    const cell = t.cell.replace(/^[\s\u2029]+|[\s\u2029]+$/g, "").replace(/\t/g, " ");
    (t.row ??= []).push(cell);
    t.cell = null;
  }
  function closeRow(t: { rows: string[][]; row: string[] | null; cell: string | null }) {
    closeCell(t);
    if (t.row && t.row.some((c) => c !== "")) t.rows.push(t.row);
    t.row = null;
  }
}
