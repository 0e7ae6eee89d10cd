/**
 * Every id a scenario refers to must be defined: roles, zones, roads, injects, expectations, branches, phases and
 * capabilities. A dangling reference would make an inject unreachable or an expectation impossible to meet.
 */
import type { Scenario } from "../schema.ts";
import type { PathProblem, PathSegment } from "../problem.ts";
import { actionMatchesOf, expectationsOf, unitsOf, unknownReference, zoneReferencesOf } from "./visit.ts";

export function checkReferences(s: Scenario): PathProblem[] {
  const problems: PathProblem[] = [];
  const roles = new Set(s.roles.map((r) => r.id));
  const zones = new Set(s.site.zones.map((z) => z.id));
  const routes = new Set(s.site.routes.map((r) => r.id));
  const injects = new Set(s.injects.map((i) => i.id));
  const expectations = new Set(expectationsOf(s).map((e) => e.value.id));
  const branches = new Set(s.branches.map((b) => b.id));
  const phases = new Set(s.phases.map((p) => p.id));
  const capabilities = new Set(s.capabilities);
  const unitTypes = new Set(unitsOf(s).map((u) => u.value.type));

  const expect = (known: Set<string>, kind: string, ref: string | undefined, path: PathSegment[]): void => {
    if (ref !== undefined && !known.has(ref)) problems.push({ path, message: unknownReference(kind, ref, known) });
  };

  s.objectives.forEach((objective, o) => expect(capabilities, "capability", objective.capability, ["objectives", o, "capability"]));

  s.injects.forEach((inject, i) => {
    const base: PathSegment[] = ["injects", i];
    inject.to.forEach((role, k) => expect(roles, "role", role, [...base, "to", k]));
    inject.needs.forEach((role, k) => {
      expect(roles, "role", role, [...base, "needs", k]);
      if (inject.to.includes(role)) {
        problems.push({
          path: [...base, "needs", k],
          message: `role "${role}" already receives this inject (it is in to); needs lists roles that do not`
        });
      }
    });
    expect(phases, "phase", inject.effects?.phase, [...base, "effects", "phase"]);
    const trigger = inject.trigger;
    if (trigger) {
      if ("after" in trigger) expect(injects, "inject", trigger.after, [...base, "trigger", "after"]);
      if ("onMissed" in trigger) expect(expectations, "expectation", trigger.onMissed, [...base, "trigger", "onMissed"]);
      if ("onBranch" in trigger) expect(branches, "branch", trigger.onBranch, [...base, "trigger", "onBranch"]);
    }
  });

  for (const e of expectationsOf(s)) {
    expect(roles, "role", e.value.lead, [...e.path, "lead"]);
    e.value.support.forEach((role, k) => expect(roles, "role", role, [...e.path, "support", k]));
  }

  for (const match of actionMatchesOf(s)) {
    const m = match.value;
    m.to?.forEach((role, k) => expect(roles, "role", role, [...match.path, "to", k]));
    expect(roles, "role", m.role, [...match.path, "role"]);
    expect(zones, "zone", m.zone, [...match.path, "zone"]);
    expect(routes, "road (a site route id)", m.road, [...match.path, "road"]);
    // Requesting resources may ask for any type; a deploy trigger or branch option needs a unit that exists (for
    // an expectation, the stricter check that its lead owns one is in expectations.ts).
    if (m.action === "deploy" && match.use !== "expectation") expect(unitTypes, "unit type", m.unitType, [...match.path, "unitType"]);
  }

  for (const ref of zoneReferencesOf(s)) expect(zones, "zone", ref.value, ref.path);

  s.branches.forEach((branch, b) => {
    expect(injects, "inject", branch.after, ["branches", b, "after"]);
    branch.options.forEach((option, o) => expect(injects, "inject", option.release, ["branches", b, "options", o, "release"]));
    expect(injects, "inject", branch.otherwise, ["branches", b, "otherwise"]);
  });

  return problems;
}
