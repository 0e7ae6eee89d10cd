/**
 * The bar at the top of every screen: the exercise, the seat, phase and clock, connection state, and the
 * preferences every screen offers (language, large type) plus leaving. The clock is re-read four times a second
 * from the session's local estimate, so it runs smoothly between patches.
 */
import { formatClock, label, language, LANGUAGES, setLanguage, t } from "../i18n/i18n.ts";
import type { Language } from "../i18n/i18n.ts";
import type { RoomView } from "../model/view-model.ts";
import type { ConnectionStatus, ExerciseSession } from "../net/session.ts";
import type { App } from "./app.ts";
import { h, setText } from "./dom.ts";

/** Language and type-size controls, shared by the lobby and the consoles. */
export function preferenceControls(app: App, options: { showLarge?: boolean } = {}): HTMLElement {
  const select = h("select", { id: "lang-select", attrs: { "aria-label": t("lang.label") } });
  for (const lang of LANGUAGES) {
    const option = h("option", { text: t(`lang.${lang}`), attrs: { value: lang, lang } });
    if (lang === language()) option.selected = true;
    select.appendChild(option);
  }
  select.addEventListener("change", () => setLanguage(select.value as Language));
  const large = h("button", {
    id: "large-toggle",
    class: "button-quiet",
    text: app.isLarge() ? t("bigType.off") : t("bigType.on"),
    attrs: { type: "button", "aria-pressed": app.isLarge() ? "true" : "false" },
    on: { click: () => app.setLarge(!app.isLarge()) }
  });
  return h("div", { class: "prefs" }, h("label", { class: "visually-hidden", text: t("lang.label"), attrs: { for: "lang-select" } }), select, options.showLarge === false ? null : large);
}

export class SessionHeader {
  readonly element: HTMLElement;
  private readonly session: ExerciseSession;
  private readonly clock: HTMLElement;
  private readonly duration: HTMLElement;
  private readonly status: HTMLElement;
  private readonly phase: HTMLElement;
  private readonly connection: HTMLElement;
  private readonly rejoin: HTMLButtonElement;
  private timer: number | undefined;
  private readonly offStatus: () => void;

  constructor(app: App, session: ExerciseSession, heading: string, extra: HTMLElement[] = []) {
    this.session = session;
    const view = session.view;
    this.clock = h("span", { class: "clock-time", attrs: { "aria-label": t("clock.label") } });
    this.duration = h("span", { class: "clock-duration" });
    this.status = h("span", { class: "run-status" });
    this.phase = h("span", { class: "phase-title" });
    this.connection = h("span", { class: "connection", attrs: { role: "status" } });
    this.rejoin = h("button", { class: "button-primary", text: t("conn.rejoin"), attrs: { type: "button", hidden: true }, on: { click: () => void app.rejoin() } });
    const leave = h("button", {
      class: "button-quiet",
      text: t("header.leave"),
      attrs: { type: "button" },
      on: {
        click: () => {
          if (window.confirm(t("header.leaveConfirm"))) void app.leave();
        }
      }
    });
    const seatLine = session.welcome.seat.kind === "screen" ? null : h("span", { class: "seat", text: heading });
    this.element = h(
      "header",
      { class: "topbar" },
      h("div", { class: "brand" }, h("span", { class: "app-name", text: t("app.name") }), h("h1", { class: "exercise-title", text: view.title }), seatLine),
      h(
        "div",
        { class: "clockbox" },
        h("span", { class: "phase" }, h("span", { class: "phase-label", text: `${t("phase.label")}: ` }), this.phase),
        h("span", { class: "clock" }, this.clock, " ", this.duration),
        this.status
      ),
      h("div", { class: "tools" }, ...extra, this.connection, this.rejoin, preferenceControls(app, { showLarge: session.welcome.seat.kind !== "screen" }), leave)
    );
    this.update(view);
    this.showConnection(session.connection);
    this.offStatus = session.onStatus((s) => this.showConnection(s));
    this.timer = window.setInterval(() => this.tick(), 250);
    this.tick();
  }

  update(view: RoomView): void {
    setText(this.phase, view.phase.title);
    setText(this.status, label("status", view.clock.status));
    this.status.dataset.status = view.clock.status;
    const speed = view.clock.speed !== 1 ? ` ${t("clock.speed", { speed: view.clock.speed })}` : "";
    setText(this.duration, `${t("clock.of", { duration: formatClock(view.clock.durationMs) })}${speed}`);
  }

  private tick(): void {
    setText(this.clock, formatClock(this.session.exerciseTime()));
  }

  private showConnection(status: ConnectionStatus): void {
    setText(this.connection, t(`conn.${status}`));
    this.connection.dataset.state = status;
    this.rejoin.hidden = status !== "left";
  }

  destroy(): void {
    window.clearInterval(this.timer);
    this.offStatus();
  }
}
