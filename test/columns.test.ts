// The columnar transport of page data (loaders/site/data.ts columnsOf → src/components/columns.js rowsOf):
// the rows a page gets back are the rows the loader selected, whatever their values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnsOf } from "../loaders/site/columns.ts";
import { rowsOf } from "../src/components/columns.js";

const value = fc.oneof(fc.constantFrom("上海市 2021", "政策文件公开", "广东省", ""), fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const table = fc.integer({ min: 1, max: 6 }).chain((width) => fc.array(fc.tuple(...Array.from({ length: width }, () => value)), { maxLength: 60 }));

describe("page data as columns", () => {
  it("gives back the rows it was given, through JSON", () => {
    fc.assert(
      fc.property(table, (tuples) => {
        const rows = tuples.map((t) => Object.fromEntries(t.map((v, k) => [`c${k}`, v])));
        const sent = JSON.parse(JSON.stringify(columnsOf(rows)));
        expect(rowsOf(sent)).toEqual(JSON.parse(JSON.stringify(rows)));
      }),
      { numRuns: 300 },
    );
  });

  it("sends a repeated label once: a province × year grid of 30 requirements is a fraction of its rows' JSON", () => {
    const labels = Array.from({ length: 30 }, (_, i) => `第${i + 1}项要求：加强政务公开平台建设，及时公开重点领域信息，回应社会关切。`);
    const rows = labels.flatMap((label, r) => Array.from({ length: 300 }, (_, g) => ({ requirement_id: `r${r}`, label, group_id: `省${g % 31} ${2016 + (g % 10)}`, present_share: (g % 7) / 7 })));
    const columns = JSON.stringify(columnsOf(rows));
    expect(columns.length).toBeLessThan(JSON.stringify(rows).length / 3);
    expect(rowsOf(JSON.parse(columns))).toEqual(rows);
  });
});
