/**
 * The places in a scenario where the same kind of thing occurs, each with its path, so that the checks do not each
 * repeat the loops (and so that none of them forgets, say, the action matches inside branch options).
 */
import type { ActionMatch, Expectation, Inject, Scenario, Unit } from "../schema.ts";
import type { PathSegment } from "../problem.ts";

export interface Located<T> {
  value: T;
  path: PathSegment[];
}

export function expectationsOf(s: Scenario): (Located<Expectation> & { inject: Inject })[] {
  return s.injects.flatMap((inject, i) =>
    inject.expectations.map((value, j) => ({ value, inject, path: ["injects", i, "expectations", j] }))
  );
}

/** Every action match: in expectations, in onAction triggers and in branch options. */
export function actionMatchesOf(s: Scenario): (Located<ActionMatch> & { use: "expectation" | "trigger" | "branch" })[] {
  const found: (Located<ActionMatch> & { use: "expectation" | "trigger" | "branch" })[] = [];
  for (const e of expectationsOf(s)) found.push({ value: e.value.action, path: [...e.path, "action"], use: "expectation" });
  s.injects.forEach((inject, i) => {
    if (inject.trigger && "onAction" in inject.trigger) {
      found.push({ value: inject.trigger.onAction, path: ["injects", i, "trigger", "onAction"], use: "trigger" });
    }
  });
  s.branches.forEach((branch, b) =>
    branch.options.forEach((option, o) =>
      found.push({ value: option.when, path: ["branches", b, "options", o, "when"], use: "branch" })
    )
  );
  return found;
}

export function unitsOf(s: Scenario): (Located<Unit> & { roleId: string })[] {
  return s.roles.flatMap((role, r) =>
    role.units.map((value, u) => ({ value, roleId: role.id, path: ["roles", r, "units", u] }))
  );
}

/** Zone references inside an inject's effects and condition trigger. */
export function zoneReferencesOf(s: Scenario): Located<string>[] {
  const found: Located<string>[] = [];
  s.injects.forEach((inject, i) => {
    const effects = inject.effects;
    if (effects) {
      for (const kind of ["casualties", "zones", "crowd"] as const) {
        effects[kind].forEach((entry, k) => found.push({ value: entry.zone, path: ["injects", i, "effects", kind, k, "zone"] }));
      }
    }
    const trigger = inject.trigger;
    if (trigger && "onCondition" in trigger) {
      const c = trigger.onCondition;
      const base = ["injects", i, "trigger", "onCondition"];
      if ("casualtiesAtLeast" in c && c.casualtiesAtLeast.zone !== undefined) {
        found.push({ value: c.casualtiesAtLeast.zone, path: [...base, "casualtiesAtLeast", "zone"] });
      }
      if ("zoneState" in c) found.push({ value: c.zoneState.zone, path: [...base, "zoneState", "zone"] });
      if ("crowdAtLeast" in c) found.push({ value: c.crowdAtLeast.zone, path: [...base, "crowdAtLeast", "zone"] });
    }
  });
  return found;
}

/** `unknown role "x" (known: a, b, c)`: the message for a reference to something the scenario does not define. */
export function unknownReference(kind: string, ref: string, known: Iterable<string>): string {
  const list = [...known];
  const shown =
    list.length === 0
      ? "none are defined"
      : `known: ${list.slice(0, 12).join(", ")}${list.length > 12 ? `, … ${list.length} in all` : ""}`;
  return `unknown ${kind} "${ref}" (${shown})`;
}
