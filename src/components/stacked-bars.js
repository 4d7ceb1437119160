// Tasks per plan, stacked by category (counts or shares).
import * as Plot from "@observablehq/plot";

/** colours: {domain, range} of the category labels (labeller(…).colours("category")): one colour per category across the site. */
export function categoryBars(matrix, { value = "task_count", colours, width = 900 } = {}) {
  const plans = [...new Set(matrix.map((d) => d.group_id))];
  const label = new Map(matrix.map((d) => [d.group_id, `${d.region ?? "?"} ${d.year ?? ""}`]));
  return Plot.plot({
    width: Math.max(width, 360), // never narrower than its margins (width is 0 before layout)
    height: 50 + plans.length * 28,
    marginLeft: 110,
    x: { label: value === "share" ? "占比" : "任务数", tickFormat: value === "share" ? "%" : undefined, grid: true },
    y: { domain: plans, tickFormat: (d) => label.get(d), label: null },
    color: { ...colours, legend: true },
    marks: [
      Plot.barX(matrix, { x: value, y: "group_id", fill: "category_label", tip: { format: { y: (d) => label.get(d) } } }),
      Plot.ruleX([0]),
    ],
  });
}
