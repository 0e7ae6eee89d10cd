/**
 * Stretches a scenario into a long, busy one for benchmarks: the same site, roles and phases, with `copies` copies
 * of every inject and branch spread evenly over the new duration. Each copy gets its own ids (`-c<k>` suffix) and
 * every reference inside a copy (trigger `after`, escalations, branch injects, expectations, markers) points to
 * the same copy, so each copy plays out like the original, overlapping the others.
 */
import type { Branch, Effects, Inject, Scenario, Trigger } from "../server/src/core/scenario/schema.ts";
import { Scenario as ScenarioSchema } from "../server/src/core/scenario/schema.ts";

export interface StretchOptions {
  /** New duration in minutes. */
  duration: number;
  /** How many copies of the scenario's injects to play; capped so the scenario stays within the schema's limits. */
  copies: number;
}

const MAX_INJECTS = 2000;
const MAX_BRANCHES = 200;

export function stretchScenario(scenario: Scenario, options: StretchOptions): Scenario {
  const copies = Math.max(
    1,
    Math.min(
      options.copies,
      Math.floor(MAX_INJECTS / scenario.injects.length),
      scenario.branches.length > 0 ? Math.floor(MAX_BRANCHES / scenario.branches.length) : Number.POSITIVE_INFINITY
    )
  );
  const lastAt = Math.max(0, ...scenario.injects.map((i) => i.at ?? 0));
  // The last copy's last timed inject comes well before the end, so its expectations and triggers can play out.
  const span = Math.max(0, options.duration - Math.max(scenario.duration, lastAt + 30));
  const step = copies > 1 ? span / (copies - 1) : 0;
  const injects: Inject[] = [];
  const branches: Branch[] = [];
  for (let k = 0; k < copies; k++) {
    const offset = Math.round(k * step * 100) / 100;
    const rename = (id: string): string => `${id}-c${k}`;
    for (const inject of scenario.injects) injects.push(copyInject(inject, k, offset, rename));
    for (const branch of scenario.branches) {
      branches.push({
        ...branch,
        id: rename(branch.id),
        after: rename(branch.after),
        options: branch.options.map((o) => ({ ...o, release: rename(o.release) })),
        ...(branch.otherwise ? { otherwise: rename(branch.otherwise) } : {})
      });
    }
  }
  return ScenarioSchema.parse({
    ...scenario,
    id: `${scenario.id}-stretched`,
    duration: options.duration,
    injects,
    branches
  });
}

function copyInject(inject: Inject, k: number, offset: number, rename: (id: string) => string): Inject {
  const copy: Inject = {
    ...inject,
    id: rename(inject.id),
    expectations: inject.expectations.map((e) => ({ ...e, id: rename(e.id) }))
  };
  if (inject.at !== undefined) copy.at = inject.at + offset;
  if (inject.trigger) copy.trigger = copyTrigger(inject.trigger, rename);
  if (inject.effects) copy.effects = copyEffects(inject.effects, k, rename);
  return copy;
}

function copyTrigger(trigger: Trigger, rename: (id: string) => string): Trigger {
  if ("onMissed" in trigger) return { ...trigger, onMissed: rename(trigger.onMissed) };
  if ("onBranch" in trigger) return { ...trigger, onBranch: rename(trigger.onBranch) };
  if ("onAction" in trigger || "onCondition" in trigger) {
    return trigger.after === undefined ? { ...trigger } : { ...trigger, after: rename(trigger.after) };
  }
  return { ...trigger };
}

function copyEffects(effects: Effects, k: number, rename: (id: string) => string): Effects {
  const copy: Effects = { ...effects, markers: effects.markers.map((m) => ({ ...m, id: rename(m.id) })) };
  // Only the first copy moves the exercise through its phases; later copies would drag it back.
  if (k > 0) delete copy.phase;
  return copy;
}
