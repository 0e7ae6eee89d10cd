/**
 * Who is joining, from the join options: the facilitator (join code + secret), a player (name + scenario role), or
 * an observer, evaluator or the big screen. Every refusal says what was wrong and what would be right.
 */
import type { SeatKind, SeatRecord } from "../store/event-store.ts";
import { nameKey } from "../store/sqlite-store.ts";
import { secretMatches } from "../store/secret.ts";

export interface Seat {
  /** Stable id of the seat in the replicated `seats` map: `<role>:<name, case-folded>`. */
  id: string;
  kind: SeatKind;
  /** Scenario role id for players; the seat kind otherwise. */
  role: string;
  name: string;
}

/** Seat kinds that are not scenario roles, as the `role` join option spells them. */
export const WATCHER_ROLES = ["observer", "evaluator", "screen"] as const;

export const NAME_MAX = 60;

export class JoinRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JoinRefused";
  }
}

export interface Admission {
  roleIds: readonly string[];
  secretHash: string;
  /** Seats this exercise has seen, to restore a returning player's role from the name alone. */
  knownSeats: () => readonly SeatRecord[];
}

export function seatId(role: string, name: string): string {
  return `${role}:${nameKey(name)}`;
}

function readName(value: unknown, required: boolean, fallback: string): string {
  if (value === undefined || value === null || value === "") {
    if (required) throw new JoinRefused('a "name" is required: the name other players will see');
    return fallback;
  }
  if (typeof value !== "string") throw new JoinRefused('"name" must be a text');
  const name = value.trim().normalize("NFC");
  if (name.length === 0) throw new JoinRefused('"name" must not be blank');
  if (name.length > NAME_MAX) throw new JoinRefused(`"name" must be at most ${NAME_MAX} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new JoinRefused('"name" must not contain control characters');
  return name;
}

/** The seat these join options ask for, or a JoinRefused saying why not. */
export function admit(options: Record<string, unknown>, exercise: Admission): Seat {
  const secret = options.facilitatorSecret;
  if (secret !== undefined) {
    if (!secretMatches(secret, exercise.secretHash)) throw new JoinRefused("wrong facilitator secret for this exercise");
    const name = readName(options.name, false, "Facilitator");
    return { id: seatId("facilitator", name), kind: "facilitator", role: "facilitator", name };
  }
  const roleChoices = `${exercise.roleIds.join(", ")}, or ${WATCHER_ROLES.join(", ")}`;
  let role = options.role;
  if (role === undefined || role === null || role === "") {
    // A returning player may give just the name: their seat remembers the role.
    const name = typeof options.name === "string" ? nameKey(options.name) : "";
    const seats = name === "" ? [] : exercise.knownSeats().filter((s) => nameKey(s.name) === name && s.kind !== "facilitator");
    if (seats.length === 1) role = seats[0]!.role;
    else if (seats.length > 1) {
      throw new JoinRefused(`"${String(options.name)}" has several seats (${seats.map((s) => s.role).join(", ")}): choose a "role"`);
    } else throw new JoinRefused(`a "role" is required: ${roleChoices}`);
  }
  if (typeof role !== "string") throw new JoinRefused(`"role" must be one of ${roleChoices}`);
  if (exercise.roleIds.includes(role)) {
    const name = readName(options.name, true, "");
    return { id: seatId(role, name), kind: "player", role, name };
  }
  if ((WATCHER_ROLES as readonly string[]).includes(role)) {
    const kind = role as (typeof WATCHER_ROLES)[number];
    const name = readName(options.name, kind !== "screen", "Screen");
    return { id: seatId(kind, name), kind, role: kind, name };
  }
  throw new JoinRefused(`unknown role "${role.slice(0, 60)}": this exercise has ${roleChoices}`);
}
