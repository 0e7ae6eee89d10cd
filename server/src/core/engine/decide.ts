/**
 * decide(state, command): the referee. Returns the events a command produces, or a rejection with a reason and
 * nothing else. It never changes the state it reads, and never throws on a malformed command: commands arrive from
 * the network, so every field is checked here too.
 */
import type { Command } from "./commands.ts";
import { FACILITATOR_COMMANDS, PLAYER_COMMANDS, SHORT_TEXT_MAX, SPEED_MAX, SPEED_MIN, TEXT_MAX } from "./commands.ts";
import type { ExerciseEvent } from "./events.ts";
import type { ExerciseState } from "./state.ts";
import type { ActionFacts } from "./matching.ts";
import { CHANNELS, CORDON_LEVELS } from "../scenario/schema.ts";
import type { ChannelId, CordonLevel, Point } from "../scenario/schema.ts";
import { exerciseTimeAt, MINUTE } from "./clock.ts";
import { Emitter } from "./emitter.ts";
import { emitConsequences } from "./consequences.ts";
import { decideTick, emitEnd } from "./schedule.ts";
import { emitRelease } from "./release.ts";
import { evacuationDurationMs, crowdAt, travelTimeMs, unitPosition, zoneAt } from "./situation.ts";

export type RejectionCode =
  | "malformed"
  | "forbidden"
  | "not-started"
  | "paused"
  | "ended"
  | "unknown"
  | "conflict";

export type DecideResult =
  | { ok: true; events: ExerciseEvent[] }
  | { ok: false; code: RejectionCode; reason: string };

class Rejection {
  readonly code: RejectionCode;
  readonly reason: string;
  constructor(code: RejectionCode, reason: string) {
    this.code = code;
    this.reason = reason;
  }
}

function reject(code: RejectionCode, reason: string): never {
  throw new Rejection(code, reason);
}

/** Channels on which a public statement can go out. */
export const PUBLIC_CHANNELS: readonly ChannelId[] = ["social-media", "press", "briefing"];

export function decide(state: ExerciseState, command: Command): DecideResult {
  try {
    return { ok: true, events: decideOrThrow(state, command) };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, code: error.code, reason: error.reason };
    throw error;
  }
}

function decideOrThrow(state: ExerciseState, command: Command): ExerciseEvent[] {
  if (typeof command !== "object" || command === null) reject("malformed", "a command must be an object");
  const type: unknown = command.type;
  if (typeof type !== "string") reject("malformed", 'a command needs a "type"');
  const t = Number.isFinite(command.wallMs) ? Math.max(command.wallMs, state.t) : state.t;
  const now = exerciseTimeAt(state.clock, t);
  const em = new Emitter(state, t);
  const actor = command.actor;
  if (typeof actor !== "object" || actor === null) reject("malformed", "a command needs an actor");

  if ((actor.kind === "player" || actor.kind === "evaluator" || actor.kind === "observer") && !validName(actor.name)) {
    reject("malformed", "the seat needs a name of 1 to 100 characters");
  }
  if (type === "tick") {
    if (actor.kind !== "system") reject("forbidden", "only the server's clock ticks the exercise");
    decideTick(state, now, em);
    return em.events;
  }
  if (type === "add-note") {
    if (actor.kind !== "facilitator" && actor.kind !== "evaluator") {
      reject("forbidden", "only the facilitator and evaluators write notes");
    }
    const text = text$(command, "text", TEXT_MAX);
    em.emit(now, {
      type: "note-added",
      author: actor.kind === "evaluator" ? actor.name : "facilitator",
      authorKind: actor.kind === "evaluator" ? "evaluator" : "facilitator",
      text
    });
    return em.events;
  }
  if (FACILITATOR_COMMANDS.has(type)) {
    if (actor.kind !== "facilitator") reject("forbidden", `"${type}" is a facilitator command`);
    decideFacilitator(state, command, now, em);
    return em.events;
  }
  if (PLAYER_COMMANDS.has(type)) {
    if (actor.kind !== "player") reject("forbidden", `"${type}" is a player action; this seat is ${actor.kind}`);
    if (typeof actor.role !== "string" || !state.scenario.roles.has(actor.role)) {
      reject("forbidden", `"${String(actor.role)}" is not a role of this scenario`);
    }
    const status = state.clock.status;
    if (status === "ready") reject("not-started", "the exercise has not started yet");
    if (status === "paused") reject("paused", "the exercise is paused");
    if (status === "ended") reject("ended", "the exercise has ended");
    decidePlayer(state, command, actor.role, actor.name, now, em);
    return em.events;
  }
  return reject("malformed", `unknown command "${type}"`);
}

function decideFacilitator(state: ExerciseState, command: Command, now: number, em: Emitter): void {
  const status = state.clock.status;
  if (status === "ended") reject("ended", "the exercise has ended");
  switch (command.type) {
    case "start":
      if (status !== "ready") reject("conflict", "the exercise has already started");
      em.emit(now, { type: "exercise-started" });
      return;
    case "pause":
      if (status === "ready") reject("not-started", "the exercise has not started yet");
      if (status === "paused") reject("conflict", "the exercise is already paused");
      em.emit(now, { type: "exercise-paused" });
      return;
    case "resume":
      if (status !== "paused") reject("conflict", "the exercise is not paused");
      em.emit(now, { type: "exercise-resumed" });
      return;
    case "set-speed": {
      const factor = command.factor;
      if (typeof factor !== "number" || !Number.isFinite(factor) || factor < SPEED_MIN || factor > SPEED_MAX) {
        reject("malformed", `speed must be a number from ${SPEED_MIN} to ${SPEED_MAX}`);
      }
      em.emit(now, { type: "speed-changed", factor });
      return;
    }
    case "jump-to-phase": {
      const phaseId = id$(command, "phase");
      const index = state.scenario.phaseIds.get(phaseId);
      if (index === undefined) reject("unknown", `unknown phase "${phaseId}"`);
      const phase = state.scenario.phases[index!]!;
      const start = Math.round(phase.start * MINUTE);
      const current = state.scenario.phaseIds.get(state.phase) ?? 0;
      // The schedule only moves forward; going back would be undone by the next phase's start time at once.
      if (index! < current) reject("conflict", `phase "${phaseId}" is behind the current phase "${state.phase}"`);
      if (start > now) {
        for (const timed of state.scenario.timed) {
          if (timed.atMs < start && !state.released.has(timed.inject) && !state.skipped.has(timed.inject)) {
            em.emit(now, { type: "inject-skipped", inject: timed.inject });
          }
        }
        em.emit(start, { type: "clock-jumped", from: now });
      } else if (phaseId === state.phase) {
        reject("conflict", `the exercise is already in phase "${phaseId}"`);
      }
      em.emit(Math.max(start, now), { type: "phase-changed", phase: phaseId, cause: "facilitator" });
      return;
    }
    case "live-inject": {
      const to = roles$(state, command, "to");
      const channel = channel$(command, "channel");
      const text = text$(command, "text", TEXT_MAX);
      const title = command.title === undefined ? text.slice(0, 80) : text$(command, "title", SHORT_TEXT_MAX);
      if (status === "ready") reject("not-started", "the exercise has not started yet");
      em.emit(now, { type: "live-inject", id: `live:${em.nextSeq()}`, to, channel, title, text });
      return;
    }
    case "release-inject": {
      const injectId = id$(command, "inject");
      if (!state.scenario.injects.has(injectId)) reject("unknown", `unknown inject "${injectId}"`);
      if (state.released.has(injectId)) reject("conflict", `inject "${injectId}" has already been released`);
      if (status === "ready") reject("not-started", "the exercise has not started yet");
      emitRelease(state, em, injectId, now, "facilitator");
      return;
    }
    case "end":
      emitEnd(state, em, now, "facilitator");
      return;
  }
}

function decidePlayer(state: ExerciseState, command: Command, role: string, by: string, now: number, em: Emitter): void {
  const s = state.scenario;
  let facts: ActionFacts;
  let seq: number;
  switch (command.type) {
    case "acknowledge": {
      const item = id$(command, "item");
      const entry = state.inbox.get(role)?.get(item);
      if (!entry) reject("unknown", `"${item}" is not in the ${role} inbox`);
      if (entry!.acknowledgedAt !== undefined) reject("conflict", `"${item}" has already been acknowledged`);
      seq = em.emit(now, { type: "acknowledged", role, by, item });
      facts = { action: "acknowledge", role, item };
      break;
    }
    case "share": {
      const to = roles$(state, command, "to", role);
      const text = text$(command, "text", TEXT_MAX);
      let about: string | undefined;
      if (command.about !== undefined) {
        about = id$(command, "about");
        if (!state.inbox.get(role)?.has(about)) reject("unknown", `"${about}" is not in the ${role} inbox`);
      }
      seq = em.emit(now, { type: "info-shared", id: `msg:${em.nextSeq()}`, role, by, to, text, ...(about ? { about } : {}) });
      facts = { action: "share", role, to };
      break;
    }
    case "deploy": {
      const unitId = id$(command, "unit");
      const unit = state.units.get(unitId);
      if (!unit) reject("unknown", `unknown unit "${unitId}"`);
      if (unit!.role !== role) reject("forbidden", `unit "${unitId}" belongs to ${unit!.role}`);
      const to = point$(state, command, "to");
      const from = unitPosition(unit!, now);
      const zone = zoneAt(s, to);
      const arrive = now + travelTimeMs(from, to, unit!.speed);
      seq = em.emit(now, {
        type: "unit-dispatched",
        unit: unitId,
        role,
        by,
        from,
        to,
        ...(zone ? { zone } : {}),
        arrive
      });
      facts = { action: "deploy", role, zone, unitType: unit!.type };
      break;
    }
    case "set-cordon": {
      const zone = zone$(state, command);
      const level = command.level as CordonLevel;
      if (!CORDON_LEVELS.includes(level)) reject("malformed", `cordon level must be one of ${CORDON_LEVELS.join(", ")}`);
      const current = state.zones.get(zone)!.cordon;
      if (current?.level === level) reject("conflict", `zone "${zone}" already has a ${level} cordon`);
      seq = em.emit(now, { type: "cordon-set", zone, level, role, by });
      facts = { action: "set-cordon", role, zone, level };
      break;
    }
    case "lift-cordon": {
      const zone = zone$(state, command);
      if (!state.zones.get(zone)!.cordon) reject("conflict", `zone "${zone}" has no cordon`);
      seq = em.emit(now, { type: "cordon-lifted", zone, role, by });
      facts = { action: "lift-cordon", role, zone };
      break;
    }
    case "evacuate": {
      const zone = zone$(state, command);
      const record = state.zones.get(zone)!;
      if (record.evacuation || record.state === "evacuated") reject("conflict", `zone "${zone}" is already evacuated or evacuating`);
      const complete = now + evacuationDurationMs(crowdAt(record, now));
      seq = em.emit(now, { type: "evacuation-ordered", zone, role, by, complete });
      facts = { action: "evacuate", role, zone };
      break;
    }
    case "close-road":
    case "open-road": {
      const road = id$(command, "road");
      const record = state.roads.get(road);
      if (!record) reject("unknown", `unknown road "${road}"`);
      const closing = command.type === "close-road";
      if (record!.open !== closing) reject("conflict", `road "${road}" is already ${closing ? "closed" : "open"}`);
      seq = em.emit(now, { type: closing ? "road-closed" : "road-opened", road, role, by });
      facts = { action: command.type, role, road };
      break;
    }
    case "request-resources": {
      const unitType = id$(command, "unitType");
      const count = command.count;
      if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 100) {
        reject("malformed", "count must be a whole number from 1 to 100");
      }
      let from: string | undefined;
      if (command.from !== undefined) {
        from = id$(command, "from");
        if (!s.roles.has(from)) reject("unknown", `unknown role "${from}"`);
      }
      const note = command.note === undefined ? undefined : text$(command, "note", TEXT_MAX);
      seq = em.emit(now, {
        type: "resources-requested",
        id: `req:${em.nextSeq()}`,
        role,
        by,
        unitType,
        count,
        ...(from ? { from } : {}),
        ...(note ? { note } : {})
      });
      facts = { action: "request-resources", role, unitType, ...(from ? { to: [from] } : {}) };
      break;
    }
    case "claim-task":
    case "assign-task": {
      const task = id$(command, "task");
      const record = state.expectations.get(task);
      if (!record) reject("unknown", `unknown task "${task}"`);
      if (record!.status !== "active") reject("conflict", `task "${task}" is not open`);
      if (command.type === "claim-task") {
        if (record!.claimedBy.includes(role)) reject("conflict", `task "${task}" is already claimed by ${role}`);
        seq = em.emit(now, { type: "task-claimed", task, role, by });
        facts = { action: "claim-task", role };
      } else {
        const to = id$(command, "to");
        if (!s.roles.has(to)) reject("unknown", `unknown role "${to}"`);
        seq = em.emit(now, { type: "task-assigned", task, role, by, to });
        facts = { action: "assign-task", role, to: [to] };
      }
      break;
    }
    case "log-decision": {
      const text = text$(command, "text", TEXT_MAX);
      const rationale = text$(command, "rationale", TEXT_MAX);
      const topic = command.topic === undefined ? undefined : id$(command, "topic");
      const withRoles = command.with === undefined ? [] : roles$(state, command, "with", role);
      seq = em.emit(now, {
        type: "decision-logged",
        id: `decision:${em.nextSeq()}`,
        role,
        by,
        text,
        rationale,
        ...(topic ? { topic } : {}),
        with: withRoles
      });
      facts = { action: "decision", role, topic, to: withRoles };
      break;
    }
    case "agree-decision": {
      const id = id$(command, "decision");
      const decision = state.decisions.get(id);
      if (!decision) reject("unknown", `unknown decision "${id}"`);
      if (!decision!.with.includes(role)) reject("forbidden", `${role} was not asked to agree to "${id}"`);
      if (decision!.agreed.includes(role)) reject("conflict", `${role} has already agreed to "${id}"`);
      seq = em.emit(now, { type: "decision-agreed", decision: id, role, by });
      if (decision!.agreed.length + 1 === decision!.with.length) {
        em.emit(now, { type: "decision-joint", decision: id, roles: [decision!.role, ...decision!.with] });
      }
      // Agreeing is part of the decision, not a new one: it meets nothing on its own.
      facts = { action: "decision", role: decision!.role, topic: decision!.topic, to: decision!.with };
      if (decision!.agreed.length + 1 !== decision!.with.length) return;
      break;
    }
    case "send-methane": {
      const to = roles$(state, command, "to", role);
      const report = methane$(command);
      seq = em.emit(now, { type: "methane-sent", id: `methane:${em.nextSeq()}`, role, by, to, report });
      facts = { action: "methane", role, to };
      break;
    }
    case "publish": {
      const channel = channel$(command, "channel");
      if (!PUBLIC_CHANNELS.includes(channel)) reject("malformed", `public messages go out on ${PUBLIC_CHANNELS.join(", ")}`);
      const text = text$(command, "text", TEXT_MAX);
      const topic = command.topic === undefined ? undefined : id$(command, "topic");
      seq = em.emit(now, {
        type: "public-message",
        id: `public:${em.nextSeq()}`,
        role,
        by,
        channel,
        text,
        ...(topic ? { topic } : {})
      });
      facts = { action: "public-message", role, topic };
      break;
    }
    default:
      return reject("malformed", `unknown command "${(command as { type: string }).type}"`);
  }
  emitConsequences(state, em, facts, seq, now);
}

// ---- field checks: each names the field and what was wrong ----

function validName(name: unknown): name is string {
  return typeof name === "string" && name.trim().length > 0 && name.length <= 100;
}

function field(command: Command, name: string): unknown {
  return (command as unknown as Record<string, unknown>)[name];
}

function id$(command: Command, name: string): string {
  const value = field(command, name);
  if (typeof value !== "string" || value.length === 0 || value.length > 100) {
    reject("malformed", `"${name}" must be an id (a non-empty string of at most 100 characters)`);
  }
  return value as string;
}

function text$(command: Command, name: string, max: number): string {
  const value = field(command, name);
  if (typeof value !== "string" || value.trim().length === 0) reject("malformed", `"${name}" must be a non-empty text`);
  if ((value as string).length > max) reject("malformed", `"${name}" is longer than ${max} characters`);
  return (value as string).trim();
}

function roles$(state: ExerciseState, command: Command, name: string, self?: string): string[] {
  const value = field(command, name);
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) {
    reject("malformed", `"${name}" must be a non-empty list of role ids`);
  }
  const roles: string[] = [];
  for (const role of value as unknown[]) {
    if (typeof role !== "string" || !state.scenario.roles.has(role)) reject("unknown", `unknown role "${String(role)}" in "${name}"`);
    if (role === self) reject("malformed", `"${name}" must not include your own role`);
    if (!roles.includes(role as string)) roles.push(role as string);
  }
  return roles;
}

function channel$(command: Command, name: string): ChannelId {
  const value = field(command, name);
  if (typeof value !== "string" || !(CHANNELS as readonly string[]).includes(value)) {
    reject("malformed", `"${name}" must be one of ${CHANNELS.join(", ")}`);
  }
  return value as ChannelId;
}

function zone$(state: ExerciseState, command: Command): string {
  const zone = id$(command, "zone");
  if (!state.zones.has(zone)) reject("unknown", `unknown zone "${zone}"`);
  return zone;
}

function point$(state: ExerciseState, command: Command, name: string): Point {
  const value = field(command, name);
  const site = state.scenario.source.site;
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== "number" ||
    typeof value[1] !== "number" ||
    !Number.isFinite(value[0]) ||
    !Number.isFinite(value[1])
  ) {
    reject("malformed", `"${name}" must be a point [x, y] in metres`);
  }
  // + 0 turns -0 into 0: JSON cannot carry -0, and the log must rebuild exactly this state.
  const x = (value as [number, number])[0] + 0;
  const y = (value as [number, number])[1] + 0;
  if (x < 0 || y < 0 || x > site.width || y > site.height) {
    reject("malformed", `"${name}" [${x}, ${y}] is outside the ${site.width} x ${site.height} m map`);
  }
  return [x, y];
}

const METHANE_FIELDS = [
  "exactLocation",
  "typeOfIncident",
  "hazards",
  "access",
  "numberOfCasualties",
  "emergencyServices"
] as const;

function methane$(command: Command): Extract<Command, { type: "send-methane" }>["report"] {
  const report = field(command, "report");
  if (typeof report !== "object" || report === null) reject("malformed", '"report" must be a METHANE report');
  const r = report as Record<string, unknown>;
  if (typeof r.majorIncident !== "boolean") reject("malformed", '"report.majorIncident" must be true or false');
  const out: Record<string, unknown> = { majorIncident: r.majorIncident };
  for (const key of METHANE_FIELDS) {
    const value = r[key];
    if (typeof value !== "string" || value.trim() === "") reject("malformed", `"report.${key}" must be filled in`);
    if ((value as string).length > TEXT_MAX) reject("malformed", `"report.${key}" is longer than ${TEXT_MAX} characters`);
    out[key] = (value as string).trim();
  }
  return out as unknown as Extract<Command, { type: "send-methane" }>["report"];
}
