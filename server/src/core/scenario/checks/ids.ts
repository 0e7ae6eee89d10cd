/**
 * Ids must be unique within their kind, units and expectations across the whole scenario (a command names a unit,
 * an event names an expectation, without saying where it was defined). Markers are the exception: placing a marker
 * id again from a later inject moves or relabels that marker (the engine keeps markers by id), so a marker id need
 * only be unique within one inject's effects.
 */
import type { Scenario } from "../schema.ts";
import type { PathProblem, PathSegment } from "../problem.ts";
import { formatPath } from "../problem.ts";
import { expectationsOf, unitsOf } from "./visit.ts";

interface IdAt {
  id: string;
  /** Path of the id itself. */
  path: PathSegment[];
}

function duplicates(kind: string, ids: readonly IdAt[]): PathProblem[] {
  const first = new Map<string, IdAt>();
  const problems: PathProblem[] = [];
  for (const entry of ids) {
    const earlier = first.get(entry.id);
    if (earlier) {
      problems.push({ path: entry.path, message: `duplicate ${kind} "${entry.id}" (already used at ${formatPath(earlier.path)})` });
    } else {
      first.set(entry.id, entry);
    }
  }
  return problems;
}

function idsAt<T extends { id: string }>(items: readonly T[], base: PathSegment[]): IdAt[] {
  return items.map((item, index) => ({ id: item.id, path: [...base, index, "id"] }));
}

function valuesAt(values: readonly string[], base: PathSegment[]): IdAt[] {
  return values.map((id, index) => ({ id, path: [...base, index] }));
}

export function checkDuplicateIds(s: Scenario): PathProblem[] {
  const markers = s.injects.flatMap((inject, i) =>
    duplicates("marker id in one inject", idsAt(inject.effects?.markers ?? [], ["injects", i, "effects", "markers"]))
  );
  return [
    ...duplicates("language", valuesAt(s.languages, ["languages"])),
    ...duplicates("capability", valuesAt(s.capabilities, ["capabilities"])),
    ...duplicates("objective id", idsAt(s.objectives, ["objectives"])),
    ...duplicates("zone id", idsAt(s.site.zones, ["site", "zones"])),
    ...duplicates("point of interest id", idsAt(s.site.pois, ["site", "pois"])),
    ...duplicates("route id", idsAt(s.site.routes, ["site", "routes"])),
    ...duplicates("role id", idsAt(s.roles, ["roles"])),
    ...duplicates("unit id", unitsOf(s).map((u) => ({ id: u.value.id, path: [...u.path, "id"] }))),
    ...duplicates("phase id", idsAt(s.phases, ["phases"])),
    ...duplicates("inject id", idsAt(s.injects, ["injects"])),
    ...duplicates("expectation id", expectationsOf(s).map((e) => ({ id: e.value.id, path: [...e.path, "id"] }))),
    ...duplicates("branch id", idsAt(s.branches, ["branches"])),
    ...markers
  ];
}
