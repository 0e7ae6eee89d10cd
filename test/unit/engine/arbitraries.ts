/**
 * fast-check arbitraries for engine property tests: plans of commands against a scenario, valid and invalid, from
 * every kind of seat, with wall times that mostly move forward and sometimes go back or are not numbers at all.
 *
 * A plan is plain data so that fast-check can print and shrink a counterexample. Ids that only exist once the
 * exercise runs (inbox items, logged decisions) are written as references (`{ $ref: "inbox", pick: 3 }`) and
 * resolved against the state just before the command is sent; `runPlan` records the resolved commands, so a run
 * can be repeated command for command.
 */
import fc from "fast-check";
import type { Arbitrary } from "fast-check";
import { ExerciseRunner } from "../../../server/src/core/engine/runner.ts";
import type { HandleResult } from "../../../server/src/core/engine/runner.ts";
import type { Command } from "../../../server/src/core/engine/commands.ts";
import { PLAYER_COMMANDS } from "../../../server/src/core/engine/commands.ts";
import type { ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import type { ExerciseState } from "../../../server/src/core/engine/state.ts";
import { CHANNELS, CORDON_LEVELS } from "../../../server/src/core/scenario/schema.ts";
import type { Point, Scenario, Shape } from "../../../server/src/core/scenario/schema.ts";

const MINUTE = 60_000;

/** The ids a scenario offers, so generated commands hit real things most of the time. */
export interface ScenarioIds {
  roles: string[];
  units: { id: string; role: string }[];
  unitTypes: string[];
  zones: string[];
  /** A point inside each zone, so deployments land in zones and meet expectations. */
  zonePoints: Point[];
  roads: string[];
  phases: string[];
  injects: string[];
  expectations: string[];
  topics: string[];
  width: number;
  height: number;
}

export function idsOf(scenario: Scenario): ScenarioIds {
  const topics = new Set(["holding-statement", "run-hide-tell", "rumour-correction", "all-clear"]);
  const unitTypes = new Set<string>();
  for (const role of scenario.roles) for (const unit of role.units) unitTypes.add(unit.type);
  for (const inject of scenario.injects) {
    for (const topic of inject.confirms) topics.add(topic);
    for (const e of inject.expectations) {
      if (e.action.topic) topics.add(e.action.topic);
      if (e.action.unitType) unitTypes.add(e.action.unitType);
    }
  }
  return {
    roles: scenario.roles.map((r) => r.id),
    units: scenario.roles.flatMap((r) => r.units.map((u) => ({ id: u.id, role: r.id }))),
    unitTypes: [...unitTypes],
    zones: scenario.site.zones.map((z) => z.id),
    zonePoints: scenario.site.zones.map((z) => insidePoint(z.shape)),
    roads: scenario.site.routes.map((r) => r.id),
    phases: scenario.phases.map((p) => p.id),
    injects: scenario.injects.map((i) => i.id),
    expectations: scenario.injects.flatMap((i) => i.expectations.map((e) => e.id)),
    topics: [...topics],
    width: scenario.site.width,
    height: scenario.site.height
  };
}

function insidePoint(shape: Shape): Point {
  if ("rect" in shape) return [shape.rect.x + shape.rect.w / 2, shape.rect.y + shape.rect.h / 2];
  const n = shape.polygon.length;
  return [shape.polygon.reduce((s, p) => s + p[0], 0) / n, shape.polygon.reduce((s, p) => s + p[1], 0) / n];
}

// ---- plans ----

/**
 * Resolved just before sending, from the state and the acting role: an item of its inbox (not yet acknowledged if
 * there is one), a decision it was invited to agree to, an open task, one of its own units, or a set of the other
 * roles (`pick` as a bit mask). Without a candidate it resolves to an id that does not exist.
 */
export interface Ref {
  $ref: "inbox" | "decision" | "task" | "own-unit" | "others";
  pick: number;
}

/** How the adapter stamps the command: a step from the previous stamp (negative goes back), or a raw value. */
export type WallStamp = { step: number } | { raw: unknown };

export interface PlannedCommand {
  actor: unknown;
  wall: WallStamp;
  body: Record<string, unknown>;
}

export interface Plan {
  /** Most plans start the exercise first, so that player actions get past "not started". */
  startFirst: boolean;
  steps: PlannedCommand[];
}

// ---- junk ----

const HUGE_TEXT = "x".repeat(4001);
const LONG_ID = "id-".repeat(40);

/** Values that are wrong wherever a field expects something else. */
export const junk: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    1.5,
    1e308,
    true,
    false,
    "",
    "   ",
    HUGE_TEXT,
    LONG_ID,
    "__proto__",
    "constructor",
    [],
    {},
    [[[]]],
    { nested: { deeper: [1, "two", null] } }
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 })
);

/** A valid value most of the time, junk sometimes. */
function mostly<T>(valid: Arbitrary<T>): Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid as Arbitrary<unknown>, weight: 15 }, { arbitrary: junk, weight: 1 });
}

const unknownId = fc.constantFrom("nope", "coastguard", "zone-9", "unit-x", "__proto__", "toString", LONG_ID);

function idFrom(ids: readonly string[]): Arbitrary<unknown> {
  const real = ids.length > 0 ? fc.constantFrom(...ids) : unknownId;
  return fc.oneof({ arbitrary: real, weight: 20 }, { arbitrary: unknownId, weight: 1 }, { arbitrary: junk, weight: 1 });
}

const text: Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom("Van in the square", "RVP north gate", "Avoid the area", "Ça va ? 🚑"), weight: 16 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 40 }), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>("", "   ", HUGE_TEXT, "y".repeat(4000)), weight: 1 },
  { arbitrary: junk, weight: 1 }
);

/** Recipients: other roles than the sender's most of the time, any roles, unknown ones or junk sometimes. */
function roleList(ids: ScenarioIds): Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: ref("others"), weight: 24 },
    { arbitrary: fc.uniqueArray(fc.constantFrom(...ids.roles), { minLength: 1, maxLength: ids.roles.length }), weight: 16 },
    { arbitrary: fc.array(idFrom(ids.roles), { maxLength: 4 }), weight: 2 },
    { arbitrary: fc.constant(Array.from({ length: 51 }, () => ids.roles[0])), weight: 1 },
    { arbitrary: junk, weight: 1 }
  );
}

function point(ids: ScenarioIds): Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ids.zonePoints), weight: 5 },
    {
      arbitrary: fc.tuple(
        fc.double({ min: 0, max: ids.width, noNaN: true }),
        fc.double({ min: 0, max: ids.height, noNaN: true })
      ),
      weight: 3
    },
    {
      arbitrary: fc.constantFrom<unknown>(
        [-1, 0],
        [-0, -0],
        [ids.width + 1, 0],
        [0, ids.height + 0.5],
        [Number.NaN, 1],
        [1, Number.POSITIVE_INFINITY],
        [1],
        [1, 2, 3],
        ["1", "2"],
        { x: 1, y: 2 }
      ),
      weight: 1
    },
    { arbitrary: junk, weight: 1 }
  );
}

const ref = (kind: Ref["$ref"]): Arbitrary<Ref> => fc.record({ $ref: fc.constant(kind), pick: fc.nat(1000) });

/** Optional fields: left out, given, or junk. */
function optional<T>(value: Arbitrary<T>): Arbitrary<unknown> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: mostly(value), weight: 2 });
}

function methane(): Arbitrary<unknown> {
  const field = fc.oneof(
    { arbitrary: fc.constantFrom("Market square", "Vehicle into crowd", "None known", "North gate", "12", "Police, EMS"), weight: 8 },
    { arbitrary: junk, weight: 1 }
  );
  return mostly(
    fc.record(
      {
        majorIncident: mostly(fc.boolean()),
        exactLocation: field,
        typeOfIncident: field,
        hazards: field,
        access: field,
        numberOfCasualties: field,
        emergencyServices: field
      },
      { requiredKeys: ["majorIncident", "exactLocation", "typeOfIncident", "hazards", "access", "numberOfCasualties", "emergencyServices"] }
    )
  );
}

const speed: Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(0.5, 1, 2, 4, 10), weight: 3 },
  { arbitrary: fc.double({ min: 0.5, max: 10, noNaN: true }), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(0, 0.49, 10.01, -1, Number.NaN, Number.POSITIVE_INFINITY, "2", null), weight: 1 }
);

function task(ids: ScenarioIds): Arbitrary<unknown> {
  return fc.oneof({ arbitrary: ref("task"), weight: 3 }, { arbitrary: idFrom(ids.expectations), weight: 1 });
}

/** Every command type with payloads that are valid most of the time. */
function bodies(ids: ScenarioIds): Record<string, Arbitrary<Record<string, unknown>>> {
  const zone = idFrom(ids.zones);
  const role = idFrom(ids.roles);
  const inboxItem = fc.oneof({ arbitrary: ref("inbox"), weight: 6 }, { arbitrary: idFrom(ids.injects), weight: 2 });
  return {
    start: fc.constant({}),
    pause: fc.constant({}),
    resume: fc.constant({}),
    end: fc.constant({}),
    tick: fc.constant({}),
    "set-speed": fc.record({ factor: speed }),
    "jump-to-phase": fc.record({ phase: idFrom(ids.phases) }),
    "live-inject": fc.record({ to: roleList(ids), channel: mostly(fc.constantFrom(...CHANNELS)), text, title: optional(text) }),
    "release-inject": fc.record({ inject: idFrom(ids.injects) }),
    "add-note": fc.record({ text }),
    acknowledge: fc.record({ item: inboxItem }),
    share: fc.record({ to: roleList(ids), text, about: optional(inboxItem) }),
    deploy: fc.record({
      unit: fc.oneof({ arbitrary: ref("own-unit"), weight: 3 }, { arbitrary: idFrom(ids.units.map((u) => u.id)), weight: 1 }),
      to: point(ids)
    }),
    "set-cordon": fc.record({ zone, level: mostly(fc.constantFrom(...CORDON_LEVELS)) }),
    "lift-cordon": fc.record({ zone }),
    evacuate: fc.record({ zone }),
    "close-road": fc.record({ road: idFrom(ids.roads) }),
    "open-road": fc.record({ road: idFrom(ids.roads) }),
    "request-resources": fc.record({
      unitType: idFrom(ids.unitTypes),
      count: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 100 }), weight: 5 }, { arbitrary: fc.constantFrom<unknown>(0, 101, 2.5, -3), weight: 1 }, { arbitrary: junk, weight: 1 }),
      from: optional(fc.constantFrom(...ids.roles)),
      note: optional(text)
    }),
    "claim-task": fc.record({ task: task(ids) }),
    "assign-task": fc.record({ task: task(ids), to: role }),
    "log-decision": fc.record({ text, rationale: text, topic: optional(fc.constantFrom(...ids.topics)), with: optional(roleList(ids)) }),
    "agree-decision": fc.record({ decision: fc.oneof({ arbitrary: ref("decision"), weight: 5 }, { arbitrary: idFrom([]), weight: 1 }) }),
    "send-methane": fc.record({ to: roleList(ids), report: methane() }),
    publish: fc.record({
      channel: fc.oneof({ arbitrary: fc.constantFrom("social-media", "press", "briefing"), weight: 5 }, { arbitrary: mostly(fc.constantFrom(...CHANNELS)), weight: 1 }),
      text,
      topic: optional(fc.constantFrom(...ids.topics))
    })
  };
}

/** Sometimes a body loses a field or gains one it should not have. */
function mangled(body: Arbitrary<Record<string, unknown>>): Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    { arbitrary: body, weight: 30 },
    { arbitrary: fc.tuple(body, fc.nat()).map(([b, n]) => withoutField(b, n)), weight: 1 },
    { arbitrary: fc.tuple(body, fc.constantFrom("extra", "type2", "__proto__"), junk).map(([b, k, v]) => ({ ...b, [k]: v })), weight: 1 }
  );
}

function withoutField(body: Record<string, unknown>, n: number): Record<string, unknown> {
  const keys = Object.keys(body);
  if (keys.length === 0) return body;
  const copy = { ...body };
  delete copy[keys[n % keys.length]!];
  return copy;
}

/** Facilitator commands with their weights: ending is rare, or most runs would be over before they start. */
const FACILITATOR_TYPES: [string, number][] = [
  ["start", 2],
  ["pause", 1],
  ["resume", 3],
  ["set-speed", 3],
  ["jump-to-phase", 1],
  ["live-inject", 2],
  ["release-inject", 2],
  ["end", 0.4]
];
/** Every player command the engine knows: a new one is fuzzed without touching this file. */
const PLAYER_TYPES = [...PLAYER_COMMANDS];

function typed(type: string, body: Arbitrary<Record<string, unknown>>): Arbitrary<Record<string, unknown>> {
  return mangled(body).map((b) => ({ type, ...b }));
}

const name = fc.oneof({ arbitrary: fc.constantFrom("Alex", "Sam", "Kim"), weight: 5 }, { arbitrary: junk, weight: 1 });

export function actors(ids: ScenarioIds): { player: Arbitrary<unknown>; any: Arbitrary<unknown> } {
  const player = fc.record({ kind: fc.constant("player"), role: fc.constantFrom(...ids.roles), name });
  const any = fc.oneof(
    { arbitrary: fc.constant({ kind: "facilitator" }), weight: 3 },
    { arbitrary: player, weight: 8 },
    { arbitrary: fc.record({ kind: fc.constant("player"), role: fc.oneof(unknownId, junk), name }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constantFrom("evaluator", "observer"), name }), weight: 1 },
    { arbitrary: fc.constant({ kind: "system" }), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(null, undefined, 42, "facilitator", {}, { kind: "admin" }, { kind: "player" }, [], { kind: "player", role: {} }), weight: 1 }
  );
  return { player, any };
}

export const wallStamp: Arbitrary<WallStamp> = fc.oneof(
  { arbitrary: fc.constant({ step: 0 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 10_000 }).map((step) => ({ step })), weight: 4 },
  { arbitrary: fc.integer({ min: 10_000, max: 2 * MINUTE }).map((step) => ({ step })), weight: 6 },
  { arbitrary: fc.integer({ min: 2 * MINUTE, max: 15 * MINUTE }).map((step) => ({ step })), weight: 1 },
  { arbitrary: fc.integer({ min: -5 * MINUTE, max: -1 }).map((step) => ({ step })), weight: 1 },
  {
    arbitrary: fc
      .constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, -1e15, -0, 1e308, Number.MAX_SAFE_INTEGER, "1000", null, undefined)
      .map((raw) => ({ raw })),
    weight: 1
  }
);

/** Any command: the right seat and a plausible payload most of the time, anything at all sometimes. */
export function plannedCommand(ids: ScenarioIds): Arbitrary<PlannedCommand> {
  const b = bodies(ids);
  const { player, any } = actors(ids);
  const facilitatorCommand = fc.record({
    actor: fc.oneof({ arbitrary: fc.constant<unknown>({ kind: "facilitator" }), weight: 8 }, { arbitrary: any, weight: 1 }),
    wall: wallStamp,
    body: fc.oneof(...FACILITATOR_TYPES.map(([type, weight]) => ({ arbitrary: typed(type, b[type]!), weight: weight * 10 })))
  });
  const playerCommand = fc.record({
    actor: fc.oneof({ arbitrary: player, weight: 8 }, { arbitrary: any, weight: 1 }),
    wall: wallStamp,
    body: fc.oneof(...PLAYER_TYPES.map((type) => typed(type, b[type]!)))
  });
  const otherCommand = fc.record({
    actor: any,
    wall: wallStamp,
    body: fc.oneof(
      typed("add-note", b["add-note"]!),
      typed("tick", b.tick!),
      fc.record({ type: fc.oneof(fc.constantFrom<unknown>("fly", "", "TICK", "Start"), junk) })
    )
  });
  return fc.oneof(
    { arbitrary: facilitatorCommand, weight: 2 },
    { arbitrary: playerCommand, weight: 8 },
    { arbitrary: otherCommand, weight: 1 }
  );
}

export function plan(ids: ScenarioIds, maxLength = 40): Arbitrary<Plan> {
  return fc.record({
    startFirst: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
    steps: fc.array(plannedCommand(ids), { maxLength, size: "max" })
  });
}

/**
 * Only the clock: start, pause, resume, set-speed and ticks, with numeric wall times that mostly move forward.
 * Now and then a command comes from the wrong seat or is out of turn, so that refusals are part of the schedule.
 */
export function clockPlan(maxLength = 40): Arbitrary<PlannedCommand[]> {
  const facilitator = fc.oneof(
    { arbitrary: fc.constant<unknown>({ kind: "facilitator" }), weight: 12 },
    { arbitrary: fc.constantFrom<unknown>({ kind: "system" }, { kind: "observer", name: "Obi" }), weight: 1 }
  );
  const wall: Arbitrary<WallStamp> = fc.oneof(
    { arbitrary: fc.constant({ step: 0 }), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max: 20_000 }).map((step) => ({ step })), weight: 4 },
    { arbitrary: fc.integer({ min: 20_000, max: 4 * MINUTE }).map((step) => ({ step })), weight: 6 },
    { arbitrary: fc.integer({ min: -2 * MINUTE, max: -1 }).map((step) => ({ step })), weight: 1 }
  );
  const command = fc.oneof(
    { arbitrary: fc.record({ actor: facilitator, wall, body: fc.constantFrom({ type: "pause" }, { type: "resume" }) }), weight: 4 },
    { arbitrary: fc.record({ actor: facilitator, wall, body: fc.record({ type: fc.constant("set-speed"), factor: speed }) }), weight: 3 },
    { arbitrary: fc.record({ actor: fc.constant<unknown>({ kind: "system" }), wall, body: fc.constant({ type: "tick" }) }), weight: 3 },
    { arbitrary: fc.record({ actor: facilitator, wall, body: fc.constant({ type: "start" }) }), weight: 1 }
  );
  return fc
    .tuple(wall, fc.array(command, { maxLength, size: "max" }))
    .map(([first, rest]) => [{ actor: { kind: "facilitator" }, wall: first, body: { type: "start" } }, ...rest]);
}

// ---- running a plan ----

export interface Run {
  runner: ExerciseRunner;
  /** The whole log, `exercise-created` first. */
  log: ExerciseEvent[];
  /** The commands as sent, references resolved. */
  commands: Command[];
  results: HandleResult[];
}

/** A run from a plan, with the stamper that carries on its wall clock for further commands. */
export interface PlanRun extends Run {
  stamper: CommandStamper;
}

export const EXERCISE_ID = "ex-prop";
export const START_WALL = 1_000_000;

export function newRunner(scenario: Scenario): { runner: ExerciseRunner; log: ExerciseEvent[] } {
  const { runner, events } = ExerciseRunner.create({ exerciseId: EXERCISE_ID, scenario, language: "en", seed: 7, wallMs: START_WALL });
  return { runner, log: [...events] };
}

/** Turns planned steps into commands, resolving references against the state each is sent to. */
export class CommandStamper {
  private wall = START_WALL;

  next(step: PlannedCommand, state: ExerciseState): Command {
    let wallMs: unknown;
    if ("step" in step.wall) {
      this.wall += step.wall.step;
      wallMs = this.wall;
    } else {
      wallMs = step.wall.raw;
    }
    const role = roleOf(step.actor);
    // fromEntries defines own properties, so a generated "__proto__" field stays a field and sets no prototype.
    const body = Object.fromEntries(Object.entries(step.body).map(([key, value]) => [key, resolve(value, state, role)]));
    return { ...body, actor: step.actor, wallMs } as unknown as Command;
  }
}

function roleOf(actor: unknown): string | undefined {
  if (typeof actor !== "object" || actor === null) return undefined;
  const role = (actor as { role?: unknown }).role;
  return typeof role === "string" ? role : undefined;
}

function isRef(value: unknown): value is Ref {
  return typeof value === "object" && value !== null && "$ref" in value && "pick" in value;
}

function resolve(value: unknown, state: ExerciseState, role: string | undefined): unknown {
  if (!isRef(value)) return value;
  if (value.$ref === "others") {
    const others = state.scenario.roleIds.filter((r) => r !== role);
    const chosen = others.filter((_, i) => (value.pick >> i) & 1);
    return chosen.length > 0 ? chosen : others.slice(0, 1);
  }
  const ids = candidates(value.$ref, state, role);
  return ids.length === 0 ? `no-${value.$ref}` : ids[value.pick % ids.length];
}

function candidates(kind: Exclude<Ref["$ref"], "others">, state: ExerciseState, role: string | undefined): string[] {
  switch (kind) {
    case "task":
      return [...state.active];
    case "decision": {
      const invited = [...state.decisions.values()].filter((d) => role !== undefined && d.with.includes(role));
      return (invited.length > 0 ? invited : [...state.decisions.values()]).map((d) => d.id);
    }
    case "own-unit":
      return [...state.units.values()].filter((u) => u.role === role).map((u) => u.id);
    case "inbox": {
      const items = [...(state.inbox.get(role ?? "")?.values() ?? [])];
      const open = items.filter((item) => item.acknowledgedAt === undefined);
      return (open.length > 0 ? open : items).map((item) => item.id);
    }
  }
}

/** Runs a plan through a fresh runner, the way an adapter would: every command stamped and handled in turn. */
export function runPlan(scenario: Scenario, steps: readonly PlannedCommand[], startFirst = false): PlanRun {
  const { runner, log } = newRunner(scenario);
  const stamper = new CommandStamper();
  const all: PlannedCommand[] = startFirst ? [{ actor: { kind: "facilitator" }, wall: { step: 0 }, body: { type: "start" } }, ...steps] : [...steps];
  const commands: Command[] = [];
  const results: HandleResult[] = [];
  for (const step of all) {
    const command = stamper.next(step, runner.state);
    commands.push(command);
    const result = runner.handle(command);
    results.push(result);
    log.push(...result.events);
  }
  return { runner, log, commands, results, stamper };
}

/** Replays already-resolved commands through a fresh runner. */
export function runCommands(scenario: Scenario, commands: readonly Command[]): Run {
  const { runner, log } = newRunner(scenario);
  const results: HandleResult[] = [];
  for (const command of commands) {
    const result = runner.handle(command);
    results.push(result);
    log.push(...result.events);
  }
  return { runner, log, commands: [...commands], results };
}
