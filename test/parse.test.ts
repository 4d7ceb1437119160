// The parse stage on the five seed plans: counts and specific tasks checked against a reading of the
// plans themselves, and invariants that must hold for every plan.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTable } from "../loaders/data.ts";
import { parsePlan, sectionsOf, tasksOf } from "../loaders/parse/index.ts";
import { isSubsequence, ROOT, seed, SEEDS, SEEDS_DIR, SHARED_SEEDS, tasks } from "./helpers.ts";
import { readSource } from "../loaders/read/index.ts";

/** Counted by reading each plan (see seeds/MANIFEST.tsv for what each plan's layout does). */
const EXPECTED: Record<string, { tasks: number; numbered: number; l1: number; l2: number; units: number; meta: Record<string, unknown> }> = {
  "yingde-2022.txt": {
    tasks: 44, numbered: 43, l1: 5, l2: 16, units: 15,
    meta: { region: "英德市", regionCode: "441881", parentCity: "清远市", province: "广东省", level: "county", year: 2022, status: "final", docNumber: null, issueDate: null, title: "英德市2022年政务公开工作要点分工方案" },
  },
  "dinghu-2021.txt": {
    tasks: 48, numbered: 48, l1: 12, l2: 0, units: 37,
    meta: { region: "鼎湖区", regionCode: "441203", parentCity: "肇庆市", province: "广东省", level: "county", year: 2021, status: "final", docNumber: "肇鼎府办函〔2021〕38号", issueDate: "2021-09-11", issuer: "肇庆市鼎湖区人民政府办公室" },
  },
  "qingyuan-2022.txt": {
    tasks: 31, numbered: 0, l1: 4, l2: 15, units: 24,
    meta: { region: "庆元县", regionCode: "331126", parentCity: "丽水市", province: "浙江省", level: "county", year: 2022, status: "final", docNumber: "庆政办发〔2022〕37号", issueDate: "2022-06-13", issuer: "庆元县人民政府办公室", title: "2022年庆元县政务公开工作要点" },
  },
  "lufeng-2024.txt": {
    tasks: 56, numbered: 56, l1: 5, l2: 12, units: 11,
    meta: { region: "陆丰市", regionCode: "441581", parentCity: "汕尾市", province: "广东省", level: "county", year: 2024, status: "final", docNumber: "陆府办函〔2024〕121号", issueDate: "2024-11-04", issuer: "陆丰市人民政府办公室" },
  },
  "wengyuan-2018.txt": {
    tasks: 57, numbered: 57, l1: 4, l2: 15, units: 29,
    meta: { region: "翁源县", regionCode: "440229", parentCity: "韶关市", province: "广东省", level: "county", year: 2018, status: "draft", docNumber: null, issueDate: null, issuer: null },
  },
};

describe("the bundled seeds", () => {
  it.each(SEEDS)("$file is a byte-for-byte copy of $original", ({ file, original, sha256 }) => {
    const bytes = readFileSync(SEEDS_DIR + file);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
    if (existsSync(SHARED_SEEDS + original)) expect(bytes.equals(readFileSync(SHARED_SEEDS + original))).toBe(true);
  });
});

describe.each(SEEDS)("$file", ({ file, layout }) => {
  const want = EXPECTED[file];

  it("has the layout, metadata and counts read off the plan", async () => {
    const { plan } = await seed(file);
    expect(plan.layout).toBe(layout);
    expect(plan.meta).toMatchObject(want.meta);
    const all = tasks(plan);
    expect(all).toHaveLength(want.tasks);
    expect(all.filter((t) => t.number !== null)).toHaveLength(want.numbered);
    const sections = sectionsOf(plan).map((s) => s.section);
    expect(sections.filter((s) => s.level === 1)).toHaveLength(want.l1);
    expect(sections.filter((s) => s.level === 2)).toHaveLength(want.l2);
    const units = new Set(all.flatMap((t) => t.units.flatMap((p) => p.units.map((u) => u.name))));
    expect(units.size).toBe(want.units);
    expect(plan.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("keeps every span inside the text, and a task's text is drawn from its span", async () => {
    const { plan, source } = await seed(file);
    for (const task of tasks(plan)) {
      const { start, end } = task.position;
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(source.text.length);
      expect(start).toBeLessThan(end);
      const slice = source.text.slice(start, end);
      expect(isSubsequence(task.text.replace(/\s+/g, ""), slice.replace(/\s+/g, ""))).toBe(true);
      expect(slice.replace(/\s/g, "").startsWith(task.text.replace(/\s/g, "").slice(0, 4))).toBe(true);
      for (const phrase of task.units) for (const unit of phrase.units) {
        expect(isSubsequence(unit.name, source.text.slice(unit.position.start, unit.position.end))).toBe(true);
      }
    }
    for (const { section } of sectionsOf(plan)) {
      expect(isSubsequence(section.title.replace(/\s+/g, ""), source.text.slice(section.position.start, section.position.end))).toBe(true);
    }
  });

  it("puts tasks in document order, each inside a section when the plan has sections", async () => {
    const { plan } = await seed(file);
    const flat = tasksOf(plan);
    for (let i = 1; i < flat.length; i++) expect(flat[i].task.position.start).toBeGreaterThan(flat[i - 1].task.position.end - 1);
    if (sectionsOf(plan).length > 0) for (const { path } of flat) expect(path.length).toBeGreaterThan(0);
  });

  it("parses to the same tree every time", async () => {
    const { source, plan } = await seed(file);
    expect(JSON.stringify(parsePlan(source.text))).toBe(JSON.stringify(plan));
  });
});

async function taskNumbered(file: string, n: number) {
  const { plan } = await seed(file);
  const t = tasks(plan).find((x) => x.number === n);
  if (!t) throw new Error(`${file} has no task ${n}`);
  return t;
}
const unitsOf = (t: { units: { role: string; units: { name: string }[] }[] }, role?: string) =>
  t.units.filter((p) => !role || p.role === role).flatMap((p) => p.units.map((u) => u.name));

describe("specific tasks, checked by reading the plans", () => {
  it("Yingde 2022: first and last tasks, a task cut over page breaks, a group sharing one unit cell", async () => {
    const first = await taskNumbered("yingde-2022.txt", 1);
    expect(first.text.startsWith("各镇人民政府、英城街道办事处，市直相关部门、清远市生态环境局英德分局要结合实际")).toBe(true);
    expect(unitsOf(first)).toEqual(["各镇人民政府", "英城街道办事处", "市直相关部门", "清远市生态环境局英德分局"]);
    const cut = await taskNumbered("yingde-2022.txt", 19);
    expect(cut.text).toContain("及时传达就业支持政策，做好相关文件政策解读。加强劳动者劳动保障信息公开");
    expect(cut.text.endsWith("动态公开政策规定及经办流程。")).toBe(true);
    expect(unitsOf(cut, "lead")).toEqual(["市人力资源和社会保障局"]);
    for (const n of [10, 11, 12]) {
      const t = await taskNumbered("yingde-2022.txt", n);
      expect(unitsOf(t, "lead")).toEqual(["市卫生健康局", "市政务服务数据管理局"]);
      expect(unitsOf(t, "participant")).toEqual(["各镇人民政府", "英城街道办事处", "市直相关部门"]);
    }
    const t33 = await taskNumbered("yingde-2022.txt", 33);
    expect(t33.text.startsWith("2022 年底前，市级政府部门网站全面支持互联网协议第 6 版")).toBe(true);
    const { plan } = await seed("yingde-2022.txt");
    const all = tasks(plan);
    const unnumbered = all.filter((t) => t.number === null);
    expect(unnumbered).toHaveLength(1);
    expect(unnumbered[0].text.startsWith("各级政府网站要做好重点领域信息公开栏目内容日常维护")).toBe(true);
    const last = all[all.length - 1];
    expect(last.number).toBe(45);
    expect(last.units).toEqual([]);
    const codes = plan.issues.map((i) => i.code);
    expect(codes.filter((c) => c === "task-without-unit")).toHaveLength(5); // tasks 40–43 and 45
    expect(plan.issues.filter((i) => i.code === "numbering-gap").map((i) => i.message)).toEqual([expect.stringContaining("缺少 36"), expect.stringContaining("缺少 44")]);
    expect(codes).toContain("unnumbered-task");
  });

  it("Dinghu 2021: three tasks in one space-separated cell, two <p> unit paragraphs mapped one to one, five tasks on two paragraphs flagged", async () => {
    for (const n of [3, 4, 5]) {
      const t = await taskNumbered("dinghu-2021.txt", n);
      expect(unitsOf(t, "lead")).toEqual(["区发改局", "区市市场监管局"]);
    }
    expect((await taskNumbered("dinghu-2021.txt", 4)).text).toBe("及时公开建设高标准市场体系行动方案的落实举措。");
    expect(unitsOf(await taskNumbered("dinghu-2021.txt", 39))).toEqual(["区发改局", "区教育局", "区生态环境局", "区住建局", "区交通局", "区卫健局", "区城管局"]);
    expect(unitsOf(await taskNumbered("dinghu-2021.txt", 40))).toEqual(["各镇人民政府", "街道办事处", "区政府各部门", "直属各单位"]);
    const { plan } = await seed("dinghu-2021.txt");
    const ambiguous = plan.issues.filter((i) => i.code === "ambiguous-unit-mapping");
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0].message).toContain("41、42、43、44、45");
    const t20 = await taskNumbered("dinghu-2021.txt", 20);
    expect(unitsOf(t20, "lead")).toEqual(["区委宣传部(网信办)"]);
    const t36 = await taskNumbered("dinghu-2021.txt", 36);
    expect(unitsOf(t36)).toEqual(["各镇人民政府", "街道办事处", "区政府各部门", "直属各单位", "区发改局", "区财政局", "区审计局", "区市场监管局"]);
    const all = tasks(plan);
    expect(all[all.length - 1].text.startsWith("对上一年度工作要点落实情况开展“回头看”")).toBe(true);
    expect(sectionsOf(plan).map((s) => s.section.title)).toContain("做好财政信息公开"); // 「做好财政 信息公开」 and its page-break repeat are one section
  });

  it("Lufeng 2024: the task cut between two table rows is rejoined; repeated headings do not add sections", async () => {
    const t34 = await taskNumbered("lufeng-2024.txt", 34);
    expect(t34.text).toContain("等已出台的公共企事业单位信息公开制度，明确并向社会公开本地区范围内适用主体清单");
    expect(t34.pieces).toHaveLength(2);
    const t35 = await taskNumbered("lufeng-2024.txt", 35);
    expect(t35.text.startsWith("利用政府网站")).toBe(true);
    const t4 = await taskNumbered("lufeng-2024.txt", 4);
    expect(unitsOf(t4)).toEqual(["各镇（街、场）人民政府（办事处）", "星都管理办公室", "市财政局", "市农业农村局"]);
    const { plan } = await seed("lufeng-2024.txt");
    expect(plan.issues.map((i) => i.code)).toEqual(["numbering-gap"]);
    const l2 = sectionsOf(plan).filter((s) => s.section.level === 2).map((s) => s.section.marker);
    expect(l2).toEqual(["(一)", "(二)", "(三)", "(四)", "(一)", "（二）", "(一)", "(二)", "(三)", "(一)", "(二)", "(一)"]);
  });

  it("Qingyuan 2022: prose tasks end at their unit tags, a tag cut by a page break still names its unit", async () => {
    const { plan } = await seed("qingyuan-2022.txt");
    const all = tasks(plan);
    expect(all[0].text).toBe("围绕“最生态窗口”和共同富裕示范区建设山区范例“战略定位”，做好共同富裕示范区建设实施方案执行情况信息公开，集中展示建设成果。");
    expect(unitsOf(all[0], "lead")).toEqual(["县发改局"]);
    expect(sectionsOf(plan)[1].section.title).toBe("聚焦“最生态窗口”和共同富裕示范区建设加大公开力度");
    const cut = all.find((t) => t.text.startsWith("优化“浙里办”等平台个性化"))!;
    expect(unitsOf(cut, "lead")).toEqual(["县大数据发展中心"]);
    const shared = all.find((t) => t.text.startsWith("建立健全市场主体反映投资"))!;
    expect(unitsOf(shared, "lead")).toEqual(["县发改局", "县住建局"]);
    const wrapped = all.find((t) => t.text.startsWith("围绕市场主体全过程公正监管"))!;
    expect(wrapped.text).toContain("营造良好环境。"); // 「营造良」 / 「好环境」 across a page break
    const separateLine = all.find((t) => t.text.startsWith("建立定期通报机制"))!;
    expect(unitsOf(separateLine, "lead")).toEqual(["县府办"]);
    expect(all[all.length - 1].text.startsWith("各单位要对照本工作要点提出的重点任务")).toBe(true);
    expect(plan.issues.map((i) => i.code)).toEqual(["preamble"]);
  });

  it("Wengyuan 2018: a unit cell cut by a page break, a number without its dot, second-level parts running on", async () => {
    const t8 = await taskNumbered("wengyuan-2018.txt", 8);
    expect(unitsOf(t8, "lead")).toEqual(["县财政局"]);
    expect(unitsOf(t8, "participant")).toEqual(["县直各部门"]);
    const t24 = await taskNumbered("wengyuan-2018.txt", 24);
    expect(t24.units.map((p) => p.role)).toEqual(["responsible"]);
    expect(unitsOf(t24)).toEqual(["县委宣传部", "县府办"]);
    const t49 = await taskNumbered("wengyuan-2018.txt", 49);
    expect(t49.text.startsWith("完善各部门为政府公报提供文件工作机制")).toBe(true);
    const { plan } = await seed("wengyuan-2018.txt");
    const l2 = sectionsOf(plan).filter((s) => s.section.level === 2).map((s) => s.section.marker);
    expect(l2[14]).toBe("（十五）");
    expect(plan.issues).toEqual([]);
  });
});

/** A page of the real-plan corpus, read and parsed. */
async function real(name: string) {
  const path = ROOT + "test/fixtures/real/" + name;
  const source = await readSource(path, readFileSync(path));
  return { text: source.text, plan: parsePlan(source.text) };
}

describe("text standing where tasks do that is not a task", () => {
  it("reports a page's chrome line (中方县 d-19's: 「…www.zhongfang.gov.cn 发布时间…」) and a notice's own sentence (h-03) as not-a-task, with their position", async () => {
    // d-19's chrome line, where a page puts it under a heading of its plan (d-19 itself now holds the notice alone)
    const chrome = readFileSync(ROOT + "test/fixtures/real/d-19.txt", "utf8").split("\n").find((l) => l.includes("www.zhongfang.gov.cn"))!;
    const page = `中方县2022年政务公开工作要点\n一、加强政策解读\n1. 做好政府公报工作。（县政府办牵头）\n二、加强平台建设\n${chrome}\n三、加强组织保障\n1. 做好培训工作。（县政府办牵头）\n`;
    const h03 = await real("h-03.txt");
    for (const [text, plan, words] of [[page, parsePlan(page), "www.zhongfang.gov.cn"], [h03.text, h03.plan, "印发给你们"]] as const) {
      expect(tasksOf(plan).some(({ task }) => task.text.includes(words)), words).toBe(false);
      const issue = plan.issues.find((i) => i.code === "not-a-task" && text.slice(i.position!.start, i.position!.end).includes(words));
      expect(issue, words).toBeDefined();
      expect(issue!.severity).toBe("info");
    }
  });

  it("keeps a numbered task that quotes a notice's words and tasks that name a web address or 实现将, and drops a piece without a Chinese character", () => {
    const plan = parsePlan("2022年政务公开工作要点\n一、加强政策解读\n1. 现将《政策解读材料》印发给你们的做法推广到各乡镇。（县政府办牵头）\n2. 做好政府公报工作。（县政府办牵头）\n二、其他\n各级政府网站统一使用.gov.cn域名，规范网站标识。\n推动实现将政策文件全部纳入政策文件库。\n;\n");
    const texts = tasksOf(plan).map(({ task }) => task.text);
    expect(texts.some((t) => t.startsWith("现将《政策解读材料》"))).toBe(true);
    expect(texts.some((t) => t.startsWith("做好政府公报工作"))).toBe(true);
    expect(texts.some((t) => t.startsWith("各级政府网站统一使用.gov.cn域名"))).toBe(true);
    expect(texts.some((t) => t.startsWith("推动实现将政策文件"))).toBe(true);
    expect(texts.every((t) => /\p{Script=Han}/u.test(t))).toBe(true);
    expect(plan.issues.filter((i) => i.code === "not-a-task").map((i) => i.message)).toEqual(["没有汉字的片段，未计为任务：「;」"]);
  });
});

describe("an issuing notice's own requirements (「现将《X》印发给你们，并提出如下要求：一、…」)", () => {
  it("are not the plan's tasks: a page that holds the notice alone is one notice-only error, its span the notice's items", async () => {
    // what each page's notice opens its own requirements with (truth.json: these pages show the notice alone)
    const first: Record<string, string> = { "a-11.txt": "提高政治站位", "d-19.txt": "提高认识", "e-04.txt": "强化组织领导", "f-12.txt": "加强组织领导", "e-10.txt": "细化任务", "d-07.txt": "各级各部门要围绕", "c-11.txt": "各级政府和市直有关部门要充分发挥", "i-01.txt": "本分工方案中明确牵头单位" };
    for (const [name, words] of Object.entries(first)) {
      const { text, plan } = await real(name);
      expect(tasksOf(plan), name).toEqual([]);
      expect(plan.issues.map((i) => [i.severity, i.code]), name).toEqual([["error", "notice-only"]]);
      const span = plan.issues[0].position!;
      expect(text.slice(span.start, span.end).replace(/\s+/g, ""), name).toContain(words);
    }
  });

  it("run to the issued plan's title: the plan below is read, and the notice's items are reported with their position (i-09)", async () => {
    const { text, plan } = await real("i-09.txt");
    expect(tasksOf(plan)[0].task.text).toMatch(/^全面公开、精准解读重要政策措施/);
    expect(sectionsOf(plan).filter((s) => s.section.level === 1).map((s) => s.section.title)[0]).toMatch(/^着眼稳定预期/);
    const issue = plan.issues.find((i) => i.code === "notice-requirements")!;
    expect(issue.severity).toBe("info");
    const items = text.slice(issue.position!.start, issue.position!.end);
    expect(items).toContain("完善政务公开制度规范");
    expect(items).not.toContain("着眼稳定预期");
  });

  it("are the plan where the notice issues nothing of its own (现就…通知如下, c-06) or forwards the level above's plan with its own (转发给你们，并结合我市实际提出以下意见, i-17)", async () => {
    for (const [name, start] of [["c-06.txt", "聚焦乡村振兴"], ["i-17.txt", "编制主动公开基本目录"]]) {
      const { plan } = await real(name);
      expect(tasksOf(plan)[0]?.task.text, name).toMatch(new RegExp("^" + start));
      expect(plan.issues.some((i) => i.code === "notice-requirements" || i.code === "notice-only"), name).toBe(false);
    }
  });

  it("end where the plan starts, however the page marks it; 以下简称 asks nothing", () => {
    const head = "XX县人民政府办公室关于印发XX县2022年政务公开工作要点的通知\n各乡镇人民政府，县政府各部门：\n现将《XX县2022年政务公开工作要点》印发给你们，并提出如下工作要求：\n";
    const items = "一、提高政治站位。各乡镇各部门要充分认识政务公开工作的重要性，列入重要议事日程。\n二、强化工作落实。各责任单位要对照任务分工，细化分解任务，明确完成时限。\n";
    const plan = "一、加强政策解读\n1. 做好政府公报工作，及时公开规范性文件。（县政府办牵头）\n2. 做好重大政策解读工作。（县发改局牵头）\n二、加强平台建设\n1. 做好政府网站建设工作。（县政府办牵头）\n";
    const cases: [string, string][] = [
      ["the plan's title", head + items + "XX县人民政府办公室\n2022年5月8日\nXX县2022年政务公开工作要点\n" + plan],
      ["the signature's date, no title", head + items + "XX县人民政府办公室\n2022年5月8日\n" + plan],
      ["a date with a note in brackets", head + items + "XX县人民政府办公室\n2022年5月8日（此件公开发布）\n" + plan],
      ["the office and the date on one line", head + items + "XX县人民政府办公室 2022年5月8日\n" + plan],
      ["the numbering starting again, nothing between", head + items + plan],
      ["a title-like item and a date inside an item", head + "一、提高政治站位\n二、细化分解工作要点任务清单\n三、按时报送总结。各责任单位请于\n2022年12月10日\n前将年度工作总结报送县政府办。\n" + "XX县人民政府办公室\n2022年5月8日\n" + plan],
    ];
    for (const [what, text] of cases) {
      const doc = parsePlan(text);
      expect(tasksOf(doc).map(({ task }) => task.text.slice(0, 6)), what).toEqual(["做好政府公报", "做好重大政策", "做好政府网站"]);
      const issue = doc.issues.find((i) => i.code === "notice-requirements");
      expect(issue, what).toBeDefined();
      expect(text.slice(issue!.position!.start, issue!.position!.end), what).toContain("提高政治站位");
    }
    // 「以下简称」 names, it does not ask: the numbered items after such a sentence are the plan's
    const named = parsePlan("现将《XX县2022年政务公开工作要点》印发给你们，各乡镇、县直各单位（以下简称各单位）要结合实际认真贯彻落实。\n" + plan);
    expect(tasksOf(named).length).toBe(3);
    expect(named.issues.some((i) => i.code === "notice-requirements" || i.code === "notice-only")).toBe(false);
  });

  it("leave the plan's own tasks unchanged, whatever the notice asks (property, on the seeds)", async () => {
    const plans = await Promise.all(SEEDS.map(async (s) => (await seed(s.file)).source.text));
    const asks = ["，并提出如下工作要求，请认真贯彻落实。", "，请结合以下要求认真贯彻落实。", "，并就有关事项通知如下：", "，并提出以下要求，请一并贯彻执行。"];
    const headings = ["提高政治站位", "强化组织领导，确保扎实推进", "细化任务，夯实责任", "跟踪督导，严格奖惩", "加强审核把关"];
    const bodies = ["各地各部门要加强对政务公开工作重要性的认识，列入重要议事日程。", "各责任单位要对照任务分工，进一步细化分解任务，明确责任人和完成时限。", "县政府办要加强指导，定期通报工作进度（县政府办牵头）。"];
    const notice = fc.record({
      plan: fc.nat(plans.length - 1),
      asks: fc.constantFrom(...asks),
      items: fc.array(fc.tuple(fc.constantFrom(...headings), fc.constantFrom(...bodies), fc.boolean()), { minLength: 1, maxLength: 4 }),
      month: fc.integer({ min: 1, max: 12 }),
    });
    const taskTexts = (text: string) => tasksOf(parsePlan(text)).map(({ task }) => task.text);
    const own = plans.map(taskTexts);
    fc.assert(
      fc.property(notice, ({ plan, asks: ask, items, month }) => {
        const marks = ["一", "二", "三", "四"];
        const lines = items.map(([h, b, sameLine], i) => (sameLine ? `${marks[i]}、${h}。${b}` : `${marks[i]}、${h}\n${b}`));
        const text = `各乡镇人民政府，县政府各部门：\n现将《本县政务公开工作要点》印发给你们${ask}\n${lines.join("\n")}\n县人民政府办公室\n2022年${month}月8日\n${plans[plan]}`;
        expect(taskTexts(text)).toEqual(own[plan]);
      }),
      { numRuns: 40, seed: 20261126 },
    );
  });
});

describe("input that is not a plan", () => {
  it("text without any plan vocabulary is not-a-plan", () => {
    const doc = parsePlan("今天天气很好。\n我们去公园散步，然后回家吃饭。\n");
    expect(doc.issues.map((i) => [i.severity, i.code])).toEqual([["error", "not-a-plan"]]);
    expect(tasksOf(doc)).toEqual([]);
  });

  it("a text about openness with no recognisable tasks is an unknown layout", () => {
    const doc = parsePlan("关于政务公开工作的说明\n\n本文介绍政务公开的意义");
    expect(doc.issues.find((i) => i.severity === "error")?.code).toBe("unknown-layout");
  });
});

describe("role wording comes from data/unit-grammar.tsv alone", () => {
  // every role word of the table closes a tag and gives its role: code and table cannot drift apart
  const grammar = readTable("unit-grammar.tsv").filter((r) => ["lead", "participant", "responsible"].includes(r.kind));
  it.each(grammar)("（县财政局$value） is a tag whose unit is $kind", ({ kind, value }) => {
    const text = `某县2023年政务公开工作要点\n一、推进财政信息公开\n1.做好预决算公开工作，细化公开内容。（县财政局${value}）\n2.做好债务信息公开工作。（县审计局牵头，县财政局${value}）\n`;
    const found = tasksOf(parsePlan(text));
    expect(found).toHaveLength(2);
    const [first, second] = found.map(({ task }) => task);
    expect(first.text).toBe("做好预决算公开工作，细化公开内容。");
    expect(first.units.map((u) => [u.role, u.units.map((x) => x.name)])).toEqual([[kind, ["县财政局"]]]);
    expect(second.units.flatMap((u) => u.units.map((x) => x.name))).toEqual(["县审计局", "县财政局"]);
  });
});
