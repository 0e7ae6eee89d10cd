/**
 * Units and zones: the role's units (select one, then click the map — or pick a destination zone here), cordons
 * and evacuations by zone, road closures, and requests for more resources. Everything the map does by pointer can
 * be done here by keyboard.
 */
import { formatClock, label, t } from "../../i18n/i18n.ts";
import type { MapUnit } from "../../model/map-model.ts";
import { crowdAt } from "../../model/map-model.ts";
import type { RoomView } from "../../model/view-model.ts";
import { roleName } from "../../model/view-model.ts";
import { CORDON_LEVELS } from "../../model/vocabulary.ts";
import { h, setOptions, setText, syncList, uid } from "../dom.ts";
import { field, sendOnSubmit, textInput } from "../forms.ts";
import type { Panel, PanelContext } from "./context.ts";

export interface ActCallbacks {
  /** The unit chosen for the next map click (undefined to clear). */
  selectUnit(unit: string | undefined): void;
  selectedUnit(): string | undefined;
}

export class ActPanel implements Panel {
  readonly element: HTMLElement;
  private readonly ctx: PanelContext;
  private readonly callbacks: ActCallbacks;
  private readonly unitList: HTMLElement;
  private readonly deployUnit: HTMLSelectElement;
  private readonly deployZone: HTMLSelectElement;
  private readonly zone: HTMLSelectElement;
  private readonly road: HTMLSelectElement;
  private readonly roadState: HTMLElement;
  private readonly zoneState: HTMLElement;
  private readonly requests: HTMLElement;
  private readonly noRequests: HTMLElement;

  constructor(ctx: PanelContext, callbacks: ActCallbacks) {
    this.ctx = ctx;
    this.callbacks = callbacks;
    const own = ctx.roles.find((r) => r.id === ctx.role);
    const hasUnits = (own?.units.length ?? 0) > 0;

    // ---- units ----
    this.unitList = h("ul", { class: "unit-list", attrs: { "aria-label": t("units.title") } });
    this.deployUnit = h("select", { id: "deploy-unit", attrs: { name: "unit", required: true } });
    this.deployZone = h("select", { id: "deploy-zone", attrs: { name: "zone", required: true } });
    const deployForm = h(
      "form",
      { id: "deploy-form" },
      h("h3", { text: t("deploy.title") }),
      h("p", { class: "hint", text: t("deploy.hint") }),
      field(t("deploy.unit"), this.deployUnit),
      field(t("deploy.zone"), this.deployZone),
      h("button", { class: "button-primary", text: t("deploy.submit"), attrs: { type: "submit" } })
    );
    this.deployUnit.addEventListener("change", () => callbacks.selectUnit(this.deployUnit.value || undefined));
    sendOnSubmit(
      deployForm,
      "deploy",
      () => {
        const zone = this.ctx.view().map.zones.find((z) => z.id === this.deployZone.value);
        if (!zone) return undefined;
        return { unit: this.deployUnit.value, to: [round(zone.centre[0]), round(zone.centre[1])] };
      },
      { session: ctx.session, notices: ctx.notices, reset: false, done: undefined, afterSuccess: () => this.dispatched(this.deployUnit.value) }
    );

    // ---- zones ----
    this.zone = h("select", { id: "zone-select", attrs: { name: "zone", required: true } });
    this.zoneState = h("p", { class: "muted", attrs: { "aria-live": "polite" } });
    const level = h("select", { id: "cordon-level", attrs: { name: "level" } });
    for (const l of CORDON_LEVELS) level.appendChild(h("option", { text: label("cordon", l), attrs: { value: l } }));
    const zoneForm = h(
      "form",
      { id: "zone-form" },
      h("h3", { text: t("zone.title") }),
      field(t("zone.zone"), this.zone),
      this.zoneState,
      field(t("zone.level"), level)
    );
    const zoneAction = (type: string, payload: () => object, text: string, primary = false) =>
      h("button", {
        class: primary ? "button-primary" : "",
        text,
        attrs: { type: primary ? "submit" : "button" },
        on: primary
          ? {}
          : {
              click: () => {
                if (!this.zone.value) return;
                void ctx.session.act(type, payload());
              }
            }
      });
    zoneForm.appendChild(
      h(
        "div",
        { class: "button-row" },
        zoneAction("set-cordon", () => ({}), t("zone.setCordon"), true),
        zoneAction("lift-cordon", () => ({ zone: this.zone.value }), t("zone.liftCordon")),
        zoneAction("evacuate", () => ({ zone: this.zone.value }), t("zone.evacuate"))
      )
    );
    sendOnSubmit(zoneForm, "set-cordon", () => ({ zone: this.zone.value, level: level.value }), { session: ctx.session, notices: ctx.notices, reset: false });
    this.zone.addEventListener("change", () => this.describeZone());

    // ---- roads ----
    this.road = h("select", { id: "road-select", attrs: { name: "road", required: true } });
    this.roadState = h("p", { class: "muted", attrs: { "aria-live": "polite" } });
    const roadForm = h(
      "form",
      { id: "road-form" },
      h("h3", { text: t("road.title") }),
      field(t("road.road"), this.road),
      this.roadState,
      h(
        "div",
        { class: "button-row" },
        h("button", { class: "button-primary", text: t("road.close"), attrs: { type: "submit" } }),
        h("button", {
          text: t("road.open"),
          attrs: { type: "button" },
          on: { click: () => this.road.value && void ctx.session.act("open-road", { road: this.road.value }) }
        })
      )
    );
    sendOnSubmit(roadForm, "close-road", () => ({ road: this.road.value }), { session: ctx.session, notices: ctx.notices, reset: false });
    this.road.addEventListener("change", () => this.describeRoad());

    // ---- resources ----
    const unitType = textInput("unitType", true, 60);
    unitType.setAttribute("list", "unit-types");
    const types = h("datalist", { id: "unit-types" });
    for (const type of new Set(ctx.roles.flatMap((r) => r.units.map((u) => u.type)))) types.appendChild(h("option", { attrs: { value: type } }));
    const count = h("input", { attrs: { type: "number", name: "count", min: 1, max: 100, value: 1, required: true } });
    const from = h("select", { attrs: { name: "from" } });
    setOptions(
      from,
      ctx.roles.filter((r) => r.id !== ctx.role).map((r) => ({ value: r.id, label: r.name })),
      "—"
    );
    const note = textInput("note", false, 4000);
    const resourceForm = h(
      "form",
      { id: "resources-form" },
      h("h3", { text: t("resources.title") }),
      field(t("resources.unitType"), unitType),
      types,
      h("div", { class: "inline-form" }, field(t("resources.count"), count), field(t("resources.from"), from)),
      field(t("resources.note"), note),
      h("button", { text: t("resources.submit"), attrs: { type: "submit" } })
    );
    sendOnSubmit(
      resourceForm,
      "request-resources",
      () => {
        const payload: Record<string, unknown> = { unitType: unitType.value.trim().toLowerCase().replace(/\s+/g, "-"), count: Math.max(1, Math.round(Number(count.value) || 1)) };
        if (from.value) payload.from = from.value;
        if (note.value.trim()) payload.note = note.value.trim();
        return payload;
      },
      { session: ctx.session, notices: ctx.notices }
    );

    this.requests = h("ul", { class: "items", id: "request-list", attrs: { "aria-label": t("resources.list") } });
    this.noRequests = h("p", { class: "muted", text: t("resources.none") });
    this.element = h(
      "div",
      {},
      h(
        "section",
        { class: "panel-section", attrs: { "aria-labelledby": "units-heading" } },
        h("h3", { id: "units-heading", text: t("units.title") }),
        hasUnits ? this.unitList : h("p", { class: "muted", text: t("units.none") }),
        hasUnits ? deployForm : null
      ),
      h("section", { class: "panel-section" }, zoneForm),
      h("section", { class: "panel-section" }, roadForm),
      h("section", { class: "panel-section" }, resourceForm, h("h3", { text: t("resources.list") }), this.noRequests, this.requests)
    );
  }

  update(view: RoomView): void {
    const mine = view.map.units.filter((u) => u.role === this.ctx.role);
    const x = this.ctx.session.exerciseTime();
    const zones = new Map(view.map.zones.map((z) => [z.id, z.name]));
    syncList(
      this.unitList,
      mine,
      (u) => u.id,
      (u) => `${u.status}|${u.zone}|${u.arriveAt}|${u.id === this.callbacks.selectedUnit() ? 1 : 0}`,
      (u) => this.renderUnit(u, zones, x)
    );
    setOptions(
      this.deployUnit,
      mine.map((u) => ({ value: u.id, label: u.name })),
      t("form.chooseOne")
    );
    const zoneOptions = view.map.zones.map((z) => ({ value: z.id, label: z.name }));
    setOptions(this.deployZone, zoneOptions, t("form.chooseOne"));
    setOptions(this.zone, zoneOptions, t("form.chooseOne"));
    setOptions(
      this.road,
      view.map.routes.map((r) => ({ value: r.id, label: r.name })),
      t("form.chooseOne")
    );
    this.describeZone();
    this.describeRoad();
    this.noRequests.hidden = view.own.requests.length > 0;
    syncList(
      this.requests,
      view.own.requests,
      (r) => r.id,
      (r) => `${r.at}`,
      (r) =>
        h(
          "li",
          { class: "item" },
          h("div", { class: "item-head" }, h("span", { class: "time", text: formatClock(r.at) })),
          h("p", {
            class: "item-title",
            text: t("resources.item", {
              role: roleName(this.ctx.roles, r.role),
              from: r.from ? roleName(this.ctx.roles, r.from) : t("resources.anyone"),
              count: r.count,
              unitType: label("unitType", r.unitType)
            })
          }),
          r.note ? h("p", { class: "item-text", text: r.note }) : null
        )
    );
  }

  /** The map (or the unit list) selected a unit: reflect it in the list and the deploy form. */
  showSelection(unit: string | undefined): void {
    this.deployUnit.value = unit ?? "";
    const rows = this.unitList.querySelectorAll<HTMLElement>(".unit-row");
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const on = row.dataset.unit === unit;
      row.dataset.selected = on ? "1" : "0";
      row.querySelector("button")?.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  /** A zone picked on the map fills the zone forms. */
  pickZone(zone: string): void {
    this.zone.value = zone;
    this.deployZone.value = zone;
    this.describeZone();
  }

  private dispatched(unit: string): void {
    const name = this.ctx.view().map.units.find((u) => u.id === unit)?.name ?? unit;
    this.ctx.notices.info(t("deploy.sent", { unit: name }));
    this.callbacks.selectUnit(undefined);
  }

  private renderUnit(unit: MapUnit, zones: Map<string, string>, x: number): HTMLElement {
    const selected = unit.id === this.callbacks.selectedUnit();
    const meta: string[] = [label("unitType", unit.type), label("units.status", unit.status)];
    if (unit.zone) meta.push(t("units.in", { zone: zones.get(unit.zone) ?? unit.zone }));
    if (unit.status === "moving" && unit.arriveAt > x) meta.push(t("units.eta", { time: formatClock(unit.arriveAt) }));
    const id = uid("unit");
    return h(
      "li",
      { class: "unit-row", dataset: { unit: unit.id, selected: selected ? "1" : "0" } },
      h("div", {}, h("div", { class: "unit-name", id, text: unit.name }), h("div", { class: "unit-meta", text: meta.join(" · ") })),
      h("button", {
        class: "button-small",
        text: t("units.select"),
        dataset: { focus: "select" },
        attrs: { type: "button", "aria-pressed": selected ? "true" : "false", "aria-describedby": id },
        on: { click: () => this.callbacks.selectUnit(selected ? undefined : unit.id) }
      })
    );
  }

  private describeZone(): void {
    const zone = this.ctx.view().map.zones.find((z) => z.id === this.zone.value);
    if (!zone) {
      setText(this.zoneState, "");
      return;
    }
    const parts = [label("zoneState", zone.state)];
    if (zone.cordon) parts.push(`${t("zone.level")}: ${label("cordon", zone.cordon)}`);
    parts.push(t("zone.crowd", { count: crowdAt(zone, this.ctx.session.exerciseTime()) }));
    setText(this.zoneState, parts.join(" · "));
  }

  private describeRoad(): void {
    const road = this.ctx.view().map.routes.find((r) => r.id === this.road.value);
    setText(this.roadState, road ? (road.open ? t("road.isOpen") : t("road.isClosed")) : "");
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
