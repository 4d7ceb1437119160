// Page data as columns (src/components/columns.js rowsOf turns them back into rows): the column names
// once, and a text column whose values repeat as a dictionary of its distinct values plus an index per
// row, so a label repeated on every row costs an index. A national corpus's pages stay within what a
// reader's browser should fetch.

/** A column as rows hold it, or, for text that repeats, its distinct values and each row's index (-1: null). */
type Column = unknown[] | { dictionary: string[]; codes: number[] };

/**
 * A page's data as columns (src/components/columns.js rowsOf turns them back into rows): the names once,
 * and a text column whose values repeat as a dictionary, so a label repeated on every row costs an index.
 */
export function columnsOf(list: Record<string, unknown>[]): { columns: string[]; values: Column[]; length: number } {
  const columns = list.length ? Object.keys(list[0]) : [];
  const values = columns.map((c): Column => {
    const column = list.map((r) => r[c] ?? null);
    if (!column.every((v) => v === null || typeof v === "string")) return column;
    const dictionary = [...new Set(column.filter((v): v is string => v !== null))];
    if (dictionary.length * 2 > column.length) return column;
    const index = new Map(dictionary.map((v, i) => [v, i]));
    return { dictionary, codes: column.map((v) => (v === null ? -1 : index.get(v as string)!)) };
  });
  return { columns, values, length: list.length };
}

