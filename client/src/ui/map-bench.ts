/**
 * `#/bench/map?units=N`: the map scene under load, for `npm run bench` — the Christmas-market-sized site with N
 * units criss-crossing it, a few closed roads, cordons, crowds and markers, drawn exactly as in a console. Frame
 * times are collected in `window.__cordonBench` for the benchmark to read; nothing here talks to a server.
 */
import type { MapModel, MapUnit, Pt } from "../model/map-model.ts";
import { NO_CASUALTIES, zoneGeometry } from "../model/map-model.ts";
import { MapView } from "../scenes/map-view.ts";
import type { App, Screen } from "./app.ts";
import { h } from "./dom.ts";
import { t } from "../i18n/i18n.ts";

interface BenchWindow {
  __cordonBench?: { frames: number[]; work: number[]; ready: boolean; units: number };
}

const KINDS = ["police", "fire-ems", "municipality", "communication"];
const STATES = ["normal", "incident", "hot", "warm", "cold", "cordoned", "evacuating", "evacuated"];

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

/** A 500 × 350 m site of 24 zones, 8 roads, 6 points of interest and 10 markers, with `n` moving units. */
export function benchModel(n: number, now: number): MapModel {
  const random = seeded(42);
  const zones = [];
  for (let i = 0; i < 24; i++) {
    const col = i % 6;
    const row = Math.floor(i / 6);
    const shape = { rect: { x: 10 + col * 80, y: 10 + row * 82, w: 72, h: 74 } };
    zones.push({
      id: `zone-${i}`,
      name: `Zone ${i + 1}`,
      kind: "square",
      shape,
      ...zoneGeometry({ shape }),
      state: STATES[i % STATES.length]!,
      cordon: i % 5 === 0 ? "hot" : i % 7 === 0 ? "outer" : "",
      crowd: Math.round(random() * 900),
      evacuationStart: -1,
      evacuationComplete: -1,
      casualties: i % 6 === 0 ? { dead: 1, critical: 3, serious: 5, minor: 9, evacuated: 0 } : NO_CASUALTIES
    });
  }
  const units: MapUnit[] = [];
  for (let i = 0; i < n; i++) {
    const from: Pt = [random() * 500, random() * 350];
    const to: Pt = [random() * 500, random() * 350];
    const departAt = now - random() * 30_000;
    units.push({
      id: `unit-${i}`,
      name: `Unit ${i}`,
      role: `role-${i % 4}`,
      roleKind: KINDS[i % 4]!,
      type: "patrol",
      status: "moving",
      from,
      to,
      departAt,
      arriveAt: departAt + 60_000 + random() * 240_000,
      zone: ""
    });
  }
  return {
    width: 500,
    height: 350,
    zones,
    routes: Array.from({ length: 8 }, (_, i) => ({
      id: `road-${i}`,
      name: `Road ${i}`,
      kind: "road",
      path: [
        [0, 40 + i * 40],
        [500, 20 + i * 42]
      ] as Pt[],
      open: i % 3 !== 0
    })),
    pois: Array.from({ length: 6 }, (_, i) => ({ id: `poi-${i}`, name: `Point ${i}`, kind: "rendezvous-point", at: [40 + i * 80, 330] as Pt })),
    units,
    markers: Array.from({ length: 10 }, (_, i) => ({ id: `m-${i}`, kind: i % 2 ? "incident" : "suspicious-item", at: [25 + i * 48, 175] as Pt, label: `Marker ${i}`, x: 0 }))
  };
}

export function mapBenchScreen(_app: App, units: number, renderer: "auto" | "webgl" | "canvas" = "canvas"): Screen {
  const started = performance.now();
  const bench = { frames: [] as number[], work: [] as number[], ready: false, units };
  (window as BenchWindow).__cordonBench = bench;
  const time = () => performance.now() - started;
  const map = new MapView({
    label: t("console.map"),
    interactive: true,
    renderer,
    time,
    onFrame: (delta, work) => {
      bench.frames.push(delta);
      bench.work.push(work);
      bench.ready = true;
    }
  });
  map.setModel(benchModel(units, 0));
  const element = h("div", { class: "screen" }, h("main", { class: "console-main", id: "main", attrs: { style: "grid-template-columns:1fr", tabindex: -1 } }, h("div", { class: "map-pane" }, map.element)));
  return {
    element,
    mounted() {
      void map.mount().then(() => ((window as { __cordonGame?: unknown }).__cordonGame = map.phaserGame()));
    },
    destroy() {
      map.destroy();
    }
  };
}
