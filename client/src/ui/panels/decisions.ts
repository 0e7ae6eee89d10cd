/**
 * The decision log: decisions this role took or was asked to agree, and the form to log one — with the roles to
 * agree it with, which makes it a joint decision once they all have.
 */
import { formatClock, formatList, t } from "../../i18n/i18n.ts";
import type { DecisionView, RoomView, TaskView } from "../../model/view-model.ts";
import { roleName } from "../../model/view-model.ts";
import { DECISION_TOPICS, topicId } from "../../model/vocabulary.ts";

import { h, syncList } from "../dom.ts";
import { field, pickedRoles, rolePicker, sendOnSubmit, textArea, textInput } from "../forms.ts";
import type { Panel, PanelContext } from "./context.ts";

export class DecisionsPanel implements Panel {
  readonly element: HTMLElement;
  private readonly ctx: PanelContext;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly text: HTMLTextAreaElement;
  private readonly topic: HTMLInputElement;

  constructor(ctx: PanelContext) {
    this.ctx = ctx;
    const text = textArea("text");
    text.id = "decision-text";
    const rationale = textArea("rationale");
    rationale.id = "decision-rationale";
    const topic = textInput("topic", false, 64);
    topic.id = "decision-topic";
    topic.setAttribute("list", "decision-topics");
    const topics = h("datalist", { id: "decision-topics" });
    for (const id of DECISION_TOPICS) topics.appendChild(h("option", { attrs: { value: id } }));
    const withRoles = rolePicker(t("decision.with"), "decision-with", ctx.roles, ctx.role);
    const form = h(
      "form",
      { id: "decision-form" },
      h("h3", { text: t("decision.title") }),
      field(t("decision.text"), text, t("form.enterHint")),
      field(t("decision.rationale"), rationale),
      field(t("decision.topic"), topic),
      topics,
      withRoles,
      h("button", { class: "button-primary", text: t("decision.submit"), attrs: { type: "submit" } })
    );
    sendOnSubmit(
      form,
      "log-decision",
      () => {
        const payload: Record<string, unknown> = { text: text.value.trim(), rationale: rationale.value.trim() };
        const id = topicId(topic.value);
        if (id) payload.topic = id;
        const roles = pickedRoles(form, "decision-with");
        if (roles.length > 0) payload.with = roles;
        return payload;
      },
      { session: ctx.session, notices: ctx.notices, done: t("decision.logged") }
    );
    this.form = form;
    this.text = text;
    this.topic = topic;
    this.list = h("ul", { class: "items decision-list", attrs: { "aria-label": t("decision.log") } });
    this.empty = h("p", { class: "muted", text: t("decision.empty") });
    this.element = h(
      "div",
      {},
      h("section", { class: "panel-section" }, form),
      h("section", { class: "panel-section" }, h("h3", { text: t("decision.log") }), this.empty, this.list)
    );
  }

  /** Fills the form for a decision task: the topic it expects and the roles it must be agreed with. */
  prefill(task: TaskView): void {
    if (task.topic) this.topic.value = task.topic;
    this.form.querySelectorAll<HTMLInputElement>('input[name="decision-with"]').forEach((box) => {
      if (task.to.includes(box.value)) box.checked = true;
    });
    this.text.focus();
  }

  update(view: RoomView): void {
    const decisions = view.own.decisions;
    this.empty.hidden = decisions.length > 0;
    syncList(
      this.list,
      decisions,
      (d) => d.id,
      (d) => `${d.agreed.join()}|${d.jointAt}`,
      (d) => this.render(d)
    );
  }

  private render(d: DecisionView): HTMLElement {
    const name = (id: string) => roleName(this.ctx.roles, id);
    const waiting = d.with.filter((r) => !d.agreed.includes(r));
    const status =
      d.jointAt >= 0
        ? t("decision.joint", { time: formatClock(d.jointAt) })
        : waiting.length > 0
          ? t("decision.waiting", { roles: formatList(waiting.map(name)) })
          : "";
    const canAgree = d.role !== this.ctx.role && d.with.includes(this.ctx.role) && !d.agreed.includes(this.ctx.role);
    return h(
      "li",
      { class: "item", dataset: { status: d.jointAt >= 0 ? "met" : waiting.length > 0 ? "active" : "" } },
      h("div", { class: "item-head" }, h("span", { text: t("decision.byRole", { role: name(d.role), time: formatClock(d.at) }) }), d.topic ? h("span", { class: "chan", text: d.topic }) : null),
      h("p", { class: "item-title", text: d.text }),
      h("p", { class: "item-text muted", text: d.rationale }),
      d.agreed.length > 0 ? h("p", { class: "muted", text: t("decision.agreedBy", { roles: formatList(d.agreed.map(name)) }) }) : null,
      status ? h("p", { class: "muted", text: status }) : null,
      canAgree
        ? h(
            "div",
            { class: "item-actions" },
            h("button", {
              class: "button-primary button-small",
              text: t("decision.agree"),
              dataset: { focus: "agree" },
              attrs: { type: "button" },
              on: { click: () => void this.ctx.session.act("agree-decision", { decision: d.id }) }
            })
          )
        : null
    );
  }
}
