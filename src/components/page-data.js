// The data of one plan or one region, for their viewers (src/plans/view.md, src/regions/view.md): the
// file the prepare step writes per plan and per region (loaders/site/pages.ts), fetched by the id in the
// page's URL. A national corpus has tens of thousands of plans and thousands of regions: one viewer each,
// reading one file per item, rather than a built page per item.

import {rowsOf} from "./columns.js";

const ROOT = new URL("../../", import.meta.url); // this module is served from /_import/components/

/** The plan `docId` names (a 16-digit hex doc_id), or null when it is malformed or no plan has it. */
export function loadPlan(docId) {
  return load("plan-data", docId, /^[0-9a-f]{16}$/);
}

/** The region `code` names (a GB/T 2260 code), or null when it is malformed or no region has it. */
export function loadRegion(code) {
  return load("region-data", code, /^\d{6,12}$/);
}

/**
 * A file the prepare step wrote into src/ (plan-data/…, plan-lists/…, search-index/…): the built site has it
 * at its own path; `observable preview` (npm run dev) serves the files of src/ only under /_file/.
 */
export async function fetchSiteFile(path) {
  const built = await fetch(new URL(path, ROOT));
  return built.status === 404 ? fetch(new URL(`_file/${path}`, ROOT)) : built;
}

async function load(folder, id, pattern) {
  if (!id || !pattern.test(id)) return null;
  const response = await fetchSiteFile(`${folder}/${id}.json`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${folder}/${id}.json: HTTP ${response.status}`);
  return response.json();
}

/** The plan lists of the plan and region indexes (loaders/site/pages.ts writePlanLists): which there are. */
export async function planLists() {
  const response = await fetchSiteFile("plan-lists/provinces.json");
  if (!response.ok) throw new Error(`plan-lists/provinces.json: HTTP ${response.status}`);
  return response.json();
}

/** One plan list ("all", or a province's id from planLists) as rows. */
export async function loadPlanList(id) {
  const response = await fetchSiteFile(`plan-lists/${id}.json`);
  if (!response.ok) throw new Error(`plan-lists/${id}.json: HTTP ${response.status}`);
  return rowsOf(await response.json());
}

/** The choices of a province select: all plans (while there are few), then each province with its count. */
export function listChoices({all, provinces}) {
  const total = provinces.reduce((n, p) => n + p.plans, 0);
  return [...(all ? [{id: "all", province: "全部省份", plans: total}] : []), ...provinces.map((p) => ({...p, province: p.province ?? "省份不详"}))];
}
