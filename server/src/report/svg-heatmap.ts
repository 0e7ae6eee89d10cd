/**
 * The role × task matrix as an inline SVG heat map. Tasks run down the rows and roles across the columns (a
 * scenario has a handful of roles and dozens of tasks, so this way round it fits a printed page); each cell holds
 * the number of task actions, shaded from white to dark blue, with row and column totals.
 */
import type { TaskMatrix } from "../core/scoring/scorecard.ts";
import type { Strings } from "./i18n.ts";
import type { Names } from "./names.ts";
import type { SafeHtml } from "./safe-html.ts";
import { html } from "./safe-html.ts";
import { charsIn, textWidth, truncate } from "./fit-text.ts";

const CELL_W = 64;
const CELL_H = 22;
const FONT = 12;
/** Task labels are cut to this many pixels (the tooltip has them whole). */
const MAX_TASK_LABEL = 380;
/** Column headers are drawn at this slant. */
const SLANT = (35 * Math.PI) / 180;
const MAX_ROLE_LABEL = 200;

/** White (0) to #0d47a1 (1), as an rgb() colour. */
export function heatColour(intensity: number): string {
  const t = Math.min(1, Math.max(0, intensity));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${mix(255, 13)},${mix(255, 71)},${mix(255, 161)})`;
}

/**
 * Rows in reading order: the scenario's expectations in scenario order (roughly the order they come up), then the
 * other tasks by label. `order` lists the expectation ids in scenario order.
 */
function rowOrder(tasks: readonly string[], names: Names, order: readonly string[]): number[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return tasks
    .map((task, t) => ({ t, rank: rank.get(task) ?? order.length, label: names.task(task) }))
    .sort((a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .map((x) => x.t);
}

export function heatmapSvg(matrix: TaskMatrix, names: Names, strings: Strings, expectationOrder: readonly string[]): SafeHtml {
  const roles = matrix.roles;
  const tasks = matrix.tasks;
  const max = Math.max(1, ...matrix.counts.flat());
  const taskChars = charsIn(MAX_TASK_LABEL, FONT);
  const roleChars = charsIn(MAX_ROLE_LABEL, FONT);
  const labelWidth = Math.max(80, ...tasks.map((task) => textWidth(truncate(names.task(task), taskChars), FONT))) + 16;
  const headerLength = Math.max(
    textWidth(strings.division.total, FONT),
    ...roles.map((role) => textWidth(truncate(names.role(role), roleChars), FONT))
  );
  const header = Math.ceil(headerLength * Math.sin(SLANT)) + 24;
  const width = labelWidth + (roles.length + 1) * CELL_W + Math.ceil(headerLength * Math.cos(SLANT));
  const height = header + (tasks.length + 1) * CELL_H + 8;
  const roleTotals = roles.map((_, r) => (matrix.counts[r] ?? []).reduce((a, b) => a + b, 0));

  const headers = roles.map((role, r) => {
    const x = labelWidth + r * CELL_W + CELL_W / 2;
    return html`<text transform="translate(${x + 4},${header - 8}) rotate(-35)" font-size="12" font-weight="600" fill="#1a1a1a"><title>${names.role(role)}</title>${truncate(names.role(role), roleChars)}</text>`;
  });
  const totalHeader = html`<text transform="translate(${labelWidth + roles.length * CELL_W + CELL_W / 2 + 4},${header - 8}) rotate(-35)" font-size="12" font-style="italic" fill="#555555">${strings.division.total}</text>`;

  const rows = rowOrder(tasks, names, expectationOrder).map((t, row) => {
    const task = tasks[t]!;
    const y = header + row * CELL_H;
    const label = names.task(task);
    const short = truncate(label, taskChars);
    let rowTotal = 0;
    const cells = roles.map((role, r) => {
      const count = matrix.counts[r]?.[t] ?? 0;
      rowTotal += count;
      const intensity = count / max;
      const x = labelWidth + r * CELL_W;
      return html`<g><title>${names.role(role)} × ${label}${strings.colon}${count}</title><rect x="${x}" y="${y}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${heatColour(intensity)}" stroke="#e0e0e0"/>${count > 0 ? html`<text x="${x + CELL_W / 2 - 1}" y="${y + 15}" text-anchor="middle" font-size="12" fill="${intensity > 0.55 ? "#ffffff" : "#1a1a1a"}">${count}</text>` : ""}</g>`;
    });
    const tx = labelWidth + roles.length * CELL_W + CELL_W / 2 - 1;
    return html`<g class="task-row"><text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="12" fill="#1a1a1a"><title>${label}</title>${short}</text>${cells}<text x="${tx}" y="${y + 15}" text-anchor="middle" font-size="12" font-style="italic" fill="#555555">${rowTotal}</text></g>`;
  });

  const footY = header + tasks.length * CELL_H;
  const footer = html`<g class="totals"><text x="${labelWidth - 8}" y="${footY + 15}" text-anchor="end" font-size="12" font-style="italic" fill="#555555">${strings.division.total}</text>${roleTotals.map(
    (total, r) =>
      html`<text x="${labelWidth + r * CELL_W + CELL_W / 2 - 1}" y="${footY + 15}" text-anchor="middle" font-size="12" font-style="italic" fill="#555555">${total}</text>`
  )}<text x="${labelWidth + roles.length * CELL_W + CELL_W / 2 - 1}" y="${footY + 15}" text-anchor="middle" font-size="12" font-weight="700" fill="#1a1a1a">${matrix.total}</text></g>`;

  return html`<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${strings.division.matrixTitle}"><rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>${headers}${totalHeader}${rows}${footer}</svg>`;
}
