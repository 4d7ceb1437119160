// Layout "table-rows": one table row per line, cells separated by tabs (or | in Markdown-style
// conversions), under a header row that names the columns (工作任务 | 具体要求 | 责任单位 …). The header
// repeats at page breaks; section cells repeat too and are recognised as repeats by the assembler.
import type { Block } from "../assemble.ts";
import { classifyCell, headerRole, newContext, numberedTasks, unitsBlock, type ColumnRole } from "../cells.ts";
import { CHINESE_L2, headingMarker, splitCells, type Line, type Numbering } from "../text.ts";
import type { Span } from "../types.ts";
import { isDutyList, looksLikeUnitList } from "../units.ts";
import { isDeadlineCell } from "../cells.ts";

/**
 * The column roles a line names, or null when it is no header row: two names at least, all but one known; or, for
 * the rest of a header broken over two lines (`continued`), names only.
 */
export function headerRow(text: string, line: Line, sep: string, continued = false): ColumnRole[] | null {
  if (!line.text.includes(sep)) return null;
  const cells = splitCells(text, line, sep).filter((c, i, all) => !(sep === "|" && (i === 0 || i === all.length - 1) && c.end === c.start));
  const named = cells.filter((c) => c.end > c.start); // a header drawn with empty trailing cells (| ||)
  const roles = named.map((c) => headerRole(text.slice(c.start, c.end)));
  const known = roles.filter((r) => r !== null).length;
  const enough = continued ? known >= 1 && known === roles.length : known >= 2 && known >= roles.length - 1;
  return enough ? roles.map((r) => r ?? "ignore") : null;
}

/** A header with no requirement column (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限): its last section column holds the tasks. */
function withTaskColumn(columns: ColumnRole[]): ColumnRole[] {
  const last = columns.lastIndexOf("section");
  return columns.includes("task") || last === -1 ? columns : columns.map((r, i) => (i === last ? "task" : r));
}

export function tableSeparator(line: Line): "\t" | "|" {
  return line.text.includes("\t") ? "\t" : "|";
}

export function parseTableRows(text: string, lines: Line[], numbering: Numbering = CHINESE_L2): Block[] {
  const blocks: Block[] = [];
  const ctx = newContext(numbering);
  let columns: ColumnRole[] | null = null;
  let sep: "\t" | "|" = "\t";
  let afterHeader = false;
  for (const line of lines) {
    if (line.text.trim() === "") continue;
    if (/^[\s|:：\-—–=+\t]+$/.test(line.text)) continue; // Markdown rule under a header, or a drawn border
    const lineSep = tableSeparator(line);
    const header = headerRow(text, line, lineSep);
    if (header) {
      ctx.seenStructure = true;
      columns = header;
      sep = lineSep;
      afterHeader = true;
      continue;
    }
    // a header row broken over two lines (「工作任务 | 具体要求」 / 「| 责任单位 |」): the columns it goes on naming
    const rest: ColumnRole[] | null = afterHeader && columns ? headerRow(text, line, lineSep, true) : null;
    afterHeader = false;
    if (rest && columns) {
      columns = [...columns, ...rest];
      continue;
    }
    if (!columns || !line.text.includes(sep)) {
      blocks.push(...classifyCell(text, line, ctx)); // a line outside the grid: read it as a lone cell
      continue;
    }
    const grid = withTaskColumn(columns);
    let cells = splitCells(text, line, sep);
    if (sep === "|") cells = cells.filter((c, i) => !((i === 0 || i === cells.length - 1) && c.end === c.start));
    let sectionLevel = 0;
    let group: Block[] = [];
    let pendingNumber: number | null = null;
    const taskBlocks = (cell: Span) => {
      const tasks = numberedTasks(text, cell, ctx) ?? classifyCell(text, cell, ctx, { taskColumn: true });
      const first = tasks[0];
      // a row with its own 序号 starts a task, whether or not the row above ended its sentence
      if (pendingNumber !== null && first?.kind === "task" && first.number === null) {
        tasks[0] = { ...first, number: pendingNumber, continuation: false };
        ctx.lastNumber = pendingNumber;
      }
      pendingNumber = null;
      return tasks;
    };
    const { roles, byPosition } = rowRoles(text, cells, grid, ctx.numbering);
    // unit cells of a row that does not line up take the header's unit columns in order (牵头部门 | 配合部门)
    const unitColumns = grid.filter((r) => r === "units" || r === "lead-units" || r === "participant-units");
    let unitCell = 0;
    cells.forEach((cell, i) => {
      const content = text.slice(cell.start, cell.end).trim();
      let role = roles[i];
      if (!byPosition && role === "units") role = unitColumns[Math.min(unitCell++, unitColumns.length - 1)] ?? "units";
      if (cell.end <= cell.start) {
        if (role === "section") sectionLevel++;
        return;
      }
      switch (role) {
        case "section": {
          sectionLevel++;
          const marker = headingMarker(text, cell.start, cell.end, numbering);
          const level = marker ? marker.level : sectionLevel === 1 ? 1 : 2;
          const title: Span = marker ? { start: marker.titleStart, end: cell.end } : cell;
          blocks.push({ kind: "section", level, marker: marker?.marker ?? null, title, span: cell });
          return;
        }
        case "task":
          group.push(...taskBlocks(cell));
          return;
        case "units":
        case "lead-units":
        case "participant-units":
          // beside a 牵头单位 column, a 责任单位 column names the units that take part
          group.push(unitsBlock(text, cell, role === "units" && grid.includes("lead-units") ? "participant-units" : role));
          return;
        case "deadline":
          group.push({ kind: "deadline", span: cell });
          return;
        case "channel":
          group.push({ kind: "note", severity: "info", code: "channel-cell", message: `发布渠道一栏（公开载体），未计为任务或责任单位：「${content.slice(0, 40)}」`, span: cell });
          return;
        default:
          if (role === "number" && /^\d{1,3}$/.test(content)) {
            pendingNumber = Number(content);
            return;
          }
          group.push({ kind: "unplaced", span: cell, reason: "表格中无法归入任何一列的内容" });
      }
    });
    blocks.push(...group);
    group = [];
  }
  return blocks;
}

/**
 * The column of each cell of a row, and whether they come from the header (by position) or from what the
 * cells say. A row that fills the header takes its columns. A row that does not line up (merged cells
 * dropped, a 序号 column the header does not name) is read by content, unless it lost its first cells to a
 * merge (「2. 做好历史规划… | 市政务公开办牵头… | 办公室牵头,各处室配合 |」 under 工作任务 | 具体要求 | 市里落实单位 |
 * 局内负责处室) or its empty cells at its end made up the count (「2.紧扣民生领域… | 办公室、基教处… | 持续推进 | |」,
 * 安徽省教育厅 2024): then its cells are the header's last, when each fits its column (a numbered item only a task
 * column), or, for a row with more empty cells at its end than it lost, as many columns further left as those
 * cells stand for (「2.做好政策解读。 | 县司法局 | 县政府办 | | |」). A row may stop before trailing columns it
 * leaves empty (备注). Cells are read by content only for a row that does not fill the header: the test costs.
 */
function rowRoles(text: string, cells: Span[], columns: ColumnRole[], numbering: Numbering): { roles: ColumnRole[]; byPosition: boolean } {
  const aligned = cells.length === columns.length || (cells.length > 1 && cells.length < columns.length && columns.slice(cells.length).every((r) => r === "ignore"));
  let filled = cells.length;
  while (filled > 0 && cells[filled - 1].end <= cells[filled - 1].start) filled--;
  const partial = cells.length < columns.length || filled < cells.length;
  if (aligned && !partial) return { roles: cells.map((_, i) => columns[i]), byPosition: true };
  const byContent = cells.map((c) => roleByContent(text, c, numbering));
  const numbered = cells.map((c) => /^\d{1,3}[.、．]\s*\S/.test(text.slice(c.start, c.end).trim()));
  const fitsColumn = (i: number, column: ColumnRole | undefined) => column !== undefined && (numbered[i] ? column === "task" : fits(byContent[i], column));
  const kept = cells.slice(0, filled);
  if (aligned && kept.every((_, i) => fitsColumn(i, columns[i]))) return { roles: cells.map((_, i) => columns[i] ?? "ignore"), byPosition: true };
  if (columns.includes("task") && filled >= 2) {
    for (const offset of new Set([columns.length - filled, columns.length - cells.length])) {
      if (offset < 1) continue;
      const shifted = columns.slice(offset, offset + filled);
      if (kept.every((_, i) => fitsColumn(i, shifted[i]))) return { roles: cells.map((_, i) => shifted[i] ?? "ignore"), byPosition: true };
    }
  }
  return { roles: byContent, byPosition: false };
}

/** Can a cell whose content reads as `content` stand in a column of role `column`? An empty cell can anywhere. */
function fits(content: ColumnRole, column: ColumnRole): boolean {
  if (content === "ignore" || content === column) return true;
  if (content === "units") return column === "lead-units" || column === "participant-units" || column === "channel" || column === "ignore";
  if (content === "deadline") return column === "ignore";
  if (content === "task") return column === "section";
  return false;
}

/** The column a cell belongs to, read from what it says (for rows that do not line up with the header). */
function roleByContent(text: string, cell: Span, numbering: Numbering): ColumnRole {
  const s = text.slice(cell.start, cell.end).trim();
  if (s === "") return "ignore";
  if (/^\d{1,3}[.、．]?$/.test(s)) return "number";
  if (headingMarker(text, cell.start, cell.end, numbering)) return "section";
  if (/^\d{1,3}[.、．]\s*\S/.test(s)) return "task"; // a numbered item is a task, whatever its words (高标准市场…)
  if (isDeadlineCell(s)) return "deadline";
  if (looksLikeUnitList(s) || isDutyList(s)) return "units";
  return "task";
}
