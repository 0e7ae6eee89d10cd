/** The map's legend in HTML: agency symbols and the zone colours that are in use. */
import { label, t } from "../i18n/i18n.ts";
import type { MapModel } from "../model/map-model.ts";
import { AGENCY_STYLE, CORDON_LINE, ZONE_FILL } from "../scenes/map-style.ts";
import { h } from "./dom.ts";

const SHAPE_GLYPH: Record<string, string> = { circle: "●", square: "■", triangle: "▲", diamond: "◆", hexagon: "⬢" };

function hex(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}

export class Legend {
  readonly element: HTMLElement;
  private shown = "";

  constructor() {
    this.element = h("div", { class: "legend", attrs: { "aria-label": t("map.legend") } });
  }

  update(model: MapModel, agencies: readonly string[]): void {
    const states = [...new Set(model.zones.map((z) => z.state))].sort();
    const cordons = [...new Set(model.zones.map((z) => z.cordon).filter(Boolean))].sort();
    const key = `${agencies.join()}|${states.join()}|${cordons.join()}`;
    if (key === this.shown) return;
    this.shown = key;
    const items: HTMLElement[] = [];
    for (const kind of agencies) {
      const style = AGENCY_STYLE[kind] ?? AGENCY_STYLE.other!;
      items.push(h("span", { class: "legend-item" }, h("span", { text: SHAPE_GLYPH[style.shape] ?? "●", attrs: { style: `color:${style.css}`, "aria-hidden": "true" } }), label("roleKind", kind)));
    }
    for (const state of states) {
      const fill = ZONE_FILL[state] ?? ZONE_FILL.normal!;
      items.push(h("span", { class: "legend-item" }, h("span", { class: "swatch", attrs: { style: `background:${hex(fill.color)}`, "aria-hidden": "true" } }), label("zoneState", state)));
    }
    for (const level of cordons) {
      const color = CORDON_LINE[level] ?? CORDON_LINE.outer!;
      items.push(
        h(
          "span",
          { class: "legend-item" },
          h("span", { class: "swatch", attrs: { style: `border:3px dashed ${hex(color)};background:transparent`, "aria-hidden": "true" } }),
          `${t("zone.level")}: ${label("cordon", level)}`
        )
      );
    }
    this.element.replaceChildren(...items);
  }
}
