/**
 * The map in words: what differs from a quiet site (zones not normal, cordons, casualties, units out of base,
 * markers, closed roads). The text alternative of the canvas for screen readers, and what tests read.
 */
import { formatClock, label, t } from "../i18n/i18n.ts";
import type { MapModel } from "./map-model.ts";
import { livingCasualties, zoneAtPoint } from "./map-model.ts";

export interface MapTextLine {
  key: string;
  text: string;
}

export function mapText(model: MapModel, x: number): MapTextLine[] {
  const lines: MapTextLine[] = [];
  const zoneName = new Map(model.zones.map((z) => [z.id, z.name]));
  for (const zone of model.zones) {
    const parts: string[] = [];
    if (zone.state !== "normal") parts.push(label("zoneState", zone.state));
    if (zone.cordon) parts.push(t("map.textCordon", { level: label("cordon", zone.cordon) }));
    const living = livingCasualties(zone.casualties);
    if (living + zone.casualties.dead > 0) parts.push(t("map.textCasualties", { living, dead: zone.casualties.dead }));
    if (parts.length > 0) lines.push({ key: `zone:${zone.id}`, text: t("map.textZone", { zone: zone.name, state: parts.join(", ") }) });
  }
  for (const unit of model.units) {
    if (unit.status === "home") continue;
    const place = (unit.zone && zoneName.get(unit.zone)) || zoneAtPoint(model.zones, unit.to)?.name || `${Math.round(unit.to[0])}, ${Math.round(unit.to[1])} m`;
    const agency = label("roleKind", unit.roleKind);
    const moving = unit.status === "moving" && x < unit.arriveAt;
    lines.push({
      key: `unit:${unit.id}`,
      text: moving
        ? t("map.textUnitMoving", { unit: unit.name, agency, place, time: formatClock(unit.arriveAt) })
        : t("map.textUnitOnScene", { unit: unit.name, agency, place })
    });
  }
  for (const marker of model.markers) {
    lines.push({ key: `marker:${marker.id}`, text: t("map.textMarker", { kind: label("marker", marker.kind), label: marker.label || "" }).replace(/:\s*$/, "") });
  }
  for (const road of model.routes) {
    if (!road.open) lines.push({ key: `road:${road.id}`, text: t("map.textRoadClosed", { road: road.name }) });
  }
  return lines;
}
