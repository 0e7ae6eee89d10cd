/**
 * A scenario indexed for the engine: look-ups by id and the trigger tables the scheduler scans. Built once per
 * scenario object and cached, so folding and deciding never search the raw arrays.
 */
import type {
  Branch,
  Condition,
  Expectation,
  Inject,
  Phase,
  Role,
  Route,
  Scenario,
  Trigger,
  Unit,
  Zone
} from "../scenario/schema.ts";
import type { ActionMatch } from "../scenario/schema.ts";
import { MINUTE } from "./clock.ts";

export interface CompiledExpectation extends Expectation {
  inject: string;
  targetMs: number;
  deadlineMs: number;
}

export interface CompiledUnit extends Unit {
  role: string;
}

export interface ActionTrigger {
  inject: string;
  match: ActionMatch;
  after?: string;
  delayMs: number;
}

export interface ConditionTrigger {
  inject: string;
  condition: Condition;
  after?: string;
  delayMs: number;
}

export interface CompiledScenario {
  source: Scenario;
  durationMs: number;
  roles: Map<string, Role>;
  roleIds: string[];
  units: Map<string, CompiledUnit>;
  zones: Map<string, Zone>;
  routes: Map<string, Route>;
  phases: Phase[];
  phaseIds: Map<string, number>;
  injects: Map<string, Inject>;
  /** Injects with `at`, sorted by time then by their order in the file. */
  timed: { inject: string; atMs: number }[];
  expectations: Map<string, CompiledExpectation>;
  actionTriggers: ActionTrigger[];
  conditionTriggers: ConditionTrigger[];
  /** Escalations: expectation id -> injects released when it is missed. */
  missedTriggers: Map<string, { inject: string; delayMs: number }[]>;
  branches: Map<string, Branch>;
  /** Inject id -> branches that open when it is released. */
  branchesAfter: Map<string, Branch[]>;
  /** Roles whose units treat casualties (fire and ambulance services). */
  medicalRoles: Set<string>;
}

const cache = new WeakMap<Scenario, CompiledScenario>();

export function compileScenario(scenario: Scenario): CompiledScenario {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const compiled = build(scenario);
  cache.set(scenario, compiled);
  return compiled;
}

function build(scenario: Scenario): CompiledScenario {
  const roles = new Map(scenario.roles.map((r) => [r.id, r]));
  const units = new Map<string, CompiledUnit>();
  for (const role of scenario.roles) for (const unit of role.units) units.set(unit.id, { ...unit, role: role.id });
  const injects = new Map(scenario.injects.map((i) => [i.id, i]));
  const expectations = new Map<string, CompiledExpectation>();
  const actionTriggers: ActionTrigger[] = [];
  const conditionTriggers: ConditionTrigger[] = [];
  const missedTriggers = new Map<string, { inject: string; delayMs: number }[]>();
  const timed: { inject: string; atMs: number }[] = [];
  for (const inject of scenario.injects) {
    for (const e of inject.expectations) {
      const deadline = e.deadline ?? e.target * 2;
      expectations.set(e.id, { ...e, inject: inject.id, targetMs: e.target * MINUTE, deadlineMs: deadline * MINUTE });
    }
    if (inject.trigger) addTrigger(inject.id, inject.trigger, actionTriggers, conditionTriggers, missedTriggers);
    else if (inject.at !== undefined) timed.push({ inject: inject.id, atMs: Math.round(inject.at * MINUTE) });
  }
  timed.sort((a, b) => a.atMs - b.atMs);
  const phases = [...scenario.phases].sort((a, b) => a.start - b.start);
  const branchesAfter = new Map<string, Branch[]>();
  for (const branch of scenario.branches) {
    const list = branchesAfter.get(branch.after) ?? [];
    list.push(branch);
    branchesAfter.set(branch.after, list);
  }
  return {
    source: scenario,
    durationMs: scenario.duration * MINUTE,
    roles,
    roleIds: scenario.roles.map((r) => r.id),
    units,
    zones: new Map(scenario.site.zones.map((z) => [z.id, z])),
    routes: new Map(scenario.site.routes.map((r) => [r.id, r])),
    phases,
    phaseIds: new Map(phases.map((p, i) => [p.id, i])),
    injects,
    timed,
    expectations,
    actionTriggers,
    conditionTriggers,
    missedTriggers,
    branches: new Map(scenario.branches.map((b) => [b.id, b])),
    branchesAfter,
    medicalRoles: new Set(scenario.roles.filter((r) => r.kind === "fire-ems").map((r) => r.id))
  };
}

function addTrigger(
  inject: string,
  trigger: Trigger,
  actionTriggers: ActionTrigger[],
  conditionTriggers: ConditionTrigger[],
  missedTriggers: Map<string, { inject: string; delayMs: number }[]>
): void {
  if ("onAction" in trigger) {
    actionTriggers.push({ inject, match: trigger.onAction, after: trigger.after, delayMs: trigger.delay * MINUTE });
  } else if ("onCondition" in trigger) {
    conditionTriggers.push({
      inject,
      condition: trigger.onCondition,
      after: trigger.after,
      delayMs: trigger.delay * MINUTE
    });
  } else if ("onMissed" in trigger) {
    const list = missedTriggers.get(trigger.onMissed) ?? [];
    list.push({ inject, delayMs: trigger.delay * MINUTE });
    missedTriggers.set(trigger.onMissed, list);
  }
  // onBranch and facilitator injects are released by their branch or by hand: nothing to index.
}
