/**
 * The division-of-labour section: who met the expectations (lead, support, other) and the gaps, the workload
 * each role carried against the plan, the role × task heat map, and duplicated effort with both doers.
 */
import type { ReportModel } from "./report-model.ts";
import type { SafeHtml } from "./safe-html.ts";
import { html } from "./safe-html.ts";
import { heatmapSvg } from "./svg-heatmap.ts";

export function divisionSection(model: ReportModel): SafeHtml {
  const { card, strings, names, format } = model;
  const d = strings.division;
  const division = card.division;
  const o = division.ownership;
  const w = division.workload;
  const m = division.matrix;

  const ownership = html`<h3>${d.ownershipTitle}</h3><p>${d.ownership(o.met, o.byLead, o.bySupport, o.byOther)}</p><p>${d.gaps(division.gaps.missed, division.gaps.decided)}${
    division.gaps.items.length > 0 ? html` <span class="bad">(${division.gaps.items.map((id) => names.expectation(id)).join(", ")})</span>` : ""
  }</p>`;

  const workload = html`<h3>${d.workloadTitle}</h3><table class="compact"><thead><tr><th>${strings.breakdowns.role}</th><th>${d.expectedShare}</th><th>${d.carriedShare}</th><th>${d.taskActions}</th></tr></thead><tbody>${w.roles.map(
    (r) =>
      html`<tr><th scope="row">${names.role(r.role)}</th><td class="num">${format.percent(r.expectedShare)}</td><td class="num">${format.percent(r.carriedShare)}</td><td class="num">${r.taskActions}</td></tr>`
  )}</tbody></table><p>${d.gini(
    w.giniExpected === null ? strings.notAssessed : format.decimal(w.giniExpected, 2),
    w.giniCarried === null ? strings.notAssessed : format.decimal(w.giniCarried, 2)
  )}</p>`;

  const matrix = html`<h3>${d.matrixTitle}</h3><p>${d.matrixIntro}</p>${
    m.total === 0 ? html`<p>${d.noTasks}</p>` : html`<div class="figure">${heatmapSvg(m, names, strings, model.scenario.injects.flatMap((i) => i.expectations.map((e) => e.id)))}</div>`
  }<p>${d.specialisation(
    m.specialisation === null ? strings.notAssessed : format.decimal(m.specialisation, 2),
    m.nmi === null ? strings.notAssessed : format.decimal(m.nmi, 2)
  )}</p>`;

  const duplicates = html`<h3>${d.duplicatesTitle}</h3>${
    division.duplicates.items.length === 0
      ? html`<p>${d.noDuplicates}</p>`
      : html`<table class="compact"><thead><tr><th>${d.task}</th><th>${d.firstDoer}</th><th>${d.secondDoer}</th></tr></thead><tbody>${division.duplicates.items.map(
          (x) =>
            html`<tr class="warn"><td>${names.task(x.task)}</td><td>${format.clock(x.first.x)} · ${x.first.role === undefined ? "—" : names.role(x.first.role)}</td><td>${format.clock(x.second.x)} · ${x.second.role === undefined ? "—" : names.role(x.second.role)}</td></tr>`
        )}</tbody></table>`
  }`;

  return html`${ownership}${workload}${matrix}${duplicates}`;
}
