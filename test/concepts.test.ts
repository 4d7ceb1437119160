// The requirement-concept codebook (data/requirement-concepts.tsv, loaders/enrich/concepts.ts): what the
// seeds' tasks are coded as, the codebook's own consistency, and how concept codes decide pairs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkParents, CONCEPTS, conceptOf, family, TIERS } from "../loaders/enrich/concepts.ts";
import { comparable, compare, conceptStated, corpusSimilarity, DEFAULT_THRESHOLDS, leadingClause, passes, passesWording } from "../loaders/enrich/requirements.ts";
import { readTable } from "../loaders/data.ts";
import { seed, tasks } from "./helpers.ts";

/** The concept the codebook finds in a task's leading requirement (grouping adds the next clause's duty when it names none: conceptStated). */
const coded = (text: string) => conceptOf(leadingClause(comparable(text)))?.concept ?? null;
const task = async (file: string, n: number) => tasks((await seed(file)).plan).find((t) => t.number === n)!.text;

describe("requirement concepts", () => {
  it("codes reworded seed tasks of one duty alike", async () => {
    // 网民留言办理: 鼎湖 22 「…领导信箱等网民留言办理工作…」, 陆丰 45 「…网络问政平台信件和领导留言等办理工作…」, 翁源 28 「建立完善网民留言、咨询的受理、转办和反馈机制…」
    expect(coded(await task("dinghu-2021.txt", 22))).toBe("messages");
    expect(coded(await task("lufeng-2024.txt", 45))).toBe("messages");
    expect(coded(await task("wengyuan-2018.txt", 28))).toBe("messages");
  });

  it("codes Yingde 2 (主动公开目录的动态更新) and Yingde 3 (基层政务公开标准化) as different duties", async () => {
    expect(coded(await task("yingde-2022.txt", 2))).toBe("catalog-update");
    expect(coded(await task("yingde-2022.txt", 3))).toBe("standard");
  });

  it("tells keeping the catalogue up to date from compiling it: two sub-duties of one duty, related", () => {
    expect(coded("组织推进各单位主动公开基本目录编制工作。")).toBe("catalog");
    expect(coded("修订完善本部门主动公开目录。")).toBe("catalog-update");
    const [compile, update] = [CONCEPTS.find((c) => c.concept === "catalog")!, CONCEPTS.find((c) => c.concept === "catalog-update")!];
    expect(family(update)).toBe(family(compile));
  });

  it("reads the duty after an opening adverbial, an obligation before a topic, a channel only when nothing else is named", () => {
    // 结合权责清单…推动…主动公开目录: the duty is the catalogue (kept up to date), 权责清单 is what it is done with
    expect(coded("结合权责清单以及实际承担工作职责，推动政府信息主动公开目录的动态更新调整。")).toBe("catalog-update");
    // 营商环境 (a topic) is named first, 精准推送 (an obligation) is the duty
    expect(coded("优化营商环境，加大涉企政策的分类公开和精准推送力度。")).toBe("policy-push");
    expect(coded("围绕最佳化营商环境深化政府信息公开。")).toBe("business-env");
    expect(coded("统筹用好新闻发布会等平台，做好疫情防控信息发布。")).toBe("epidemic");
    expect(coded("组织召开月度、季度主要统计数据新闻发布会。")).toBe("press");
    expect(coded("加强组织保障。")).toBeNull();
  });

  it("prefers the more specific row where two start at one place (年报监督 before 年报)", () => {
    expect(coded("加强本地区年报编制发布工作的日常监督指导。")).toBe("report-supervise");
    expect(coded("规范编制发布政府信息公开工作年度报告，提高年报内容质量。")).toBe("annual-report");
  });

  it("searches after an adverbial's verb, not inside the adverbial, and keeps the adverbial's concept when nothing follows", () => {
    // 推进 inside 以…为抓手 is not the verb; 加强权力运行信息公开 is the requirement
    expect(coded("以推进基层政务公开标准化规范化为抓手，加强权力运行信息公开。")).toBe("power-operation");
    expect(coded("围绕最佳化营商环境深化政府信息公开。")).toBe("business-env");
    // a title clause before the adverbial: the adverbial is read in its own clause
    expect(coded("深化政务公开。以权责清单为依托，做好政府信息主动公开目录动态调整。")).toBe("catalog-update");
  });

  it("reads the duty after an addressee the comma closes (陆丰 2: 「…市府直各单位，要结合权责清单…推动…主动公开目录…」)", async () => {
    expect(coded(await task("lufeng-2024.txt", 2))).toBe("catalog-update");
  });

  it("relates a sub-duty to its duty, and lets their wording decide, where two unrelated duties are different", () => {
    const scores = (a: string, b: string) => {
      const { sim } = corpusSimilarity([comparable(a), comparable(b)]);
      return compare(sim.prepare(comparable(a)), sim.prepare(comparable(b)));
    };
    // 安全生产 enforcement is part of 行政执法信息; 反垄断 is a duty of its own
    expect(coded("推进安全生产监管执法信息公开，及时准确发布安全生产行政许可、执法检查。")).toBe("safety");
    expect(scores("推进安全生产监管执法信息公开。", "加强行政执法信息公开。").concept).toBe("related");
    expect(scores("推进安全生产监管执法信息公开。", "做好政府公报工作。").concept).toBe("different");
    // related: as two tasks of one topic (Jaccard 0.2, or the wording tests), where two duties need nearly the same text
    const related = { jaccard: 0.3, containment: 0.3, minShingles: 20, lead: 0, leadShingles: 10, concept: "related" as const };
    expect(passes(related, DEFAULT_THRESHOLDS)).toBe(true);
    expect(passesWording(related, DEFAULT_THRESHOLDS)).toBe(false);
    expect(passes({ ...related, concept: "different" }, DEFAULT_THRESHOLDS)).toBe(false);
    expect(passes({ ...related, jaccard: 0.1 }, DEFAULT_THRESHOLDS)).toBe(false);
    expect(passes({ ...related, jaccard: 0.1, lead: 0.5 }, DEFAULT_THRESHOLDS)).toBe(true); // the leading clauses match
    // 主要负责同志…听取…汇报 is a sub-duty of 组织领导: a plan whose 组织领导 task asks for it may carry it
    expect(CONCEPTS.find((c) => c.concept === "leader-briefing")?.parent).toBe("leadership");
  });

  it("takes a bundle's first concrete duty when its leading requirement names none (a headline naming a topic at most)", () => {
    const stated = (text: string) => conceptStated(comparable(text))?.concept ?? null;
    // 陕西-style bundle: the headline and its first sentence name 市场主体 and 营商环境 (a topic); the duty is 行业帮扶政策
    expect(stated("加强涉及市场主体的信息公开。增强政策制定实施的透明度和可预期性，提振市场主体信心，打造市场化法治化国际化营商环境。加大受疫情影响重的餐饮、住宿、零售、文化、旅游、客运等行业帮扶政策的公开力度。")).toBe("industry-aid");
    // a leading requirement that names a duty keeps it, whatever follows
    expect(stated("做好政府公报工作。加大受疫情影响重的行业帮扶政策的公开力度。")).toBe("gazette");
    // only the clause after the leading requirement is read, and only for a duty (not a topic or channel)
    expect(stated("加强组织保障。压实工作责任，确保各项任务落到实处。统筹用好政府网站。做好政府公报工作。")).toBeNull();
    expect(stated("加强组织保障。压实工作责任，确保各项任务落到实处。做好政府公报工作。")).toBe("gazette");
    // a channel the leading requirement names stays its concept when no duty follows
    expect(stated("加强组织保障。统筹用好政府网站和政务新媒体。压实工作责任。")).toBe("site");
  });

  it("takes a head duty named right after another for the phrase's duty (…依申请公开工作业务培训: training, not 依申请公开)", () => {
    const of = (text: string) => conceptOf(comparable(text))?.concept ?? null;
    expect(of("加强基层政府政策解读、依申请公开工作业务培训和案例指导。")).toBe("training");
    expect(of("加强依申请公开工作考核。")).toBe("assessment");
    expect(of("加强依申请公开的工作督查。")).toBe("supervision");
    expect(of("规范依申请公开工作。")).toBe("apply");
    // only 工作 or 的 between them: a comma (gone in the comparable form) or a verb means two duties, not one
    expect(of("做好网民留言办理，定期通报办理情况。")).toBe("messages");
    expect(of("严格执行保密审查制度，纳入年度考核。")).toBe("review");
    expect(of("规范政府信息公开申请办理，开展业务培训。")).toBe("apply");
    expect(of("将依申请公开工作纳入政务公开工作考核。")).toBe("apply");
    // never in the next clause
    expect(conceptOf("规范依申请公开工作|业务培训")).toBe(CONCEPTS.find((c) => c.concept === "apply"));
    // a head duty named first is the duty, whatever follows
    expect(of("开展政务公开业务培训，提升依申请公开办理水平。")).toBe("training");
  });

  it("refuses a parent that is missing, itself, of another tier or a sub-duty itself", () => {
    const c = (concept: string, parent: string | null, tier: (typeof TIERS)[number] = "obligation") => ({ concept, tier, label: concept, parent, head: false });
    expect(() => checkParents([c("a", null), c("b", "a")])).not.toThrow();
    expect(() => checkParents([c("a", null), c("b", "x")])).toThrow(/parent of b/);
    expect(() => checkParents([c("a", "a")])).toThrow(/parent of a/);
    expect(() => checkParents([c("a", null, "topic"), c("b", "a")])).toThrow(/parent of b/);
    expect(() => checkParents([c("a", null), c("b", "a"), c("d", "b")])).toThrow(/parent of d/);
  });

  it("names as parent only a concept of the same tier that has no parent of its own", () => {
    for (const c of CONCEPTS.filter((c) => c.parent)) {
      const parent = CONCEPTS.find((p) => p.concept === c.parent);
      expect(parent, c.concept).toBeDefined();
      expect(parent!.parent, c.concept).toBeNull();
      expect(parent!.tier, c.concept).toBe(c.tier);
      expect(family(c)).toBe(family(parent!));
    }
  });

  /** A row's plain alternatives (top-level `|`, groups kept whole), bounded gaps read as no gap. */
  const literalsOf = (pattern: string) => {
    const alts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < pattern.length; i++) {
      if (pattern[i] === "(" || pattern[i] === "[") depth++;
      else if (pattern[i] === ")" || pattern[i] === "]") depth--;
      else if (pattern[i] === "|" && depth === 0) {
        alts.push(pattern.slice(start, i));
        start = i + 1;
      }
    }
    alts.push(pattern.slice(start));
    return alts.map((alt) => alt.replace(/\[\^\|\]\{0,\d+\}/g, "")).filter((alt) => /^[\p{Script=Han}A-Za-z]+$/u.test(alt));
  };
  const rows = readTable("requirement-concepts.tsv");

  it("is a table every row of which can be chosen, with a known tier and a label", () => {
    expect(new Set(rows.map((r) => r.concept)).size).toBe(rows.length);
    for (const [i, r] of rows.entries()) {
      expect(r.label, r.concept).not.toBe("");
      // some plain alternative of the row's pattern, alone, is coded as the row (no row is shadowed by the ones before it)
      const literals = literalsOf(r.pattern);
      expect(literals.length, r.concept).toBeGreaterThan(0);
      expect(literals.some((alt) => conceptOf(alt) === CONCEPTS[i]), r.concept).toBe(true);
    }
  });

  it("codes a text as a model of the rule does: the highest tier named, then the earliest, then the row listed first (property)", () => {
    // the model: each row's own expression over the whole text
    const each = rows.map((r, i) => ({ concept: CONCEPTS[i], re: new RegExp(r.pattern, "u") }));
    // what may stand between a duty and its head: none, one or two of the head-gap words
    const words = readTable("requirement-wording.tsv").filter((r) => r.kind === "head-gap").map((r) => r.value);
    const gaps = ["", ...words, ...words.flatMap((a) => words.map((b) => a + b))];
    const earliest = (text: string, keep: (c: (typeof CONCEPTS)[number]) => boolean) => {
      let best: { at: number; end: number; i: number } | null = null;
      each.forEach(({ concept, re }, i) => {
        if (!keep(concept)) return;
        const m = re.exec(text);
        if (m && (!best || m.index < best.at)) best = { at: m.index, end: m.index + m[0].length, i };
      });
      return best as { at: number; end: number; i: number } | null;
    };
    const model = (text: string) => {
      for (const tier of TIERS) {
        const best = earliest(text, (c) => c.tier === tier);
        if (!best) continue;
        const first = each[best.i].concept;
        if (tier !== "obligation" || first.head) return first;
        // a head duty right after it, or after the gap words, is the phrase's head
        for (const gap of gaps) {
          const rest = text.slice(best.end);
          if (!rest.startsWith(gap)) continue;
          const head = each.find(({ concept, re }) => concept.head && re.exec(rest.slice(gap.length))?.index === 0);
          if (head) return head.concept;
        }
        return first;
      }
      return null;
    };
    const used = new Set(rows.flatMap((r) => [...r.pattern]).concat([..."结合围绕按照依据根据对照参照以为"]));
    const filler = fc.array(fc.constantFrom(..."甲乙丙丁戊己庚辛壬癸天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏".split("").filter((c) => !used.has(c))), { maxLength: 12 }).map((a) => a.join(""));
    const literal = fc.constantFrom(...rows.flatMap((r) => literalsOf(r.pattern)));
    fc.assert(
      fc.property(filler, literal, filler, literal, filler, (a, x, b, y, c) => {
        const text = a + x + b + y + c;
        expect(conceptOf(text)).toBe(model(text));
      }),
      { numRuns: 500 },
    );
  });
});
