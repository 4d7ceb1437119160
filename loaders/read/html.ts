// HTML (a saved web page, or the HTML that mammoth makes of a .docx) → plain text in the shapes the parser
// reads: block elements become lines; a data table's row becomes one line of tab-separated cells (cells
// merged across rows or columns padded with empty cells, so columns stay aligned), and paragraphs inside
// one cell are separated by U+2029. A layout table — one that holds another table, or has a single column —
// is read as blocks, the way old government sites wrap a whole page in one.
//
// htmlparser2 tokenizes and builds the tree as the HTML spec reads it (quoted attributes holding `>`,
// comments, raw-text elements); the walk over the tree is iterative, so nesting depth costs no stack.
// Page chrome is left to the text stages (data/junk-patterns.tsv), as for a page copied as text: the
// metadata rows around a plan (文号, 发布机构) are still read there.
//
// Dropped: scripts, styles, navigation and site header/footer, form controls, and hidden elements (hidden,
// display:none, visibility:hidden — where reposting sites hide injected text); hidden text is counted in a
// notice. Markup that swallowed the page's text — a <script>, <style>, <title>, <textarea> or <!-- never
// closed, running to the end of the file — is reported with its line, and what it swallowed is read again
// as markup from its first block tag.
import { parseDocument } from "htmlparser2";
import { isComment, isTag, isText, type ChildNode, type Document, type Element } from "domhandler";
import { PARAGRAPH } from "./normalize.ts";
import type { ReadNotice } from "./notice.ts";

/** Elements whose content is never page text. */
const SKIP = new Set(["script", "style", "noscript", "nav", "aside", "select", "option", "datalist", "button", "iframe", "svg", "math", "canvas", "object", "template", "head", "title", "textarea", "noembed", "noframes", "xmp"]);
/** The site's own header and footer; inside an article they are the article's (its title), and kept. */
const PAGE_CHROME = new Set(["header", "footer"]);
const CONTENT = new Set(["article", "main", "section"]);
const BLOCK = new Set(["p", "div", "section", "article", "main", "header", "footer", "form", "fieldset", "address", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "caption", "hr", "details", "summary"]);
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"]);
/** Elements whose content the tokenizer reads as raw text up to their end tag. */
const RAW_TEXT = new Set(["script", "style", "title", "textarea", "iframe", "noembed", "noframes", "xmp", "plaintext"]);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
/** Where swallowed text is read again: the first tag that starts a block of page text. */
const RESUME_TAG = /<(?:p|div|table|tr|td|h[1-6]|br|span|li|section|article|center|font|strong|b)[\s/>]/i;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Characters a browser sets wide: ideographs and CJK punctuation (no space where a line break falls between two). */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
const MAX_SPAN = 1000;
/** Deeper than this, container tags are flattened before parsing (browsers stop nesting at 512). */
const MAX_DEPTH = 1000;
/** Elements whose end tag may be left out, and void elements: never counted as nesting. */
const UNCOUNTED = new Set(["p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source", "embed", "param", "track"]);
/** Elements that run inside a line: flattened to nothing, where the others become line breaks. */
const INLINE = new Set(["span", "font", "b", "i", "u", "em", "strong", "a", "small", "big", "sup", "sub", "s", "strike", "label", "abbr", "cite", "code", "mark", "q"]);
const ANY_TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])[^<>]*?(\/?)>/g;

/** How deep the page nests, estimated from its tags in one linear pass (end tags that may be left out aside). */
function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  ANY_TAG.lastIndex = 0;
  for (let m = ANY_TAG.exec(html); m !== null; m = ANY_TAG.exec(html)) {
    if (UNCOUNTED.has(m[2].toLowerCase()) || m[3] === "/") continue;
    if (m[1] === "/") depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}
const MAX_RECOVERIES = 8;

export interface HtmlText {
  text: string;
  notices: ReadNotice[];
}

export function htmlToText(html: string): string {
  return extractHtml(html).text;
}

export function extractHtml(html: string): HtmlText {
  const depthNotices: PendingNotice[] = [];
  const depth = nestingDepth(html);
  if (depth > MAX_DEPTH) {
    // htmlparser2 keeps its open elements with unshift/shift: time grows with depth squared (fb55/htmlparser2#2481).
    // Browsers stop nesting at 512; here the containers that only add line breaks are flattened instead.
    html = html.replace(ANY_TAG, (tag, _close: string, name: string) => {
      const lower = name.toLowerCase();
      return RAW_TEXT.has(lower) || SKIP.has(lower) ? tag : INLINE.has(lower) ? "" : "<br>";
    });
    depthNotices.push({ severity: "warning", code: "deep-markup", index: 0, message: `网页的标记嵌套了约 ${depth} 层（超过 ${MAX_DEPTH} 层），已去掉其中的标记，逐段读取文字（表格不再分列）` });
  }
  const recovered = recoverSwallowedText(html);
  recovered.notices.unshift(...depthNotices);
  const sink = new TextSink();
  const pending = [...recovered.notices]; // notices placed where the walk reaches their index
  const notices: ReadNotice[] = [];
  let hiddenChars = 0;
  let hiddenAt: number | null = null;
  const place = (index: number | null) => {
    while (pending.length > 0 && index !== null && pending[0].index <= index) {
      const { index: _, ...n } = pending.shift()!;
      notices.push({ ...n, offset: sink.offset() });
    }
  };

  type Frame = { node: ChildNode; exit: boolean; table?: TableState | null; pre?: boolean };
  const stack: Frame[] = [...recovered.doc.children].reverse().map((node) => ({ node, exit: false }));
  let preDepth = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node } = frame;
    if (frame.exit) {
      const el = node as Element;
      if (frame.pre) preDepth--;
      if (frame.table !== undefined) {
        if (frame.table) sink.closeTable();
        else sink.breakLine();
      } else if (el.name === "tr" && sink.inDataTable(el)) sink.closeRow();
      else if ((el.name === "td" || el.name === "th") && sink.inDataTable(el)) sink.closeCell(span(el, "colspan"), span(el, "rowspan"));
      else if (BLOCK.has(el.name) || TABLE_PARTS.has(el.name)) sink.breakLine();
      continue;
    }
    if (isText(node)) {
      place(node.startIndex);
      if (preDepth > 0) {
        const parts = node.data.split("\n");
        parts.forEach((part, i) => {
          if (i > 0) sink.breakLine();
          sink.emit(part);
        });
      } else sink.emit(collapse(node.data, sink.lastChar()));
      continue;
    }
    if (!isTag(node)) continue; // comments, directives
    place(node.startIndex);
    const name = node.name;
    if (name === "br") {
      sink.breakLine();
      continue;
    }
    if (SKIP.has(name) || (PAGE_CHROME.has(name) && !hasAncestor(node, CONTENT))) continue;
    if (isHidden(node)) {
      const chars = visibleLength(node);
      if (chars > 0) {
        hiddenChars += chars;
        hiddenAt ??= sink.offset();
      }
      continue;
    }
    const enter: Frame = { node, exit: true };
    if (name === "table") {
      const data = isDataTable(node);
      enter.table = data ? sink.openTable(node) : null;
      if (!data) sink.breakLine();
    } else if (name === "tr" && sink.inDataTable(node)) sink.openRow();
    else if ((name === "td" || name === "th") && sink.inDataTable(node)) sink.openCell();
    else if (BLOCK.has(name) || TABLE_PARTS.has(name)) sink.breakLine();
    if (name === "pre") {
      preDepth++;
      enter.pre = true;
    }
    stack.push(enter);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], exit: false });
  }
  place(Number.MAX_SAFE_INTEGER);
  const text = sink.finish();
  if (hiddenChars > 0) {
    notices.push({ severity: "info", code: "hidden-text", message: `网页中有 ${hiddenChars} 个字的隐藏文字（hidden、display:none），未作为正文读取`, offset: hiddenAt });
  }
  return { text, notices: [...notices, ...attributeNotices(recovered.doc, recovered.html)] };
}

// ---- markup that swallowed text ----------------------------------------------------------------------

interface PendingNotice extends Omit<ReadNotice, "offset"> {
  /** Index into the (recovered) HTML where the swallowed text begins. */
  index: number;
}

/**
 * A raw-text element or comment left open runs to the end of the file, over whatever text followed it.
 * Drop what it opened up to its first block tag, parse again, and say so; at most a few times.
 */
function recoverSwallowedText(html: string): { doc: Document; html: string; notices: PendingNotice[] } {
  const notices: PendingNotice[] = [];
  let doc = parse(html);
  for (let round = 0; round < MAX_RECOVERIES; round++) {
    const open = openAtEnd(doc, html);
    if (!open) break;
    const rest = html.slice(open.contentStart);
    const resume = resumeAt(rest, open.inTag);
    const line = lineOf(html, open.start);
    if (resume === null || !CJK.test(rest.slice(resume))) {
      if (CJK.test(rest)) {
        notices.push({ severity: "warning", code: "truncated-markup", index: open.start, message: `网页第 ${line} 行的 ${open.what}，其后 ${rest.length} 个字符未作为正文读取（文件可能下载不完整）` });
      }
      break;
    }
    notices.push({ severity: "warning", code: "swallowing-markup", index: open.start, message: `网页第 ${line} 行的 ${open.what}，吞没了其后的正文；其后的文字已重新读取，请核对原文` });
    html = html.slice(0, open.start) + rest.slice(resume);
    doc = parse(html);
  }
  return { doc, html, notices };
}

function parse(html: string): Document {
  return parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true });
}

/** Where to read swallowed text again: inside a tag left open, after the `>` meant to end it; else at the first block tag. */
function resumeAt(rest: string, inTag: boolean): number | null {
  const gt = inTag ? rest.indexOf(">") : -1;
  if (gt !== -1) return gt + 1;
  const tag = RESUME_TAG.exec(rest);
  return tag ? tag.index : null;
}

interface OpenAtEnd {
  start: number;
  contentStart: number;
  /** What was left open, as the message says it. */
  what: string;
  /** The file ends inside a tag (an attribute's quote never closed). */
  inTag: boolean;
}

/** The raw-text element, comment or tag that the file ends inside, if any: the last node at every depth. */
function openAtEnd(doc: Document, html: string): OpenAtEnd | null {
  let node: ChildNode | undefined = doc.children[doc.children.length - 1];
  // a tag whose attribute quote never closed ends the tree before the file ends
  const lastEnd = node?.endIndex ?? -1;
  if (lastEnd < html.length - 1 && html.slice(lastEnd + 1).trim() !== "") {
    return { start: lastEnd + 1, contentStart: lastEnd + 2, what: `${/^<[a-zA-Z][a-zA-Z0-9]*/.exec(html.slice(lastEnd + 1))?.[0] ?? "<"}> 标记的属性引号没有闭合`, inTag: true };
  }
  while (node) {
    if (isComment(node) && node.startIndex !== null) {
      const source = html.slice(node.startIndex);
      return /--!?>\s*$/.test(source) ? null : { start: node.startIndex, contentStart: node.startIndex + 4, what: "注释 <!-- 没有结束标记", inTag: false };
    }
    if (isTag(node)) {
      if (RAW_TEXT.has(node.name) && node.startIndex !== null) {
        const source = html.slice(node.startIndex);
        if (new RegExp(`</${node.name}\\s*>\\s*$`, "i").test(source)) return null;
        const tagEnd = node.children.length > 0 && node.children[0].startIndex !== null ? node.children[0].startIndex : html.indexOf(">", node.startIndex) + 1;
        return { start: node.startIndex, contentStart: tagEnd, what: `<${node.name}> 没有结束标记`, inTag: false };
      }
      node = node.children[node.children.length - 1];
      continue;
    }
    return null;
  }
  return null;
}

/** An attribute value holding markup and text: a quote left open swallowed the page up to the next quote. */
function attributeNotices(doc: Document, html: string): ReadNotice[] {
  const notices: ReadNotice[] = [];
  const stack: ChildNode[] = [...doc.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    for (const [name, value] of Object.entries(node.attribs)) {
      if (/[<>]/.test(value) && (value.match(/[\u3400-\u9fff]/g)?.length ?? 0) >= 10) {
        notices.push({ severity: "warning", code: "swallowing-markup", offset: null, message: `网页第 ${lineOf(html, node.startIndex ?? 0)} 行 <${node.name}> 的属性 ${name} 的引号没有闭合，吞没了 ${value.length} 个字符的正文，请核对原文` });
      }
    }
    for (const child of node.children) stack.push(child); // (no spread: a node may have 100 000 children)
  }
  return notices;
}

function lineOf(html: string, index: number): number {
  let line = 1;
  for (let i = html.indexOf("\n"); i !== -1 && i < index; i = html.indexOf("\n", i + 1)) line++;
  return line;
}

// ---- elements --------------------------------------------------------------------------------------

function hasAncestor(node: Element, names: Set<string>): boolean {
  for (let p = node.parent; p; p = p.parent) if (isTag(p as ChildNode) && names.has((p as Element).name)) return true;
  return false;
}

function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined) return true;
  if (el.name === "input" && el.attribs.type?.toLowerCase() === "hidden") return true;
  const style = el.attribs.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Characters of text in a subtree, scripts and styles aside. */
function visibleLength(root: Element): number {
  let n = 0;
  const stack: ChildNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) n += node.data.replace(/\s+/g, "").length;
    else if (isTag(node) && !SKIP.has(node.name)) for (const child of node.children) stack.push(child);
  }
  return n;
}

/** A table of data, as opposed to one that lays out a page: no table inside it and more than one column. */
function isDataTable(table: Element): boolean {
  if (table.attribs.role === "presentation") return false;
  let columns = 0;
  const stack: ChildNode[] = [...table.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === "table") return false;
    if (node.name === "tr") columns = Math.max(columns, node.children.filter((c) => isTag(c) && (c.name === "td" || c.name === "th")).length);
    for (const child of node.children) stack.push(child);
  }
  return columns > 1;
}

function span(el: Element, attribute: "colspan" | "rowspan"): number {
  const n = parseInt(el.attribs[attribute] ?? "1", 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Collapse white space as a browser shows it; a line break between two CJK characters is no space at all. */
function collapse(data: string, before: string): string {
  return data.replace(/[ \t\n\r\f]+/g, (run, at: number) => {
    const prev = at === 0 ? before : data[at - 1];
    const next = data[at + run.length] ?? "";
    if (run.includes("\n") && WIDE.test(prev) && WIDE.test(next)) return "";
    return prev === " " || prev === "" ? "" : " ";
  });
}

// ---- the text being built --------------------------------------------------------------------------

interface TableState {
  element: Element;
  rows: string[][];
  row: string[] | null;
  cell: string | null;
  /** Rows still covered, per column, by a cell above that spans rows. */
  covered: number[];
}

class TextSink {
  private out: string[] = [];
  private length = 0;
  private line = "";
  private tables: TableState[] = [];

  offset(): number {
    return this.length + (this.tables.length === 0 ? this.line.length : 0);
  }

  lastChar(): string {
    const t = this.top();
    const s = t && t.cell !== null ? t.cell : this.line;
    return s.length > 0 ? s[s.length - 1] : "";
  }

  emit(s: string): void {
    if (s === "") return;
    const t = this.top();
    if (t && t.cell !== null) t.cell += s;
    else if (t) {
      // text between a table's cells (stray, or in a row without cells) is kept as a cell of its own
      if (s.trim() === "") return;
      this.openRow(true);
      this.openCell();
      t.cell += s;
      this.closeCell(1, 1);
    } else this.line += s;
  }

  breakLine(): void {
    const t = this.top();
    if (t) {
      if (t.cell !== null && t.cell.trim() !== "" && !t.cell.endsWith(PARAGRAPH)) t.cell += PARAGRAPH;
      return;
    }
    this.push(this.line);
    this.line = "";
  }

  /** Whether a tr/td belongs to the innermost data table being read (not to a layout table around it). */
  inDataTable(el: Element): boolean {
    const t = this.top();
    if (!t) return false;
    for (let p = el.parent; p; p = p.parent) if (isTag(p as ChildNode) && (p as Element).name === "table") return p === t.element;
    return false;
  }

  openTable(element: Element): TableState {
    this.breakLine();
    const t: TableState = { element, rows: [], row: null, cell: null, covered: [] };
    this.tables.push(t);
    return t;
  }

  closeTable(): void {
    this.closeRow();
    const t = this.tables.pop()!;
    const text = t.rows.map((r) => r.join("\t")).join("\n");
    if (this.tables.length > 0) {
      // a data table inside a data table's cell: its rows become paragraphs of that cell
      const outer = this.top()!;
      if (outer.cell === null) this.openCell();
      this.emit(text.replace(/\n/g, PARAGRAPH).replace(/\t/g, " "));
    } else this.push(text);
  }

  openRow(keepOpen = false): void {
    const t = this.top()!;
    if (keepOpen && t.row !== null) return;
    this.closeRow();
    t.row = [];
  }

  closeRow(): void {
    const t = this.top();
    if (!t) return;
    if (t.cell !== null) this.closeCell(1, 1);
    if (t.row === null) return;
    // columns still covered by a cell spanning rows from above, after the row's last cell
    for (let c = t.row.length; c < t.covered.length; c++) {
      if (t.covered[c] > 0) {
        while (t.row.length < c) t.row.push("");
        t.covered[c]--;
        t.row.push("");
      }
    }
    if (t.row.some((c) => c !== "")) t.rows.push(t.row);
    t.row = null;
  }

  openCell(): void {
    const t = this.top()!;
    if (t.cell !== null) this.closeCell(1, 1);
    if (t.row === null) t.row = [];
    // columns covered by cells spanning rows from above come first
    while ((t.covered[t.row.length] ?? 0) > 0) {
      t.covered[t.row.length]--;
      t.row.push("");
    }
    t.cell = "";
  }

  closeCell(colspan: number, rowspan: number): void {
    const t = this.top()!;
    if (t.cell === null) return;
    const column = t.row!.length;
    t.row!.push(t.cell.replace(/^[\s\u2029]+|[\s\u2029]+$/g, "").replace(/\t/g, " "));
    for (let i = 1; i < colspan; i++) t.row!.push("");
    if (rowspan > 1) for (let c = column; c < column + colspan; c++) t.covered[c] = Math.max(t.covered[c] ?? 0, rowspan - 1);
    t.cell = null;
  }

  finish(): string {
    while (this.tables.length > 0) this.closeTable();
    this.breakLine();
    return this.out.join("\n") + "\n";
  }

  private top(): TableState | undefined {
    return this.tables[this.tables.length - 1];
  }

  private push(text: string): void {
    const s = text.trim();
    if (s === "") return;
    this.out.push(s);
    this.length += s.length + 1;
  }
}
