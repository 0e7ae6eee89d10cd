/**
 * The situation map as plain data: what the map scene draws. Built from the live room (see view-model.ts) or from
 * a replayed engine state (see debrief/replay.ts), so the scene never knows where the picture came from.
 *
 * Positions are metres on the site, x east and y south from the top-left corner. Moving units and evacuating
 * zones carry their timing, and the scene places them for the exercise time of each frame.
 */
import type { Shape } from "../../../server/src/core/scenario/schema.ts";
import { containsPoint, interpolate, shapeArea, shapeCentre, shapePolygon } from "../../../server/src/core/engine/geometry.ts";

export type Pt = [number, number];

export interface Casualties {
  dead: number;
  critical: number;
  serious: number;
  minor: number;
  evacuated: number;
}

export interface MapZone {
  id: string;
  name: string;
  kind: string;
  shape: Shape;
  polygon: Pt[];
  centre: Pt;
  area: number;
  state: string;
  /** hot, warm, cold, outer, or "" for none. */
  cordon: string;
  /** People in the zone at `crowdAt`; an evacuation empties it linearly from evacuationStart to evacuationComplete. */
  crowd: number;
  evacuationStart: number;
  evacuationComplete: number;
  casualties: Casualties;
}

export interface MapRoute {
  id: string;
  name: string;
  kind: string;
  path: Pt[];
  open: boolean;
}

export interface MapPoi {
  id: string;
  name: string;
  kind: string;
  at: Pt;
}

export interface MapUnit {
  id: string;
  name: string;
  role: string;
  /** The role's agency kind (police, fire-ems...): the unit's shape and colour. */
  roleKind: string;
  type: string;
  status: string;
  from: Pt;
  to: Pt;
  departAt: number;
  arriveAt: number;
  zone: string;
}

export interface MapMarker {
  id: string;
  kind: string;
  at: Pt;
  label: string;
  /** Exercise ms it was placed. */
  x: number;
}

export interface MapModel {
  width: number;
  height: number;
  zones: MapZone[];
  routes: MapRoute[];
  pois: MapPoi[];
  units: MapUnit[];
  markers: MapMarker[];
}

/** The static site, as every seat knows it from the scenario. */
export interface SiteGeometry {
  width: number;
  height: number;
  zones: { id: string; name: string; kind: string; shape: Shape }[];
  pois: { id: string; name: string; kind: string; at: Pt }[];
  routes: { id: string; name: string; kind: string; path: Pt[]; open?: boolean }[];
}

export const NO_CASUALTIES: Casualties = { dead: 0, critical: 0, serious: 0, minor: 0, evacuated: 0 };

export function zoneGeometry(zone: { shape: Shape }): Pick<MapZone, "polygon" | "centre" | "area"> {
  return {
    polygon: shapePolygon(zone.shape).map(([x, y]) => [x, y] as Pt),
    centre: shapeCentre(zone.shape) as Pt,
    area: shapeArea(zone.shape)
  };
}

/** Where a unit is at exercise time `x`: on the straight line from `from` to `to` while moving. */
export function unitPositionAt(unit: Pick<MapUnit, "status" | "from" | "to" | "departAt" | "arriveAt">, x: number): Pt {
  if (unit.status !== "moving" || x >= unit.arriveAt) return unit.to;
  if (x <= unit.departAt) return unit.from;
  return interpolate(unit.from, unit.to, (x - unit.departAt) / (unit.arriveAt - unit.departAt)) as Pt;
}

/** People in the zone at exercise time `x`, following an evacuation in progress. */
export function crowdAt(zone: Pick<MapZone, "crowd" | "evacuationStart" | "evacuationComplete">, x: number): number {
  if (zone.evacuationStart < 0 || x <= zone.evacuationStart) return zone.crowd;
  if (x >= zone.evacuationComplete) return 0;
  const progress = (x - zone.evacuationStart) / (zone.evacuationComplete - zone.evacuationStart);
  return Math.round(zone.crowd * (1 - progress));
}

/** The most specific (smallest) zone containing the point, as the engine decides a unit's destination zone. */
export function zoneAtPoint(zones: readonly MapZone[], p: Pt): MapZone | undefined {
  let best: MapZone | undefined;
  for (const zone of zones) {
    if (!containsPoint(zone.shape, p)) continue;
    if (!best || zone.area < best.area) best = zone;
  }
  return best;
}

export function livingCasualties(c: Casualties): number {
  return c.critical + c.serious + c.minor;
}

/** Keeps a point on the site (a click on the margin still means the nearest edge). */
export function clampToSite(p: Pt, width: number, height: number): Pt {
  return [Math.min(Math.max(p[0], 0), width), Math.min(Math.max(p[1], 0), height)];
}
