// The plans (region × year) that carry a requirement, as a timeline.
import * as Plot from "@observablehq/plot";

export function requirementTimeline(carriers, { regions, years, width = 640 } = {}) {
  return Plot.plot({
    width: Math.max(width, 360), // never narrower than its margins (width is 0 before layout)
    height: 40 + regions.length * 22,
    marginLeft: 90,
    x: { domain: years, label: "年份", tickFormat: (d) => `${d}` },
    y: { domain: regions, label: null },
    marks: [
      Plot.cell(regions.flatMap((r) => years.map((y) => ({ region: r, year: y }))), { x: "year", y: "region", fill: "#f1f5f9", inset: 1 }),
      Plot.dot(carriers, { x: "year", y: "region", r: carriers[0]?.plans !== undefined ? "plans" : 6, fill: "#2563eb", tip: true }),
    ],
  });
}
