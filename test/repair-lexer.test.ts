// The repair stage and the marker lexer: properties over random text (fast-check) and cases taken from
// the real-plan corpus (test/fixtures/real/).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logicalLines } from "../loaders/parse/lexer.ts";
import { findUnitTags } from "../loaders/parse/tags.ts";
import { parseUnitCell } from "../loaders/parse/units.ts";
import { normalize } from "../loaders/read/normalize.ts";
import { repair } from "../loaders/read/repair.ts";

const planChars = fc.constantFrom(..."一二三、（）()1234.。，；：政务公开县财政局牵头负责配合责任单位 \n|\t?(jì)/p>各州市人民政府");
const planText = fc.array(planChars, { maxLength: 300 }).map((cs) => cs.join(""));

describe("the marker lexer", () => {
  it("cuts a collapsed page at its markers: headings, tasks and the text after a short heading title", () => {
    const text = "制定本工作要点。 一、总体要求 2022年是关键之年。 二、目标任务 (一)强化重点领域信息公开 1、数字经济发展领域。在区政府网站开设专题。(责任单位:区政府办公室、区政数局) 2、优化营商环境";
    expect(logicalLines(text).map((l) => l.text.trim())).toEqual([
      "制定本工作要点。",
      "一、总体要求",
      "2022年是关键之年。",
      "二、目标任务",
      "(一)强化重点领域信息公开",
      "1、数字经济发展领域。在区政府网站开设专题。(责任单位:区政府办公室、区政数局)",
      "2、优化营商环境",
    ]);
  });

  it("leaves table rows, decimals, years and quoted titles whole", () => {
    for (const line of ["一、以公开助力经济 | (一)加强信息公开 | 1 | 进一步增强透明度 | 市政府各部门", "增长1.5个百分点，2022年底前完成", "《关于印发2022年 一、二季度工作要点的通知》要求"]) {
      expect(logicalLines(line).map((l) => l.text)).toEqual([line]);
    }
  });

  it("covers the text exactly: logical lines are in order, inside their physical line, and lose no character", () => {
    fc.assert(
      fc.property(planText, (text) => {
        const lines = logicalLines(text);
        let covered = "";
        let prevEnd = 0;
        for (const l of lines) {
          expect(l.start).toBeGreaterThanOrEqual(prevEnd);
          expect(text.slice(l.start, l.end)).toBe(l.text);
          expect(l.text.includes("\n")).toBe(false);
          covered += text.slice(prevEnd, l.start).replace(/\n/g, "") === "" ? l.text : "\u0000";
          prevEnd = l.end;
        }
        expect(covered.replace(/\u0000/g, "")).toBe(covered); // nothing between two lines but line breaks
        expect(covered).toBe(text.replace(/\n/g, ""));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the repair stage (data/junk-patterns.tsv)", () => {
  it("removes pinyin reading aids, tags and entities that lost their < or &, and ? runs", () => {
    expect(normalize("銀川市興慶區(qū)2023年政務(wù)公開").text).toBe("银川市兴庆区2023年政务公开");
    expect(normalize("各直属机构9/p>\n省?ldquo;1+1+9工作部署").text).toBe("各直属机构\n省1+1+9工作部署");
    expect(normalize("2023年7月7日???????").text).toBe("2023年7月7日");
  });

  it("keeps an offset map that stays inside the source and never runs backwards", () => {
    fc.assert(
      fc.property(planText, (source) => {
        const { text, toSource } = normalize(source);
        expect(toSource.length).toBe(text.length + 1);
        for (let i = 1; i < toSource.length; i++) expect(toSource[i]).toBeGreaterThanOrEqual(toSource[i - 1]);
        expect(toSource[text.length]).toBe(source.length);
        const r = repair(source);
        for (let i = 0; i < r.text.length; i++) expect(r.toInput[i]).toBeLessThanOrEqual(source.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("unit tags as real pages write them", () => {
  const tags = (s: string) => findUnitTags(s, 0, s.length).map((t) => t.segments.map((g) => `${g.role ?? "-"}:${s.slice(g.span.start, g.span.end)}`));

  it("reads labelled tags, tags with a deadline after the units, bracket kinds and labelled lines", () => {
    expect(tags("开设专题。(责任单位:区政府办公室、区政数局,各乡、街办、管理处)")).toEqual([["units:区政府办公室、区政数局,各乡、街办、管理处"]]);
    expect(tags("加强公开。（责任时限：2022年底前，牵头单位：市财政局，责任单位：各县(区)政府）")).toEqual([["deadline:2022年底前", "lead-units:市财政局", "units:各县(区)政府"]]);
    expect(tags("做好公开。(区商务局、区科信局负责落实,完成时限:2022年10月)")).toEqual([["-:区商务局、区科信局负责落实", "deadline:2022年10月"]]);
    expect(tags("做好公开。〔责任单位：县政府办〕")).toEqual([["units:县政府办"]]);
    expect(tags("做好公开。\n牵头单位：县发改局；配合单位：县财政局\n")).toEqual([["lead-units:县发改局", "participant-units:县财政局"]]);
  });

  it("finds a tag after a bracket left open earlier in the text", () => {
    expect(tags("各镇街(园区\n按月公开财政收支情况。(县财政局牵头落实)")).toEqual([["-:县财政局牵头落实"]]);
  });

  it("keeps kinds of place sharing one name together and splits X等Y", () => {
    const names = (s: string) => parseUnitCell(s, { start: 0, end: s.length }).phrases.flatMap((p) => p.units.map((u) => u.name));
    expect(names("省直有关部门,各州、市人民政府按照职责分工负责")).toEqual(["省直有关部门", "各州、市人民政府"]);
    expect(names("各市〔州〕、县〔市、区〕政府")).toEqual(["各市〔州〕、县〔市、区〕政府"]);
    expect(names("市发展改革委牵头,市住建局等政府各有关部门")).toEqual(["市发展改革委", "市住建局", "政府各有关部门"]);
    expect(names("县人力资源和社会保障局")).toEqual(["县人力资源和社会保障局"]);
  });
});
