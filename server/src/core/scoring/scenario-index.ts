/**
 * Lookups scoring needs from a scenario, built once per scenario object and cached (live scoring rescoring the
 * same exercise every few seconds should not rebuild them).
 */
import type { Expectation, Inject, JesipPrinciple, Scenario } from "../scenario/schema.ts";

export interface IndexedExpectation {
  expectation: Expectation;
  inject: Inject;
  /** Position in scenario order (injects, then their expectations). */
  order: number;
}

export interface ScenarioIndex {
  scenario: Scenario;
  /** Role ids sorted: the order of every per-role list and matrix. */
  roles: string[];
  roleIndex: Map<string, number>;
  injects: Map<string, Inject>;
  expectations: Map<string, IndexedExpectation>;
  expectationList: IndexedExpectation[];
  /** unit id → unit type, over every role's units. */
  unitTypes: Map<string, string>;
  /** Topics some inject confirms: only these can be premature. */
  confirmableTopics: Set<string>;
  phaseIds: string[];
  jesipUsed: JesipPrinciple[];
}

const JESIP_ORDER: JesipPrinciple[] = [
  "co-locate",
  "communicate",
  "co-ordinate",
  "jointly-understand-risk",
  "shared-situational-awareness"
];

const cache = new WeakMap<Scenario, ScenarioIndex>();

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const roles = scenario.roles.map((r) => r.id).sort();
  const roleIndex = new Map(roles.map((id, i) => [id, i]));
  const injects = new Map<string, Inject>();
  const expectations = new Map<string, IndexedExpectation>();
  const expectationList: IndexedExpectation[] = [];
  const confirmableTopics = new Set<string>();
  const jesip = new Set<JesipPrinciple>();
  for (const inject of scenario.injects) {
    injects.set(inject.id, inject);
    for (const topic of inject.confirms ?? []) confirmableTopics.add(topic);
    for (const expectation of inject.expectations ?? []) {
      const indexed = { expectation, inject, order: expectationList.length };
      expectations.set(expectation.id, indexed);
      expectationList.push(indexed);
      jesip.add(expectation.jesip);
    }
  }
  const unitTypes = new Map<string, string>();
  for (const role of scenario.roles) for (const unit of role.units ?? []) unitTypes.set(unit.id, unit.type);
  const index: ScenarioIndex = {
    scenario,
    roles,
    roleIndex,
    injects,
    expectations,
    expectationList,
    unitTypes,
    confirmableTopics,
    // In order of start: the first is the phase in force at STARTEX, before any phase-changed event.
    phaseIds: [...scenario.phases].sort((a, b) => a.start - b.start).map((p) => p.id),
    jesipUsed: JESIP_ORDER.filter((p) => jesip.has(p))
  };
  cache.set(scenario, index);
  return index;
}

/** Deadline of an expectation in ms after its inject's release: `deadline`, default twice the target. */
export function deadlineMs(expectation: Expectation): number {
  return (expectation.deadline ?? 2 * expectation.target) * 60_000;
}

export function targetMs(expectation: Expectation): number {
  return expectation.target * 60_000;
}
