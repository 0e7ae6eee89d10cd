/**
 * The task board: the expectations that concern the role (lead, support, claimed or assigned), what is to be done
 * and by when, who took it. A task can be claimed, or assigned to another role; it turns to done or missed as the
 * server judges the actions taken. Each task says in words what the scenario's match asks (the action, and the
 * zone, road, unit type, cordon level, topic or roles when it names them), and a decision or public-message task
 * opens its form with the expected topic filled in.
 */
import { formatClock, formatList, label, t } from "../../i18n/i18n.ts";
import type { RoomView, TaskView } from "../../model/view-model.ts";
import { roleName } from "../../model/view-model.ts";
import { actionName, taskAsks } from "../../model/task-asks.ts";

import { h, syncList, uid } from "../dom.ts";
import type { Panel, PanelContext } from "./context.ts";

export class TasksPanel implements Panel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly ctx: PanelContext;

  constructor(ctx: PanelContext) {
    this.ctx = ctx;
    this.list = h("ul", { class: "items task-list", attrs: { "aria-label": t("tab.tasks") } });
    this.empty = h("p", { class: "muted", text: t("tasks.empty") });
    this.element = h("div", {}, this.empty, this.list);
  }

  update(view: RoomView): void {
    const tasks = view.own.tasks;
    this.empty.hidden = tasks.length > 0;
    syncList(
      this.list,
      tasks,
      (task) => task.id,
      (task) => `${task.status}|${task.claimedBy.join()}|${task.assignedTo}|${task.metBy}|${task.dueAt}`,
      (task) => this.render(task, view)
    );
  }

  private render(task: TaskView, view: RoomView): HTMLElement {
    const names = (ids: readonly string[]) => formatList(ids.map((id) => roleName(this.ctx.roles, id)));
    const asks = taskAsks(task, view);
    const what = task.description || asks;
    const meta: string[] = [t("tasks.lead", { role: roleName(this.ctx.roles, task.lead) })];
    if (task.support.length > 0) meta.push(t("tasks.support", { roles: names(task.support) }));
    const times: string[] = [];
    if (task.status === "active") {
      if (task.targetAt >= 0) times.push(t("tasks.target", { time: formatClock(task.targetAt) }));
      if (task.dueAt >= 0) times.push(t("tasks.due", { time: formatClock(task.dueAt) }));
    }
    const details: HTMLElement[] = [];
    if (task.claimedBy.length > 0) details.push(h("p", { class: "muted", text: t("tasks.claimedBy", { roles: names(task.claimedBy) }) }));
    if (task.assignedTo) details.push(h("p", { class: "muted", text: t("tasks.assignedTo", { role: roleName(this.ctx.roles, task.assignedTo) }) }));
    if (task.status === "met" && task.metBy) {
      details.push(h("p", { class: "muted", text: t("tasks.metBy", { role: roleName(this.ctx.roles, task.metBy), time: formatClock(task.metAt) }) }));
    }
    const actions = task.status === "active" ? this.actions(task) : null;
    return h(
      "li",
      { class: "item", dataset: { status: task.status } },
      h(
        "div",
        { class: "item-head" },
        h("span", { class: "chan", text: label("tasks.status", task.status) }),
        h("span", { text: actionName(task.action) }),
        ...times.map((x) => h("span", { class: "time", text: x }))
      ),
      h("p", { class: "item-title", text: what }),
      task.description ? h("p", { class: "task-asks", text: asks }) : null,
      h("p", { class: "muted", text: meta.join(" · ") }),
      ...details,
      actions
    );
  }

  private actions(task: TaskView): HTMLElement {
    const row = h("div", { class: "item-actions" });
    if ((task.action === "decision" || task.action === "public-message") && this.ctx.actOn) {
      const actOn = this.ctx.actOn;
      row.appendChild(
        h("button", {
          class: "button-small",
          text: t(task.action === "decision" ? "tasks.actDecision" : "tasks.actPublish"),
          dataset: { focus: "act-on" },
          attrs: { type: "button" },
          on: { click: () => actOn(task) }
        })
      );
    }
    if (!task.claimedBy.includes(this.ctx.role)) {
      row.appendChild(
        h("button", {
          class: "button-small",
          text: t("tasks.claim"),
          dataset: { focus: "claim" },
          attrs: { type: "button" },
          on: { click: () => void this.ctx.session.act("claim-task", { task: task.id }) }
        })
      );
    }
    const select = h("select", { id: uid("assign"), dataset: { focus: "assign-to" }, attrs: { "aria-label": t("tasks.assign") } });
    for (const role of this.ctx.roles) select.appendChild(h("option", { text: role.name, attrs: { value: role.id } }));
    const form = h(
      "form",
      { class: "inline-form" },
      select,
      h("button", { class: "button-small", text: t("tasks.assignButton"), dataset: { focus: "assign" }, attrs: { type: "submit" } })
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.ctx.session.act("assign-task", { task: task.id, to: select.value });
    });
    row.appendChild(form);
    return row;
  }
}
