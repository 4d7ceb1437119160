// Plans × categories as a heatmap of shares or counts. Hovering moves the tip only; clicking a cell sets
// the returned element's value to the cell's row ({group_id, doc_id, category, …}) and dispatches "input", so a
// page can list the cell's tasks with view(categoryHeatmap(…)).
import * as Plot from "@observablehq/plot";

export function categoryHeatmap(matrix, { value = "share", categories, width = 900 } = {}) {
  const plans = [...new Set(matrix.map((d) => d.group_id))];
  const label = new Map(matrix.map((d) => [d.group_id, `${d.region ?? "?"} ${d.year ?? ""}`]));
  const figure = Plot.plot({
    width: Math.max(width, 360), // never narrower than its margins (width is 0 before layout)
    height: 60 + plans.length * 26,
    marginLeft: 110,
    marginBottom: 90,
    x: { domain: categories.map((c) => c.label), tickRotate: -35, label: null },
    y: { domain: plans, tickFormat: (d) => label.get(d), label: null },
    color: value === "share" ? { scheme: "blues", legend: true, label: "占本规划任务比例", tickFormat: "%" } : { scheme: "blues", legend: true, label: "任务数" },
    marks: [
      Plot.cell(matrix, { x: "category_label", y: "group_id", fill: value, inset: 0.5 }),
      Plot.text(matrix, { x: "category_label", y: "group_id", text: (d) => (d.task_count ? (value === "share" ? `${Math.round(d.share * 100)}%` : d.task_count) : ""), fill: (d) => (d.share > 0.2 ? "white" : "black"), fontSize: 10 }),
      Plot.tip(matrix, Plot.pointer({ x: "category_label", y: "group_id", title: (d) => `${label.get(d.group_id)} · ${d.category_label}\n${d.task_count} 项任务，占 ${Math.round(d.share * 100)}%\n（点击列出任务）` })),
    ],
  });
  const chart = document.createElement("div");
  chart.className = "heatmap";
  chart.append(figure);
  chart.value = null;
  figure.addEventListener("input", (event) => event.stopPropagation()); // the pointer's hover is not a choice
  figure.addEventListener("click", () => {
    chart.value = figure.value ?? null;
    chart.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return chart;
}
