/**
 * Notices at the top of a screen: refusals from the server (assertive, so a screen reader says them at once) and
 * confirmations (polite). Each has a close button; confirmations fade after a few seconds, refusals stay longer.
 */
import { label, t } from "../i18n/i18n.ts";
import type { RefusalNotice } from "../net/session.ts";
import { h } from "./dom.ts";

const INFO_MS = 5_000;
const ERROR_MS = 15_000;
const MAX_SHOWN = 4;

/** Wire message types whose action label has another name in the catalogue. */
const ACTION_KEYS: Record<string, string> = {
  "send-methane": "methane",
  "log-decision": "decision",
  "agree-decision": "decision",
  publish: "public-message"
};

export function actionLabel(type: string): string {
  return label("action", ACTION_KEYS[type] ?? type);
}

export class Notices {
  readonly element: HTMLElement;
  private readonly errors: HTMLElement;
  private readonly infos: HTMLElement;

  constructor() {
    this.errors = h("div", { class: "notices-list", attrs: { role: "alert", "aria-live": "assertive" } });
    this.infos = h("div", { class: "notices-list", attrs: { role: "status", "aria-live": "polite" } });
    this.element = h("div", { class: "notices" }, this.errors, this.infos);
  }

  error(text: string): void {
    this.push(this.errors, text, "notice notice-error", ERROR_MS);
  }

  info(text: string): void {
    this.push(this.infos, text, "notice notice-info", INFO_MS);
  }

  /** A refusal from the server, headed by what kind of refusal it is in the interface language. */
  refusal(notice: RefusalNotice): void {
    if (notice.code === "network") {
      this.error(t("notice.network", { reason: notice.message }));
      return;
    }
    const headline = label("notice.error", notice.code);
    const action = notice.action ? actionLabel(notice.action) : "?";
    this.error(`${headline} — ${t("notice.refused", { action, message: notice.message })}`);
  }

  private push(list: HTMLElement, text: string, className: string, ms: number): void {
    const item = h("div", { class: className, dataset: { notice: "1" } });
    const close = h("button", {
      class: "notice-close",
      text: "×",
      attrs: { type: "button", "aria-label": t("notice.close") },
      on: { click: () => item.remove() }
    });
    item.append(h("span", { class: "notice-text", text }), close);
    list.appendChild(item);
    while (list.children.length > MAX_SHOWN) list.firstElementChild?.remove();
    window.setTimeout(() => item.remove(), ms);
  }
}
