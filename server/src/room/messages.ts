/**
 * The room's wire protocol: every message type a client may send, its payload schema, who may send it, and the
 * engine command it becomes. Everything a client sends is checked here before the engine sees it; the engine then
 * checks the meaning (ids exist, the unit is yours, the exercise is running...). README.md ("Server protocol") documents the same.
 */
import { z } from "zod";
import type { Actor, CommandBody } from "../core/engine/index.ts";
import { PLAYER_COMMANDS, SHORT_TEXT_MAX, SPEED_MAX, SPEED_MIN, TEXT_MAX } from "../core/engine/commands.ts";
import { CHANNELS, CORDON_LEVELS } from "../core/scenario/schema.ts";
import type { SeatKind } from "../store/event-store.ts";

/** Largest payload accepted, measured as JSON. */
export const MAX_PAYLOAD_BYTES = 8 * 1024;

const id = z.string().min(1, "must not be empty").max(100, "must be at most 100 characters");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const roles = z.array(id).min(1, "must name at least one role").max(50, "must name at most 50 roles");
const channel = z.enum(CHANNELS);
const point = z.tuple([z.number().finite(), z.number().finite()], { error: "must be a point [x, y] in metres" });

const none = z.strictObject({});

/** Payload schemas, by message type. */
export const PAYLOADS = {
  // facilitator
  start: none,
  pause: none,
  resume: none,
  speed: z.strictObject({ factor: z.number().min(SPEED_MIN).max(SPEED_MAX) }),
  inject: z.strictObject({ to: roles, channel, text: text(TEXT_MAX), title: text(SHORT_TEXT_MAX).optional() }),
  release: z.strictObject({ inject: id }),
  phase: z.strictObject({ phase: id }),
  end: none,
  // facilitator and evaluators
  note: z.strictObject({ text: text(TEXT_MAX) }),
  // players
  acknowledge: z.strictObject({ item: id }),
  share: z.strictObject({ to: roles, text: text(TEXT_MAX), about: id.optional() }),
  deploy: z.strictObject({ unit: id, to: point }),
  "set-cordon": z.strictObject({ zone: id, level: z.enum(CORDON_LEVELS) }),
  "lift-cordon": z.strictObject({ zone: id }),
  evacuate: z.strictObject({ zone: id }),
  "close-road": z.strictObject({ road: id }),
  "open-road": z.strictObject({ road: id }),
  "request-resources": z.strictObject({
    unitType: id,
    count: z.number().int().min(1).max(100),
    from: id.optional(),
    note: text(TEXT_MAX).optional()
  }),
  "claim-task": z.strictObject({ task: id }),
  "assign-task": z.strictObject({ task: id, to: id }),
  "log-decision": z.strictObject({
    text: text(TEXT_MAX),
    rationale: text(TEXT_MAX),
    topic: id.optional(),
    with: roles.optional()
  }),
  "agree-decision": z.strictObject({ decision: id }),
  "send-methane": z.strictObject({
    to: roles,
    report: z.strictObject({
      majorIncident: z.boolean(),
      exactLocation: text(TEXT_MAX),
      typeOfIncident: text(TEXT_MAX),
      hazards: text(TEXT_MAX),
      access: text(TEXT_MAX),
      numberOfCasualties: text(TEXT_MAX),
      emergencyServices: text(TEXT_MAX)
    })
  }),
  publish: z.strictObject({ channel, text: text(TEXT_MAX), topic: id.optional() })
} as const;

export type MessageType = keyof typeof PAYLOADS;
export const MESSAGE_TYPES = Object.keys(PAYLOADS) as MessageType[];

export const FACILITATOR_MESSAGES: ReadonlySet<string> = new Set(["start", "pause", "resume", "speed", "inject", "release", "phase", "end", "note"]);
export const EVALUATOR_MESSAGES: ReadonlySet<string> = new Set(["note"]);
/** Player messages carry the engine's player commands under their own names. */
export const PLAYER_MESSAGES: ReadonlySet<string> = PLAYER_COMMANDS;

/** Engine command names where the wire name is shorter. */
const ENGINE_TYPE: Partial<Record<MessageType, CommandBody["type"]>> = {
  speed: "set-speed",
  inject: "live-inject",
  release: "release-inject",
  phase: "jump-to-phase",
  note: "add-note"
};

/** The error codes a client can receive in an `error` message (engine rejections plus the room's own). */
export type ErrorCode =
  | "unknown-type"
  | "malformed"
  | "too-large"
  | "forbidden"
  | "rate-limited"
  | "unknown"
  | "conflict"
  | "not-started"
  | "paused"
  | "ended"
  | "internal";

export interface WireError {
  code: ErrorCode;
  message: string;
}

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === "string" && Object.hasOwn(PAYLOADS, type);
}

export function allowedMessages(kind: SeatKind): ReadonlySet<string> {
  switch (kind) {
    case "facilitator":
      return FACILITATOR_MESSAGES;
    case "evaluator":
      return EVALUATOR_MESSAGES;
    case "player":
      return PLAYER_MESSAGES;
    default:
      return new Set();
  }
}

const SEAT_NAMES: Record<SeatKind, string> = {
  player: "a player",
  facilitator: "the facilitator",
  observer: "an observer",
  evaluator: "an evaluator",
  screen: "the big screen"
};

function describeSeat(kind: SeatKind): string {
  return SEAT_NAMES[kind];
}

/** What is allowed to whom, said plainly. */
function forbiddenReason(type: MessageType, kind: SeatKind): string {
  if (FACILITATOR_MESSAGES.has(type) && type !== "note") return `"${type}" is a facilitator command; this seat is ${describeSeat(kind)}`;
  if (type === "note") return `only the facilitator and evaluators write notes; this seat is ${describeSeat(kind)}`;
  if (kind === "observer" || kind === "screen") return `${describeSeat(kind)} only watches and cannot send "${type}"`;
  return `"${type}" is a player action; this seat is ${describeSeat(kind)}`;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys;
    if (keys.includes("role") || keys.includes("actor")) {
      return `unexpected field "${keys.includes("role") ? "role" : "actor"}": your role comes from your seat, not from the message`;
    }
    return `unexpected field${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}${path ? ` in "${path}"` : ""}`;
  }
  return path ? `"${path}" ${issue.message}` : issue.message;
}

export type ParsedMessage = { ok: true; body: CommandBody } | { ok: false; error: WireError };

/**
 * Checks one incoming message: type, payload shape and size, and whether this seat may send it. Never throws.
 * `payload` is whatever msgpack decoded; an absent payload counts as `{}`.
 */
export function parseMessage(type: unknown, payload: unknown, kind: SeatKind): ParsedMessage {
  if (!isMessageType(type)) {
    const shown = typeof type === "string" ? `"${type.slice(0, 60)}"` : String(type);
    return { ok: false, error: { code: "unknown-type", message: `unknown message type ${shown}` } };
  }
  const value = payload === undefined || payload === null ? {} : payload;
  if (typeof value !== "object" || Array.isArray(value) || value instanceof Uint8Array) {
    return { ok: false, error: { code: "malformed", message: `the "${type}" payload must be an object` } };
  }
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(value), "utf8");
  } catch {
    return { ok: false, error: { code: "malformed", message: `the "${type}" payload cannot be read as JSON` } };
  }
  if (size > MAX_PAYLOAD_BYTES) {
    return {
      ok: false,
      error: { code: "too-large", message: `the "${type}" payload is ${size} bytes; the limit is ${MAX_PAYLOAD_BYTES}` }
    };
  }
  if (!allowedMessages(kind).has(type)) return { ok: false, error: { code: "forbidden", message: forbiddenReason(type, kind) } };
  const parsed = PAYLOADS[type].safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map(formatIssue).join("; ");
    return { ok: false, error: { code: "malformed", message: `"${type}": ${issues}` } };
  }
  const engineType = ENGINE_TYPE[type] ?? type;
  return { ok: true, body: { ...(parsed.data as object), type: engineType } as CommandBody };
}

/** The engine actor for a seat. Screens never send commands (parseMessage refuses them first). */
export function actorFor(seat: { kind: SeatKind; role: string; name: string }): Actor {
  switch (seat.kind) {
    case "facilitator":
      return { kind: "facilitator" };
    case "evaluator":
      return { kind: "evaluator", name: seat.name };
    case "player":
      return { kind: "player", role: seat.role, name: seat.name };
    default:
      return { kind: "observer", name: seat.name };
  }
}
