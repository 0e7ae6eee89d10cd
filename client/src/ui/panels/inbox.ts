/**
 * The role's inbox: injects, live injects, messages from other roles, METHANE reports and decisions to agree,
 * newest first, with channel, exercise time and acknowledgement. Unacknowledged injects stand out and carry the
 * Acknowledge button; any item can be relayed to other roles.
 */
import { formatClock, label, t } from "../../i18n/i18n.ts";
import type { RoomView } from "../../model/view-model.ts";
import { roleName } from "../../model/view-model.ts";
import type { WireInboxItem, WireMethane } from "../../net/wire.ts";
import { h, syncList } from "../dom.ts";
import type { Panel, PanelContext } from "./context.ts";

const METHANE_FIELDS: (keyof WireMethane)[] = [
  "majorIncident",
  "exactLocation",
  "typeOfIncident",
  "hazards",
  "access",
  "numberOfCasualties",
  "emergencyServices"
];

export function methaneList(report: WireMethane): HTMLElement {
  const list = h("dl", { class: "methane-grid" });
  for (const key of METHANE_FIELDS) {
    const value = report[key];
    const text = typeof value === "boolean" ? (value ? t("methane.yes") : t("methane.no")) : value;
    list.append(h("dt", { text: t(`methane.${key}`).split(" — ")[0]!, attrs: { title: t(`methane.${key}`) } }), h("dd", { text }));
  }
  return list;
}

/** Who an item comes from, in words: a role's name for messages, the scenario's source label for injects. */
function sender(ctx: PanelContext, item: WireInboxItem): string {
  if (item.kind === "live") return t("seatKind.facilitator");
  if (item.kind === "inject") return item.from;
  return roleName(ctx.roles, item.from);
}

export class InboxPanel implements Panel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly ctx: PanelContext;

  constructor(ctx: PanelContext) {
    this.ctx = ctx;
    this.list = h("ul", { class: "items inbox-list", attrs: { "aria-label": t("tab.inbox") } });
    this.empty = h("p", { class: "muted", text: t("inbox.empty") });
    this.element = h("div", {}, this.empty, this.list);
  }

  update(view: RoomView): void {
    const items = view.own.inbox;
    this.empty.hidden = items.length > 0;
    syncList(
      this.list,
      items,
      (i) => i.id,
      (i) => `${i.acknowledgedAt}|${i.acknowledgedBy}|${i.title}|${i.text}`,
      (i) => this.render(i, view)
    );
  }

  private render(item: WireInboxItem, view: RoomView): HTMLElement {
    const needsAck = (item.kind === "inject" || item.kind === "live") && item.acknowledgedAt < 0;
    const from = sender(this.ctx, item);
    const actions = h("div", { class: "item-actions" });
    if (needsAck) {
      actions.appendChild(
        h("button", {
          class: "button-primary button-small",
          text: t("inbox.acknowledge"),
          dataset: { focus: "ack" },
          attrs: { type: "button", "aria-label": `${t("inbox.acknowledge")}: ${item.title}` },
          on: { click: (e) => this.acknowledge(item.id, e.currentTarget as HTMLButtonElement) }
        })
      );
    }
    if (item.kind === "decision") {
      const decision = view.own.decisions.find((d) => d.id === item.id);
      if (decision && decision.role !== this.ctx.role && !decision.agreed.includes(this.ctx.role)) {
        actions.appendChild(
          h("button", {
            class: "button-primary button-small",
            text: t("decision.agree"),
            dataset: { focus: "agree" },
            attrs: { type: "button" },
            on: { click: () => void this.ctx.session.act("agree-decision", { decision: item.id }) }
          })
        );
      }
    }
    actions.appendChild(
      h("button", {
        class: "button-small",
        text: t("inbox.relay"),
        dataset: { focus: "relay" },
        attrs: { type: "button", "aria-label": `${t("inbox.relay")}: ${item.title || item.text.slice(0, 40)}` },
        on: { click: () => this.ctx.relay(item.id) }
      })
    );
    const acknowledged =
      item.acknowledgedAt >= 0
        ? h("p", { class: "muted", text: t("inbox.acknowledged", { time: formatClock(item.acknowledgedAt), by: item.acknowledgedBy }) })
        : null;
    return h(
      "li",
      { class: "item", dataset: { unread: needsAck ? "1" : "0", kind: item.kind } },
      h(
        "div",
        { class: "item-head" },
        h("span", { class: "time", text: formatClock(item.at) }),
        h("span", { class: "chan", text: label("channel", item.channel) }),
        h("span", { text: label("inbox.kind", item.kind) }),
        from ? h("span", { text: t("inbox.from", { from }) }) : null
      ),
      item.title ? h("p", { class: "item-title", text: item.title }) : null,
      item.text ? h("p", { class: "item-text", text: item.text }) : null,
      item.methane ? methaneList(item.methane) : null,
      item.about ? h("p", { class: "muted", text: t("inbox.about", { about: this.describe(item.about, view) }) }) : null,
      acknowledged,
      actions
    );
  }

  private describe(id: string, view: RoomView): string {
    const item = view.own.inbox.find((i) => i.id === id);
    return item?.title || item?.text.slice(0, 60) || id;
  }

  private acknowledge(id: string, button: HTMLButtonElement): void {
    button.disabled = true;
    void this.ctx.session.act("acknowledge", { item: id }).then((answer) => {
      if (!answer.ok) button.disabled = false;
    });
  }
}
