/**
 * Replaying an exercise from its event log with the engine itself: the log is folded up to the moment the
 * scrubber points at, and the folded state becomes a MapModel for the map scene. Moving forward folds only the
 * new events; moving back folds again from the start (a few thousand events take well under a millisecond).
 *
 * Imports only the pure core (server/src/core), which bundles into the browser.
 */
import { parseLog } from "../../../server/src/core/engine/log.ts";
import { evolve, fold } from "../../../server/src/core/engine/evolve.ts";
import type { ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import type { ExerciseState } from "../../../server/src/core/engine/state.ts";
import type { Scenario } from "../../../server/src/core/scenario/schema.ts";
import { localise } from "../../../server/src/core/scenario/localise.ts";
import type { MapModel, MapUnit, MapZone, Pt } from "../model/map-model.ts";
import { zoneGeometry } from "../model/map-model.ts";

export class Replay {
  readonly events: readonly ExerciseEvent[];
  readonly scenario: Scenario;
  readonly language: string;
  /** Exercise ms of the last event (or the scenario's duration if longer and the exercise ran to the end). */
  readonly end: number;
  private state: ExerciseState;
  /** Number of events folded into `state`. */
  private applied: number;

  constructor(logText: string) {
    this.events = parseLog(logText);
    const created = this.events[0] as Extract<ExerciseEvent, { type: "exercise-created" }>;
    this.scenario = created.scenario;
    this.language = created.language;
    this.end = this.events[this.events.length - 1]!.x;
    this.state = fold(this.events.slice(0, 1));
    this.applied = 1;
  }

  /** Index of the first event after exercise time `x` (events up to it have happened by `x`). */
  private cut(x: number): number {
    let lo = 1;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid]!.x <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The folded state of the exercise at exercise time `x`. */
  stateAt(x: number): ExerciseState {
    const target = this.cut(x);
    if (target < this.applied) {
      this.state = fold(this.events.slice(0, target));
      this.applied = target;
    }
    for (; this.applied < target; this.applied++) evolve(this.state, this.events[this.applied]!);
    return this.state;
  }

  /** How many events have happened by `x` (for "n of N"). */
  countAt(x: number): number {
    return this.cut(x);
  }

  /** The events that happened by `x`, latest first, at most `limit`. */
  recent(x: number, limit: number): ExerciseEvent[] {
    const target = this.cut(x);
    const out: ExerciseEvent[] = [];
    for (let i = target - 1; i >= 1 && out.length < limit; i--) out.push(this.events[i]!);
    return out;
  }

  mapAt(x: number): MapModel {
    return mapFromEngine(this.stateAt(x), this.language);
  }
}

/** The map of a folded engine state, names in `language`. */
export function mapFromEngine(state: ExerciseState, language: string): MapModel {
  const source = state.scenario.source;
  const l = (text: Parameters<typeof localise>[0]) => localise(text, language);
  const roleKind = new Map(source.roles.map((r) => [r.id, r.kind]));
  const unitNames = new Map<string, string>();
  for (const role of source.roles) for (const u of role.units) unitNames.set(u.id, u.name ? l(u.name) : u.id);
  const markerLabels = new Map<string, string>();
  for (const inject of source.injects) for (const m of inject.effects?.markers ?? []) if (m.label) markerLabels.set(m.id, l(m.label));

  const zones: MapZone[] = source.site.zones.map((z) => {
    const live = state.zones.get(z.id);
    return {
      id: z.id,
      name: l(z.name),
      kind: z.kind,
      shape: z.shape,
      ...zoneGeometry(z),
      state: live?.state ?? z.state,
      cordon: live?.cordon?.level ?? "",
      crowd: live?.crowd ?? z.crowd,
      evacuationStart: live?.evacuation?.start ?? -1,
      evacuationComplete: live?.evacuation?.complete ?? -1,
      casualties: live ? { ...live.casualties } : { dead: 0, critical: 0, serious: 0, minor: 0, evacuated: 0 }
    };
  });
  const units: MapUnit[] = [...state.units.values()].map((u) => ({
    id: u.id,
    name: unitNames.get(u.id) ?? u.id,
    role: u.role,
    roleKind: roleKind.get(u.role) ?? "other",
    type: u.type,
    status: u.status,
    from: [u.from[0], u.from[1]] as Pt,
    to: [u.to[0], u.to[1]] as Pt,
    departAt: u.departAt,
    arriveAt: u.arriveAt,
    zone: u.zone ?? ""
  }));
  return {
    width: source.site.width,
    height: source.site.height,
    zones,
    routes: source.site.routes.map((r) => ({
      id: r.id,
      name: l(r.name),
      kind: r.kind,
      path: r.path.map(([x, y]) => [x, y] as Pt),
      open: state.roads.get(r.id)?.open ?? r.open
    })),
    pois: source.site.pois.map((p) => ({ id: p.id, name: l(p.name), kind: p.kind, at: [p.at[0], p.at[1]] as Pt })),
    units,
    markers: [...state.markers.values()].map((m) => ({ id: m.id, kind: m.kind, at: [m.at[0], m.at[1]] as Pt, label: markerLabels.get(m.id) ?? "", x: m.x }))
  };
}
