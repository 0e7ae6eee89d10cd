/**
 * How the situation moves on between events: units travelling, zones emptying, casualties deteriorating or being
 * treated. All functions of state and exercise time, so nothing here needs an event per frame.
 */
import type { Point } from "../scenario/schema.ts";
import type { CasualtyCount } from "./events.ts";
import type { CompiledScenario } from "./compiled-scenario.ts";
import type { ExerciseState, UnitState, ZoneRecord } from "./state.ts";
import { MINUTE } from "./clock.ts";
import { containsPoint, distance, interpolate, shapeArea } from "./geometry.ts";

/** Casualties are re-assessed on this grid of exercise time. */
export const CASUALTY_STEP_MS = 5 * MINUTE;
/** Patients one medical unit on scene treats and moves out per step (triage, packaging, loading). */
export const PATIENTS_PER_UNIT_PER_STEP = 2;
/** People leaving a zone per minute under an evacuation order; smaller crowds still take this minimum. */
export const EVACUATION_FLOW_PER_MINUTE = 400;
export const EVACUATION_MIN_MS = 3 * MINUTE;

export function unitPosition(unit: UnitState, x: number): Point {
  if (unit.status !== "moving" || x >= unit.arriveAt) return unit.to;
  if (x <= unit.departAt) return unit.from;
  return interpolate(unit.from, unit.to, (x - unit.departAt) / (unit.arriveAt - unit.departAt));
}

export function travelTimeMs(from: Point, to: Point, speed: number): number {
  return Math.ceil((distance(from, to) / speed) * 1000);
}

/** The most specific (smallest) zone containing the point, if any. */
export function zoneAt(scenario: CompiledScenario, p: Point): string | undefined {
  let best: string | undefined;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const zone of scenario.zones.values()) {
    if (!containsPoint(zone.shape, p)) continue;
    const area = shapeArea(zone.shape);
    if (area < bestArea) {
      best = zone.id;
      bestArea = area;
    }
  }
  return best;
}

export function crowdAt(zone: ZoneRecord, x: number): number {
  const evac = zone.evacuation;
  if (!evac || x <= evac.start) return zone.crowd;
  if (x >= evac.complete) return 0;
  return Math.round(zone.crowd * (1 - (x - evac.start) / (evac.complete - evac.start)));
}

export function evacuationDurationMs(crowd: number): number {
  return Math.max(EVACUATION_MIN_MS, Math.ceil((crowd / EVACUATION_FLOW_PER_MINUTE) * MINUTE));
}

/** Medical units that have arrived in the zone. */
export function medicalUnitsOnScene(state: ExerciseState, zone: string): number {
  let count = 0;
  for (const unit of state.units.values()) {
    if (unit.status === "on-scene" && unit.zone === zone && state.scenario.medicalRoles.has(unit.role)) count++;
  }
  return count;
}

/**
 * One casualty step for a zone. With medical units on scene outside the hot zone, patients are treated and moved
 * out, most urgent first. Without them, a sixth of the critical (at least one) die and a tenth of the serious (at
 * least one) become critical: untreated critical patients rarely survive the first hour.
 */
export function casualtyStep(state: ExerciseState, zone: ZoneRecord): CasualtyCount | undefined {
  const c = zone.casualties;
  if (c.critical === 0 && c.serious === 0) return undefined;
  const medics = zone.state === "hot" ? 0 : medicalUnitsOnScene(state, zone.id);
  const next = { ...c };
  if (medics > 0) {
    let capacity = medics * PATIENTS_PER_UNIT_PER_STEP;
    const critical = Math.min(capacity, next.critical);
    next.critical -= critical;
    capacity -= critical;
    const serious = Math.min(capacity, next.serious);
    next.serious -= serious;
    next.evacuated += critical + serious;
    return next;
  }
  const deaths = c.critical > 0 ? Math.ceil(c.critical / 6) : 0;
  const worsening = c.serious > 0 ? Math.ceil(c.serious / 10) : 0;
  next.critical = c.critical - deaths + worsening;
  next.dead = c.dead + deaths;
  next.serious = c.serious - worsening;
  return next;
}

export function totalCasualties(c: CasualtyCount, severity?: keyof CasualtyCount): number {
  if (severity) return c[severity];
  return c.dead + c.critical + c.serious + c.minor;
}
