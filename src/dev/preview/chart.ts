/**
 * The preview's drawing of a native chart (Excel draws the real one): stacked columns on a value axis at the left,
 * lines on a percent axis at the right, the categories below, each axis with its ticks and values, and a legend as a
 * list under the drawing that wraps at any width, so no series name is cut off.
 */
import { formatNumber } from "../../core";
import type { ChartSpec } from "../../taskpane/workbook";
import { formatCell } from "./number-format";

const SVG = "http://www.w3.org/2000/svg";
const COLORS = ["#0f6cbd", "#6cb8f6", "#c4314b", "#107c41", "#8764b8"];
const TICKS = 4;

export interface ChartData {
  categories: string[];
  series: Array<{ name: string; line: boolean; values: number[] }>;
}

/** A round step for about TICKS intervals up to `max`: 1, 2 or 5 times a power of ten. */
export function niceStep(max: number): number {
  const raw = max / TICKS;
  if (raw <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

/** The axis from the lowest to the highest of `values` (0 included), in round steps. */
function axis(values: number[]): { lo: number; hi: number; ticks: number[] } {
  const step = niceStep(Math.max(Math.abs(Math.min(0, ...values)), Math.max(0, ...values)) || 1);
  const lo = Math.floor(Math.min(0, ...values) / step) * step;
  const hi = Math.max(step, Math.ceil(Math.max(0, ...values) / step) * step);
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { lo, hi, ticks };
}

export function chartFigure(spec: ChartSpec, data: ChartData): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "grid-chart";
  figure.dataset.title = spec.title;
  const caption = document.createElement("figcaption");
  caption.textContent = `${spec.title} (in Excel a native combo chart)`;
  const [w, h, left, right, top, bottom] = [480, 220, 78, 48, 12, 24];
  const plot = { x0: left, x1: w - right, y0: top, y1: h - bottom };
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${spec.title}: ${data.series.map((s) => s.name).join(", ")} by ${data.categories.join(", ")}`);
  const add = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  const bars = data.series.filter((s) => !s.line);
  const lines = data.series.filter((s) => s.line);
  const stacks = data.categories.map((_, i) => bars.reduce((t, s) => t + Math.max(0, s.values[i]), 0));
  const primary = axis(stacks);
  const secondary = axis(lines.flatMap((s) => s.values));
  const y = (v: number, a: { lo: number; hi: number }) => plot.y1 - ((v - a.lo) / (a.hi - a.lo)) * (plot.y1 - plot.y0);

  // Axes: gridlines and values at the left (columns), percentages at the right (lines).
  for (const t of primary.ticks) {
    add("line", { x1: plot.x0, x2: plot.x1, y1: y(t, primary), y2: y(t, primary), stroke: "#e0e0e0" });
    add("text", { x: plot.x0 - 6, y: y(t, primary) + 4, "text-anchor": "end", "font-size": 11, class: "axis-primary" }, formatCell(t, spec.axisFormats.primary));
  }
  if (lines.length) {
    for (const t of secondary.ticks) add("text", { x: plot.x1 + 6, y: y(t, secondary) + 4, "font-size": 11, class: "axis-secondary" }, formatNumber(t, { percent: true }));
  }
  add("line", { x1: plot.x0, x2: plot.x1, y1: y(0, primary), y2: y(0, primary), stroke: "#616161" });

  const slot = (plot.x1 - plot.x0) / Math.max(1, data.categories.length);
  const colour = (s: (typeof data.series)[number]) => COLORS[data.series.indexOf(s) % COLORS.length];
  data.categories.forEach((category, i) => {
    let base = 0;
    for (const s of bars) {
      const v = Math.max(0, s.values[i]);
      add("rect", { x: plot.x0 + i * slot + slot * 0.25, y: y(base + v, primary), width: slot * 0.5, height: y(base, primary) - y(base + v, primary), fill: colour(s) });
      base += v;
    }
    add("text", { x: plot.x0 + i * slot + slot / 2, y: h - 6, "text-anchor": "middle", "font-size": 11 }, category);
  });
  for (const s of lines) {
    const points = s.values.map((v, i) => `${plot.x0 + i * slot + slot / 2},${y(v, secondary)}`);
    add("polyline", { points: points.join(" "), fill: "none", stroke: colour(s), "stroke-width": 2 });
    for (const p of points) {
      const [cx, cy] = p.split(",");
      add("circle", { cx, cy, r: 3, fill: colour(s) });
    }
  }

  const legend = document.createElement("ul");
  legend.className = "grid-chart-legend";
  for (const s of data.series) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = s.line ? "swatch line" : "swatch";
    swatch.style.setProperty("--swatch", colour(s));
    item.append(swatch, `${s.name}${s.line ? " (right axis)" : ""}`);
    legend.append(item);
  }
  figure.append(caption, svg, legend);
  return figure;
}
