/**
 * The room as the screens need it: plain, sorted, with names resolved. Built from the scenario the server sent in
 * `welcome`, the seat, and the decoded room state; pure, so it is tested without a browser or a server.
 */
import type {
  PublicScenario,
  WireClock,
  WireDecision,
  WireInboxItem,
  WireInjectStatus,
  WireMediaItem,
  WireNote,
  WireReleasedInject,
  WireResourceRequest,
  WireRoleStatus,
  WireScores,
  WireSeat,
  WireSeatInfo,
  WireState,
  WireTask
} from "../net/wire.ts";
import type { MapModel, MapUnit, MapZone, Pt } from "./map-model.ts";
import { NO_CASUALTIES, zoneGeometry } from "./map-model.ts";

export interface RoleInfo {
  id: string;
  kind: string;
  name: string;
  units: { id: string; type: string; name: string; home: Pt; speed: number }[];
}

export interface TaskView extends Omit<WireTask, "support" | "claimedBy" | "to"> {
  support: string[];
  claimedBy: string[];
  /** Roles the match requires to receive / be invited; empty when it names none. */
  to: string[];
}

export interface ReleasedInjectView extends Omit<WireReleasedInject, "to"> {
  to: string[];
}

export interface DecisionView extends Omit<WireDecision, "with" | "agreed"> {
  with: string[];
  agreed: string[];
}

export interface InjectView extends Omit<WireInjectStatus, "to"> {
  to: string[];
}

export interface RoleBoxView {
  inbox: WireInboxItem[];
  tasks: TaskView[];
  decisions: DecisionView[];
  /** Resource requests the role made or was asked, newest first. */
  requests: WireResourceRequest[];
}

export interface ControlView {
  exerciseId: string;
  scores: Omit<WireScores, "roles">;
  roleStatus: WireRoleStatus[];
  /** Scenario injects: not yet released first (by planned time), then released (latest first). */
  coming: InjectView[];
  released: InjectView[];
  notes: WireNote[];
}

export interface RoomView {
  scenarioId: string;
  title: string;
  language: string;
  seat: WireSeatInfo;
  clock: WireClock;
  phase: { id: string; title: string };
  phases: { id: string; title: string; start: number }[];
  roles: RoleInfo[];
  map: MapModel;
  seats: WireSeat[];
  /** Newest first. */
  media: WireMediaItem[];
  /** Injects released so far (scenario and live), without content, newest first. */
  released: ReleasedInjectView[];
  /** The player's own role box; empty for other seats. Newest first. */
  own: RoleBoxView;
  /** Every role box this seat may see (all of them for control seats). */
  boxes: Record<string, RoleBoxView>;
  control?: ControlView;
}

const EMPTY_BOX: RoleBoxView = { inbox: [], tasks: [], decisions: [], requests: [] };

const TASK_ORDER: Record<string, number> = { active: 0, pending: 1, missed: 2, met: 3 };

/** A list of role ids from the wire: a comma-separated string (or an array). */
export function roleIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((v) => v !== "");
  if (typeof value !== "string" || value === "") return [];
  return value.split(",").map((v) => v.trim()).filter((v) => v !== "");
}

function values<V>(record: Record<string, V> | undefined): V[] {
  return record ? Object.values(record) : [];
}

function newestFirst<T extends { at: number; id: string }>(items: T[]): T[] {
  return items.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function boxView(
  box:
    | {
        inbox?: Record<string, WireInboxItem>;
        tasks?: Record<string, WireTask>;
        decisions?: Record<string, WireDecision>;
        requests?: Record<string, WireResourceRequest>;
      }
    | undefined
): RoleBoxView {
  if (!box) return EMPTY_BOX;
  const tasks: TaskView[] = values(box.tasks)
    .map((task) => ({ ...task, support: roleIds(task.support), claimedBy: roleIds(task.claimedBy), to: roleIds(task.to) }))
    .sort(
    (a, b) =>
      (TASK_ORDER[a.status] ?? 9) - (TASK_ORDER[b.status] ?? 9) ||
      (a.status === "active" ? a.dueAt - b.dueAt : b.activeAt - a.activeAt) ||
      (a.id < b.id ? -1 : 1)
  );
  return {
    inbox: newestFirst(values(box.inbox)),
    tasks,
    decisions: newestFirst(values(box.decisions).map((d) => ({ ...d, with: roleIds(d.with), agreed: roleIds(d.agreed) }))),
    requests: newestFirst(values(box.requests))
  };
}

export function rolesOf(scenario: PublicScenario): RoleInfo[] {
  return scenario.roles.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    units: r.units.map((u) => ({ id: u.id, type: u.type, name: u.name, home: [u.home[0], u.home[1]] as Pt, speed: u.speed }))
  }));
}

/** The map from the scenario's site and the replicated situation. */
export function mapFromWire(scenario: PublicScenario, state: Pick<WireState, "zones" | "units" | "roads" | "markers">): MapModel {
  const site = scenario.site;
  const roleKind = new Map(scenario.roles.map((r) => [r.id, r.kind]));
  const unitNames = new Map<string, string>();
  for (const role of scenario.roles) for (const u of role.units) unitNames.set(u.id, u.name);

  const zones: MapZone[] = site.zones.map((z) => {
    const live = state.zones?.[z.id];
    return {
      id: z.id,
      name: z.name,
      kind: z.kind,
      shape: z.shape,
      ...zoneGeometry(z),
      state: live?.state ?? "normal",
      cordon: live?.cordon ?? "",
      crowd: live?.crowd ?? 0,
      evacuationStart: live?.evacuationStart ?? -1,
      evacuationComplete: live?.evacuationComplete ?? -1,
      casualties: live
        ? { dead: live.dead, critical: live.critical, serious: live.serious, minor: live.minor, evacuated: live.evacuated }
        : NO_CASUALTIES
    };
  });

  const units: MapUnit[] = values(state.units)
    .map((u) => ({
      id: u.id,
      name: unitNames.get(u.id) ?? u.id,
      role: u.role,
      roleKind: roleKind.get(u.role) ?? "other",
      type: u.type,
      status: u.status,
      from: [u.fromX, u.fromY] as Pt,
      to: [u.toX, u.toY] as Pt,
      departAt: u.departAt,
      arriveAt: u.arriveAt,
      zone: u.zone
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

  return {
    width: site.width,
    height: site.height,
    zones,
    routes: site.routes.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      path: r.path.map(([x, y]) => [x, y] as Pt),
      open: state.roads?.[r.id]?.open ?? true
    })),
    pois: site.pois.map((p) => ({ id: p.id, name: p.name, kind: p.kind, at: [p.at[0], p.at[1]] as Pt })),
    units,
    markers: values(state.markers)
      .map((m) => ({ id: m.id, kind: m.kind, at: [m.x, m.y] as Pt, label: m.label, x: m.at }))
      .sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : 1))
  };
}

function controlView(state: WireState): ControlView | undefined {
  const control = state.control;
  if (!control) return undefined;
  const injects: InjectView[] = values(control.injects).map((i) => ({ ...i, to: roleIds(i.to) }));
  const coming = injects
    .filter((i) => i.status !== "released" && i.status !== "skipped")
    .sort((a, b) => {
      // Scheduled and timed injects by when they will go out; triggered ones (no time yet) after them.
      const when = (i: InjectView) => (i.dueAt >= 0 ? i.dueAt : i.plannedAt >= 0 ? i.plannedAt : Number.POSITIVE_INFINITY);
      return when(a) - when(b) || (a.id < b.id ? -1 : 1);
    });
  const released = injects
    .filter((i) => i.status === "released")
    .sort((a, b) => b.releasedAt - a.releasedAt || (a.id < b.id ? 1 : -1));
  const { roles, ...scores } = control.scores ?? { overall: -1, speed: -1, coordination: -1, division: -1, asOf: 0, roles: {} };
  return {
    exerciseId: control.exerciseId,
    scores,
    roleStatus: values(roles),
    coming,
    released,
    notes: [...(control.notes ?? [])]
  };
}

const DEFAULT_CLOCK: WireClock = { status: "ready", baseX: 0, anchorT: 0, speed: 1, serverNow: 0, durationMs: 0 };

export function buildView(scenario: PublicScenario, seat: WireSeatInfo, state: WireState): RoomView {
  const phase = scenario.phases.find((p) => p.id === state.phase);
  const boxes: Record<string, RoleBoxView> = {};
  for (const [id, box] of Object.entries(state.roles ?? {})) boxes[id] = boxView(box);
  const control = controlView(state);
  return {
    scenarioId: state.scenarioId,
    title: state.title || scenario.title,
    language: state.language || scenario.language,
    seat,
    clock: { ...DEFAULT_CLOCK, ...state.clock },
    phase: { id: state.phase, title: phase?.title ?? state.phase },
    phases: scenario.phases.map((p) => ({ id: p.id, title: p.title, start: p.start })),
    roles: rolesOf(scenario),
    map: mapFromWire(scenario, state),
    seats: values(state.seats).sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : a.name.localeCompare(b.name))),
    media: newestFirst(values(state.media)),
    released: newestFirst(values(state.released).map((r) => ({ ...r, to: roleIds(r.to) }))),
    own: seat.kind === "player" ? (boxes[seat.role] ?? EMPTY_BOX) : EMPTY_BOX,
    boxes,
    ...(control ? { control } : {})
  };
}

/** Items in the box that still wait for an acknowledgement (injects and live injects). */
export function unacknowledged(box: RoleBoxView): WireInboxItem[] {
  return box.inbox.filter((i) => (i.kind === "inject" || i.kind === "live") && i.acknowledgedAt < 0);
}

/** A role's display name, falling back to its id. */
export function roleName(roles: readonly RoleInfo[], id: string): string {
  return roles.find((r) => r.id === id)?.name ?? id;
}
