// The same content in other layouts and formats must parse to the same tree: each seed's parsed content
// is re-laid out (tables with tabs or pipes, one cell per line, prose with unit tags, separate lead and
// participant columns, 1./(1) numbering, a saved web page, a Word file, other encodings) and parsed again.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readSource } from "../loaders/read/index.ts";
import { parsePlan } from "../loaders/parse/index.ts";
import type { Role } from "../loaders/parse/types.ts";
import { essence, render, renderDocx, specOf, type LayoutName } from "./support/render.ts";
import { seed, SEEDS, tasks } from "./helpers.ts";

async function parseBytes(name: string, bytes: Uint8Array) {
  const source = await readSource(name, bytes);
  return parsePlan(source.text);
}

const LAYOUTS: { layout: LayoutName; numbers: boolean; roles?: (r: Role) => Role }[] = [
  { layout: "table-tabs", numbers: true },
  { layout: "table-pipes", numbers: true },
  { layout: "cell-lines", numbers: true },
  { layout: "one-cell-per-line", numbers: true },
  { layout: "numbered-l2", numbers: true },
  { layout: "prose-tags", numbers: false },
  // a 牵头单位 column holds the units of a cell with no lead as well: the table calls them lead
  { layout: "split-columns", numbers: true, roles: (r) => (r === "responsible" ? "lead" : r) },
  { layout: "html", numbers: true },
];

describe.each(SEEDS)("$file laid out again", ({ file }) => {
  it.for(LAYOUTS)("as $layout gives the same tasks, sections and units", async ({ layout, numbers, roles }, { skip }) => {
    const { plan } = await seed(file);
    // (1) task numbers are what tells a 1. heading from a 1. task: a plan of unnumbered tasks has none
    if (layout === "numbered-l2" && tasks(plan).some((t) => t.number === null)) skip("the plan has unnumbered tasks: numbered-l2 cannot tell them from headings");
    const spec = specOf(plan);
    const name = layout === "html" ? `${file}.html` : `${file}.${layout}.txt`;
    const again = await parseBytes(name, new TextEncoder().encode(render(spec, layout)));
    expect(again.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(essence(again, { numbers, roles })).toEqual(essence(plan, { numbers, roles }));
    expect(again.meta.region).toBe(plan.meta.region);
    expect(again.meta.year).toBe(plan.meta.year);
    expect(again.meta.status).toBe(plan.meta.status);
  });

  it("as a Word .docx table gives the same tree", async () => {
    const { plan } = await seed(file);
    const again = await parseBytes(`${file}.docx`, await renderDocx(specOf(plan)));
    expect(essence(again)).toEqual(essence(plan));
  });

  it.each(["gb18030", "utf-16le", "utf-16be"])("in %s gives the same tree", async (encoding) => {
    const { plan } = await seed(file);
    const bom = encoding === "utf-16le" ? [0xff, 0xfe] : encoding === "utf-16be" ? [0xfe, 0xff] : [];
    const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(render(specOf(plan), "table-tabs"), encoding)]);
    expect(essence(await parseBytes(`${file}.${encoding}.txt`, bytes))).toEqual(essence(plan));
  });
});

describe("national and provincial plans", () => {
  it("reads a national plan whose tasks end in （…部牵头） tags naming ministries", async () => {
    const text = `国务院办公厅关于印发2023年政务公开工作要点的通知
国办发〔2023〕12号

2023年政务公开工作要点

一、以政务公开助力经济社会发展
（一）加大政策发布解读力度。围绕稳增长、稳就业、稳物价等重点工作，及时发布权威信息，做好政策解读。（国务院办公厅、国家发展改革委牵头，各地区各部门按职责分工负责）聚焦市场主体关切，集中公开涉企政策，推动惠企政策直达快享。（国家发展改革委、工业和信息化部、市场监管总局按职责分工负责）
（二）做好财政信息公开。推进预决算公开规范化，深化地方政府债务信息公开。（财政部牵头）

二、加强政务公开平台建设
（一）提升政府网站建设水平。推进政府网站集约化，加强政务新媒体管理。（国务院办公厅负责）
`;
    const plan = await parseBytes("national-2023.txt", new TextEncoder().encode(text));
    expect(plan.meta).toMatchObject({ region: "全国", level: "national", year: 2023, docNumber: "国办发〔2023〕12号" });
    const units = essence(plan).map((t) => t.units);
    expect(units).toEqual([
      ["lead:国务院办公厅", "lead:国家发展改革委", "participant:各地区各部门"],
      ["responsible:国家发展改革委", "responsible:工业和信息化部", "responsible:市场监管总局"],
      ["lead:财政部"],
      ["responsible:国务院办公厅"],
    ]);
    const { resolveUnit } = await import("../loaders/enrich/units.ts");
    expect(resolveUnit("国家发展改革委", plan.meta).kind).toBe("development-reform");
    expect(resolveUnit("财政部", plan.meta).kind).toBe("finance");
  });
});
