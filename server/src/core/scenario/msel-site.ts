/**
 * The placeholder site of a scenario imported from an MSEL without a base scenario. A spreadsheet says nothing
 * about the map, but a scenario needs one: an incident zone, a staging area with a rendezvous point, and an access
 * road, which the facilitator then redraws. Zones and roads the sheet refers to by id (in its JSON columns) get
 * placeholder shapes too, so every reference resolves.
 */
import type { LocalisedText, Point, Route, Site, Zone } from "./schema.ts";
import { humaniseId } from "./msel-text.ts";

export const INCIDENT_ZONE = "incident-zone";
export const STAGING_AREA = "staging-area";
export const ACCESS_ROAD = "access-road";

const BASE_WIDTH = 1000;
const BASE_HEIGHT = 800;
/** Where units wait before they are deployed: the staging area's centre. */
export const STAGING_POINT: Point = [155, 660];

const NAMES: Record<string, Record<string, string>> = {
  [INCIDENT_ZONE]: { en: "Incident zone", fr: "Zone de l'incident" },
  [STAGING_AREA]: { en: "Staging area", fr: "Zone de regroupement" },
  [ACCESS_ROAD]: { en: "Access road", fr: "Route d'accès" },
  rvp: { en: "Rendezvous point", fr: "Point de rendez-vous" },
  site: { en: "Site to draw (imported from an MSEL)", fr: "Site à dessiner (importé d'un MSEL)" }
};

function named(key: string, languages: readonly string[]): LocalisedText {
  const names = NAMES[key] ?? {};
  return Object.fromEntries(languages.map((l) => [l, names[l] ?? names.en ?? humaniseId(key)]));
}

function placeholderName(id: string, languages: readonly string[]): LocalisedText {
  return Object.fromEntries(languages.map((l) => [l, humaniseId(id)]));
}

/** What the rest of the scenario needs from the site. */
export interface SiteNeeds {
  zones: ReadonlySet<string>;
  roads: ReadonlySet<string>;
  /** Marker positions and the like, which must lie on the map. */
  points: readonly Point[];
}

/** The fixed zones and road of every placeholder site, for reading free text before the site is built. */
export function placeholderPlaces(languages: readonly string[]): {
  zones: { id: string; names: string[] }[];
  roads: { id: string; names: string[] }[];
} {
  const names = (key: string): string[] => Object.values(named(key, languages));
  return {
    zones: [
      { id: INCIDENT_ZONE, names: names(INCIDENT_ZONE) },
      { id: STAGING_AREA, names: names(STAGING_AREA) }
    ],
    roads: [{ id: ACCESS_ROAD, names: names(ACCESS_ROAD) }]
  };
}

const EXTRA_ZONE_SIZE = 110;
const EXTRA_ZONE_STEP = 140;
const EXTRA_ZONES_PER_ROW = 7;
const EXTRA_ROAD_STEP = 30;

export function placeholderSite(title: LocalisedText | undefined, languages: readonly string[], needs: SiteNeeds): Site {
  const extraZones = [...needs.zones].filter((id) => id !== INCIDENT_ZONE && id !== STAGING_AREA);
  const extraRoads = [...needs.roads].filter((id) => id !== ACCESS_ROAD);
  const zoneRows = Math.ceil(extraZones.length / EXTRA_ZONES_PER_ROW);
  // Extra zones go in rows below the base layout, extra roads as east-west lines below those.
  const zonesBottom = BASE_HEIGHT + zoneRows * EXTRA_ZONE_STEP;
  let height = zonesBottom + extraRoads.length * EXTRA_ROAD_STEP + (extraRoads.length > 0 ? EXTRA_ROAD_STEP : 0);
  let width = BASE_WIDTH;
  for (const [x, y] of needs.points) {
    width = Math.max(width, Math.ceil(x / 100) * 100 + 100);
    height = Math.max(height, Math.ceil(y / 100) * 100 + 100);
  }

  const zones: Zone[] = [
    {
      id: INCIDENT_ZONE,
      name: named(INCIDENT_ZONE, languages),
      kind: "square",
      shape: { rect: { x: 400, y: 300, w: 200, h: 150 } },
      crowd: 0,
      state: "normal"
    },
    {
      id: STAGING_AREA,
      name: named(STAGING_AREA, languages),
      kind: "car-park",
      shape: { rect: { x: 80, y: 600, w: 150, h: 120 } },
      crowd: 0,
      state: "normal"
    },
    ...extraZones.map((id, k): Zone => ({
      id,
      name: placeholderName(id, languages),
      kind: "other",
      shape: {
        rect: {
          x: 40 + (k % EXTRA_ZONES_PER_ROW) * EXTRA_ZONE_STEP,
          y: BASE_HEIGHT + Math.floor(k / EXTRA_ZONES_PER_ROW) * EXTRA_ZONE_STEP,
          w: EXTRA_ZONE_SIZE,
          h: EXTRA_ZONE_SIZE
        }
      },
      crowd: 0,
      state: "normal"
    }))
  ];
  const routes: Route[] = [
    {
      id: ACCESS_ROAD,
      name: named(ACCESS_ROAD, languages),
      kind: "road",
      path: [[0, 660], [300, 660], [300, 375], [400, 375]],
      open: true
    },
    ...extraRoads.map((id, k): Route => {
      const y = zonesBottom + (k + 1) * EXTRA_ROAD_STEP;
      return { id, name: placeholderName(id, languages), kind: "road", path: [[0, y], [width, y]], open: true };
    })
  ];
  return {
    name: title ?? named("site", languages),
    width,
    height,
    zones,
    pois: [{ id: "rvp", name: named("rvp", languages), kind: "rendezvous-point", at: STAGING_POINT }],
    routes
  };
}
