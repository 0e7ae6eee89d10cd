/**
 * The facilitator's console (and, without the controls, the observer's and evaluator's): join details and seats
 * filling, start / pause / resume / speed / phase / end, live scores and per-role status, the map, the injects
 * still to come (each can be released now) and those released, a live inject composer, and notes for the report.
 */
import { formatClock, formatList, label, t } from "../i18n/i18n.ts";
import type { InjectView, RoomView } from "../model/view-model.ts";
import { roleName } from "../model/view-model.ts";
import { CHANNELS } from "../model/vocabulary.ts";
import type { ExerciseSession } from "../net/session.ts";
import type { WireNote, WireSeat } from "../net/wire.ts";
import { MapView } from "../scenes/map-view.ts";
import type { App, Screen } from "./app.ts";
import { h, setOptions, setText, syncList } from "./dom.ts";
import { field, pickedRoles, rolePicker, sendOnSubmit, textArea, textInput } from "./forms.ts";
import { SessionHeader } from "./header.ts";
import { Notices } from "./notices.ts";

const SPEEDS = [0.5, 1, 2, 3, 5, 10];

function scoreText(value: number): string {
  return value < 0 ? t("fac.noScore") : String(Math.round(value));
}

function section(title: string, ...children: (HTMLElement | null)[]): HTMLElement {
  const id = `h-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return h("section", { class: "panel-section", attrs: { "aria-labelledby": id } }, h("h2", { id, text: title }), ...children);
}

export function facilitatorScreen(app: App, session: ExerciseSession): Screen {
  const seat = session.welcome.seat;
  const isFacilitator = seat.kind === "facilitator";
  const canNote = seat.kind === "facilitator" || seat.kind === "evaluator";
  const view0 = session.view;
  const roles = view0.roles;
  const notices = new Notices();
  const heading = isFacilitator ? t("fac.title") : seat.kind === "evaluator" ? t("fac.evaluatorTitle") : t("fac.observerTitle");
  const joinCode = session.request.joinCode;
  const codeBadge = h("span", { class: "join-code-badge", text: joinCode, attrs: { title: t("fac.joinCode") } });
  const header = new SessionHeader(app, session, `${heading} · ${seat.name}`, [codeBadge]);
  const act = (type: string, payload: object = {}) => void session.act(type, payload);

  // ---- join details ----
  const joinLink = `${window.location.origin}${window.location.pathname}#/join/${encodeURIComponent(joinCode)}`;
  let joinDetails: HTMLElement | null = null;
  if (isFacilitator) {
    const secret = session.request.facilitatorSecret ?? "";
    const secretText = h("code", { text: "••••••••" });
    const reveal = h("button", {
      class: "button-small",
      text: t("create.secret"),
      attrs: { type: "button", "aria-pressed": "false" },
      on: {
        click: () => {
          const shown = reveal.getAttribute("aria-pressed") === "true";
          reveal.setAttribute("aria-pressed", shown ? "false" : "true");
          secretText.textContent = shown ? "••••••••" : secret;
        }
      }
    });
    joinDetails = h(
      "div",
      { class: "join-details" },
      h("p", {}, `${t("create.joinCode")}: `, h("strong", { class: "join-code-badge", id: "join-code-value", text: joinCode })),
      h("p", { class: "hint", text: t("create.shareCode") }),
      h("p", {}, h("code", { text: joinLink })),
      h("p", {}, reveal, " ", secretText)
    );
  }

  // ---- controls ----
  const start = h("button", { class: "button-primary", id: "fac-start", text: t("fac.start"), attrs: { type: "button" }, on: { click: () => act("start") } });
  const pause = h("button", { id: "fac-pause", text: t("fac.pause"), attrs: { type: "button" }, on: { click: () => act("pause") } });
  const resume = h("button", { class: "button-primary", id: "fac-resume", text: t("fac.resume"), attrs: { type: "button" }, on: { click: () => act("resume") } });
  const end = h("button", {
    class: "button-danger",
    id: "fac-end",
    text: t("fac.end"),
    attrs: { type: "button" },
    on: { click: () => window.confirm(t("fac.endConfirm")) && act("end") }
  });
  const speed = h("select", { id: "fac-speed", attrs: { name: "factor" } });
  for (const s of SPEEDS) speed.appendChild(h("option", { text: `×${s}`, attrs: { value: s } }));
  speed.value = String(view0.clock.speed);
  const speedForm = h("form", { class: "inline-form", id: "speed-form" }, field(t("fac.speed"), speed), h("button", { text: t("fac.setSpeed"), attrs: { type: "submit" } }));
  sendOnSubmit(speedForm, "speed", () => ({ factor: Number(speed.value) }), { session, notices, reset: false });
  const phase = h("select", { id: "fac-phase", attrs: { name: "phase" } });
  setOptions(
    phase,
    view0.phases.map((p) => ({ value: p.id, label: `${p.title} (T+${p.start})` }))
  );
  const phaseForm = h("form", { class: "inline-form", id: "phase-form" }, field(t("fac.jumpPhase"), phase), h("button", { text: t("fac.jump"), attrs: { type: "submit" } }));
  sendOnSubmit(phaseForm, "phase", () => ({ phase: phase.value }), { session, notices, reset: false });
  const controls = isFacilitator ? section(t("fac.controls"), h("div", { class: "control-buttons" }, start, pause, resume, end), speedForm, phaseForm) : null;

  // ---- scores and roles ----
  const scoreCells = {
    overall: h("div", { class: "score-value", id: "score-overall" }),
    speed: h("div", { class: "score-value", id: "score-speed" }),
    coordination: h("div", { class: "score-value", id: "score-coordination" }),
    division: h("div", { class: "score-value", id: "score-division" })
  };
  const asOf = h("p", { class: "muted" });
  const scoreBox = (key: keyof typeof scoreCells, text: string, extra = "") =>
    h("div", { class: `score ${extra}` }, h("div", { class: "score-label", text }), scoreCells[key]);
  const scores = section(
    t("fac.scores"),
    h(
      "div",
      { class: "scoreboard", attrs: { "aria-live": "off" } },
      scoreBox("overall", t("fac.overall"), "score-overall"),
      scoreBox("speed", t("fac.speedScore")),
      scoreBox("coordination", t("fac.coordination")),
      scoreBox("division", t("fac.division"))
    ),
    asOf
  );
  const roleRows = h("tbody");
  const roleTable = h(
    "table",
    { class: "data-table", id: "role-status" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { text: t("fac.col.role"), attrs: { scope: "col" } }),
        h("th", { class: "num", text: t("fac.col.players"), attrs: { scope: "col" } }),
        h("th", { class: "num", text: t("fac.col.score"), attrs: { scope: "col" } }),
        h("th", { class: "num", text: t("fac.col.unack"), attrs: { scope: "col" } }),
        h("th", { class: "num", text: t("fac.col.overdue"), attrs: { scope: "col" } }),
        h("th", { class: "num", text: t("fac.col.met"), attrs: { scope: "col" } }),
        h("th", { class: "num", text: t("fac.col.missed"), attrs: { scope: "col" } })
      )
    ),
    roleRows
  );
  const seatList = h("ul", { class: "seat-list", id: "seat-list" });
  const noSeats = h("p", { class: "muted", text: t("fac.noSeats") });

  // ---- injects ----
  const coming = h("ul", { class: "items timeline-list", id: "coming-injects", attrs: { "aria-label": t("fac.timelineComing") } });
  const released = h("ul", { class: "items timeline-list", id: "released-injects", attrs: { "aria-label": t("fac.timelineReleased") } });
  const renderInject = (inject: InjectView): HTMLElement => {
    const when =
      inject.status === "released"
        ? t("fac.injectStatus.released", { time: formatClock(inject.releasedAt) })
        : inject.status === "scheduled"
          ? t("fac.injectStatus.scheduled", { time: formatClock(inject.dueAt) })
          : inject.plannedAt >= 0
            ? t("fac.injectAt", { time: formatClock(inject.plannedAt) })
            : t("fac.injectTrigger", { trigger: label("trigger", inject.trigger) });
    return h(
      "li",
      { class: "item", dataset: { status: inject.status === "released" ? "met" : "" } },
      h(
        "div",
        { class: "item-head" },
        h("span", { class: "time", text: when }),
        h("span", { class: "chan", text: label("channel", inject.channel) }),
        h("span", { text: t("fac.injectTo", { roles: formatList(inject.to.map((r) => roleName(roles, r))) }) })
      ),
      h("p", { class: "item-title", text: inject.title }),
      isFacilitator && inject.status !== "released"
        ? h(
            "div",
            { class: "item-actions" },
            h("button", {
              class: "button-small",
              text: t("fac.release"),
              dataset: { focus: "release" },
              attrs: { type: "button", "aria-label": `${t("fac.release")}: ${inject.title}` },
              on: { click: () => act("release", { inject: inject.id }) }
            })
          )
        : null
    );
  };

  // ---- live inject ----
  let liveForm: HTMLElement | null = null;
  if (isFacilitator) {
    const channel = h("select", { id: "live-channel", attrs: { name: "channel" } });
    for (const c of CHANNELS) channel.appendChild(h("option", { text: label("channel", c), attrs: { value: c } }));
    const title = textInput("title", false, 300);
    title.id = "live-title";
    const text = textArea("text");
    text.id = "live-text";
    const form = h(
      "form",
      { id: "live-form" },
      rolePicker(t("fac.liveTo"), "live-to", roles),
      field(t("fac.liveChannel"), channel),
      field(t("fac.liveTitle"), title),
      field(t("fac.liveText"), text, t("form.enterHint")),
      h("button", { class: "button-primary", text: t("fac.liveSend"), attrs: { type: "submit" } })
    );
    sendOnSubmit(
      form,
      "inject",
      () => {
        const payload: Record<string, unknown> = { to: pickedRoles(form, "live-to"), channel: channel.value, text: text.value.trim() };
        if (title.value.trim()) payload.title = title.value.trim();
        return payload;
      },
      { session, notices, done: t("fac.liveSent"), check: () => (pickedRoles(form, "live-to").length === 0 ? t("share.pickRole") : undefined) }
    );
    liveForm = section(t("fac.live"), form);
  }

  // ---- notes ----
  const noteList = h("ul", { class: "items", id: "note-list" });
  const noNotes = h("p", { class: "muted", text: t("fac.noNotes") });
  let noteForm: HTMLElement | null = null;
  if (canNote) {
    const text = textArea("text");
    text.id = "note-text";
    const form = h("form", { id: "note-form" }, field(t("fac.noteText"), text, t("form.enterHint")), h("button", { text: t("fac.noteAdd"), attrs: { type: "submit" } }));
    sendOnSubmit(form, "note", () => ({ text: text.value.trim() }), { session, notices });
    noteForm = form;
  }

  // ---- debrief ----
  const exerciseId = session.welcome.exerciseId ?? view0.control?.exerciseId;
  const debrief = exerciseId
    ? section(
        t("fac.debrief"),
        h("div", { class: "button-row" }, h("button", { id: "open-debrief", text: t("fac.openDebrief"), attrs: { type: "button" }, on: { click: () => app.openDebrief(exerciseId) } })),
        h("div", { class: "button-row" }, h("a", { id: "open-screen", text: t("fac.openScreen"), attrs: { href: `#/screen/${encodeURIComponent(joinCode)}`, target: "_blank", rel: "noopener" } }))
      )
    : null;

  const map = new MapView({ label: t("console.map"), interactive: false, large: () => app.isLarge(), time: () => session.exerciseTime() });

  // The speed picker follows the server only when the server's speed changes, never under the user's choice.
  let serverSpeed = view0.clock.speed;
  const update = (view: RoomView): void => {
    header.update(view);
    map.setModel(view.map);
    if (view.clock.speed !== serverSpeed) {
      serverSpeed = view.clock.speed;
      speed.value = String(serverSpeed);
    }
    const status = view.clock.status;
    start.disabled = status !== "ready";
    pause.disabled = status !== "running";
    resume.disabled = status !== "paused";
    end.disabled = status === "ended";
    const control = view.control;
    if (control) {
      setText(scoreCells.overall, scoreText(control.scores.overall));
      setText(scoreCells.speed, scoreText(control.scores.speed));
      setText(scoreCells.coordination, scoreText(control.scores.coordination));
      setText(scoreCells.division, scoreText(control.scores.division));
      setText(asOf, t("fac.scoresAsOf", { time: formatClock(control.scores.asOf) }));
      syncList(coming, control.coming, (i) => i.id, (i) => `${i.status}|${i.dueAt}`, renderInject);
      syncList(released, control.released.slice(0, 100), (i) => i.id, (i) => `${i.releasedAt}`, renderInject);
      noNotes.hidden = control.notes.length > 0;
      syncList(
        noteList,
        control.notes.map((n, i) => ({ ...n, key: String(i) })).reverse(),
        (n) => n.key,
        (n) => n.text,
        (n: WireNote) => h("li", { class: "item" }, h("div", { class: "item-head" }, h("span", { class: "time", text: formatClock(n.at) }), h("span", { text: n.author })), h("p", { class: "item-text", text: n.text }))
      );
    }
    const players = new Map<string, WireSeat[]>();
    for (const s of view.seats) if (s.kind === "player") players.set(s.role, [...(players.get(s.role) ?? []), s]);
    const statuses = new Map((control?.roleStatus ?? []).map((r) => [r.role, r]));
    syncList(
      roleRows,
      view.roles,
      (r) => r.id,
      (r) => {
        const st = statuses.get(r.id);
        const online = (players.get(r.id) ?? []).filter((s) => s.connected > 0).length;
        return `${online}|${st?.score}|${st?.unacknowledged}|${st?.overdue}|${st?.met}|${st?.missed}`;
      },
      (r) => {
        const st = statuses.get(r.id);
        const online = (players.get(r.id) ?? []).filter((s) => s.connected > 0).length;
        const alert = (st?.unacknowledged ?? 0) > 0 || (st?.overdue ?? 0) > 0;
        return h(
          "tr",
          { dataset: { alert: alert ? "1" : "0", role: r.id } },
          h("th", { attrs: { scope: "row" } }, h("span", { class: `role-chip kind-${r.kind}`, text: r.name })),
          h("td", { class: "num", text: String(online) }),
          h("td", { class: "num", text: scoreText(st?.score ?? -1) }),
          h("td", { class: "num", text: String(st?.unacknowledged ?? 0) }),
          h("td", { class: "num", text: String(st?.overdue ?? 0) }),
          h("td", { class: "num", text: String(st?.met ?? 0) }),
          h("td", { class: "num", text: String(st?.missed ?? 0) })
        );
      }
    );
    const others = view.seats.filter((s) => !(s.kind === "facilitator" && s.id === seat.id));
    noSeats.hidden = others.length > 0;
    syncList(
      seatList,
      others,
      (s) => s.id,
      (s) => `${s.connected}|${s.reconnecting}`,
      (s) => {
        const state = s.connected > 0 ? t("fac.seatConnected") : s.reconnecting > 0 ? t("fac.seatReconnecting") : t("fac.seatAway");
        const roleText = s.kind === "player" ? roleName(roles, s.role) : label("seatKind", s.kind);
        return h(
          "li",
          { dataset: { state: s.connected > 0 ? "on" : "off" } },
          h("span", { class: `role-chip kind-${roles.find((r) => r.id === s.role)?.kind ?? "other"}`, text: roleText }),
          ` ${s.name} — `,
          h("span", { class: s.connected > 0 ? "" : "muted", text: state })
        );
      }
    );
  };

  const element = h(
    "div",
    { class: "screen facilitator-console", dataset: { seat: seat.kind } },
    header.element,
    notices.element,
    h(
      "main",
      { class: "fac-main", id: "main", attrs: { tabindex: -1 } },
      h("div", { class: "fac-col" }, joinDetails, controls, scores, section(t("fac.seats"), noSeats, seatList)),
      h(
        "div",
        { class: "fac-centre" },
        map.element,
        map.textElement,
        h(
          "div",
          { class: "fac-timeline" },
          section(t("fac.roleStatus"), h("div", { class: "table-scroll" }, roleTable)),
          section(t("fac.timeline"), h("h3", { text: t("fac.timelineComing") }), coming, h("h3", { text: t("fac.timelineReleased") }), released)
        )
      ),
      h("div", { class: "fac-col" }, liveForm, section(t("fac.notes"), noteForm, noNotes, noteList), debrief)
    )
  );

  update(view0);
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
