// The sidebar search box, for Chinese: a query is folded like the index (search-core.js), cut into
// bigrams, and the plans holding every bigram of every word are listed — from the shards of those bigrams
// only. Framework's own search (pages by their text) still runs; its results follow the plans.
import { fetchSiteFile } from "./page-data.js";
import { bigrams, decodePostings, fold, shardName, shardOf, textName } from "./search-core.js";

const ROOT = new URL("../../", import.meta.url); // this module is served from /_import/components/
const SHOWN = 50;
/** Up to this many plans holding every bigram, each is checked for the words as typed; beyond, the list is "at most". */
const CHECKED = 200;
const cache = new Map();
/** The plan viewer's address for a plan (src/plans/view.md). */
const planUrl = (id) => {
  const url = new URL(`plans/view?doc=${encodeURIComponent(id)}`, ROOT);
  return url.pathname + url.search;
};
const json = (name) => {
  if (!cache.has(name)) cache.set(name, fetchSiteFile(`search-index/${name}.json`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`search index ${name}: ${r.status}`)))));
  return cache.get(name);
};

/**
 * The plans holding every word of the query ({plans, checked}): the plans holding all its bigrams, then —
 * up to CHECKED of them — those whose text holds each word as typed (checked: true). null when no word has
 * two characters.
 */
export async function findPlans(query) {
  const words = String(query).split(/\s+/).map(fold).filter((w) => w.length > 0);
  const needed = [...new Set(words.flatMap((w) => bigrams(w)))];
  if (needed.length === 0) return null;
  const meta = await json("meta");
  let found = null;
  for (const bigram of needed) {
    const shard = await json(shardName(shardOf(bigram, meta.shards)));
    const list = shard[bigram] === undefined ? [] : decodePostings(shard[bigram], meta.plans);
    const set = new Set(list);
    found = found === null ? list : found.filter((i) => set.has(i));
    if (found.length === 0) break;
  }
  found ??= [];
  const checked = found.length <= CHECKED;
  if (checked) {
    const texts = await Promise.all(found.map((i) => json(textName(i))));
    found = found.filter((_, k) => words.every((w) => texts[k].includes(w)));
  }
  const key = words.join("");
  const plans = found
    .map((i) => meta.docs[i])
    .sort((a, b) => Number(fold(b.title).includes(key)) - Number(fold(a.title).includes(key)) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return { plans, checked };
}

const escape = (s) => String(s).replace(/[<&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function start() {
  const input = document.querySelector("#observablehq-search input");
  const results = document.querySelector("#observablehq-search-results");
  if (!input || !results) return;
  let asked = 0;
  const run = async () => {
    const query = input.value;
    const ask = ++asked;
    if (!query.trim()) return;
    let result;
    try {
      result = await findPlans(query);
    } catch (error) {
      if (ask === asked) results.insertAdjacentHTML("afterbegin", `<div class="zwgk-search-error">搜索索引无法读取：${escape(error.message)}</div>`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 0)); // after Framework's own listener has drawn its page results
    if (ask !== asked || input.value !== query) return; // a newer query is on its way
    const pages = [...results.querySelectorAll("ol > li")].map((li) => li.outerHTML.replace(" observablehq-link-active", ""));
    const plans = result?.plans ?? [];
    const items = plans.slice(0, SHOWN).map((p) => `<li class="observablehq-link zwgk-plan-result"><a href="${escape(planUrl(p.id))}"><span>${escape(p.title)}</span></a></li>`);
    const all = [...items, ...pages];
    if (all.length) all[0] = all[0].replace('class="observablehq-link', 'class="observablehq-link observablehq-link-active');
    const head = result === null ? "请输入至少两个字" : `${result.checked ? "" : "至多 "}${plans.length} 份规划${plans.length > SHOWN ? `（列出前 ${SHOWN} 份）` : ""}${pages.length ? `，${pages.length} 个页面` : ""}`;
    results.innerHTML = `<div class="zwgk-search-count">${escape(head)}</div>${all.length ? `<ol>${all.join("")}</ol>` : ""}`;
  };
  input.addEventListener("input", run);
  // Framework's search redraws the list on its own (on each input once its index has loaded, and once when
  // it starts): whenever the list is not ours while a query is typed, draw ours again with its pages merged in
  new MutationObserver(() => {
    if (input.value.trim() && !results.querySelector(".zwgk-search-count")) run();
  }).observe(results, { childList: true });
  if (input.value) run();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
