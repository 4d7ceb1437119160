// A notice that issues several documents at once (现将《A》和《B》印发给你们): the openness plan is read, from
// its title to where the next document begins, wherever it stands; the other document is reported with its
// span, never parsed into tasks and never silently dropped. The plan is a real one (the 庆元 2022 seed);
// the second document is a government-services plan written the way such notices pair them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../loaders/parse/index.ts";
import { normalize } from "../loaders/read/index.ts";
import { essence } from "./support/render.ts";
import { seed, SEEDS_DIR } from "./helpers.ts";

const PLAN_TITLE = "2022年庆元县政务公开工作要点";
const SERVICES = `2022年庆元县政务服务工作要点

一、深化“放管服”改革
（一）推进政务服务事项标准化。全面梳理县级政务服务事项，统一事项名称、编码和办理要素。（县行政服务中心牵头）
（二）推进“一网通办”。提升网上可办率，推动高频事项掌上办、就近办。（县数改办牵头，县级各部门配合）
`;

async function variants() {
  const original = readFileSync(SEEDS_DIR + "qingyuan-2022.txt", "utf8");
  const { plan } = await seed("qingyuan-2022.txt");
  const notice = original.replace(`现将《${PLAN_TITLE}》印发给你们`, `现将《${PLAN_TITLE}》和《2022年庆元县政务服务工作要点》印发给你们`);
  expect(notice).not.toBe(original);
  const back = notice.indexOf("附件：2022年全县政务公开工作重点任务清单");
  const titleAt = notice.indexOf(`\n${PLAN_TITLE}\n`) + 1;
  return {
    plan,
    // the openness plan first, the other after it as 附件2
    after: notice.slice(0, back) + `附件2\n\n${SERVICES}\n` + notice.slice(back),
    // the other first (附件1), the openness plan after it (附件2)
    before: notice.slice(0, titleAt) + `附件1\n\n${SERVICES}\n附件2\n\n` + notice.slice(titleAt),
  };
}

describe("a notice that issues two documents", () => {
  it.each(["after", "before"] as const)("reads the openness plan and reports the other (other document %s it)", async (where) => {
    const v = await variants();
    const { text } = normalize(v[where]);
    const doc = parsePlan(text);
    expect(essence(doc)).toEqual(essence(v.plan));
    expect(doc.meta).toMatchObject({ title: v.plan.meta.title, region: "庆元县", year: 2022, docNumber: v.plan.meta.docNumber, issueDate: v.plan.meta.issueDate });
    const other = doc.issues.filter((i) => i.code === "other-document");
    expect(other).toHaveLength(1);
    expect(other[0].message).toContain("《2022年庆元县政务服务工作要点》");
    // its span holds the other document, label and all, and nothing of the plan
    const span = text.slice(other[0].position!.start, other[0].position!.end);
    expect(span.startsWith("附件")).toBe(true);
    expect(span).toContain("推进“一网通办”");
    expect(span).not.toContain("政务公开工作领导小组");
  });

  it("says so when the other document's text is not in the file", async () => {
    const v = await variants();
    const cut = v.after.slice(0, v.after.indexOf("附件2\n"));
    const doc = parsePlan(normalize(cut).text);
    expect(essence(doc)).toEqual(essence(v.plan));
    expect(doc.issues.find((i) => i.code === "other-document")).toMatchObject({ position: null, message: expect.stringMatching(/没有找到它的正文/) });
  });

  it("leaves a notice that issues one plan (and names it twice) alone", () => {
    const text = normalize(readFileSync(new URL("./fixtures/real/a-10.txt", import.meta.url), "utf8")).text;
    expect(parsePlan(text).issues.map((i) => i.code)).not.toContain("other-document");
  });
});

describe("text after the plan's end", () => {
  it("reports another document pasted after the 抄送 and 印发 lines, with its span, and keeps the plan", async () => {
    const original = readFileSync(SEEDS_DIR + "qingyuan-2022.txt", "utf8");
    const { plan } = await seed("qingyuan-2022.txt");
    const { text } = normalize(original + "\n" + SERVICES);
    const doc = parsePlan(text);
    expect(essence(doc)).toEqual(essence(plan));
    const trailing = doc.issues.find((i) => i.code === "trailing-content");
    expect(trailing?.severity).toBe("warning");
    expect(text.slice(trailing!.position!.start, trailing!.position!.end)).toContain("推进“一网通办”");
  });

  it("says nothing of the 抄送 and 印发 lines themselves", async () => {
    const { plan } = await seed("qingyuan-2022.txt");
    expect(plan.issues.map((i) => i.code)).not.toContain("trailing-content");
  });
});

