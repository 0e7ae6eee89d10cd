/**
 * The debrief: the server's after-action report (its charts, embedded as served, with links to the JSON and CSV
 * forms) next to a replay of the exercise on the map — a scrubber over exercise time, play/pause at a chosen
 * speed, and the events up to the moment shown. The replay folds the exercise log with the engine in the browser.
 */
import { formatClock, language, t } from "../i18n/i18n.ts";
import { describeForReplay } from "../debrief/describe.ts";
import { Replay } from "../debrief/replay.ts";
import { fetchLog, logUrl, reportUrl } from "../net/api.ts";
import { localise } from "../../../server/src/core/scenario/localise.ts";
import { MapView } from "../scenes/map-view.ts";
import type { App, Screen } from "./app.ts";
import { h, setText } from "./dom.ts";
import { preferenceControls } from "./header.ts";
import { Legend } from "./legend.ts";

const REPLAY_SPEEDS = [10, 30, 60, 120, 300];
const STEP_MS = 1000;

/** Where the scrubber was, so a language change does not lose it. */
const kept = { exerciseId: "", position: 0, speed: 60 };

export function debriefScreen(app: App, exerciseId: string): Screen {
  if (kept.exerciseId !== exerciseId) Object.assign(kept, { exerciseId, position: 0, speed: 60 });
  const title = h("h1", { class: "exercise-title", text: t("debrief.title") });
  const back = h("button", {
    class: "button-quiet",
    text: t("debrief.back"),
    attrs: { type: "button" },
    on: { click: () => (window.location.hash = "#/") }
  });
  const iframe = h("iframe", { id: "report-frame", attrs: { title: t("debrief.report"), sandbox: "", loading: "eager" } });
  const reportLinks = h(
    "div",
    { class: "debrief-links" },
    h("a", { id: "report-open", text: t("debrief.openReport"), attrs: { href: reportUrl(exerciseId, "html", language()), target: "_blank", rel: "noopener" } }),
    h(
      "span",
      {},
      `${t("debrief.download", { formats: "" })}`,
      h("a", { text: "JSON", attrs: { href: reportUrl(exerciseId, "json"), download: `report-${exerciseId}.json` } }),
      " · ",
      h("a", { text: "CSV", attrs: { href: reportUrl(exerciseId, "csv"), download: `report-${exerciseId}.csv` } }),
      " · ",
      h("a", { text: "JSONL", attrs: { href: logUrl(exerciseId), download: `exercise-${exerciseId}.jsonl` } })
    )
  );

  let replay: Replay | undefined;
  let position = kept.position;
  let playing = false;
  let timer: number | undefined;
  let lastTick = 0;
  let shownCount = -1;

  const map = new MapView({ label: t("debrief.replay"), interactive: false, large: () => app.isLarge(), time: () => position });
  const legend = new Legend();
  const status = h("p", { class: "muted", attrs: { role: "status" }, text: t("debrief.loading") });
  const scrubber = h("input", { id: "replay-position", attrs: { type: "range", min: 0, max: 0, step: STEP_MS, value: 0, "aria-label": t("debrief.position") } });
  const clock = h("span", { class: "time clock-readout", attrs: { "aria-hidden": "true" } });
  const play = h("button", { id: "replay-play", class: "button-primary", text: t("debrief.play"), attrs: { type: "button", disabled: true } });
  const speed = h("select", { id: "replay-speed", attrs: { "aria-label": t("debrief.replaySpeed") } });
  for (const s of REPLAY_SPEEDS) speed.appendChild(h("option", { text: `×${s}`, attrs: { value: s } }));
  speed.value = String(kept.speed);
  const events = h("ol", { id: "replay-events" });

  const show = (x: number): void => {
    if (!replay) return;
    position = Math.max(0, Math.min(replay.end, x));
    kept.position = position;
    scrubber.value = String(position);
    scrubber.setAttribute("aria-valuetext", formatClock(position));
    setText(clock, `${formatClock(position)} / ${formatClock(replay.end)}`);
    const count = replay.countAt(position);
    if (count === shownCount) return;
    shownCount = count;
    const model = replay.mapAt(position);
    map.setModel(model);
    legend.update(model, [...new Set(replay.scenario.roles.map((r) => r.kind))]);
    const lines: HTMLElement[] = [];
    for (const e of replay.recent(position, 60)) {
      const text = describeForReplay(replay.scenario, replay.language, e);
      if (text) lines.push(h("li", {}, h("span", { class: "time", text: formatClock(e.x) }), " ", text));
      if (lines.length >= 25) break;
    }
    events.replaceChildren(...lines);
  };

  const stop = (): void => {
    playing = false;
    window.clearInterval(timer);
    timer = undefined;
    play.textContent = t("debrief.play");
    play.setAttribute("aria-pressed", "false");
  };

  const start = (): void => {
    if (!replay) return;
    if (position >= replay.end) show(0);
    playing = true;
    lastTick = performance.now();
    play.textContent = t("debrief.pause");
    play.setAttribute("aria-pressed", "true");
    timer = window.setInterval(() => {
      const now = performance.now();
      const next = position + (now - lastTick) * Number(speed.value);
      lastTick = now;
      show(next);
      if (replay && position >= replay.end) stop();
    }, 50);
  };

  play.addEventListener("click", () => (playing ? stop() : start()));
  scrubber.addEventListener("input", () => show(Number(scrubber.value)));
  speed.addEventListener("change", () => (kept.speed = Number(speed.value)));

  void fetchLog(exerciseId)
    .then((text) => {
      replay = new Replay(text);
      const name = localise(replay.scenario.title, replay.language);
      setText(title, `${t("debrief.title")} — ${name}`);
      const reportLanguage = replay.scenario.languages.includes(language()) ? language() : replay.language;
      iframe.src = reportUrl(exerciseId, "html", reportLanguage);
      scrubber.max = String(replay.end);
      play.disabled = false;
      status.hidden = true;
      show(position);
    })
    .catch((error: unknown) => {
      setText(status, t("debrief.failed", { reason: error instanceof Error ? error.message : String(error) }));
      iframe.src = reportUrl(exerciseId, "html", language());
    });

  const element = h(
    "div",
    { class: "screen debrief" },
    h(
      "header",
      { class: "topbar" },
      h("div", { class: "brand" }, h("span", { class: "app-name", text: t("app.name") }), title),
      h("div", { class: "tools" }, preferenceControls(app), back)
    ),
    h(
      "main",
      { class: "debrief-main", id: "main", attrs: { tabindex: -1 } },
      h("section", { class: "debrief-report", attrs: { "aria-label": t("debrief.report") } }, reportLinks, iframe),
      h(
        "section",
        { class: "debrief-replay", attrs: { "aria-labelledby": "replay-heading" } },
        h("h2", { id: "replay-heading", class: "visually-hidden", text: t("debrief.replay") }),
        status,
        map.element,
        map.textElement,
        legend.element,
        h("div", { class: "replay-controls" }, play, scrubber, clock, speed),
        h("div", { class: "replay-events", attrs: { "aria-label": t("debrief.events") } }, h("h3", { class: "visually-hidden", text: t("debrief.events") }), events)
      )
    )
  );

  return {
    element,
    mounted() {
      void map.mount();
    },
    destroy() {
      stop();
      map.destroy();
    }
  };
}
