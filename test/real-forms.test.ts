// Forms met on real plan pages (test/fixtures/real/), each asserted on the page it came from and, where
// the form is a rule, on variations of it: tag notes and lead conventions, tags whose bracket was lost,
// numbered metadata rows, 文号 and signature dates whose glyphs were lost, regions named only indirectly.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFile } from "../loaders/corpus.ts";
import { parsePlan, tasksOf, type PlanDocument, type Role, type Task } from "../loaders/parse/index.ts";

const REAL = new URL("./fixtures/real/", import.meta.url).pathname;

async function real(file: string): Promise<PlanDocument> {
  const doc = await parseFile(REAL + file, readFileSync(REAL + file));
  expect(doc.plan, `${file}: ${doc.failure?.message}`).not.toBeNull();
  return doc.plan!;
}

const tasks = (plan: PlanDocument): Task[] => tasksOf(plan).map((t) => t.task);
const units = (task: Task, ...roles: Role[]) => task.units.filter((p) => roles.includes(p.role)).flatMap((p) => p.units.map((u) => u.name));
const codes = (plan: PlanDocument) => plan.issues.map((i) => i.code);

describe("notes inside unit tags", () => {
  it("自贡 2022: 「逗号前为牵头单位」 makes the units before the comma lead; the note itself is reported", async () => {
    const plan = await real("d-17.txt");
    const first = tasks(plan)[0];
    expect(units(first, "lead")).toEqual(["市发展改革委", "市经济和信息化局", "市商务局", "市金融工作局", "市税务局"]);
    expect(units(first, "participant")).toEqual(["各区县政府", "高新区管委会"]);
    expect(codes(plan)).toContain("unit-note");
  });

  it("沈阳 2024: 「以下均需…组织落实，不再列出」 is reported as a note, not read as units", async () => {
    const plan = await real("b-14.txt");
    const first = tasks(plan)[0];
    expect(units(first, "lead")).toEqual(["市政府办公厅"]);
    expect(units(first, "participant")).toEqual(["市直各部门", "各区、县(市)政府"]);
    expect(plan.issues.find((i) => i.code === "unit-note")?.message).toContain("以下均需");
  });

  it("a note inside a unit name's own brackets stays with the name: 各区县政府﹝含南太湖新区管委会,下同﹞", async () => {
    const first = tasks(await real("b-10.txt"))[0];
    expect(units(first, "lead")).toEqual(["市发展改革委", "各区县政府﹝含南太湖新区管委会,下同﹞"]);
  });

  it("「列第一位的为牵头单位」 makes the first unit of each later tag lead, the others take part", () => {
    const plan = parsePlan(`某县2023年政务公开工作要点
（各项任务责任单位中，列第一位的为牵头单位，下同）
一、深化主动公开
（一）做好财政信息公开。按月公开全县财政收支情况。（县财政局、县审计局负责）
（二）做好规划信息公开。及时公开国土空间规划。（县自然资源局负责）
`);
    const [a, b] = tasks(plan);
    expect(units(a, "lead")).toEqual(["县财政局"]);
    expect(units(a, "participant")).toEqual(["县审计局"]);
    expect(units(b, "lead")).toEqual(["县自然资源局"]);
  });

  it("「逗号前为牵头单位，下同」 reaches the tags after the one that declares it", () => {
    const plan = parsePlan(`某市2022年政务公开工作要点
一、深化主动公开
（一）做好财政信息公开。按月公开全市财政收支情况。（责任单位：市财政局，各区县政府。逗号前为牵头单位，下同）
（二）做好规划信息公开。及时公开国土空间规划。（责任单位：市自然资源局、市住建局，各区县政府）
`);
    const [, b] = tasks(plan);
    expect(units(b, "lead")).toEqual(["市自然资源局", "市住建局"]);
    expect(units(b, "participant")).toEqual(["各区县政府"]);
  });

  it("a plan that declares no convention keeps every unit of a plain list responsible", () => {
    const plan = parsePlan(`某县2023年政务公开工作要点
一、深化主动公开
（一）做好财政信息公开。按月公开全县财政收支情况。（责任单位：县财政局、县审计局，各乡镇人民政府）
`);
    expect(units(tasks(plan)[0], "responsible")).toEqual(["县财政局", "县审计局", "各乡镇人民政府"]);
  });
});

describe("tags and cells damaged on the page", () => {
  it("贵州 2017: a tag whose closing bracket was lost ends with its line, and says so", async () => {
    const plan = await real("d-05.txt");
    const second = tasks(plan)[1];
    expect(units(second, "lead")).toEqual(["省财政厅"]);
    expect(codes(plan)).toContain("unclosed-tag");
  });

  it("东莞 2021: one cell per line with the pipes of a flattened table at its edge", async () => {
    const plan = await real("d-14.txt");
    expect(units(tasks(plan)[0], "responsible")).toEqual(["各镇街(园区)", "具有行政职能的市直各单位"]);
  });

  it("人行 branches are units: 人行贵阳中心支行", async () => {
    expect(units(tasks(await real("d-05.txt"))[0], "lead")).toContain("人行贵阳中心支行");
  });
});

describe("headings that open their task", () => {
  it("辽宁 2016: a （二） paragraph with two tags is two tasks, the first opening with the heading sentence", async () => {
    const all = tasks(await real("b-03.txt"));
    expect(all[0].text.startsWith("推进行政决策公开。")).toBe(true);
    expect(all[1].text.startsWith("推进政策执行和落实情况公开。")).toBe(true);
    expect(units(all[1], "responsible")).toEqual(["各市政府", "省政府相关部门"]);
    expect(all[2].text.startsWith("进一步推进审计结果")).toBe(true);
    expect(units(all[2], "lead")).toEqual(["省审计厅"]);
  });
});

describe("the head of a page", () => {
  it("东城区 2024: numbered metadata rows (1. [索引号] …) are page chrome, not the plan's first tasks", async () => {
    const plan = await real("a-17.txt");
    expect(plan.meta).toMatchObject({ region: "东城区", parentCity: "北京市", level: "county", year: 2024, docNumber: "东政务公开办发〔2024〕1号", issueDate: "2024-05-15" });
  });

  it("信阳 2020: markup left as text in numbered lines does not hide the notice", async () => {
    expect((await real("c-10.txt")).meta).toMatchObject({ region: "信阳市", year: 2020, issueDate: "2020-04-09" });
  });

  it("吉林省 2021: a 文号 whose 〕 and 号 were lost, and a signature date whose 年月日 were lost", async () => {
    const plan = await real("b-20.txt");
    expect(plan.meta).toMatchObject({ docNumber: "吉政公组〔2021〕2号", issueDate: "2021-05-20" });
    expect(codes(plan)).toContain("date-repaired");
  });

  it("中卫 2017: the date under the issuing office, not the page's 生成日期 value on the line after its label", async () => {
    expect((await real("e-02.txt")).meta.issueDate).toBe("2017-05-25");
  });

  it("吉林市 2021: a title printed on two lines, a date line that also carries （此件公开发布）", async () => {
    expect((await real("b-05.txt")).meta).toMatchObject({ title: "2021年吉林市政务公开工作要点及重点任务分工", year: 2021, issueDate: "2021-06-25" });
  });

  it("中方县 2022: the province whose plan is implemented (贯彻落实湖南省政府办公厅…) is not the issuer", async () => {
    expect((await real("d-19.txt")).meta).toMatchObject({ region: "中方县", parentCity: "怀化市", level: "county" });
  });

  it("荆州 2022: a reposting site replaced the name; the addressees' 荆州经开区 still names the city", async () => {
    expect((await real("c-15.txt")).meta).toMatchObject({ region: "荆州市", province: "湖北省", level: "prefecture" });
  });

  it("云南 2017: the notice names the plan it issues (《…》已经省人民政府同意), which names the region", async () => {
    expect((await real("e-04.txt")).meta).toMatchObject({ region: "云南省", level: "provincial", year: 2017 });
  });
});

describe("signature dates whose 年月日 were lost", () => {
  const notice = (digits: string) => `某县人民政府办公室关于印发某县政务公开工作要点的通知
各乡镇人民政府：
现将《某县政务公开工作要点》印发给你们，请认真贯彻落实。
某县人民政府办公室
${digits}
某县政务公开工作要点
一、深化主动公开
1.做好财政信息公开。（县财政局负责）
`;

  it("are read only when the digits split one way, and never as another date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2039 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        fc.pre(new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d);
        const plan = parsePlan(notice(`${y}${m}${d}`));
        const want = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        if (plan.meta.issueDate === null) expect(codes(plan)).toContain("date-unreadable");
        else {
          expect(plan.meta.issueDate).toBe(want);
          expect(codes(plan)).toContain("date-repaired");
        }
      }),
      { numRuns: 200 },
    );
  });

  it("2021111 could be 1月11日 or 11月1日: no date, and a warning", () => {
    const plan = parsePlan(notice("2021111"));
    expect(plan.meta.issueDate).toBeNull();
    expect(codes(plan)).toContain("date-unreadable");
  });
});
