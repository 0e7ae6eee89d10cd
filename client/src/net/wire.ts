/**
 * What the server sends, as plain data: the exercise room's replicated state after decoding (`state.toJSON()`), the
 * `welcome` message, `error` messages and the HTTP API's bodies. These types describe the server's wire format
 * (server/src/room/state-schema.ts, public-scenario.ts, and README.md "Server protocol") without importing server code, so the client
 * bundle never pulls in Node modules; test/e2e/client-wire.test.ts checks at compile time that they still match.
 *
 * Times: `at`-style fields are exercise milliseconds since STARTEX (-1 = not yet); `anchorT`/`serverNow` are the
 * server's wall-clock milliseconds.
 */

export type WirePoint = [number, number];

/**
 * Lists of role ids inside the per-role parts of the state travel as comma-separated strings (schema 5 does not
 * give collections of primitives their parent's view visibility); `roleIds()` in view-model.ts also accepts an
 * array, should the server switch to one.
 */
export type RoleIdList = string;

export interface WireClock {
  status: string;
  baseX: number;
  anchorT: number;
  speed: number;
  serverNow: number;
  durationMs: number;
}

export interface WireZone {
  id: string;
  state: string;
  crowd: number;
  crowdAt: number;
  evacuationStart: number;
  evacuationComplete: number;
  cordon: string;
  cordonRole: string;
  dead: number;
  critical: number;
  serious: number;
  minor: number;
  evacuated: number;
}

export interface WireUnit {
  id: string;
  role: string;
  type: string;
  status: string;
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  departAt: number;
  arriveAt: number;
  zone: string;
}

export interface WireRoad {
  id: string;
  open: boolean;
  by: string;
}

export interface WireMarker {
  id: string;
  kind: string;
  x: number;
  y: number;
  label: string;
  inject: string;
  at: number;
}

export interface WireMediaItem {
  id: string;
  kind: string;
  role: string;
  channel: string;
  from: string;
  title: string;
  text: string;
  topic: string;
  at: number;
}

/** A released inject as the whole room sees it: no content. `kind` is "inject" (scenario) or "live". */
export interface WireReleasedInject {
  id: string;
  kind: string;
  title: string;
  channel: string;
  /** Comma-separated recipient role ids. */
  to: RoleIdList;
  at: number;
}

export interface WireSeat {
  id: string;
  name: string;
  role: string;
  kind: string;
  connected: number;
  reconnecting: number;
}

export interface WireMethane {
  majorIncident: boolean;
  exactLocation: string;
  typeOfIncident: string;
  hazards: string;
  access: string;
  numberOfCasualties: string;
  emergencyServices: string;
}

export interface WireInboxItem {
  id: string;
  kind: string;
  channel: string;
  from: string;
  title: string;
  text: string;
  about: string;
  at: number;
  acknowledgedAt: number;
  acknowledgedBy: string;
  methane?: WireMethane;
}

export interface WireTask {
  id: string;
  inject: string;
  lead: string;
  /** Comma-separated role ids (see RoleIdList). */
  support: RoleIdList;
  action: string;
  /** What the scenario's match further asks ("" when it does not); `to` as comma-separated role ids. */
  zone: string;
  road: string;
  unitType: string;
  level: string;
  topic: string;
  to: RoleIdList;
  description: string;
  status: string;
  activeAt: number;
  targetAt: number;
  dueAt: number;
  claimedBy: RoleIdList;
  assignedTo: string;
  metBy: string;
  metAt: number;
}

export interface WireDecision {
  id: string;
  role: string;
  by: string;
  text: string;
  rationale: string;
  topic: string;
  with: RoleIdList;
  agreed: RoleIdList;
  at: number;
  jointAt: number;
}

/** A request for more resources, seen by the role that made it and the role it asked. */
export interface WireResourceRequest {
  id: string;
  role: string;
  unitType: string;
  count: number;
  /** Role asked, "" if nobody in particular. */
  from: string;
  note: string;
  at: number;
}

export interface WireRoleBox {
  id: string;
  inbox: Record<string, WireInboxItem>;
  tasks: Record<string, WireTask>;
  decisions: Record<string, WireDecision>;
  requests?: Record<string, WireResourceRequest>;
}

export interface WireRoleStatus {
  role: string;
  score: number;
  unacknowledged: number;
  overdue: number;
  met: number;
  missed: number;
}

export interface WireScores {
  overall: number;
  speed: number;
  coordination: number;
  division: number;
  asOf: number;
  roles: Record<string, WireRoleStatus>;
}

export interface WireInjectStatus {
  id: string;
  title: string;
  channel: string;
  to: RoleIdList;
  plannedAt: number;
  trigger: string;
  status: string;
  dueAt: number;
  releasedAt: number;
  cause: string;
}

export interface WireNote {
  author: string;
  authorKind: string;
  text: string;
  at: number;
}

export interface WireControl {
  exerciseId: string;
  scores: WireScores;
  injects: Record<string, WireInjectStatus>;
  notes: WireNote[];
}

/** The decoded room state. `roles` holds only the boxes this seat may see; `control` only for control seats. */
export interface WireState {
  scenarioId: string;
  title: string;
  language: string;
  clock: WireClock;
  phase: string;
  releasedCount: number;
  zones: Record<string, WireZone>;
  units: Record<string, WireUnit>;
  roads: Record<string, WireRoad>;
  markers: Record<string, WireMarker>;
  media: Record<string, WireMediaItem>;
  released: Record<string, WireReleasedInject>;
  seats: Record<string, WireSeat>;
  roles?: Record<string, WireRoleBox>;
  control?: WireControl;
}

/** Seat kinds as the server names them. */
export type SeatKind = "player" | "facilitator" | "observer" | "evaluator" | "screen";

export interface WireSeatInfo {
  id: string;
  kind: SeatKind;
  role: string;
  name: string;
}

/** The part of the scenario every seat may know, in the exercise language (sent in `welcome`). */
export interface PublicScenario {
  id: string;
  title: string;
  summary: string;
  language: string;
  languages: string[];
  /** Minutes. */
  duration: number;
  site: {
    name: string;
    width: number;
    height: number;
    zones: { id: string; name: string; kind: string; shape: WireShape }[];
    pois: { id: string; name: string; kind: string; at: WirePoint }[];
    routes: { id: string; name: string; kind: string; path: WirePoint[] }[];
  };
  roles: { id: string; kind: string; name: string; units: { id: string; type: string; name: string; home: WirePoint; speed: number }[] }[];
  phases: { id: string; title: string; start: number; questions: string[] }[];
}

export type WireShape = { rect: { x: number; y: number; w: number; h: number } } | { polygon: WirePoint[] };

/** The first message a seat receives after joining. `exerciseId` only for the facilitator, observers, evaluators. */
export interface WelcomeMessage {
  seat: WireSeatInfo;
  scenario: PublicScenario;
  reconnectSeconds: number;
  exerciseId?: string;
}

/** A refusal: what the server did not do and why. */
export interface WireErrorMessage {
  code: string;
  message: string;
  type?: string;
}

/** The answer to a `room.request()`: refusals also arrive as an `error` message. */
export type WireAnswer = { ok: true } | { ok: false; code: string; message: string };

// ---- HTTP ----

export interface ScenarioSummary {
  id: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  languages: string[];
  duration: number;
  injects: number;
  roles: { id: string; kind: string; name: Record<string, string> }[];
}

export interface ScenarioList {
  scenarios: ScenarioSummary[];
  problems: string[];
}

export interface CreatedExercise {
  exerciseId: string;
  joinCode: string;
  facilitatorSecret: string;
  scenarioId?: string;
  title?: string;
  language?: string;
}

/** GET /api/exercises/by-code/:code: what the lobby shows before joining. */
export interface LobbyInfo {
  joinCode: string;
  title: string;
  language: string;
  /** ready, running, paused, ended, or "starting" while the server restores the room. */
  status: string;
  roles: { id: string; kind: string; name: string; seats: { name: string; connected: boolean }[] }[];
  watchers: { name: string; role: string; connected: boolean }[];
  facilitatorConnected?: boolean;
}
