/**
 * The big screen of an in-room drill: the common operating picture for the back of the room. The map fills most
 * of it; beside it, what has happened in public view (injects released — title, channel, recipients, never the
 * content —, markers on the map, press and social media, statements) on a timeline, and the media feed. No controls beyond the language; the type is large.
 */
import { formatClock, formatList, label, t } from "../i18n/i18n.ts";
import type { RoomView } from "../model/view-model.ts";
import { roleName } from "../model/view-model.ts";
import type { ExerciseSession } from "../net/session.ts";
import { MapView } from "../scenes/map-view.ts";
import type { App, Screen } from "./app.ts";
import { h, syncList } from "./dom.ts";
import { SessionHeader } from "./header.ts";
import { Legend } from "./legend.ts";
import { MediaFeed } from "./panels/public.ts";

interface TimelineEntry {
  id: string;
  at: number;
  text: string;
  kind: string;
}

/** What the room has seen happen, latest first: injects released, markers placed and media items. */
export function publicTimeline(view: RoomView): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const released = new Set<string>();
  for (const r of view.released) {
    released.add(r.id);
    const to = formatList(r.to.map((id) => roleName(view.roles, id)));
    const text = t(r.kind === "live" ? "screen.liveInject" : "screen.inject", { channel: label("channel", r.channel), roles: to, title: r.title });
    entries.push({ id: `inject:${r.id}`, at: r.at, kind: "inject", text });
  }
  for (const m of view.map.markers) {
    const what = t("screen.marker", { kind: label("marker", m.kind) });
    entries.push({ id: `marker:${m.id}`, at: m.x, kind: "marker", text: m.label ? `${what}: ${m.label}` : what });
  }
  for (const item of view.media) {
    // A press or social-media inject is already on the timeline as a release.
    if (item.kind === "inject" && released.has(item.id)) continue;
    const who = item.kind === "public-message" ? roleName(view.roles, item.role) : item.from || label("channel", item.channel);
    entries.push({ id: `media:${item.id}`, at: item.at, kind: "media", text: `${who}: ${item.title || item.text}` });
  }
  return entries.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

export function bigScreen(app: App, session: ExerciseSession): Screen {
  const view0 = session.view;
  const header = new SessionHeader(app, session, t("screen.title"));
  const map = new MapView({ label: t("screen.title"), interactive: false, large: () => true, time: () => session.exerciseTime() });
  const legend = new Legend();
  const timeline = h("ul", { class: "items", id: "screen-timeline", attrs: { "aria-label": t("screen.timeline") } });
  const noEvents = h("p", { class: "muted", text: t("screen.noEvents") });
  const media = new MediaFeed(view0.roles, 12);

  const update = (view: RoomView): void => {
    header.update(view);
    map.setModel(view.map);
    legend.update(view.map, [...new Set(view.roles.map((r) => r.kind))]);
    const entries = publicTimeline(view).slice(0, 12);
    noEvents.hidden = entries.length > 0;
    syncList(
      timeline,
      entries,
      (e) => e.id,
      (e) => e.text,
      (e) => h("li", { class: "item", dataset: { kind: e.kind } }, h("span", { class: "time", text: formatClock(e.at) }), " ", e.text)
    );
    media.update(view);
  };

  const element = h(
    "div",
    { class: "screen big-screen" },
    header.element,
    h(
      "main",
      { class: "big-main", id: "main", attrs: { tabindex: -1 } },
      h("section", { class: "map-pane", attrs: { "aria-label": t("screen.title") } }, map.element, legend.element, map.textElement),
      h(
        "div",
        { class: "big-side" },
        h("section", { attrs: { "aria-labelledby": "screen-timeline-h" } }, h("h2", { id: "screen-timeline-h", text: t("screen.timeline") }), noEvents, timeline),
        h("section", { attrs: { "aria-labelledby": "screen-media-h" } }, h("h2", { id: "screen-media-h", text: t("media.title") }), media.element)
      )
    )
  );
  update(view0);
  const offView = session.onView(update);
  return {
    element,
    mounted() {
      void map.mount();
    },
    destroy() {
      offView();
      header.destroy();
      map.destroy();
    }
  };
}
