// Tasks led / participated / responsible per unit or unit kind, with the weighted load as a tick.
import * as Plot from "@observablehq/plot";

const ROLES = [
  ["led", "牵头", "#2563eb"],
  ["participated", "配合", "#93c5fd"],
  ["responsible", "负责", "#14b8a6"],
];

export function workloadBars(rows, { key = "unit_kind", label = (d) => d, weighted = true, width = 900, max = 25 } = {}) {
  const top = rows.slice(0, max);
  const long = top.flatMap((d) => ROLES.map(([field, role]) => ({ key: d[key], role, n: d[field] })));
  return Plot.plot({
    width: Math.max(width, 360), // never narrower than its margins (width is 0 before layout)
    height: 50 + top.length * 24,
    marginLeft: 170,
    x: { label: weighted ? "任务数（竖线：加权工作量）" : "任务数", grid: true },
    y: { domain: top.map((d) => d[key]), tickFormat: label, label: null },
    color: { domain: ROLES.map((r) => r[1]), range: ROLES.map((r) => r[2]), legend: true },
    marks: [
      Plot.barX(long, { x: "n", y: "key", fill: "role", tip: true }),
      weighted ? Plot.tickX(top, { x: "weighted_load", y: key, stroke: "#111", strokeWidth: 2 }) : null,
      Plot.ruleX([0]),
    ],
  });
}
