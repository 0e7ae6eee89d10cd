/**
 * A player's console: the situation map on the left (select one of your units, click where it should go), and on
 * the right the inbox, task board, unit and zone actions, sharing, METHANE, decisions and public messages. Every
 * refusal from the server shows as a notice; everything is reachable by keyboard.
 */
import { label, t } from "../i18n/i18n.ts";
import type { RoomView } from "../model/view-model.ts";
import { roleName, unacknowledged } from "../model/view-model.ts";
import type { ExerciseSession } from "../net/session.ts";
import type { MapPick } from "../scenes/map-host.ts";
import { MapView } from "../scenes/map-view.ts";
import type { App, Screen } from "./app.ts";
import { h, setText } from "./dom.ts";
import { SessionHeader } from "./header.ts";
import { Legend } from "./legend.ts";
import { Notices } from "./notices.ts";
import { ActPanel } from "./panels/act.ts";
import type { Panel, PanelContext } from "./panels/context.ts";
import { DecisionsPanel } from "./panels/decisions.ts";
import { InboxPanel } from "./panels/inbox.ts";
import { PublicPanel } from "./panels/public.ts";
import { MethanePanel, SharePanel } from "./panels/share.ts";
import { TasksPanel } from "./panels/tasks.ts";
import { Tabs } from "./tabs.ts";

/** The tab shown after a re-render (language change) stays the same. */
let lastTab = "inbox";

export function roleConsoleScreen(app: App, session: ExerciseSession): Screen {
  const seat = session.welcome.seat;
  const view0 = session.view;
  const notices = new Notices();
  const header = new SessionHeader(app, session, t("console.seat", { role: roleName(view0.roles, seat.role), name: seat.name }));
  let selected: string | undefined;

  const hint = h("div", { class: "map-hint", attrs: { "aria-live": "polite" } });
  const map = new MapView({
    label: t("console.map"),
    interactive: true,
    ownRole: seat.role,
    large: () => app.isLarge(),
    time: () => session.exerciseTime(),
    onPick: (pick) => onPick(pick)
  });
  const legend = new Legend();

  const ctx: PanelContext = {
    session,
    notices,
    role: seat.role,
    roles: view0.roles,
    view: () => session.view,
    relay: (itemId) => {
      tabs.select("share", false);
      lastTab = "share";
      share.relay(itemId, session.view);
    },
    actOn: (task) => {
      const tab = task.action === "decision" ? "decisions" : "public";
      tabs.select(tab, false);
      lastTab = tab;
      if (tab === "decisions") decisions.prefill(task);
      else publicPanel.prefill(task);
    }
  };

  const selectUnit = (unit: string | undefined): void => {
    selected = unit;
    map.select(unit);
    act.showSelection(unit);
    showHint();
  };

  const inbox = new InboxPanel(ctx);
  const tasks = new TasksPanel(ctx);
  const act = new ActPanel(ctx, { selectUnit, selectedUnit: () => selected });
  const share = new SharePanel(ctx);
  const methane = new MethanePanel(ctx);
  const decisions = new DecisionsPanel(ctx);
  const publicPanel = new PublicPanel(ctx);
  const panels: Panel[] = [inbox, tasks, act, share, methane, decisions, publicPanel];
  const tabs = new Tabs(
    t("console.panels"),
    [
      { id: "inbox", label: t("tab.inbox"), panel: inbox.element },
      { id: "tasks", label: t("tab.tasks"), panel: tasks.element },
      { id: "act", label: t("tab.act"), panel: act.element },
      { id: "share", label: t("tab.share"), panel: share.element },
      { id: "methane", label: t("tab.methane"), panel: methane.element },
      { id: "decisions", label: t("tab.decisions"), panel: decisions.element },
      { id: "public", label: t("tab.public"), panel: publicPanel.element }
    ],
    lastTab
  );
  tabs.element.addEventListener("click", () => (lastTab = tabs.selected));
  tabs.element.addEventListener("keyup", () => (lastTab = tabs.selected));

  function showHint(): void {
    const unit = session.view.map.units.find((u) => u.id === selected);
    hint.dataset.armed = unit ? "1" : "0";
    setText(hint, unit ? `${unit.name} — ${t("units.selected")}` : t("console.mapHint"));
  }

  function onPick(pick: MapPick): void {
    if (pick.kind === "unit") {
      if (pick.unit.role === seat.role) selectUnit(pick.unit.id);
      return;
    }
    if (pick.zone) act.pickZone(pick.zone.id);
    if (!selected) return;
    const unit = selected;
    const name = session.view.map.units.find((u) => u.id === unit)?.name ?? unit;
    const to: [number, number] = [Math.round(pick.at[0] * 10) / 10, Math.round(pick.at[1] * 10) / 10];
    void session.act("deploy", { unit, to }).then((answer) => {
      if (!answer.ok) return;
      notices.info(t("deploy.sent", { unit: name }));
      if (selected === unit) selectUnit(undefined);
    });
  }

  // Items already shown: anything new after the first render is announced (and shown) once.
  const seen = new Set(view0.own.inbox.map((i) => i.id));
  const announce = (view: RoomView): void => {
    for (const item of view.own.inbox) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      notices.info(t("inbox.new", { kind: label("inbox.kind", item.kind).toLowerCase(), title: item.title || item.text.slice(0, 80) }));
    }
  };

  const update = (view: RoomView): void => {
    announce(view);
    header.update(view);
    map.setModel(view.map);
    legend.update(view.map, [...new Set(view.roles.map((r) => r.kind))]);
    for (const panel of panels) panel.update(view);
    const unread = unacknowledged(view.own).length;
    tabs.badge("inbox", unread > 0 ? String(unread) : "", t("inbox.unread", { count: unread }));
    const active = view.own.tasks.filter((task) => task.status === "active").length;
    tabs.badge("tasks", active > 0 ? String(active) : "", String(active));
  };

  const element = h(
    "div",
    { class: "screen role-console", dataset: { role: seat.role } },
    header.element,
    notices.element,
    h(
      "main",
      { class: "console-main", id: "main", attrs: { tabindex: -1 } },
      h("section", { class: "map-pane", attrs: { "aria-label": t("console.map") } }, hint, map.element, legend.element, map.textElement),
      h("aside", { class: "side", attrs: { "aria-label": t("console.panels") } }, tabs.element)
    )
  );

  update(view0);
  showHint();
  const offView = session.onView(update);
  const offNotice = session.onNotice((n) => notices.refusal(n));

  return {
    element,
    mounted() {
      void map.mount();
    },
    destroy() {
      offView();
      offNotice();
      header.destroy();
      map.destroy();
    }
  };
}
