// One plan's data for the plan viewer (src/plans/view.md): the file the prepare step writes per plan
// (loaders/site/pages.ts), fetched by the doc_id in the page's URL. A national corpus has tens of
// thousands of plans: one viewer reading one file each, rather than a built page each.

const ROOT = new URL("../../", import.meta.url); // this module is served from /_import/components/
const DOC_ID = /^[0-9a-f]{16}$/;

/** The plan `docId` names, or null when the id is malformed or no plan has it. */
export async function loadPlan(docId) {
  if (!docId || !DOC_ID.test(docId)) return null;
  const response = await fetch(new URL(`plan-data/${docId}.json`, ROOT));
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`plan ${docId}: HTTP ${response.status}`);
  return response.json();
}

