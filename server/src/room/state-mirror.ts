/**
 * Mirrors the engine's folded state into the replicated schema. Incremental: each batch of new events marks the
 * entities it touched, and only those are copied from the engine state (which already includes the batch), so a
 * patch carries what changed and nothing else. `syncAll` copies everything and prunes what no longer exists: used
 * once when the room opens, and again if the room had to rebuild its engine state from the store.
 *
 * Assignments are skipped when a value is unchanged, so re-syncing an entity costs no bandwidth.
 */
import type { MapSchema } from "@colyseus/schema";
import type { ExerciseEvent, ExerciseState } from "../core/engine/index.ts";
import { MINUTE } from "../core/engine/index.ts";
import type { InboxItem } from "../core/engine/state.ts";
import type { Inject } from "../core/scenario/schema.ts";
import { localise } from "../core/scenario/localise.ts";
import {
  DecisionSchema,
  ExerciseStateSchema,
  InboxItemSchema,
  InjectStatusSchema,
  MarkerSchema,
  MediaItemSchema,
  MethaneSchema,
  NoteSchema,
  ReleasedInjectSchema,
  RoadSchema,
  ResourceRequestSchema,
  RoleBoxSchema,
  TaskSchema,
  UnitSchema,
  ZoneSchema
} from "./state-schema.ts";
import type { ExerciseRoomState, RoleBoxState } from "./state-schema.ts";

/** Channels whose injects are public by nature: they also go to the shared media feed. */
export const PUBLIC_INJECT_CHANNELS: ReadonlySet<string> = new Set(["social-media", "press"]);

type Dirty = {
  clock: boolean;
  zones: Set<string>;
  units: Set<string>;
  roads: Set<string>;
  markers: Set<string>;
  media: Set<string>;
  /** Released injects (scenario and live) for the shared timeline. */
  released: Set<string>;
  inbox: Set<string>; // "role\u0000item"
  tasks: Set<string>;
  decisions: Set<string>;
  requests: Set<string>;
  injects: Set<string>;
  notes: boolean;
};

function emptyDirty(): Dirty {
  return {
    clock: false,
    zones: new Set(),
    units: new Set(),
    roads: new Set(),
    markers: new Set(),
    media: new Set(),
    released: new Set(),
    inbox: new Set(),
    tasks: new Set(),
    decisions: new Set(),
    requests: new Set(),
    injects: new Set(),
    notes: false
  };
}

/** Sets `target[key] = value` only if it differs (a schema assignment marks the field changed even if equal). */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

/** Lists of role ids travel as comma-separated strings (see state-schema.ts for why). */
function list(values: readonly string[]): string {
  return values.join(",");
}

function triggerKind(inject: Inject): string {
  const trigger = inject.trigger;
  if (!trigger) return "time";
  if ("onAction" in trigger) return "action";
  if ("onMissed" in trigger) return "missed";
  if ("onCondition" in trigger) return "condition";
  if ("onBranch" in trigger) return "branch";
  return "facilitator";
}

export class StateMirror {
  readonly state: ExerciseRoomState;
  private engine: ExerciseState;
  /** Roles whose box holds a copy of each task / decision, to update and prune them. */
  private readonly taskHolders = new Map<string, Set<string>>();
  private readonly decisionHolders = new Map<string, Set<string>>();

  constructor(engine: ExerciseState, exerciseId: string) {
    this.engine = engine;
    const src = engine.scenario.source;
    const state = new ExerciseStateSchema();
    state.scenarioId = src.id;
    state.title = localise(src.title, engine.language);
    state.language = engine.language;
    state.clock.durationMs = engine.scenario.durationMs;
    state.control.exerciseId = exerciseId;
    for (const role of engine.scenario.roleIds) {
      const box = new RoleBoxSchema();
      box.id = role;
      state.roles.set(role, box);
    }
    this.state = state;
    this.syncAll(engine);
  }

  /** The role boxes, for the per-role views. */
  roleBox(role: string): RoleBoxState | undefined {
    return this.state.roles.get(role);
  }

  /** Copies everything from `engine` (possibly a rebuilt one) and removes what it no longer has. */
  syncAll(engine: ExerciseState): void {
    this.engine = engine;
    const d = emptyDirty();
    d.clock = true;
    d.notes = true;
    for (const id of engine.zones.keys()) d.zones.add(id);
    for (const id of engine.units.keys()) d.units.add(id);
    for (const id of engine.roads.keys()) d.roads.add(id);
    for (const id of engine.markers.keys()) d.markers.add(id);
    for (const id of engine.scenario.injects.keys()) d.injects.add(id);
    for (const [role, box] of engine.inbox) for (const id of box.keys()) d.inbox.add(role + "\u0000" + id);
    for (const [id, e] of engine.expectations) if (e.status !== "pending") d.tasks.add(id);
    for (const id of engine.decisions.keys()) d.decisions.add(id);
    for (const r of engine.requests) d.requests.add(r.id);
    for (const id of this.expectedMedia()) d.media.add(id);
    for (const id of this.expectedReleased()) d.released.add(id);
    this.prune(engine);
    this.flush(d);
  }

  /** Mirrors a batch of events that the engine state already includes. */
  apply(events: readonly ExerciseEvent[]): void {
    if (events.length === 0) return;
    const d = emptyDirty();
    const engine = this.engine;
    for (const e of events) {
      switch (e.type) {
        case "exercise-started":
        case "exercise-paused":
        case "exercise-resumed":
        case "speed-changed":
        case "clock-jumped":
        case "exercise-ended":
          d.clock = true;
          break;
        case "inject-released": {
          for (const role of e.to) d.inbox.add(role + "\u0000" + e.inject);
          d.injects.add(e.inject);
          d.released.add(e.inject);
          const inject = engine.scenario.injects.get(e.inject);
          if (inject && PUBLIC_INJECT_CHANNELS.has(inject.channel)) d.media.add(e.inject);
          for (const x of inject?.expectations ?? []) d.tasks.add(x.id);
          break;
        }
        case "inject-scheduled":
        case "inject-skipped":
          d.injects.add(e.inject);
          break;
        case "live-inject":
          for (const role of e.to) d.inbox.add(role + "\u0000" + e.id);
          d.released.add(e.id);
          if (PUBLIC_INJECT_CHANNELS.has(e.channel)) d.media.add(e.id);
          break;
        case "note-added":
          d.notes = true;
          break;
        case "acknowledged":
          d.inbox.add(e.role + "\u0000" + e.item);
          break;
        case "info-shared":
          for (const role of e.to) d.inbox.add(role + "\u0000" + e.id);
          break;
        case "methane-sent":
          for (const role of e.to) d.inbox.add(role + "\u0000" + e.id);
          break;
        case "decision-logged":
          d.decisions.add(e.id);
          for (const role of e.with) d.inbox.add(role + "\u0000" + e.id);
          break;
        case "decision-agreed":
        case "decision-joint":
          d.decisions.add(e.decision);
          break;
        case "unit-dispatched":
        case "unit-arrived":
          d.units.add(e.unit);
          break;
        case "cordon-set":
        case "cordon-lifted":
        case "evacuation-ordered":
        case "zone-evacuated":
        case "zone-state-changed":
        case "casualties-changed":
        case "crowd-changed":
          d.zones.add(e.zone);
          break;
        case "road-closed":
        case "road-opened":
          d.roads.add(e.road);
          break;
        case "task-claimed":
        case "task-assigned":
          d.tasks.add(e.task);
          break;
        case "expectation-met":
        case "expectation-missed":
          d.tasks.add(e.expectation);
          break;
        case "public-message":
          d.media.add(e.id);
          break;
        case "marker-placed":
          d.markers.add(e.marker);
          break;
        case "resources-requested":
          d.requests.add(e.id);
          break;
        case "phase-changed":
        case "branch-resolved":
        case "exercise-created":
          break;
      }
    }
    this.flush(d);
  }

  /** Refreshes the server time clients use to interpolate the exercise clock. */
  setServerNow(wallMs: number): void {
    this.state.clock.serverNow = wallMs;
  }

  private flush(d: Dirty): void {
    const engine = this.engine;
    const state = this.state;
    put(state, "phase", engine.phase);
    put(state, "releasedCount", engine.released.size);
    if (d.clock) this.syncClock();
    for (const id of d.zones) this.syncZone(id);
    for (const id of d.units) this.syncUnit(id);
    for (const id of d.roads) this.syncRoad(id);
    for (const id of d.markers) this.syncMarker(id);
    for (const id of d.media) this.syncMedia(id);
    for (const id of d.released) this.syncReleased(id);
    for (const key of d.inbox) {
      const [role, id] = key.split("\u0000") as [string, string];
      this.syncInboxItem(role, id);
    }
    for (const id of d.tasks) this.syncTask(id);
    for (const id of d.decisions) this.syncDecision(id);
    for (const id of d.requests) this.syncRequest(id);
    for (const id of d.injects) this.syncInjectStatus(id);
    if (d.notes) this.syncNotes();
  }

  private syncClock(): void {
    const c = this.engine.clock;
    const clock = this.state.clock;
    put(clock, "status", c.status);
    put(clock, "baseX", c.baseX);
    put(clock, "anchorT", c.anchorT);
    put(clock, "speed", c.speed);
  }

  private syncZone(id: string): void {
    const z = this.engine.zones.get(id);
    if (!z) return;
    let zone = this.state.zones.get(id);
    if (!zone) {
      zone = new ZoneSchema();
      zone.id = id;
      this.state.zones.set(id, zone);
    }
    put(zone, "state", z.state);
    put(zone, "crowd", z.crowd);
    put(zone, "crowdAt", z.crowdAt);
    put(zone, "evacuationStart", z.evacuation?.start ?? -1);
    put(zone, "evacuationComplete", z.evacuation?.complete ?? -1);
    put(zone, "cordon", z.cordon?.level ?? "");
    put(zone, "cordonRole", z.cordon?.role ?? "");
    put(zone, "dead", z.casualties.dead);
    put(zone, "critical", z.casualties.critical);
    put(zone, "serious", z.casualties.serious);
    put(zone, "minor", z.casualties.minor);
    put(zone, "evacuated", z.casualties.evacuated);
  }

  private syncUnit(id: string): void {
    const u = this.engine.units.get(id);
    if (!u) return;
    let unit = this.state.units.get(id);
    if (!unit) {
      unit = new UnitSchema();
      unit.id = id;
      unit.role = u.role;
      unit.type = u.type;
      this.state.units.set(id, unit);
    }
    put(unit, "status", u.status);
    put(unit, "fromX", u.from[0]);
    put(unit, "fromY", u.from[1]);
    put(unit, "toX", u.to[0]);
    put(unit, "toY", u.to[1]);
    put(unit, "departAt", u.departAt);
    put(unit, "arriveAt", u.arriveAt);
    put(unit, "zone", u.zone ?? "");
  }

  private syncRoad(id: string): void {
    const r = this.engine.roads.get(id);
    if (!r) return;
    let road = this.state.roads.get(id);
    if (!road) {
      road = new RoadSchema();
      road.id = id;
      this.state.roads.set(id, road);
    }
    put(road, "open", r.open);
    put(road, "by", r.by ?? "");
  }

  private syncMarker(id: string): void {
    const m = this.engine.markers.get(id);
    if (!m || this.state.markers.has(id)) return;
    const marker = new MarkerSchema();
    marker.id = id;
    marker.kind = m.kind;
    marker.x = m.at[0];
    marker.y = m.at[1];
    marker.inject = m.inject;
    marker.at = m.x;
    const spec = this.engine.scenario.injects.get(m.inject)?.effects?.markers.find((x) => x.id === id);
    marker.label = localise(spec?.label, this.engine.language);
    this.state.markers.set(id, marker);
  }

  /** Public messages and public-channel injects, ids in release order. */
  private expectedMedia(): string[] {
    const engine = this.engine;
    const ids: string[] = [];
    for (const id of engine.released.keys()) {
      const inject = engine.scenario.injects.get(id);
      if (inject && PUBLIC_INJECT_CHANNELS.has(inject.channel)) ids.push(id);
    }
    for (const box of engine.inbox.values()) {
      for (const item of box.values()) {
        if (item.kind === "live" && PUBLIC_INJECT_CHANNELS.has(item.channel) && !ids.includes(item.id)) ids.push(item.id);
      }
    }
    for (const m of engine.media) ids.push(m.id);
    return ids;
  }

  private syncMedia(id: string): void {
    if (this.state.media.has(id)) return;
    const engine = this.engine;
    const lang = engine.language;
    const item = new MediaItemSchema();
    item.id = id;
    const published = engine.media.find((m) => m.id === id);
    if (published) {
      item.kind = "public-message";
      item.role = published.role;
      item.from = published.role;
      item.channel = published.channel;
      item.text = published.text;
      item.topic = published.topic ?? "";
      item.at = published.x;
    } else {
      const inject = engine.scenario.injects.get(id);
      const released = engine.released.get(id);
      if (inject && released) {
        item.kind = "inject";
        item.channel = inject.channel;
        item.from = localise(inject.from, lang);
        item.title = localise(inject.title, lang);
        item.text = localise(inject.content, lang);
        item.at = released.x;
      } else {
        const live = this.findLive(id);
        if (!live) return;
        item.kind = "inject";
        item.channel = live.channel;
        item.from = "facilitator";
        item.title = live.title ?? "";
        item.text = live.text ?? "";
        item.at = live.x;
      }
    }
    this.state.media.set(id, item);
  }

  /** Scenario injects released and live injects sent, ids in release order. */
  private expectedReleased(): string[] {
    const ids = [...this.engine.released.keys()];
    for (const box of this.engine.inbox.values()) {
      for (const item of box.values()) if (item.kind === "live" && !ids.includes(item.id)) ids.push(item.id);
    }
    return ids;
  }

  /** The public trace of a release: title, channel, recipients and time, never the content. */
  private syncReleased(id: string): void {
    if (this.state.released.has(id)) return;
    const engine = this.engine;
    // Recipients are the roles whose inbox holds the item (scenario injects keep their id in the inbox).
    const to: string[] = [];
    for (const [role, box] of engine.inbox) if (box.has(id)) to.push(role);
    const entry = new ReleasedInjectSchema();
    entry.id = id;
    const inject = engine.scenario.injects.get(id);
    const released = engine.released.get(id);
    if (inject && released) {
      entry.kind = "inject";
      entry.title = localise(inject.title, engine.language);
      entry.channel = inject.channel;
      entry.to = list(to.length > 0 ? to : inject.to);
      entry.at = released.x;
    } else {
      const live = this.findLive(id);
      if (!live || live.kind !== "live") return;
      entry.kind = "live";
      entry.title = live.title ?? "";
      entry.channel = live.channel;
      entry.to = list(to);
      entry.at = live.x;
    }
    this.state.released.set(id, entry);
  }

  private findLive(id: string): InboxItem | undefined {
    for (const box of this.engine.inbox.values()) {
      const item = box.get(id);
      if (item) return item;
    }
    return undefined;
  }

  private syncInboxItem(role: string, id: string): void {
    const engine = this.engine;
    const source = engine.inbox.get(role)?.get(id);
    const box = this.state.roles.get(role);
    if (!source || !box) return;
    let item = box.inbox.get(id);
    if (!item) {
      item = new InboxItemSchema();
      item.id = id;
      item.kind = source.kind;
      item.channel = source.channel;
      item.at = source.x;
      this.describeInboxItem(item, source);
      box.inbox.set(id, item);
    }
    put(item, "acknowledgedAt", source.acknowledgedAt ?? -1);
    put(item, "acknowledgedBy", source.acknowledgedBy ?? "");
  }

  private describeInboxItem(item: InstanceType<typeof InboxItemSchema>, source: InboxItem): void {
    const engine = this.engine;
    const lang = engine.language;
    switch (source.kind) {
      case "inject": {
        const inject = engine.scenario.injects.get(source.inject ?? source.id);
        item.from = localise(inject?.from, lang);
        item.title = localise(inject?.title, lang);
        item.text = localise(inject?.content, lang);
        return;
      }
      case "methane": {
        item.from = source.from;
        item.title = source.title ?? "METHANE";
        const sent = engine.methane.find((m) => m.id === source.id);
        if (sent) {
          const methane = new MethaneSchema();
          Object.assign(methane, sent.report);
          item.methane = methane;
        }
        return;
      }
      default:
        item.from = source.from;
        item.title = source.title ?? "";
        item.text = source.text ?? "";
        item.about = source.about ?? "";
    }
  }

  /** Roles that should see a task: its lead and support roles, and whoever claimed it or was assigned it. */
  private taskRoles(id: string): Set<string> {
    const record = this.engine.expectations.get(id);
    const spec = this.engine.scenario.expectations.get(id);
    const roles = new Set<string>();
    if (!record || !spec || record.status === "pending") return roles;
    roles.add(spec.lead);
    for (const r of spec.support) roles.add(r);
    for (const r of record.claimedBy) roles.add(r);
    if (record.assignedTo) roles.add(record.assignedTo);
    return roles;
  }

  private syncTask(id: string): void {
    const engine = this.engine;
    const record = engine.expectations.get(id);
    const spec = engine.scenario.expectations.get(id);
    const holders = this.taskHolders.get(id) ?? new Set<string>();
    const roles = this.taskRoles(id);
    for (const role of holders) {
      if (!roles.has(role)) this.state.roles.get(role)?.tasks.delete(id);
    }
    this.taskHolders.set(id, roles);
    if (!record || !spec) return;
    for (const role of roles) {
      const box = this.state.roles.get(role);
      if (!box) continue;
      let task = box.tasks.get(id);
      if (!task) {
        task = new TaskSchema();
        task.id = id;
        task.inject = spec.inject;
        task.lead = spec.lead;
        task.support = list(spec.support);
        task.action = spec.action.action;
        task.zone = spec.action.zone ?? "";
        task.road = spec.action.road ?? "";
        task.unitType = spec.action.unitType ?? "";
        task.level = spec.action.level ?? "";
        task.topic = spec.action.topic ?? "";
        task.to = list(spec.action.to ?? []);
        task.description = localise(spec.description, engine.language);
        task.status = record.status;
        box.tasks.set(id, task);
      }
      put(task, "status", record.status);
      put(task, "activeAt", record.activeAt ?? -1);
      put(task, "targetAt", record.activeAt === undefined ? -1 : record.activeAt + spec.targetMs);
      put(task, "dueAt", record.dueAt ?? -1);
      put(task, "claimedBy", list(record.claimedBy));
      put(task, "assignedTo", record.assignedTo ?? "");
      put(task, "metBy", record.metBy ?? "");
      put(task, "metAt", record.metAt ?? -1);
    }
  }

  private syncDecision(id: string): void {
    const d = this.engine.decisions.get(id);
    const roles = new Set<string>(d ? [d.role, ...d.with] : []);
    for (const role of this.decisionHolders.get(id) ?? []) {
      if (!roles.has(role)) this.state.roles.get(role)?.decisions.delete(id);
    }
    this.decisionHolders.set(id, roles);
    if (!d) return;
    for (const role of roles) {
      const box = this.state.roles.get(role);
      if (!box) continue;
      let decision = box.decisions.get(id);
      if (!decision) {
        decision = new DecisionSchema();
        decision.id = id;
        decision.role = d.role;
        decision.by = d.by;
        decision.text = d.text;
        decision.rationale = d.rationale;
        decision.topic = d.topic ?? "";
        decision.with = list(d.with);
        decision.at = d.x;
        box.decisions.set(id, decision);
      }
      put(decision, "agreed", list(d.agreed));
      put(decision, "jointAt", d.jointAt ?? -1);
    }
  }

  private syncRequest(id: string): void {
    const r = this.engine.requests.find((x) => x.id === id);
    if (!r) return;
    for (const role of new Set([r.role, ...(r.from ? [r.from] : [])])) {
      const box = this.state.roles.get(role);
      if (!box || box.requests.has(id)) continue;
      const request = new ResourceRequestSchema();
      request.id = id;
      request.role = r.role;
      request.unitType = r.unitType;
      request.count = r.count;
      request.from = r.from ?? "";
      request.note = r.note ?? "";
      request.at = r.x;
      box.requests.set(id, request);
    }
  }

  private syncInjectStatus(id: string): void {
    const engine = this.engine;
    const inject = engine.scenario.injects.get(id);
    if (!inject) return;
    const injects = this.state.control.injects;
    let status = injects.get(id);
    if (!status) {
      status = new InjectStatusSchema();
      status.id = id;
      status.title = localise(inject.title, engine.language);
      status.channel = inject.channel;
      status.to = list(inject.to);
      status.plannedAt = inject.at === undefined ? -1 : Math.round(inject.at * MINUTE);
      status.trigger = triggerKind(inject);
      injects.set(id, status);
    }
    const released = engine.released.get(id);
    const scheduled = engine.scheduled.get(id);
    put(status, "status", released ? "released" : engine.skipped.has(id) ? "skipped" : scheduled ? "scheduled" : "pending");
    put(status, "releasedAt", released?.x ?? -1);
    put(status, "cause", released?.cause ?? scheduled?.cause ?? "");
    put(status, "dueAt", scheduled?.due ?? -1);
  }

  private syncNotes(): void {
    const notes = this.state.control.notes;
    const source = this.engine.notes;
    if (notes.length > source.length) notes.splice(0, notes.length);
    for (let i = notes.length; i < source.length; i++) {
      const n = source[i]!;
      const note = new NoteSchema();
      note.author = n.author;
      note.authorKind = n.authorKind;
      note.text = n.text;
      note.at = n.x;
      notes.push(note);
    }
  }

  /** Removes mirrored entries the engine state does not have (after a rebuild from the store). */
  private prune(engine: ExerciseState): void {
    const dropMissing = <V>(map: MapSchema<V>, keep: (id: string) => boolean): void => {
      for (const id of [...map.keys()]) if (!keep(id)) map.delete(id);
    };
    const media = new Set(this.expectedMedia());
    dropMissing(this.state.media, (id) => media.has(id));
    const released = new Set(this.expectedReleased());
    dropMissing(this.state.released, (id) => released.has(id));
    dropMissing(this.state.markers, (id) => engine.markers.has(id));
    for (const [role, box] of this.state.roles) {
      dropMissing(box.inbox, (id) => engine.inbox.get(role)?.has(id) === true);
      dropMissing(box.tasks, (id) => this.taskRoles(id).has(role));
      dropMissing(box.requests, (id) => {
        const r = engine.requests.find((x) => x.id === id);
        return r !== undefined && (r.role === role || r.from === role);
      });
      dropMissing(box.decisions, (id) => {
        const d = engine.decisions.get(id);
        return d !== undefined && (d.role === role || d.with.includes(role));
      });
    }
    // Received content must be re-described if the rebuilt log disagrees: clear what changed shape.
    for (const box of this.state.roles.values()) {
      for (const [id, item] of box.inbox) {
        const source = engine.inbox.get(box.id)?.get(id);
        if (source && (source.kind !== item.kind || source.x !== item.at)) box.inbox.delete(id);
      }
    }
  }
}
