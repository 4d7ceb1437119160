// Page data as columns (loaders/site/data.ts: emitColumns): each column once, and a text column that
// repeats (a group, a category's label, a requirement's wording across groups) as a dictionary of its
// distinct values plus an index per row. The same rows as a JSON array of objects, a fraction of the
// bytes: a national corpus's pages stay within what a reader's browser should fetch.

/** The rows of a columnar table: [{column: value, …}, …]. */
export function rowsOf({columns, values, length}) {
  const decoded = values.map((v) => (Array.isArray(v) ? v : v.codes.map((i) => (i < 0 ? null : v.dictionary[i]))));
  const rows = new Array(length);
  for (let r = 0; r < length; r++) {
    const row = {};
    for (let k = 0; k < columns.length; k++) row[columns[k]] = decoded[k][r];
    rows[r] = row;
  }
  return rows;
}
