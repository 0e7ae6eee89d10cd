/**
 * The state of one exercise, folded from its events by `evolve`. It is plain data plus Maps so that folding stays
 * fast (millions of events per second); only the fold that owns a state object mutates it.
 */
import type { CordonLevel, Point, ZoneStateId, ChannelId } from "../scenario/schema.ts";
import type { MethaneReport } from "./commands.ts";
import type { CasualtyCount, ReleaseCause } from "./events.ts";
import type { ClockState } from "./clock.ts";
import { initialClock } from "./clock.ts";
import type { CompiledScenario } from "./compiled-scenario.ts";

export type InboxItemKind = "inject" | "live" | "message" | "methane" | "decision";

export interface InboxItem {
  id: string;
  kind: InboxItemKind;
  x: number;
  /** Sending role id for messages, or the scenario's `from` label key ("scenario") for injects. */
  from: string;
  channel: ChannelId | "message";
  /** Scenario inject id (for injects: resolve title/content in the exercise language). */
  inject?: string;
  title?: string;
  text?: string;
  about?: string;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
}

export type ExpectationStatus = "pending" | "active" | "met" | "missed";

export interface ExpectationState {
  id: string;
  inject: string;
  status: ExpectationStatus;
  activeAt?: number;
  dueAt?: number;
  metAt?: number;
  metBy?: string;
  /** Roles that claimed this task on the task board. */
  claimedBy: string[];
  assignedTo?: string;
}

export interface UnitState {
  id: string;
  role: string;
  type: string;
  speed: number;
  from: Point;
  to: Point;
  departAt: number;
  arriveAt: number;
  zone?: string;
  status: "home" | "moving" | "on-scene";
}

export interface ZoneRecord {
  id: string;
  state: ZoneStateId;
  /** People in the zone at `crowdAt`; an evacuation empties it linearly until `evacuation.complete`. */
  crowd: number;
  crowdAt: number;
  evacuation?: { start: number; complete: number };
  /** Who ordered the evacuation under way or done, and the seq of that order. */
  evacuatedBy?: { role: string; seq: number };
  cordon?: { level: CordonLevel; role: string; seq: number };
  casualties: CasualtyCount;
}

export interface Marker {
  id: string;
  kind: string;
  at: Point;
  inject: string;
  x: number;
}

export interface Decision {
  id: string;
  role: string;
  by: string;
  text: string;
  rationale: string;
  topic?: string;
  with: string[];
  agreed: string[];
  x: number;
  jointAt?: number;
}

export interface PublicMessage {
  id: string;
  role: string;
  by: string;
  channel: ChannelId;
  text: string;
  topic?: string;
  x: number;
}

export interface BranchState {
  status: "waiting" | "open" | "resolved";
  opensAt?: number;
  closesAt?: number;
  option?: number;
}

export interface ExerciseState {
  scenario: CompiledScenario;
  exerciseId: string;
  language: string;
  seed: number;
  /** seq, wall time and exercise time of the last event folded. */
  seq: number;
  t: number;
  x: number;
  clock: ClockState;
  phase: string;
  released: Map<string, { x: number; cause: ReleaseCause }>;
  skipped: Set<string>;
  scheduled: Map<string, { due: number; cause: ReleaseCause; source?: string }>;
  /** Index into scenario.timed of the first timed inject not yet released or skipped. */
  timedCursor: number;
  inbox: Map<string, Map<string, InboxItem>>;
  expectations: Map<string, ExpectationState>;
  /** Ids of active expectations, so deadlines are found without scanning them all. */
  active: Set<string>;
  branches: Map<string, BranchState>;
  units: Map<string, UnitState>;
  zones: Map<string, ZoneRecord>;
  /** A road's state and, once someone changed it, who did and the seq of that action. */
  roads: Map<string, { open: boolean; by?: string; seq?: number }>;
  markers: Map<string, Marker>;
  decisions: Map<string, Decision>;
  media: PublicMessage[];
  methane: { id: string; role: string; by: string; to: string[]; report: MethaneReport; x: number }[];
  requests: { id: string; role: string; unitType: string; count: number; from?: string; note?: string; x: number }[];
  notes: { author: string; authorKind: string; text: string; x: number }[];
  /** Exercise ms of the last change to any zone's casualties, -1 before any: the next step is a full step later. */
  lastCasualtyChange: number;
}

export function initialState(
  scenario: CompiledScenario,
  exerciseId: string,
  language: string,
  seed: number
): ExerciseState {
  const src = scenario.source;
  const inbox = new Map<string, Map<string, InboxItem>>();
  for (const id of scenario.roleIds) inbox.set(id, new Map());
  const expectations = new Map<string, ExpectationState>();
  for (const [id, e] of scenario.expectations) {
    expectations.set(id, { id, inject: e.inject, status: "pending", claimedBy: [] });
  }
  const branches = new Map<string, BranchState>();
  for (const id of scenario.branches.keys()) branches.set(id, { status: "waiting" });
  const units = new Map<string, UnitState>();
  for (const [id, u] of scenario.units) {
    units.set(id, {
      id,
      role: u.role,
      type: u.type,
      speed: u.speed,
      from: u.home,
      to: u.home,
      departAt: 0,
      arriveAt: 0,
      status: "home"
    });
  }
  const zones = new Map<string, ZoneRecord>();
  for (const z of src.site.zones) {
    zones.set(z.id, {
      id: z.id,
      state: z.state,
      crowd: z.crowd,
      crowdAt: 0,
      casualties: { dead: 0, critical: 0, serious: 0, minor: 0, evacuated: 0 }
    });
  }
  const roads = new Map<string, { open: boolean; by?: string; seq?: number }>();
  for (const r of src.site.routes) roads.set(r.id, { open: r.open });
  return {
    scenario,
    exerciseId,
    language,
    seed,
    seq: 0,
    t: 0,
    x: 0,
    clock: initialClock(),
    phase: scenario.phases[0]?.id ?? "",
    released: new Map(),
    skipped: new Set(),
    scheduled: new Map(),
    timedCursor: 0,
    inbox,
    expectations,
    active: new Set(),
    branches,
    units,
    zones,
    roads,
    markers: new Map(),
    decisions: new Map(),
    media: [],
    methane: [],
    requests: [],
    notes: [],
    lastCasualtyChange: -1
  };
}
