/**
 * The roles of a scenario imported from an MSEL without a base scenario: every role the sheet addresses, plus one
 * per missing core kind, each with a starting set of units typical of its service (placed at the staging area),
 * and any unit an expectation needs its lead to own. The facilitator refines names, units and positions later.
 */
import type { Role, RoleKind, Unit } from "./schema.ts";
import type { RoleMapping } from "./msel-roles.ts";
import { roleName } from "./msel-roles.ts";
import { STAGING_POINT } from "./msel-site.ts";

/** Unit types per service, and how fast they move (metres per second). */
const DEFAULT_UNITS: Record<RoleKind, readonly (readonly [string, number])[]> = {
  police: [["patrol", 12], ["patrol", 12], ["armed-response", 14]],
  "fire-ems": [["fire-engine", 11], ["ambulance", 12], ["ambulance", 12], ["hart", 11]],
  municipality: [["stewards", 1.4]],
  communication: [],
  other: []
};

/** Every unit type the placeholder roles may own. */
export const DEFAULT_UNIT_TYPES: readonly string[] = ["patrol", "armed-response", "fire-engine", "ambulance", "hart", "stewards"];

const SPEEDS: Record<string, number> = {
  patrol: 12,
  "armed-response": 14,
  "fire-engine": 11,
  ambulance: 12,
  hart: 11,
  stewards: 1.4
};

/** The unit a role gets when an expectation asks it to deploy "a unit" and it has none. */
const ANY_UNIT: Record<RoleKind, string> = {
  police: "patrol",
  "fire-ems": "ambulance",
  municipality: "stewards",
  communication: "press-officer",
  other: "team"
};

export interface CastNeeds {
  /** Per role id: unit types its deploy expectations need, "" for "any unit". */
  unitTypes: ReadonlyMap<string, ReadonlySet<string>>;
}

export function buildCast(
  roles: readonly { id: string; kind: RoleKind }[],
  languages: readonly string[],
  mapping: RoleMapping,
  needs: CastNeeds
): Role[] {
  return roles.map(({ id, kind }) => {
    const units: Unit[] = [];
    const add = (type: string): void => {
      const n = units.filter((u) => u.type === type).length + 1;
      units.push({ id: `${id}-${type}-${n}`, type, home: [...STAGING_POINT], speed: SPEEDS[type] ?? 5 });
    };
    DEFAULT_UNITS[kind].forEach(([type]) => add(type));
    for (const type of needs.unitTypes.get(id) ?? []) {
      if (type === "" ? units.length === 0 : !units.some((u) => u.type === type)) add(type === "" ? ANY_UNIT[kind] : type);
    }
    return { id, kind, name: roleName(id, kind, languages, mapping), units };
  });
}
