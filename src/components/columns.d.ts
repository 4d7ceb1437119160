// Types for columns.js (used by the tests; the pages import the JavaScript).
export function rowsOf(table: { columns: string[]; values: (unknown[] | { dictionary: string[]; codes: number[] })[]; length: number }): Record<string, unknown>[];
