/**
 * Random small exercises for property tests: a scenario (4 roles, 1–4 timed injects with expectations, needs and
 * confirmations) and a team's behaviour (acknowledgement and response latencies, who responds, extra actions and
 * messages), turned into an event log the way the engine would write it (expectation-met right after the action
 * that met it, expectation-missed at the deadline, ENDEX at 200 min so every deadline has passed).
 */
import fc from "fast-check";
import type { EventBody, ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import type { Scenario } from "../../../server/src/core/scenario/schema.ts";
import { buildScenario, MIN } from "./builders.ts";

export const ROLES = ["role-a", "role-b", "role-c", "role-d"] as const;
const ZONES = ["zone-1", "zone-2"];
const TOPICS = ["all-clear", "run-hide-tell", "holding-statement"];
const JESIP = ["communicate", "co-ordinate", "shared-situational-awareness"] as const;
export const ENDEX = 200;

export interface ExpectationSpec {
  lead: number;
  support: number[];
  kind: "set-cordon" | "evacuate" | "close-road" | "public-message" | "methane" | "decision";
  arg: number;
  target: number;
  deadlineFactor: number;
  weight: number;
  jesip: (typeof JESIP)[number];
}

export interface InjectSpec {
  at: number;
  to: number[];
  needs: number[];
  confirms: boolean;
  expectations: ExpectationSpec[];
}

export interface ResponseSpec {
  /** Minutes after release, or null for never. */
  latency: number | null;
  /** 0 = the lead; otherwise that many roles further along the list. */
  byOffset: number;
}

export interface ExtraSpec {
  at: number;
  role: number;
  kind: "share" | "methane" | "publish" | "decide" | "cordon" | "evacuate" | "close-road" | "assign";
  arg: number;
}

export interface ExerciseSpec {
  injects: InjectSpec[];
  /** acks[i][k]: latency of the k-th recipient of inject i (minutes), null for never. */
  acks: (number | null)[][];
  /** responses[i][j] for expectation j of inject i. */
  responses: ResponseSpec[][];
  extras: ExtraSpec[];
}

const roleIndex = fc.integer({ min: 0, max: ROLES.length - 1 });
const roleSet = (min: number) => fc.uniqueArray(roleIndex, { minLength: min, maxLength: ROLES.length });

const expectationSpec: fc.Arbitrary<ExpectationSpec> = fc.record({
  lead: roleIndex,
  support: roleSet(0),
  kind: fc.constantFrom("set-cordon", "evacuate", "close-road", "public-message", "methane", "decision"),
  arg: fc.nat(5),
  target: fc.integer({ min: 1, max: 10 }),
  deadlineFactor: fc.constantFrom(1, 1.5, 2, 3),
  weight: fc.integer({ min: 1, max: 3 }),
  jesip: fc.constantFrom(...JESIP)
});

const injectSpec: fc.Arbitrary<InjectSpec> = fc.record({
  at: fc.integer({ min: 0, max: 60 }),
  to: roleSet(1),
  needs: roleSet(0),
  confirms: fc.boolean(),
  expectations: fc.array(expectationSpec, { minLength: 0, maxLength: 3 })
});

const latency = fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 4 });

export const exerciseSpec: fc.Arbitrary<ExerciseSpec> = fc
  .array(injectSpec, { minLength: 1, maxLength: 4 })
  .chain((injects) =>
    fc.record({
      injects: fc.constant(injects),
      acks: fc.tuple(...injects.map((i) => fc.array(latency, { minLength: i.to.length, maxLength: i.to.length }))),
      responses: fc.tuple(
        ...injects.map((i) =>
          fc.array(fc.record({ latency, byOffset: fc.constantFrom(0, 0, 0, 1, 2) }), {
            minLength: i.expectations.length,
            maxLength: i.expectations.length
          })
        )
      ),
      extras: fc.array(
        fc.record({
          at: fc.integer({ min: 0, max: 150 }),
          role: roleIndex,
          kind: fc.constantFrom("share", "methane", "publish", "decide", "cordon", "evacuate", "close-road", "assign"),
          arg: fc.nat(5)
        }),
        { maxLength: 12 }
      )
    })
  )
  .map((r) => ({ injects: r.injects, acks: [...r.acks], responses: [...r.responses], extras: r.extras }));

export function scenarioOf(spec: ExerciseSpec): Scenario {
  return buildScenario({
    roles: ROLES.map((id) => ({ id })),
    zones: ZONES,
    roads: ["road-1"],
    phases: [
      { id: "early", start: 0 },
      { id: "late", start: 30 }
    ],
    injects: spec.injects.map((inject, i) => ({
      id: `inj-${i}`,
      at: inject.at,
      to: inject.to.map((r) => ROLES[r]!),
      needs: inject.needs.filter((r) => !inject.to.includes(r)).map((r) => ROLES[r]!),
      confirms: inject.confirms ? [TOPICS[i % TOPICS.length]!] : [],
      ...(inject.at >= 30 && i % 2 === 0 ? { effects: { phase: "late" } } : {}),
      expectations: inject.expectations.map((e, j) => ({
        id: `exp-${i}-${j}`,
        lead: ROLES[e.lead]!,
        support: e.support.filter((s) => s !== e.lead).map((s) => ROLES[s]!),
        action: matchOf(e),
        target: e.target,
        deadline: e.target * e.deadlineFactor,
        weight: e.weight,
        jesip: e.jesip
      }))
    }))
  });
}

function matchOf(e: ExpectationSpec) {
  switch (e.kind) {
    case "set-cordon":
    case "evacuate":
      return { action: e.kind, zone: ZONES[e.arg % ZONES.length]! };
    case "close-road":
      return { action: e.kind, road: "road-1" };
    case "public-message":
    case "decision":
      return { action: e.kind, topic: TOPICS[e.arg % TOPICS.length]! };
    case "methane":
      return { action: e.kind };
  }
}

const report = {
  majorIncident: true,
  exactLocation: "x",
  typeOfIncident: "x",
  hazards: "x",
  access: "x",
  numberOfCasualties: "x",
  emergencyServices: "x"
};

/** The body of an action of `kind` by `role` (the expectation kinds and the extras). */
function actionBody(kind: ExpectationSpec["kind"] | ExtraSpec["kind"], role: string, arg: number, id: string): EventBody {
  const by = `${role}-player`;
  const zone = ZONES[arg % ZONES.length]!;
  const topic = TOPICS[arg % TOPICS.length]!;
  const other = ROLES[(ROLES.indexOf(role as (typeof ROLES)[number]) + 1 + (arg % 3)) % ROLES.length]!;
  switch (kind) {
    case "set-cordon":
    case "cordon":
      return { type: "cordon-set", zone, level: "outer", role, by };
    case "evacuate":
      return { type: "evacuation-ordered", zone, role, by, complete: 0 };
    case "close-road":
      return { type: "road-closed", road: "road-1", role, by };
    case "public-message":
    case "publish":
      return { type: "public-message", id, role, by, channel: "press", text: "t", topic };
    case "decision":
    case "decide":
      return { type: "decision-logged", id, role, by, text: "t", rationale: "r", topic, with: arg % 2 === 0 ? [] : [other] };
    case "methane":
      return { type: "methane-sent", id, role, by, to: [other], report };
    case "share":
      return { type: "info-shared", id, role, by, to: [other], text: "t" };
    case "assign":
      return { type: "task-assigned", task: "t", role, by, to: other };
  }
}

interface Entry {
  x: number;
  rank: number;
  order: number;
  bodies: (seqOfFirst: number) => EventBody[];
}

/** The event log of an exercise spec. */
export function logOf(scenario: Scenario, spec: ExerciseSpec): ExerciseEvent[] {
  const entries: Entry[] = [];
  const push = (minutes: number, rank: number, bodies: Entry["bodies"]) =>
    entries.push({ x: Math.round(minutes * MIN), rank, order: entries.length, bodies });
  spec.injects.forEach((inject, i) => {
    const injectId = `inj-${i}`;
    const to = inject.to.map((r) => ROLES[r]!);
    push(inject.at, 0, () => [{ type: "inject-released", inject: injectId, to, cause: "time" }]);
    to.forEach((role, k) => {
      const lat = spec.acks[i]?.[k] ?? null;
      if (lat !== null) push(inject.at + lat, 1, () => [{ type: "acknowledged", role, by: `${role}-player`, item: injectId }]);
    });
    inject.expectations.forEach((e, j) => {
      const expectation = `exp-${i}-${j}`;
      const response = spec.responses[i]?.[j] ?? { latency: null, byOffset: 0 };
      const deadline = e.target * e.deadlineFactor;
      if (response.latency !== null && response.latency < deadline) {
        const role = ROLES[(e.lead + response.byOffset) % ROLES.length]!;
        push(inject.at + response.latency, 1, (seq) => [
          actionBody(e.kind, role, e.arg, `act-${i}-${j}`),
          { type: "expectation-met", expectation, inject: injectId, role, action: seq }
        ]);
      } else {
        push(inject.at + deadline, 2, () => [{ type: "expectation-missed", expectation, inject: injectId }]);
      }
    });
  });
  spec.extras.forEach((extra, n) => {
    push(extra.at, 1, () => [actionBody(extra.kind, ROLES[extra.role]!, extra.arg, `extra-${n}`)]);
  });
  push(ENDEX, 3, () => [{ type: "exercise-ended", reason: "duration" }]);
  entries.sort((a, b) => a.x - b.x || a.rank - b.rank || a.order - b.order);

  const events: ExerciseEvent[] = [];
  const add = (x: number, body: EventBody) => events.push({ ...body, seq: events.length + 1, t: x, x } as ExerciseEvent);
  add(0, { type: "exercise-created", exerciseId: "ex", scenarioId: scenario.id, scenario, language: "en", seed: 1 });
  for (const entry of entries) for (const body of entry.bodies(events.length + 1)) add(entry.x, body);
  return events;
}
