/**
 * Accessible tabs (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs, the selected tab is the only
 * one in the Tab order, and each panel is labelled by its tab. Tabs can carry a badge (e.g. items to acknowledge).
 */
import { h, setText } from "./dom.ts";

export interface TabSpec {
  id: string;
  label: string;
  panel: HTMLElement;
}

export class Tabs {
  readonly element: HTMLElement;
  private readonly tabs = new Map<string, { button: HTMLButtonElement; badge: HTMLElement; panel: HTMLElement }>();
  private readonly order: string[] = [];
  private current = "";

  constructor(label: string, specs: readonly TabSpec[], initial?: string) {
    const list = h("div", { class: "tablist", attrs: { role: "tablist", "aria-label": label } });
    const panels = h("div", { class: "tabpanels" });
    for (const spec of specs) {
      const tabId = `tab-${spec.id}`;
      const panelId = `panel-${spec.id}`;
      const badge = h("span", { class: "badge", attrs: { "aria-hidden": "true" } });
      const button = h(
        "button",
        {
          class: "tab",
          id: tabId,
          attrs: { type: "button", role: "tab", "aria-controls": panelId, "aria-selected": "false", tabindex: -1 },
          on: {
            click: () => this.select(spec.id),
            keydown: (event) => this.onKey(event, spec.id)
          }
        },
        spec.label,
        badge
      );
      spec.panel.id = panelId;
      spec.panel.classList.add("tabpanel");
      spec.panel.setAttribute("role", "tabpanel");
      spec.panel.setAttribute("aria-labelledby", tabId);
      spec.panel.tabIndex = 0;
      spec.panel.hidden = true;
      list.appendChild(button);
      panels.appendChild(spec.panel);
      this.tabs.set(spec.id, { button, badge, panel: spec.panel });
      this.order.push(spec.id);
    }
    this.element = h("div", { class: "tabs" }, list, panels);
    this.element.style.display = "contents";
    panels.style.display = "contents";
    this.select(initial && this.tabs.has(initial) ? initial : this.order[0]!, false);
  }

  get selected(): string {
    return this.current;
  }

  select(id: string, focus = true): void {
    const next = this.tabs.get(id);
    if (!next) return;
    for (const [key, tab] of this.tabs) {
      const on = key === id;
      tab.button.setAttribute("aria-selected", on ? "true" : "false");
      tab.button.tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
    }
    this.current = id;
    if (focus) next.button.focus();
  }

  /** A count after the tab's label ("" hides it); the tab's accessible name includes it. */
  badge(id: string, text: string, accessible: string): void {
    const tab = this.tabs.get(id);
    if (!tab) return;
    setText(tab.badge, text);
    if (text) tab.button.setAttribute("aria-description", accessible);
    else tab.button.removeAttribute("aria-description");
  }

  private onKey(event: KeyboardEvent, id: string): void {
    const i = this.order.indexOf(id);
    let next: string | undefined;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = this.order[(i + 1) % this.order.length];
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = this.order[(i - 1 + this.order.length) % this.order.length];
    else if (event.key === "Home") next = this.order[0];
    else if (event.key === "End") next = this.order[this.order.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    this.select(next);
  }
}
