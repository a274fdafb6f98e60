import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { ChartSpec } from "./charts.js";

/**
 * A chart as an SVG document, rendered here (not in the reader's browser), so the report is one file that
 * needs no script and no network. Vega measures text by estimate without a canvas, so the same chart
 * always gives the same bytes.
 */
export async function renderSvg(chart: ChartSpec): Promise<string> {
  const { spec } = compile(chart.spec as unknown as TopLevelSpec);
  // No loader may reach the network or the disk: every chart carries its data inline.
  const loader = vega.loader({ mode: "http" });
  loader.load = () => Promise.reject(new Error("charts carry their data inline"));
  const view = new vega.View(vega.parse(spec), { renderer: "none", loader });
  try {
    return ownIds(await view.toSVG(), chart.id);
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers gradients and clip paths with a counter shared by every view in the process; named after
 * their chart instead, the ids are the same on every run and never collide between charts of one page.
 */
function ownIds(svg: string, chartId: string): string {
  const renamed = new Map<string, string>();
  return svg.replace(/\b(gradient|clip)_(\d+)\b/g, (id: string, kind: string) => {
    let name = renamed.get(id);
    if (name === undefined) {
      name = `${chartId}-${kind}-${renamed.size + 1}`;
      renamed.set(id, name);
    }
    return name;
  });
}
