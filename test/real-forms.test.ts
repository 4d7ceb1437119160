// Forms met on real plan pages (test/fixtures/real/), each asserted on the page it came from and, where
// the form is a rule, on variations of it: tag notes and lead conventions, tags whose bracket was lost,
// numbered metadata rows, 文号 and signature dates whose glyphs were lost, regions named only indirectly.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFile } from "../loaders/corpus.ts";
import { parsePlan, tasksOf, type PlanDocument, type Role, type Task } from "../loaders/parse/index.ts";
import { clauses } from "../loaders/enrich/wording.ts";
import { isDutyList, looksLikeUnitList, parseUnitCell } from "../loaders/parse/units.ts";

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

  it("沈阳 2024: 「以下均需市直各部门、各区县(市)政府组织落实，不再列出」 names the units the tag names already: none twice, 不再列出 a note", async () => {
    const plan = await real("b-14.txt");
    const first = tasks(plan)[0];
    expect(units(first, "lead")).toEqual(["市政府办公厅"]);
    expect(units(first, "participant")).toEqual(["市直各部门", "各区、县(市)政府"]);
    expect(plan.issues.filter((i) => i.code === "unit-note").map((i) => i.message)).toEqual([
      "「以下均需市直各部门、各区县(市)政府组织落实」所说的单位已记为本项任务的单位；说明若及于以下各项任务，以下各项未逐项记入",
      "「不再列出」是对责任单位的说明，未记为单位",
    ]);
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

describe("forms first met on the pages gathered after the parser was tuned (f-*, g-*)", () => {
  it("大余县 2023: 「县直、驻县有关单位」 is one unit of two kinds of place, not 驻县有关单位 with 县直 lost", async () => {
    const first = tasks(await real("g-16.txt"))[0];
    expect(units(first, "participant")).toEqual(["各乡镇人民政府", "县政府各部门", "县直、驻县有关单位"]);
  });

  it("「A牵头B负责」 names a lead and participants in one phrase; 会 there stands for 会同", () => {
    const tagged = (tag: string) => tasks(parsePlan(`2021年某县政务公开工作要点\n一、深化政务公开\n1.做好权力清单公开。（${tag}）\n2.做好规划公开。（县发改局负责）\n`))[0];
    expect([units(tagged("县司法局牵头各行政机关负责"), "lead"), units(tagged("县司法局牵头各行政机关负责"), "participant")]).toEqual([["县司法局"], ["各行政机关"]]);
    const nansha = tagged("区政务服务数据管理局牵头会区各单位、各镇街负责");
    expect([units(nansha, "lead"), units(nansha, "participant")]).toEqual([["区政务服务数据管理局"], ["区各单位", "各镇街"]]);
    // 牵头 followed by wording that is not a list of units does not split
    expect(units(tagged("县发改局牵头组织实施"), "lead")).toEqual(["县发改局"]);
  });

  it("番禺区 2021: a unit cell ending in 办理 (「…各镇(街)办理」, 「区政府办会同…办理」) names its units, 各镇(街) whole", async () => {
    const list = tasks(await real("g-02.txt"));
    expect(units(list[0], "responsible")).toEqual(["区发展改革局", "市规划和自然资源局番禺区分局", "各有关单位", "各镇(街)"]);
    expect(units(list[1], "responsible")).toEqual(["区政府办", "各有关单位", "各镇(街)"]);
    // a 责任单位和工作要求 cell: its units lead, what they are to do goes on with the task
    const fourth = list.find((t) => t.number === 4)!;
    expect(units(fourth, "lead")).toEqual(["区发展改革局", "区科工商信局", "区市场监管局"]);
    expect(fourth.text.endsWith("在工作中加强与上级单位沟通对接。")).toBe(true);
    const tagged = tasks(parsePlan("2021年某区政务公开工作要点\n一、深化政务公开\n1.做好市场准入负面清单公开。（区发展改革局、区市场监管局牵头办理）\n"))[0];
    expect(units(tagged, "lead")).toEqual(["区发展改革局", "区市场监管局"]);
  });

  it("揭阳 2018: a remark in brackets after a name (见附件1,下同) is not part of it", async () => {
    expect(units(tasks(await real("f-13.txt"))[0], "lead", "responsible")).toContain("市有关单位");
  });

  it("晋中 2018: a plain list of units in brackets after a paragraph's last sentence is its tag; an aside (含…) or a bracket mid-sentence is not", async () => {
    const first = tasks(await real("f-05.txt"))[0];
    expect(units(first, "responsible")).toEqual(["各县(区、市)人民政府", "开发区管委会", "市直各单位"]);
    const plan = (body: string) => tasks(parsePlan(`2018年某市政务公开工作要点\n一、推进主动公开\n${body}\n二、加强解读\n（一）做好解读。（市政府办公室负责）\n`));
    expect(plan("（一）推进目录编制。编制主动公开目录。（含各县区）")[0].units).toEqual([]);
    expect(plan("（一）推进目录编制。请市财政局（市税务局）编制主动公开目录。")[0].units).toEqual([]);
  });

  it("洮南 2019 (a heading line over its paragraph) and 晋中 2018: the heading of a section holding one task opens that task", async () => {
    const [first] = tasks(await real("f-10.txt"));
    // the heading line and the paragraph stay apart by a space, where the line broke
    expect(first.text.startsWith("建设完成政府信息公开平台 县政府门户网站要参照市政府门户网站")).toBe(true);
    expect(clauses(first.text)[0]).toBe("建设完成政府信息公开平台 ");
    expect([units(first, "lead"), units(first, "participant")]).toEqual([["县机关运行保障中心"], ["县政府各部门"]]);
  });

  it("安义县 2021: paragraphs opening 一是 / 二是 are the plan's numbered tasks", async () => {
    const [first, second] = tasks(await real("g-17.txt"));
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.text.startsWith("落实各类规划领域信息公开")).toBe(true);
  });

  it("a table dumped one cell per line opens with its header cells (任务 | 责任单位 | 时限): the first row is a task, not a preamble", async () => {
    const list = tasks(await real("f-08.txt"));
    expect(list[0].text.startsWith("切实做好稳经济大盘一揽子政策举措公开工作")).toBe(true);
    expect(units(list[0], "responsible")).toEqual(["市政府各部门", "各县(市、区)政府"]);
  });

  it("广东省卫生健康委 2021: a ledger (序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注) with rows of fewer cells, each row its own task", async () => {
    const list = tasks(await real("g-21.txt"));
    expect(list.slice(0, 3).map((t) => t.number)).toEqual([1, 2, 3]);
    expect(list[1].text.startsWith("扎实做好疫苗接种")).toBe(true);
    expect(units(list[1], "responsible")).toEqual(["疾控处"]);
  });

  it("「A等有关部门」 names A and the blanket group 有关部门 (山东 2018, 普陀区 2025); a bare 「A等部门」 is A alone, as the seeds are read", async () => {
    const shandong = tasks(await real("c-06.txt"))[0];
    expect(units(shandong, "lead")).toEqual(["各市政府", "省委农工办", "省民政厅", "省农业厅", "有关部门"]);
    expect(units(tasks(await real("h-11.txt"))[0], "responsible").slice(-2)).toEqual(["区数据局", "相关部门"]);
    const bare = tasks(parsePlan("2022年某县政务公开工作要点\n一、深化政务公开\n1.做好规划公开。（县住建局等部门负责）\n"))[0];
    expect(units(bare, "responsible")).toEqual(["县住建局"]);
  });

  it("相山区 2025: 经开区 is a unit (各镇(办)、经开区)", async () => {
    expect(units(tasks(await real("f-09.txt"))[0], "responsible")).toEqual(["各区直部门", "各镇(办)", "经开区"]);
  });
});

describe("forms of the pages gathered next (h-*, i-*)", () => {
  it("惠州 2020: a table flattened with spaces, header and rows on one line (工作任务 具 体 要 求 责任单位 … 1 对照…公开 市直各单位,…)", async () => {
    const list = tasks(await real("i-06.txt"));
    expect(list.slice(0, 4).map((t) => t.number)).toEqual([1, 2, 3, 4]);
    expect(list[0].text.startsWith("对照法律法规规章")).toBe(true);
    expect(units(list[1], "responsible")).toEqual(["市政府办公室", "各县、区人民政府"]);
  });

  it("两江新区 2020: cells one per line under 牵头单位 | 责任单位: the first unit cell of a row leads, the second takes part", async () => {
    const [first] = tasks(await real("h-15.txt"));
    expect([units(first, "lead"), units(first, "participant")]).toEqual([["办公室", "司法局"], ["各街道", "各部门", "各驻区机构"]]);
  });

  it("a table with 牵头单位 and 责任单位 columns, in bars: the 责任单位 take part", () => {
    const plan = parsePlan("2022年某县政务公开工作要点\n序号 | 工作内容 | 牵头单位 | 责任单位 |\n1 | 做好规划公开。 | 县发改局 | 各乡镇 |\n2 | 做好财政公开。 | 县财政局 | 县直各部门 |\n");
    const [first] = tasks(plan);
    expect([units(first, "lead"), units(first, "participant")]).toEqual([["县发改局"], ["各乡镇"]]);
  });
});

describe("forms first met on the pages gathered after the notice fix (j-*, k-*)", () => {
  it("博州 2018: an autonomous prefecture's short name (博州政府, 博州政办发) names it, not a 湖北工业园 among the addressees", async () => {
    expect((await real("j-19.txt")).meta).toMatchObject({ region: "博尔塔拉蒙古自治州", province: "新疆维吾尔自治区", level: "prefecture" });
    // every short name in data/region-aliases.tsv resolves to its prefecture
    for (const [alias, name] of [["大理州", "大理白族自治州"], ["黔东南州", "黔东南苗族侗族自治州"], ["海南州", "海南藏族自治州"], ["恩施州", "恩施土家族苗族自治州"]])
      expect(parsePlan(`${alias}人民政府办公室关于印发${alias}2022年政务公开工作要点的通知\n一、深化主动公开\n1.做好财政信息公开。（${alias}财政局负责）\n`).meta.region, alias).toBe(name);
    // a county named like a short name stays the county: 巴州区 is in 巴中市, not 巴音郭楞
    expect(parsePlan("巴州区2022年政务公开工作要点\n一、深化主动公开\n1.做好财政信息公开。（区财政局负责）\n").meta).toMatchObject({ region: "巴州区", parentCity: "巴中市" });
  });

  it("湖北 2016: a province's plan that never names its province (省人民政府办公厅…全省) is the province its 文号 abbreviate (鄂办发)", async () => {
    expect((await real("k-05.txt")).meta).toMatchObject({ region: "湖北省", level: "provincial" });
    const plan = (cited: string) => parsePlan(`省人民政府办公厅关于印发2016年全省政务公开工作要点的通知\n各市、州、县人民政府,省政府各部门:\n根据${cited}精神，现印发给你们，请认真贯彻落实。\n2016年全省政务公开工作要点\n一、深化主动公开\n(一)做好财政信息公开。\n`).meta;
    expect(plan("《关于全面推进政务公开工作的实施意见》(粤办发〔2016〕35号)和国办发〔2016〕19号").region).toBe("广东省");
    // a 文号 on its own line, or cited after 根据, counts; two abbreviations as often: no guess
    expect(plan("鄂办发〔2016〕35号").region).toBe("湖北省");
    expect(plan("《意见》(粤办发〔2016〕35号)和《通知》(鄂办发〔2016〕3号)").region).toBeNull();
    expect(parsePlan("省人民政府办公厅关于印发2016年全省政务公开工作要点的通知\n鄂政办发〔2016〕35号\n现印发给你们。\n一、深化主动公开\n(一)做好财政信息公开。\n").meta.region).toBe("湖北省");
    // a county's or a city's plan is never given a province this way, though it says 全省 in its notice
    expect(parsePlan("县人民政府办公室关于印发2016年全县政务公开工作要点的通知\n根据鄂办发〔2016〕35号精神，现印发给你们。\n一、深化主动公开\n(一)做好财政信息公开。\n").meta.region).toBeNull();
    expect(parsePlan("市人民政府办公室关于印发2017年政务公开工作要点的通知\n各县（市、区）人民政府，市政府各部门：\n根据全省政务公开工作安排和《…》（鄂政办发〔2017〕20号）精神，现印发给你们。\n一、深化主动公开\n(一)做好财政信息公开。\n").meta.region).toBeNull();
  });

  it("黑龙江 2016, 连云港 2018: 「各地、各单位」 are two units; 〈〉 brackets an aside inside a unit name", async () => {
    expect(units(tasks(await real("j-20.txt"))[0], "lead", "responsible")).toEqual(["各地", "各单位"]);
    // but 各地 before a name it shares is a kind of place, and 「各州、各市人民政府」 stays one unit
    const tagged = (tag: string) => units(tasks(parsePlan(`2021年某县政务公开工作要点\n一、深化政务公开\n1.做好权力清单公开。（${tag}）\n2.做好规划公开。（县发改局负责）\n`))[0], "lead", "responsible");
    expect(tagged("各地、州、市人民政府负责")).toEqual(["各地、州、市人民政府"]);
    expect(tagged("各地、州、市、县（市）人民政府负责")).toEqual(["各地、州、市、县（市）人民政府"]);
    expect(tagged("各州、各市人民政府负责")).toEqual(["各州、各市人民政府"]);
    expect(tagged("各市、各县（区）人民政府负责")).toEqual(["各市、各县（区）人民政府"]);
    expect(units(tasks(await real("k-04.txt"))[0], "lead", "responsible")).toContain("各区人民政府〈含开发区、风景区、化工区管委会,下同〉");
  });

  it("昌黎县 2019: a heading line of its own that ends in 。 opens the one task below it", async () => {
    expect(tasks(await real("j-03.txt"))[0].text).toMatch(/^主动发布政务信息 围绕2019年全县/);
  });
});

describe("forms first met on the last pages the store held (l-*, m-*)", () => {
  const tagged = (tag: string) => units(tasks(parsePlan(`2021年某县政务公开工作要点\n一、深化政务公开\n1.做好权力清单公开。（${tag}）\n2.做好规划公开。（县发改局负责）\n`))[0], "lead", "responsible");

  it("大庆 2016: 「各县区、各部门」 are two units, a list of kinds of place standing by itself and a blanket group", async () => {
    expect(units(tasks(await real("m-01.txt"))[0], "lead", "responsible")).toEqual(["各县区", "各部门"]);
    // each unit list (tagged 「…负责」 or as written) and the units it names; most were found by the three reviews
    const lists: [string, string[]][] = [
      // a list of kinds of place, or a place's own unit, stands by itself
      ["各乡镇、各单位负责", ["各乡镇", "各单位"]],
      ["各县（市、区）、各部门负责", ["各县（市、区）", "各部门"]],
      ["各县区按职责分工负责", ["各县区"]],
      ["各市州、各县市区负责", ["各市州", "各县市区"]],
      ["各县区、县直各部门负责", ["各县区", "县直各部门"]],
      ["各县区、各乡镇负责", ["各县区", "各乡镇"]],
      ["各区、各街道负责", ["各区", "各街道"]],
      ["各区、县负责", ["各区、县"]],
      ["各县（市、区、特区）、各部门负责", ["各县（市、区、特区）", "各部门"]],
      // it shares a government's name with the item after it that names places and then that name
      ["各州、各市人民政府负责", ["各州、各市人民政府"]],
      ["各区、各县（市）政府负责", ["各区、各县（市）政府"]],
      ["各地、州、市、县（市）人民政府负责", ["各地、州、市、县（市）人民政府"]],
      ["县直、驻县有关单位负责", ["县直、驻县有关单位"]],
      ["市直、驻市有关单位负责", ["市直、驻市有关单位"]],
      ["各市、县、自治县人民政府负责", ["各市、县、自治县人民政府"]],
      ["各市、自治州人民政府负责", ["各市、自治州人民政府"]],
      ["各市州、县市区人民政府负责", ["各市州、县市区人民政府"]],
      ["各盟市、旗县（市、区）人民政府负责", ["各盟市、旗县（市、区）人民政府"]],
      ["各县、区人民政府(包括大亚湾开发区、仲恺高新区管委会,下同)负责", ["各县、区人民政府(包括大亚湾开发区、仲恺高新区管委会,下同)"]],
      ["各省、自治区、直辖市人民政府负责", ["各省、自治区、直辖市人民政府"]],
      ["各省辖市、省直管县（市）人民政府负责", ["各省辖市、省直管县（市）人民政府"]],
      ["各县（市、区）、自治县人民政府负责", ["各县（市、区）、自治县人民政府"]],
      ["各市（州）、县（市、区）负责", ["各市（州）、县（市、区）"]],
      ["市、县两级政府负责", ["市、县两级政府"]],
      // never one agency's name
      ["各县区、市政府各部门负责", ["各县区", "市政府各部门"]],
      ["各县市区、市财政局负责", ["各县市区", "市财政局"]],
      ["各区、县财政局负责", ["各区", "县财政局"]],
    ];
    for (const [list, want] of lists) expect(tagged(list), list).toEqual(want);
  });

  it("a list of kinds of place before a blanket group or a place's own unit is two units, whatever places and group (property)", () => {
    // kinds of place are listed from the larger down (各县市区, 各乡镇街)
    const ORDER = ["旗", "县", "市", "区", "乡", "镇", "街"];
    const places = fc.oneof(fc.subarray(ORDER, { minLength: 1, maxLength: 4 }).map((p) => "各" + p.join("")), fc.constantFrom("各县（市、区）", "各区（县）", "各县(市)"));
    const group = fc.constantFrom("各部门", "各单位", "各有关部门", "各有关单位", "县直各部门", "市直各部门", "市直有关单位", "各街道", "各乡镇");
    fc.assert(fc.property(places, group, (place, blanket) => {
      expect(tagged(`${place}、${blanket}负责落实`)).toEqual([place, blanket]);
    }));
  });

  it("建平县 2020: 「各乡镇场街」 (乡, 镇, 农场 and 街道 together) keeps its 街", async () => {
    expect(units(tasks(await real("m-14.txt"))[0], "participant")).toEqual(["各乡镇场街", "县政府各部门"]);
  });

  it("鲤城区 2019: a notice that breaks the work down (进行责任分解) and sets its own requirements holds no task of the plan", async () => {
    const plan = await real("m-04.txt");
    expect(tasks(plan)).toEqual([]);
    expect(codes(plan)).toEqual(["notice-only"]);
  });

  it("厦门 2021, 东莞 2017: a signed notice followed only by the site's menu and footer holds no task", async () => {
    for (const file of ["m-03.txt", "d-08.txt"]) {
      const plan = await real(file);
      expect(tasks(plan), file).toEqual([]);
      expect(plan.issues.filter((i) => i.severity !== "info" && i.code !== "traditional-script").map((i) => [i.code, i.message]), file).toEqual([["notice-only", "只有印发通知：文件中没有方案的任务（可能只保存了网页的开头）"]]);
    }
    // a table dumped one cell per line after the notice's signature is still read
    const notice = "各区人民政府，市直各部门：\n现将《2021年全市政务公开工作主要任务分解表》印发给你们，请认真组织实施。\n某市人民政府办公厅\n2021年6月15日\n(此件主动公开)\n";
    const table = "做好财政预决算信息公开，按规定时限公开本级预决算\n市财政局\n2021年底前\n推进重大建设项目批准和实施信息公开\n市发改局\n长期坚持\n";
    expect(tasks(parsePlan(notice + table)).some((t) => t.text.includes("推进重大建设项目批准和实施信息公开"))).toBe(true);
    expect(tasks(parsePlan(notice + "各区政府\n市政府部门\n国家部委\n新闻媒体\n网站标识码 3502000001\n版权所有\n"))).toEqual([]);
    // never where the page goes on with anything a plan holds (found in review):
    const footer = "网站标识码 3502000001\n版权所有\n";
    // a table of short cells after the signature (deadlines hold digits, task cells run longer than menu items)
    const short = "公开政府工作报告\n县政府办\n2021年3月底前\n公开财政预决算\n县财政局\n按规定时限\n";
    expect(tasks(parsePlan(notice + short + footer)).length).toBeGreaterThan(0);
    // a table above the signature
    const above = notice.replace("某市人民政府办公厅", table + "某市人民政府办公厅");
    expect(tasks(parsePlan(above + footer)).some((t) => t.text.includes("推进重大建设项目批准和实施信息公开"))).toBe(true);
    // an attachment line above the signature is still the notice's (found in review)
    const attached = "各县区人民政府，市政府各部门：\n现将《2024年某市政务公开工作要点》印发给你们，请认真贯彻落实。\n附件：2024年某市政务公开工作要点\n某市人民政府办公室\n2024年4月10日\n相关附件\n网站地图\n联系我们\n";
    expect(codes(parsePlan(attached + footer))).toEqual(["notice-only"]);
    expect(codes(parsePlan(attached.replace("附件：", "附件1：") + footer))).toEqual(["notice-only"]);
    // a notice that is itself the plan (通知如下) issues nothing: not the notice alone
    const itself = "某县人民政府办公室关于做好2018年政务公开工作的通知\n各乡镇人民政府，县直各单位：\n现就做好2018年政务公开工作通知如下。\n加强政策解读工作。各单位要及时发布解读材料，由县政府办公室牵头负责。\n推进财政预决算公开。县财政局要按照规定时限公开本级政府预决算。\n某县人民政府办公室\n2018年3月1日\n";
    expect(codes(parsePlan(itself + footer))).not.toContain("notice-only");
  });

  it("延津县 2017, 福建 2018: a notice's title line and its 文号 line are never headings printed without their numbers", async () => {
    for (const file of ["m-12.txt", "k-01.txt"]) {
      const plan = await real(file);
      expect(plan.children.every((n) => n.type !== "section" || n.marker !== null), file).toBe(true);
    }
    expect(tasks(await real("k-01.txt"))).toEqual([]);
    // a heading printed without its number that ends in 号 but is no 文号 stays a heading (found in review)
    const plan = parsePlan("2021年某县政务公开工作要点\n规范政务新媒体账号\n1.清理整合功能相近的政务新媒体账号。（县委网信办负责）\n2.规范政务新媒体内容发布。（县政府办负责）\n加强政策解读\n3.做好政策解读。（县政府办负责）\n");
    expect(plan.children.map((n) => (n.type === "section" ? n.title : null))).toEqual(["规范政务新媒体账号", "加强政策解读"]);
  });

  it("2018 全县 (拜泉县's own site): a county's plan that never names its county takes its level, prefecture and province from the prefecture's plan it cites", async () => {
    expect((await real("m-11.txt")).meta).toMatchObject({ region: null, level: "county", parentCity: "齐齐哈尔市", province: "黑龙江省" });
    const meta = (title: string, cited: string) => parsePlan(`${title}\n为贯彻落实${cited}精神，制定本要点。\n一、深化主动公开\n(一)做好财政信息公开。（县财政局负责）\n`).meta;
    expect(meta("2019年全县政务公开工作要点", "《赣州市人民政府办公室关于印发2019年全市政务公开工作要点的通知》")).toMatchObject({ region: null, level: "county", parentCity: "赣州市", province: "江西省" });
    // a district of a municipality: the municipality is its parent and its province
    expect(meta("2019年全区政务公开工作要点", "《上海市人民政府办公厅关于印发2019年全市政务公开工作要点的通知》")).toMatchObject({ level: "county", parentCity: "上海市", province: "上海市" });
    // 全县 alone says the level; two prefectures cited say no parent
    expect(meta("2019年全县政务公开工作要点", "《江西省人民政府办公厅关于印发2019年全省政务公开工作要点的通知》")).toMatchObject({ level: "county", parentCity: null, province: null });
    expect(meta("2019年全县政务公开工作要点", "《赣州市…全市政务公开工作要点》和《吉安市…全市政务公开工作要点》")).toMatchObject({ parentCity: null });
    // a plan issued jointly with the party committee's office names the city after it
    expect(meta("2019年全县政务公开工作要点", "《中共赣州市委办公室 赣州市人民政府办公室关于印发2019年全市政务公开工作要点的通知》")).toMatchObject({ parentCity: "赣州市", province: "江西省" });
    // 全区 alone is also an autonomous region's word for itself: no level without a prefecture's plan
    expect(meta("2019年全区政务公开工作要点", "《国务院办公厅关于印发2019年政务公开工作要点的通知》").level).toBeNull();
  });

  it("丽水 and 锦州 counties 2020-2021 whose name a spam site replaced everywhere: the notice's 经县政府同意 / 我县 says the level, the city's plan it cites by name the parent", async () => {
    expect((await real("g-03.txt")).meta).toMatchObject({ region: null, level: "county", parentCity: "丽水市", province: "浙江省", year: 2021 });
    expect((await real("f-10.txt")).meta).toMatchObject({ region: null, level: "county", parentCity: "锦州市", province: "辽宁省", year: 2020 });
    const meta = (consent: string, cited: string) =>
      parsePlan(`某某办公室关于印发2021年某某政务公开工作要点的通知\n各乡镇人民政府：\n${consent}现将《2021年某某政务公开工作要点》印发给你们。\n2021年某某政务公开工作要点\n根据${cited}精神，制定本要点。\n一、深化主动公开\n(一)做好财政信息公开。（县财政局负责）\n`).meta;
    const lishui = "《浙江省人民政府办公厅关于印发2021年浙江省政务公开工作要点的通知》《丽水市人民政府办公室关于印发2021年丽水市政务公开工作要点的通知》";
    for (const consent of ["经县政府同意，", "为推进我县政务公开工作，", "经区人民政府同意，"]) expect(meta(consent, lishui)).toMatchObject({ region: null, level: "county", parentCity: "丽水市", province: "浙江省" });
    // 我区 is also an autonomous region's word for itself, and 经市政府同意 a county-level city's as much as a prefecture's: no level
    for (const consent of ["为推进我区政务公开工作，", "经市政府同意，", "经自治区人民政府同意，"]) expect(meta(consent, lishui)).toMatchObject({ level: null, parentCity: null });
    // two cities' plans cited: no parent
    expect(meta("经县政府同意，", "《丽水市人民政府办公室关于印发2021年丽水市政务公开工作要点的通知》《衢州市人民政府办公室关于印发2021年衢州市政务公开工作要点的通知》")).toMatchObject({ level: "county", parentCity: null });
  });
});

describe("forms first met on the pages gathered city by city (o-*, p-*)", () => {
  const plan = (body: string) => parsePlan(`2022年某市政务公开工作要点\n一、深化政务公开\n${body}\n`);

  it("湘潭 2022: a tag whose list is followed by a note after 。 is the task's tag, and the units the note makes responsible are the task's", async () => {
    const [first] = tasks(await real("p-11.txt"));
    expect(units(first, "responsible")).toEqual(["市直相关单位", "各县市区人民政府", "园区管委会"]);
    expect(first.text.endsWith("市场主体发展信心。")).toBe(true);
    // each form of such a note, and what it adds to a tag that names a lead
    const notes: [string, string[], string[]][] = [
      ["（县财政局负责。各乡镇人民政府均为责任单位，以下不再列出）", ["县财政局", "各乡镇人民政府"], []],
      ["（县财政局负责。本要点各项工作均需各乡镇人民政府作为责任单位，以下不再列出）", ["县财政局", "各乡镇人民政府"], []],
      ["（责任单位：县财政局；以下责任单位均包含各乡镇人民政府）", ["县财政局", "各乡镇人民政府"], []],
      ["（牵头单位：县财政局；责任单位：县直各部门；以下均需各乡镇人民政府组织落实，不再列出）", ["县财政局"], ["县直各部门", "各乡镇人民政府"]],
      // a unit the tag names already, written another way, is not named twice
      ["（牵头单位：市财政局；责任单位：各区、县(市)政府；以下均需各区县(市)政府组织落实，不再列出）", ["市财政局"], ["各区、县(市)政府"]],
      // units before 均需, or a lead-in before them (以下), and 人民政府 written as 政府
      ["（县财政局负责，各乡镇人民政府均需组织落实）", ["县财政局", "各乡镇人民政府"], []],
      ["（县财政局负责，以下各乡镇均需认真组织落实）", ["县财政局", "各乡镇"], []],
      ["（县财政局、各乡镇人民政府负责，以下责任单位均包含各乡镇政府）", ["县财政局", "各乡镇人民政府"], []],
      // a note naming no units, pointing back at the units above, or telling where to report, adds none
      ["（县财政局负责。以上单位均为责任单位）", ["县财政局"], []],
      ["（县财政局负责，下同）", ["县财政局"], []],
      ["（县财政局牵头，以下均需报送县政务公开办）", ["县财政局"], []],
    ];
    for (const [tag, lead, other] of notes) {
      const [task] = tasks(plan(`1.做好权力清单公开。${tag}`));
      expect([units(task, "lead", "responsible"), units(task, "participant")], tag).toEqual([lead, other]);
    }
  });

  it("烟台 2018: leading respectively at a list's end (…等有关部门分别牵头落实) makes the units before its comma lead too", async () => {
    const [first] = tasks(await real("o-14.txt"));
    expect(units(first, "lead")).toEqual(["各县市区政府", "管委", "市委宣传部", "市经济信息化委", "市财政局", "市税务局", "有关部门"]);
    expect(units(first, "participant")).toEqual([]);
    // a role of their own, or no 分别, and the units before the comma keep theirs
    const [own] = tasks(plan("1.做好权力清单公开。（县财政局配合，县发改局、县商务局分别牵头）"));
    expect([units(own, "lead"), units(own, "participant")]).toEqual([["县发改局", "县商务局"], ["县财政局"]]);
    const [plain] = tasks(plan("1.做好权力清单公开。（县财政局，县发改局牵头）"));
    expect([units(plain, "lead"), units(plain, "participant")]).toEqual([["县发改局"], ["县财政局"]]);
    const [responsible] = tasks(plan("1.做好权力清单公开。（县直各部门按职责分工负责，各乡镇分别牵头落实）"));
    expect([units(responsible, "lead"), units(responsible, "participant")]).toEqual([["各乡镇"], ["县直各部门"]]);
  });

  it("烟台 2018: a notice's title with its 文号 (…的通知(烟政办发〔2018〕22号)) under a spam line is no task", async () => {
    const doc = await real("o-14.txt");
    expect(tasks(doc)[0].text.startsWith("着力推进建设制造业强市公开")).toBe(true);
    expect(doc.issues.find((i) => i.code === "not-a-task")?.message).toContain("烟政办发〔2018〕22号");
  });

  it("a county-level city of 江门, 2021 (p-07): a table header broken over two lines names all its columns, and a numbered cell of a row missing its merged first cell is the task", async () => {
    const all = tasks(await real("p-07.txt"));
    expect(all.map((t) => t.number).slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(all[1].text.startsWith("做好“十一五”规划")).toBe(true);
    expect([units(all[1], "lead"), units(all[1], "participant")]).toEqual([["市政府办公室", "市发展和改革局"], ["市直有关部门", "各镇(街)"]]);
    expect(all[3].text.startsWith("及时公开建设高标准市场体系")).toBe(true);
    expect(units(all[3], "lead")).toEqual(["市发展和改革局"]);
  });

  it("番禺 2021, 张店 2023: a cell assigning duties clause by clause (units, then 做好 / 牵头 / 负责 and the work) is a unit cell, each name ending before its duty", async () => {
    const [, , third] = tasks(await real("g-02.txt"));
    expect(units(third, "responsible")).toEqual(["各有关单位", "各镇(街)", "区政务服务数据管理局"]);
    const [first] = tasks(await real("o-03.txt"));
    expect(first.text.startsWith("做好行政规范性文件的集中、规范公开工作")).toBe(true);
    expect([units(first, "lead"), units(first, "participant")]).toEqual([["区司法局"], ["区各行政规范性文件制定主体", "各成员单位"]]);
    // a requirement whose clauses do not all open with units is no unit cell
    for (const cell of ["区财政局要有效推动有关业务主管部门,落实补贴信息公开向村和社区延伸。", "市直有关部门每年至少更新一次数据。", "及时公开建设高标准市场体系行动方案的落实举措。", "区财政局做好政府预算、决算公开工作。", "各部门负责做好本部门政策文件解读工作。"]) expect(isDutyList(cell), cell).toBe(false);
    // nor does a duty word make a requirement with a subject a unit list (found in review)
    for (const cell of ["县直各单位负责做好本单位信息公开。", "各单位负责本单位政务公开工作", "推动惠企政策直达市场主体。", "明确信息公开责任主体"]) expect(looksLikeUnitList(cell), cell).toBe(false);
    // in a table dumped one cell per line, such a requirement stays a task with its own unit cell
    const cellTable = tasks(plan("工作任务\n具体要求\n责任单位\n(一)做好财政信息公开。\n区财政局做好政府预算、决算公开工作。\n区财政局\n(二)做好政策解读。\n各部门负责做好本部门政策文件解读工作。\n区政府办公室牵头，各部门落实"));
    expect(cellTable.map((t) => [t.text.slice(0, 6), units(t, "lead", "responsible")])).toEqual([["区财政局做好", ["区财政局"]], ["各部门负责做", ["区政府办公室"]]]);
    expect(isDutyList("各有关单位、各镇(街)做好发布工作,区政务服务数据管理局做好技术支持和指导。")).toBe(true);
  });

  it("a duty list of any units and duties reads back as those units, each name ending before its duty (property)", () => {
    const names = ["县财政局", "市发展和改革局", "各镇(街)", "区司法局", "各有关单位", "市直有关部门", "区政务服务数据管理局", "各成员单位"];
    const duties = ["做好发布工作", "做好技术支持和指导", "牵头做好本单位文件公开工作", "负责做好本单位行政规范性文件集中公开工作", "具体落实"];
    const clause = fc.tuple(fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }), fc.constantFrom(...duties));
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 3 }), fc.constantFrom("，", ",", "；"), (clauses, sep) => {
        const cell = clauses.map(([units, duty]) => units.join("、") + duty).join(sep) + "。";
        // one clause alone is a requirement with its subject; two or more assign duties
        expect(isDutyList(cell), cell).toBe(clauses.length > 1);
        const expected = clauses.flatMap(([u]) => u);
        expect(parseUnitCell(cell, { start: 0, end: cell.length }).phrases.flatMap((p) => p.units.map((u) => u.name))).toEqual(expected);
      }),
      { seed: 20261127, numRuns: 200 },
    );
  });

  it("张店 2023: cells a bar closes (「主动公开 |」) are cells of their own, and the short ones before a task's sentence are its labels", async () => {
    const doc = await real("o-03.txt");
    const path = tasksOf(doc)[0].path.map((s) => s.title);
    expect(path[path.length - 1]).toBe("行政规范");
    expect(tasks(doc).some((t) => t.text.includes("主动公开基础信息公开"))).toBe(false);
  });
});

describe("forms first met on the last pages searched county by county (q-*, r-*)", () => {
  it("国办 2019 shortened on a company blog: headings that are one sentence each, with nothing below them, are the plan's tasks", async () => {
    const doc = await real("r-05.txt");
    const all = tasksOf(doc);
    expect(all.map((t) => t.task.text.slice(0, 8)).slice(0, 3)).toEqual(["深入解读重要政策", "积极回应社会关切", "增强解读回应效果"]);
    // the last heading, cut by the page's end before its 。 (「(二)深化“放管服”改革信息公开,助力打造法」), is none
    expect(all.length).toBe(7);
    // each keeps its place in the outline: under its heading, whose sentence it is
    expect(all[0].path.map((s) => s.marker)).toEqual(["一、", "(一)"]);
    expect(doc.issues.map((i) => i.code)).not.toContain("unknown-layout");
  });

  it("only second-level sentences under two parts or more, in a plan with no task otherwise; never a name, a heading without its 。, a notice's flat list or 总体要求 (found in review)", () => {
    const plain = (body: string) => tasks(parsePlan(`2019年某市政务公开工作要点\n${body}`)).map((t) => t.text);
    expect(plain("一、总体要求\n(一)坚持以人民为中心,全面推进政务公开。\n二、解读回应\n(一)深入解读重要政策措施,确保政策内涵透明。\n(二)积极回应社会关切。\n三、决策公开\n(一)推进重要决策公开。\n")).toEqual([
      "深入解读重要政策措施,确保政策内涵透明。",
      "积极回应社会关切。",
      "推进重要决策公开。",
    ]);
    // a plan with tasks of its own keeps such headings as headings
    expect(plain("一、解读回应\n(一)深入解读重要政策措施,确保政策内涵透明。\n二、决策公开\n(一)推进重要决策公开\n1.加强舆情监测。（市委宣传部负责）\n")).toEqual(["加强舆情监测。"]);
    // one part only, names, headings without their 。 (the tasks below them lost, or cut by the page's end)
    expect(plain("一、解读回应\n(一)深入解读重要政策措施,确保政策内涵透明。\n(二)积极回应社会关切。\n")).toEqual([]);
    expect(plain("一、解读回应\n(一)政策解读\n二、决策公开\n(一)决策公开\n")).toEqual([]);
    expect(plain("一、优化营商环境\n（一）加强惠企政策公开，助力市场主体纾困发展\n二、保障民生\n（一）加强就业信息公开，助力稳就业\n")).toEqual([]);
    // a cover notice's own requirements, one flat list of first-level lines ending in 。
    const notice = parsePlan("某县人民政府办公室关于印发2022年政务公开工作要点的通知\n各乡镇人民政府：\n现将《某县2022年政务公开工作要点》印发给你们，请认真贯彻执行。\n一、各单位要高度重视政务公开工作。\n二、要明确专人负责。\n三、请于11月30日前将落实情况报县政务公开办。\n某县人民政府办公室\n2022年5月6日\n");
    expect(tasksOf(notice)).toEqual([]);
    // a first-level heading with a comma titles a part (集美区 2021, c-12: a table whose rows were lost)
    expect(plain("一、紧扣“十四五”开好局起好步,进一步深化政务公开\n二、紧扣宏观政策落地见效,进一步深化政务公开\n")).toEqual([]);
  });
});

describe("unit tags met again on earlier pages (h-12, g-21, k-18)", () => {
  const plan = (body: string) => tasks(parsePlan(`2024年某区政务公开工作要点\n一、优化政策公开\n${body}\n二、加强解读\n（二）做好解读。（区政府办公室负责）\n`));

  it("浦东 2024: a plain list of units in brackets after a sentence closes its task even where the paragraph goes on with the next", async () => {
    const [first, second] = tasks(await real("h-12.txt"));
    expect(units(first, "responsible")).toEqual(["区政府办公室", "各相关部门"]);
    expect(second.text.startsWith("探索通过人工智能")).toBe(true);
    expect(units(second, "responsible")).toEqual(["区经委", "区数据局", "各部门"]);
    // whatever the units and the sentences around them (property)
    const unit = fc.constantFrom("区财政局", "区发展改革委", "各街镇", "区政府办公室", "各相关部门", "区数据局");
    const sentence = fc.constantFrom("做好预决算公开。", "加强政策解读工作。", "推进数据开放；", "完善目录编制。");
    fc.assert(fc.property(sentence, fc.uniqueArray(unit, { minLength: 1, maxLength: 3 }), sentence, fc.uniqueArray(unit, { minLength: 1, maxLength: 3 }), (a, ua, b, ub) => {
      const [t1, t2] = plan(`（一）深化政策发布。${a}(${ua.join("、")})${b}(${ub.join("、")})`);
      expect(units(t1, "responsible")).toEqual(ua);
      expect(units(t2, "responsible")).toEqual(ub);
    }));
    // an aside after a sentence is still no tag
    expect(plan("（一）深化政策发布。做好预决算公开。(含各街镇)完善目录编制。(区财政局)")[0].units.flatMap((p) => p.units.map((u) => u.name))).toEqual(["区财政局"]);
  });

  it("广东省卫生健康委 2021: 会 for 会同 between two names (宣传处会办公室) names both; 会 opening a word (会计, 会务, 会展) joins nothing", async () => {
    const third = tasks(await real("g-21.txt"))[2];
    expect(third.text).toMatch(/^提高新冠肺炎疫情信息发布规范化水平/);
    expect(units(third, "responsible")).toEqual(["宣传处", "办公室"]);
    for (const name of ["县财政局会计核算中心", "市政府办公室会务科", "市商务局会展中心", "县委员会"]) expect(units(plan(`（一）深化政策发布。做好预决算公开。（${name}负责）`)[0], "responsible")).toEqual([name]);
  });

  it("大武口区 2024: two names printed with no mark between them (区直各部门市生态环境局大武口分局) are two units", async () => {
    const first = tasks(await real("j-06.txt"))[0];
    expect(units(first, "responsible")).toEqual(["区直各部门", "市生态环境局大武口分局"]);
    // only after a name ending in 政府, 部门, 单位 or 办事处, and before one opening with a level: these stay one
    for (const name of ["市政府各部门", "县委县政府督查室", "市生态环境局大武口分局", "市人民政府办公室", "县政府各有关部门"]) expect(units(plan(`（一）深化政策发布。做好预决算公开。（${name}负责）`)[0], "responsible")).toEqual([name]);
  });

  it("two names of any kind run together read back as both, and one name as itself (property)", () => {
    const first = fc.constantFrom("区直各部门", "各乡镇人民政府", "县直各单位", "街道办事处", "市政府");
    const second = fc.constantFrom("市生态环境局大武口分局", "县财政局", "区融媒体中心", "镇政府", "省审改办");
    fc.assert(fc.property(first, second, (a, b) => {
      expect(units(plan(`（一）深化政策发布。做好预决算公开。（${a}${b}负责）`)[0], "responsible")).toEqual([a, b]);
      expect(units(plan(`（一）深化政策发布。做好预决算公开。（${a}、${b}负责）`)[0], "responsible")).toEqual([a, b]);
    }));
  });

  it("沈阳 2017: a cell naming only where the plan publishes (门户网站, 新闻媒体: a 公开载体 column) is no unit cell, and is reported", async () => {
    const plan = await real("g-13.txt");
    const all = tasks(plan);
    expect(all.flatMap((t) => units(t, "lead", "participant", "responsible"))).toEqual([]);
    expect(all.some((t) => /门户网站、市政府相关部门网站/.test(t.text))).toBe(false);
    const channels = plan.issues.filter((i) => i.code === "channel-cell");
    expect(channels.map((i) => i.severity)).toEqual(["info", "info"]);
    expect(channels[0].message).toContain("市政府门户网站、市政府相关部门网站");
    // a channel beside a unit is a unit (淮南 2021: 政务公开指导办、政府网站)
    const huainan = tasks(await real("b-17.txt")).find((t) => t.text.startsWith("市政府网站建立专题"))!;
    expect(units(huainan, "responsible")).toEqual(["政务公开指导办", "政府网站"]);
  });

  it("a bracket right after a tag goes with its task: more units, or the deadline (found in review)", () => {
    const [first, second] = plan("（一）深化政策发布。按照上级要求做好相关工作。（市委宣传部、市委网信办）（市政府办公室）\n（二）加强平台建设。做好平台建设。（市政府办公室、市大数据局）（2024年底前完成）");
    expect(units(first, "responsible")).toEqual(["市委宣传部", "市委网信办", "市政府办公室"]);
    expect(second.text).toBe("加强平台建设。做好平台建设。");
    expect(units(second, "responsible")).toEqual(["市政府办公室", "市大数据局"]);
    // a remark right after a tag adds no unit (found in the third review)
    for (const remark of ["（注：各乡镇要结合实际抓好落实）", "（涉及各乡镇）", "（备注：按季度报送）"]) {
      const all = plan(`（一）推进财政公开。做好预决算公开。（县发改局负责）${remark}`).flatMap((t) => units(t, "lead", "responsible", "participant"));
      expect(all, remark).toEqual(["县发改局"]);
    }
  });

  it("a remark in brackets after a sentence is no tag: labels of its own (组长单位：…), or an example list (主要包括…) (found in review)", () => {
    const [task] = plan("（一）深化政策发布。成立领导小组。（组长单位：市政府办公室；成员单位：市发改委、市财政局）领导小组负责统筹协调。（市政府办公室）");
    expect(task.text.startsWith("深化政策发布。成立领导小组。（组长单位")).toBe(true);
    expect(units(task, "responsible")).toEqual(["市政府办公室"]);
    const [other] = plan("（一）深化政策发布。重点部门要率先公开。（主要包括市教育局、市卫健委、市民政局）其他部门逐步推开。（市政府办公室负责）");
    expect(units(other, "responsible")).toEqual(["市政府办公室"]);
  });

  it("浙江 2020: a labelled tag holding a note with brackets of its own (各市、县〔市、区〕政府…以下不再列出) is the task's tag, and the note's units are the task's too", async () => {
    const [first] = tasks(await real("k-18.txt"));
    expect(units(first, "responsible")).toEqual(["省政府办公厅", "其他省级有关单位", "各市、县〔市、区〕政府"]);
    expect(first.text.endsWith("释放权威政策信号。")).toBe(true);
  });
});

describe("second-level markers whose closing bracket was lost", () => {
  it("和平区 2022: 「(一加强…」「(二加强…」 are the (一) (二) headings that open their tasks", async () => {
    const [first, second] = tasks(await real("g-04.txt"));
    expect(first.text.startsWith("加强涉及优化营商环境的信息公开。")).toBe(true);
    expect(units(first, "responsible")).toContain("区发展改革委");
    expect(second.text.startsWith("加强涉及减税降费的信息公开。")).toBe(true);
  });

  it("only where a document numbers both (一 and (二 so and never writes （一） whole", () => {
    const titles = (body: string) => parsePlan(`2022年某区政务公开工作要点\n一、聚焦经济领域\n${body}`).children.flatMap((n) => (n.type === "section" ? n.children.flatMap((c) => (c.type === "section" ? [c.title] : [])) : []));
    expect(titles("(一加强营商环境信息公开。做好公开。（区发改委负责）\n(二加强减税降费信息公开。做好推送。（区税务局负责）\n")).toEqual(["加强营商环境信息公开。", "加强减税降费信息公开。"].map((t) => t.replace(/。$/, "")).map((t) => expect.stringContaining(t)));
    // a lone 「(一般…」 line, or one beside whole （一） markers, is text
    expect(titles("(一般情况下做好公开。（区发改委负责）\n")).toEqual([]);
    // 「(一是…」「(二是…」 enumerate inside a task (found in the third review)
    expect(titles("1.加强政策解读。做好以下工作：\n(一是及时发布政策文件；\n(二是做好政策解读。（区政府办公室负责）\n")).toEqual([]);
    expect(titles("（一）加强营商环境信息公开。做好公开。（区发改委负责）\n(二加强减税降费信息公开。做好推送。（区税务局负责）\n")).toEqual([expect.stringContaining("加强营商环境信息公开")]);
  });
});

describe("forms first met on departments' own plans (s-*, t-*)", () => {
  const plan2 = (body: string) => tasks(parsePlan(`2022年某县政务公开工作要点\n一、深化主动公开\n${body}`));

  it("门头沟区 2020, 洛阳 2016: a heading line over tagged paragraphs without numbers opens the first of them, where most headings hold one task", async () => {
    const beijing = tasks(await real("h-08.txt"));
    const second = beijing.find((t) => t.text.startsWith("推进京津冀协同发展信息公开"))!;
    expect(second.text).toMatch(/^推进京津冀协同发展信息公开 做好城市总体规划实施/);
    expect(units(second, "responsible")).toEqual(["区规划自然资源分局"]);
    // the paragraph after it stays a task of its own
    expect(beijing.some((t) => t.text.startsWith("做好疏解整治促提升专项行动信息公开"))).toBe(true);
    expect(tasks(await real("m-02.txt"))[0].text).toMatch(/^推进权力清单和责任清单公开 继续巩固/);
    // a heading sentence in its paragraph over several tags titles them (庆元县 2022): none of them opens with it
    const qingyuan = plan2("（一）聚焦营商环境加大公开力度。做好政策公开。（县发改局牵头负责）做好执法公开。（县市场监管局牵头负责）\n（二）深化决策公开。做好决策公开。（县府办牵头负责）做好意见征集。（县司法局牵头负责）\n");
    expect(qingyuan.map((t) => t.text.slice(0, 6))).toEqual(["做好政策公开", "做好执法公开", "做好决策公开", "做好意见征集"]);
  });

  it("重庆高新区 2021, 深圳市大鹏新区 2021, 重庆两江新区 2020: a zone's plan is its city's county-level area, no division of its own, and says so", async () => {
    expect((await real("t-01.txt")).meta).toMatchObject({ region: null, regionCode: null, parentCity: "重庆市", province: "重庆市", level: "county", year: 2021 });
    expect((await real("t-03.txt")).meta).toMatchObject({ region: null, parentCity: "深圳市", province: "广东省", level: "county", year: 2021 });
    const liangjiang = await real("h-15.txt");
    expect(liangjiang.meta).toMatchObject({ region: null, parentCity: "重庆市", province: "重庆市", level: "county" });
    expect(codes(liangjiang)).toContain("zone-plan");
    expect(codes(liangjiang)).not.toContain("region-not-found");
    // a city's own plan that names its zones among the addressees stays the city's (荆州 2022)
    expect((await real("c-15.txt")).meta).toMatchObject({ region: "荆州市", level: "prefecture" });
    const meta = (title: string) => parsePlan(`${title}\n一、深化主动公开\n(一)做好财政信息公开。（财政局负责）\n`).meta;
    expect(meta("成都高新区2022年政务公开工作要点")).toMatchObject({ region: null, parentCity: "成都市", province: "四川省", level: "county" });
    expect(meta("天津经济技术开发区2022年政务公开工作要点")).toMatchObject({ region: null, parentCity: "天津市", level: "county" });
    // a county of the city, a district named 新区 in GB/T 2260, and the city itself are what they are
    expect(meta("成都市武侯区2022年政务公开工作要点")).toMatchObject({ region: "武侯区", level: "county" });
    expect(meta("上海市浦东新区2022年政务公开工作要点")).toMatchObject({ region: "浦东新区", level: "county" });
    expect(meta("成都市2022年政务公开工作要点")).toMatchObject({ region: "成都市", level: "prefecture" });
    // a province's zone lies in a city its name does not tell
    expect(meta("湖南湘江新区2022年政务公开工作要点").level).not.toBe("county");
  });

  it("any city's zone, by its full or short name and any zone word, is a county-level area of that city (property)", () => {
    // (郑州经济技术开发区 is a division of its own in GB/T 2260, 410171, and named so)
    const city = fc.constantFrom(["成都市", "四川省"], ["苏州市", "江苏省"], ["西安市", "陕西省"], ["郑州市", "河南省"], ["长沙市", "湖南省"], ["重庆市", "重庆市"]);
    const zoneWord = fc.constantFrom("高新区", "经开区", "经济技术开发区", "新区");
    fc.assert(fc.property(city, zoneWord, fc.boolean(), fc.integer({ min: 2016, max: 2025 }), ([name, province], word, short, year) => {
      const meta = parsePlan(`${short ? name.replace(/市$/, "") : name}${word}${year}年政务公开工作要点\n一、深化主动公开\n(一)做好财政信息公开。（财政局负责）\n`).meta;
      expect(meta).toMatchObject({ parentCity: name, province, level: "county", year });
      // a zone GB/T 2260 codes itself (郑州经济技术开发区 410171) is named; any other is not
      expect(meta.region === null || meta.region.endsWith(word)).toBe(true);
    }));
  });

  it("上海市医疗保障局 2023: a page that opens at 「2023年…政务公开工作的总体要求是」 has that year", async () => {
    expect((await real("s-01.txt")).meta).toMatchObject({ region: "上海市", year: 2023 });
    const year = (opening: string) => parsePlan(`${opening}\n一、深化主动公开\n(一)做好财政信息公开。（办公室负责）\n`).meta.year;
    expect(year("2022年全市政务公开工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导。")).toBe(2022);
    // a year in a cited title, or before other words, is not the plan's
    expect(year("根据《2021年全省政务公开工作要点》，全市政务公开工作的总体要求是：坚持公开为常态。")).toBeNull();
    expect(year("2020年以来，我局政务公开工作取得了明显成效。")).toBeNull();
  });

  it("广州市水务局 2021: the bureau's own 局内负责处室 column carries its tasks; the city's 市里落实单位 is reported, and a row that lost its first cells takes the header's last", async () => {
    const plan = await real("s-05.txt");
    const [first, second, third, fourth] = tasks(plan);
    expect(first.text).toMatch(/^县级以上各级政府要主动公开/);
    expect(units(first, "responsible")).toEqual(["各处室"]);
    expect(second.text).toMatch(/^做好历史规划/);
    expect([units(second, "lead"), units(second, "participant")]).toEqual([["办公室"], ["各处室"]]);
    expect([units(third, "lead"), units(third, "participant")]).toEqual([["财审处"], ["局属各单位"]]);
    // one unit cell left: content decides, and 规计处 is no task for the city's column
    expect(units(fourth, "responsible")).toEqual(["规计处"]);
    expect(plan.issues.some((i) => i.code === "unplaced-text" && i.message.includes("市财政局牵头"))).toBe(true);
  });
});

describe("forms first met on departments' own plans, second batch (u-*)", () => {
  const plan = (tag: string) => tasks(parsePlan(`2024年某厅政务公开工作要点\n一、深化主动公开\n（一）做好财政信息公开。做好预决算公开。（${tag}）\n`))[0];

  it("安徽省教育厅 2024, 江门市卫生健康局 2021: a table row whose empty cells at its end made up the count takes the header's last columns", async () => {
    const [, second, third] = tasks(await real("u-04.txt"));
    expect(second.text).toMatch(/^紧扣民生领域/);
    expect(units(second, "responsible")).toEqual(["办公室", "基教处", "职成处", "各市、县(市、区)教育局", "各高校"]);
    expect(third.text).toMatch(/^助力优化政务服务/);
    expect(units(third, "responsible")).toEqual(["基教处", "电教馆", "各市、县(市、区)教育局"]);
    expect(tasks(await real("s-10.txt")).find((t) => t.text.startsWith("扎实做好疫苗接种"))!.units.flatMap((p) => p.units.map((u) => u.name))).toEqual(["局疾控科"]);
    // a row that fills every column keeps them, empty cells at its end or not; one that lost its first is shifted
    const table = (second: string) => tasks(parsePlan(`2024年某局政务公开工作任务分解\n工作任务 | 具体要求 | 责任单位 | 时限要求 |\n一、做好主动公开 | 1.做好预决算公开。 | 财务处 | 持续推进 |\n${second}\n`));
    const named = (t: Task) => t.units.flatMap((p) => p.units.map((u) => u.name));
    expect(table("二、做好解读 | 2.做好政策解读。 | 办公室 | | |").map(named)).toEqual([["财务处"], ["办公室"]]);
    const shifted = table("2.做好政策解读。 | 办公室、法规科 | 持续推进 | |");
    expect(shifted[1]).toMatchObject({ number: 2, text: "做好政策解读。" });
    expect(named(shifted[1])).toEqual(["办公室", "法规科"]);
  });

  it("places from upper to lower share any name after them; from lower to upper only a government's", () => {
    expect(units(plan("各市、县(市、区)教育局负责"), "responsible")).toEqual(["各市、县(市、区)教育局"]);
    expect(units(plan("各州、市人民政府负责"), "responsible")).toEqual(["各州、市人民政府"]);
    expect(units(plan("各县区、市财政局负责"), "responsible")).toEqual(["各县区", "市财政局"]);
  });

  it("山东省人社厅 2021: 「各有关处室、单位」 is one unit (各有关单位 shares its 各有关)", async () => {
    const [first] = tasks(await real("u-02.txt"));
    expect(units(first, "participant")).toEqual(["各有关处室、单位"]);
    expect(units(plan("财务处牵头，各有关部门、单位配合"), "participant")).toEqual(["各有关部门、单位"]);
    // not after a unit of its own: 「财务处、单位」 names 财务处
    expect(units(plan("财务处、办公室负责"), "responsible")).toEqual(["财务处", "办公室"]);
  });

  it("offices that end in 股, 馆 and 校 are units (法规宣教股, 电教馆, 各高校, 市委党校)", async () => {
    expect(units(plan("办公室、法规宣教股负责"), "responsible")).toEqual(["办公室", "法规宣教股"]);
    expect(units(plan("基教处、电教馆、各高校、市委党校负责"), "responsible")).toEqual(["基教处", "电教馆", "各高校", "市委党校"]);
    const [first] = tasks(await real("u-09.txt"));
    expect(units(first, "lead")).toEqual(["办公室", "法规宣教股"]);
  });

  it("保山市生态环境局昌宁分局 2022: a city bureau's branch in a county is the county's", async () => {
    expect((await real("u-09.txt")).meta).toMatchObject({ region: "昌宁县", parentCity: "保山市", province: "云南省", level: "county", year: 2022 });
    const meta = (title: string) => parsePlan(`${title}\n一、深化主动公开\n(一)做好财政信息公开。（办公室负责）\n`).meta;
    expect(meta("保山市生态环境局隆阳分局2023年政务公开工作要点")).toMatchObject({ region: "隆阳区", parentCity: "保山市", level: "county" });
    // a branch whose name is no county of the city, and the city's own bureau, stay the city's
    expect(meta("保山市公安局交警分局2023年政务公开工作要点")).toMatchObject({ region: "保山市", level: "prefecture" });
    expect(meta("保山市生态环境局2023年政务公开工作要点")).toMatchObject({ region: "保山市", level: "prefecture" });
  });
});

describe("department and zone forms, as a reviewer probed them (found in review)", () => {
  const one = (tag: string) => tasks(parsePlan(`2024年某县政务公开工作要点\n一、深化主动公开\n（一）做好财政信息公开。做好预决算公开。（${tag}负责）\n`))[0].units.flatMap((p) => p.units.map((u) => u.name));
  const meta = (head: string) => parsePlan(`${head}\n一、深化主动公开\n(一)做好财政信息公开。（办公室负责）\n`).meta;

  it("会 joins two names only before one standing alone, never after 委 (常委会, 管委会) nor where it opens a word", () => {
    for (const name of ["县人大常委会办公室", "高新区管委会办公室", "社区居委会办公室", "市教育局会考办公室", "县卫健局会诊中心", "市文旅局会堂管理处", "区政府会客厅管理办公室"]) expect(one(name)).toEqual([name]);
    expect(one("县司法局会县财政局")).toEqual(["县司法局", "县财政局"]);
    expect(one("宣传处会办公室")).toEqual(["宣传处", "办公室"]);
  });

  it("a level word that begins a word (市长, 县志, 乡村) opens no second name", () => {
    for (const name of ["市政府市长热线办公室", "县人民政府县志办公室", "市人民政府市场监督管理局", "县人民政府县级融媒体中心", "乡镇人民政府乡村振兴办", "镇人民政府镇村建设办公室", "区人民政府区情研究室"]) expect(one(name)).toEqual([name]);
  });

  it("websites are a channel only under a header naming such a column: elsewhere a unit, or a task after its 序号", () => {
    const cells = (rows: string) => tasks(parsePlan(`2022年某县政务公开工作任务清单\n\n序号\n\n工作任务\n\n责任单位\n\n完成时限\n\n${rows}`));
    const [first, second] = cells("1\n\n做好网站信息发布。\n\n县政府门户网站\n\n全年\n\n2\n\n规范政务新媒体\n\n县委网信办\n\n全年\n");
    expect(first.units.flatMap((p) => p.units.map((u) => u.name))).toEqual(["县政府门户网站"]);
    expect(second).toMatchObject({ number: 2, text: "规范政务新媒体" });
    expect(second.units.flatMap((p) => p.units.map((u) => u.name))).toEqual(["县委网信办"]);
  });

  it("a heading line ending in ： or gathering what is below it (其他) opens no task", () => {
    const body = (heading: string) => tasks(parsePlan(`2022年某县政务公开工作要点\n一、深化主动公开\n（一）财政信息公开\n做好预决算公开。（县财政局负责）\n（二）政策解读\n做好政策解读。（县政府办负责）\n${heading}\n做好教育信息公开。（县教育局负责）\n做好医疗信息公开。（县卫健局负责）\n`));
    expect(body("（三）重点领域信息公开：").map((t) => t.text.slice(0, 4))).toEqual(["财政信息", "政策解读", "做好教育", "做好医疗"]);
    expect(body("（三）其他").map((t) => t.text.slice(0, 4))).toEqual(["财政信息", "政策解读", "做好教育", "做好医疗"]);
  });

  it("a city's own plan that names zones beside itself stays the city's; a township's 我县 gives no county", () => {
    for (const title of ["成都市（含天府新区、高新区）2022年政务公开工作要点", "成都市及天府新区2022年政务公开工作要点", "西安市暨西咸新区2022年政务公开工作要点", "成都市各开发区2022年政务公开工作要点"]) expect(meta(title)).toMatchObject({ level: "prefecture" });
    expect(meta("某某镇2022年政务公开工作要点\n为进一步推进我镇政务公开工作，按照我县统一部署，经县政府同意，制定本要点。").level).toBeNull();
  });

  it("a year that opens no sentence, or looks back or ahead (2020年以来, 到2025年), is no plan's year", () => {
    expect(meta("2020年以来我局政务公开工作的总体要求是：坚持公开为常态。").year).toBeNull();
    expect(meta("到2025年政务公开工作的总体要求是：全面提升。").year).toBeNull();
    expect(meta("2024年全局政务公开工作的总体要求是：坚持公开为常态。").year).toBe(2024);
  });

  it("only 单位 or 部门 shares a 各有关: 「各处室、直属单位」 and 「各科室、事业单位」 are two", () => {
    expect(one("各处室、直属单位")).toEqual(["各处室", "直属单位"]);
    expect(one("各科室、事业单位")).toEqual(["各科室", "事业单位"]);
    expect(one("各有关科室、单位")).toEqual(["各有关科室、单位"]);
  });

  it("tables: a header with no requirement column has its tasks in the last section column; a row padded at its end past what it lost keeps its task, and a 市里 | 区里 table is the district's", () => {
    const table = (t: string) => tasksOf(parsePlan(t)).map(({ task }) => [task.number, task.text, task.units.flatMap((p) => p.units.map((u) => `${p.role[0]}:${u.name}`))]);
    expect(table("2021年某局政务公开任务\n序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n1 | 做好规划公开。 | 办公室 | 规划科 | 长期 |\n2 | 做好政策解读。 | 法规科 | 办公室 | 长期 |\n")).toEqual([
      [1, "做好规划公开。", ["l:办公室", "p:规划科"]],
      [2, "做好政策解读。", ["l:法规科", "p:办公室"]],
    ]);
    expect(table("2021年某局政务公开任务\n工作任务 | 具体要求 | 牵头单位 | 配合单位 | 完成时限 |\n一、做好规划公开 | 1.做好规划公开。 | 办公室 | 规划科 | 长期 |\n2.做好政策解读。 | 县司法局 | 县政府办 | | |\n")[1]).toEqual([2, "做好政策解读。", ["l:县司法局", "p:县政府办"]]);
    const cityAndDistrict = table("2021年某区政务公开工作要点分工\n工作任务 | 具体要求 | 市里落实单位 | 区里落实单位 |\n一、做好规划公开 | 1.做好规划公开。 | 市发改委 | 区发改局 |\n2.做好历史规划公开。 | 市发改委 | 区发改局 |\n3.做好专项规划公开。 | 市司法局 | 区司法局 |\n");
    expect(cityAndDistrict).toEqual([
      [1, "做好规划公开。", ["r:区发改局"]],
      [2, "做好历史规划公开。", ["r:区发改局"]],
      [3, "做好专项规划公开。", ["r:区司法局"]],
    ]);
  });
});
