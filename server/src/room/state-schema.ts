/**
 * The replicated state of an exercise room (@colyseus/schema 5). What every client sees — the shared situation —
 * sits in plain fields; what only some seats may see hangs under `.view()` fields and reaches a client only if its
 * StateView added it (see views.ts): each role's box (`roles[roleId]`) goes to that role's players, the `control`
 * block and every box go to the facilitator, observers and evaluators; the big screen sees the shared part only.
 *
 * Times: `at`-style fields are exercise milliseconds since STARTEX (-1 = not yet); wall-clock fields are the
 * server's `Date.now()`. The event log itself is never replicated.
 *
 * Lists of role ids inside the per-role parts are comma-separated strings, not `t.array("string")`: in schema 5 a
 * collection of primitives does not inherit its parent's view visibility (only collections of Schema instances
 * do), so such an array would reach no client unless added to every view by hand.
 */
import { schema, t } from "@colyseus/schema";

/**
 * The exercise clock. Running: exercise ms now = baseX + (server time now − anchorT) × speed. The server time is
 * estimated from `serverNow`, the server's wall clock written at every clock anchor and whenever a client joins or
 * reconnects (so a client's first full state carries a fresh one): offset = serverNow − local time on receipt.
 */
export const ClockSchema = schema(
  {
    status: t.string().default("ready"),
    /** Exercise ms at the last anchor (start, pause, resume, speed change, jump). */
    baseX: t.number().default(0),
    /** Server wall ms at the last anchor. */
    anchorT: t.number().default(0),
    speed: t.number().default(1),
    /** Server wall ms at the last anchor, join or reconnection (see above). */
    serverNow: t.number().default(0),
    durationMs: t.number().default(0)
  },
  "Clock"
);

/** A zone of the site. Crowd now = crowd × (1 − progress) during an evacuation from evacuationStart to evacuationComplete. */
export const ZoneSchema = schema(
  {
    id: t.string(),
    state: t.string(),
    crowd: t.number().default(0),
    /** Exercise ms at which `crowd` was counted. */
    crowdAt: t.number().default(0),
    evacuationStart: t.number().default(-1),
    evacuationComplete: t.number().default(-1),
    /** Cordon level (hot, warm, cold, outer) or "" for none. */
    cordon: t.string().default(""),
    cordonRole: t.string().default(""),
    dead: t.number().default(0),
    critical: t.number().default(0),
    serious: t.number().default(0),
    minor: t.number().default(0),
    evacuated: t.number().default(0)
  },
  "Zone"
);

/** A unit; while moving its position is the straight line from (fromX, fromY) at departAt to (toX, toY) at arriveAt. */
export const UnitSchema = schema(
  {
    id: t.string(),
    role: t.string(),
    type: t.string(),
    /** home, moving or on-scene. */
    status: t.string(),
    fromX: t.number(),
    fromY: t.number(),
    toX: t.number(),
    toY: t.number(),
    departAt: t.number().default(0),
    arriveAt: t.number().default(0),
    zone: t.string().default("")
  },
  "Unit"
);

export const RoadSchema = schema(
  {
    id: t.string(),
    open: t.boolean().default(true),
    /** Role that last closed or opened it, "" if untouched. */
    by: t.string().default("")
  },
  "Road"
);

export const MarkerSchema = schema(
  {
    id: t.string(),
    kind: t.string(),
    x: t.number(),
    y: t.number(),
    label: t.string().default(""),
    inject: t.string(),
    at: t.number()
  },
  "Marker"
);

/** The public media feed: statements published by a role, and social-media/press injects, public by nature. */
export const MediaItemSchema = schema(
  {
    id: t.string(),
    /** "public-message" (a role published it) or "inject". */
    kind: t.string(),
    /** Publishing role for public messages, "" for injects. */
    role: t.string().default(""),
    channel: t.string(),
    from: t.string().default(""),
    title: t.string().default(""),
    text: t.string(),
    topic: t.string().default(""),
    at: t.number()
  },
  "MediaItem"
);

/**
 * A released inject as the whole room may see it (the big screen's timeline): what went out, on which channel, to
 * whom and when — never its content, which only its recipients (and control) read in their inboxes.
 */
export const ReleasedInjectSchema = schema(
  {
    id: t.string(),
    /** "inject" (from the scenario) or "live" (written by the facilitator during the exercise). */
    kind: t.string(),
    /** In the exercise language. */
    title: t.string().default(""),
    channel: t.string(),
    /** Comma-separated recipient role ids. */
    to: t.string().default(""),
    /** Exercise ms of the release. */
    at: t.number()
  },
  "ReleasedInject"
);

export const SeatSchema = schema(
  {
    id: t.string(),
    name: t.string(),
    /** Scenario role id for players; facilitator, observer, evaluator or screen otherwise. */
    role: t.string(),
    kind: t.string(),
    /** Clients currently holding the seat. */
    connected: t.number().default(0),
    /** Clients that dropped and may still come back within the grace period. */
    reconnecting: t.number().default(0)
  },
  "Seat"
);

export const MethaneSchema = schema(
  {
    majorIncident: t.boolean(),
    exactLocation: t.string(),
    typeOfIncident: t.string(),
    hazards: t.string(),
    access: t.string(),
    numberOfCasualties: t.string(),
    emergencyServices: t.string()
  },
  "Methane"
);

/** An item in a role's inbox: an inject, a live inject, a message, a METHANE report or a decision to agree. */
export const InboxItemSchema = schema(
  {
    id: t.string(),
    /** inject, live, message, methane or decision. */
    kind: t.string(),
    channel: t.string(),
    /** Sender: a role id for messages, METHANE and decisions; the inject's `from` label; "facilitator" for live injects. */
    from: t.string().default(""),
    title: t.string().default(""),
    text: t.string().default(""),
    /** For messages: the inbox item they relay. */
    about: t.string().default(""),
    at: t.number(),
    acknowledgedAt: t.number().default(-1),
    acknowledgedBy: t.string().default(""),
    methane: t.ref(MethaneSchema).optional()
  },
  "InboxItem"
);

/** A task: an active (or since met/missed) expectation of the scenario that concerns the role. */
export const TaskSchema = schema(
  {
    id: t.string(),
    inject: t.string(),
    lead: t.string(),
    /** Comma-separated role ids. */
    support: t.string().default(""),
    /** The action kind expected (deploy, share, set-cordon...). */
    action: t.string(),
    /** What the scenario's ActionMatch further asks, "" when it does not: a zone, road, unit type, cordon level, topic. */
    zone: t.string().default(""),
    road: t.string().default(""),
    unitType: t.string().default(""),
    level: t.string().default(""),
    topic: t.string().default(""),
    /** Comma-separated role ids that must all receive (share, METHANE) or be invited (decision); "" when not asked. */
    to: t.string().default(""),
    description: t.string().default(""),
    /** active, met or missed. */
    status: t.string(),
    activeAt: t.number().default(-1),
    targetAt: t.number().default(-1),
    dueAt: t.number().default(-1),
    /** Comma-separated role ids. */
    claimedBy: t.string().default(""),
    assignedTo: t.string().default(""),
    metBy: t.string().default(""),
    metAt: t.number().default(-1)
  },
  "Task"
);

export const DecisionSchema = schema(
  {
    id: t.string(),
    role: t.string(),
    by: t.string(),
    text: t.string(),
    rationale: t.string(),
    topic: t.string().default(""),
    /** Comma-separated role ids invited to agree. */
    with: t.string().default(""),
    /** Comma-separated role ids that agreed. */
    agreed: t.string().default(""),
    at: t.number(),
    jointAt: t.number().default(-1)
  },
  "Decision"
);

/** A request for resources: seen by the role that asked and the role it was asked of. */
export const ResourceRequestSchema = schema(
  {
    id: t.string(),
    role: t.string(),
    unitType: t.string(),
    count: t.number(),
    /** Role asked, "" if nobody in particular. */
    from: t.string().default(""),
    note: t.string().default(""),
    at: t.number()
  },
  "ResourceRequest"
);

/** Everything one role may see beyond the shared picture. */
export const RoleBoxSchema = schema(
  {
    id: t.string(),
    inbox: t.map(InboxItemSchema),
    tasks: t.map(TaskSchema),
    decisions: t.map(DecisionSchema),
    requests: t.map(ResourceRequestSchema)
  },
  "RoleBox"
);

/** Live status of one role for the facilitator's dashboard. Scores are 0–100, -1 while there is nothing to judge. */
export const RoleStatusSchema = schema(
  {
    role: t.string(),
    score: t.number().default(-1),
    unacknowledged: t.number().default(0),
    overdue: t.number().default(0),
    met: t.number().default(0),
    missed: t.number().default(0)
  },
  "RoleStatus"
);

export const ScoresSchema = schema(
  {
    overall: t.number().default(-1),
    speed: t.number().default(-1),
    coordination: t.number().default(-1),
    division: t.number().default(-1),
    /** Exercise ms the scores were computed at. */
    asOf: t.number().default(0),
    roles: t.map(RoleStatusSchema)
  },
  "Scores"
);

/** A scenario inject as the facilitator tracks it. */
export const InjectStatusSchema = schema(
  {
    id: t.string(),
    title: t.string(),
    channel: t.string(),
    /** Comma-separated recipient role ids. */
    to: t.string(),
    /** Planned release in exercise ms for timed injects, -1 for triggered ones. */
    plannedAt: t.number().default(-1),
    /** "time", or the trigger kind: action, missed, condition, branch, facilitator. */
    trigger: t.string(),
    /** pending, scheduled, released or skipped. */
    status: t.string().default("pending"),
    dueAt: t.number().default(-1),
    releasedAt: t.number().default(-1),
    cause: t.string().default("")
  },
  "InjectStatus"
);

export const NoteSchema = schema(
  {
    author: t.string(),
    authorKind: t.string(),
    text: t.string(),
    at: t.number()
  },
  "Note"
);

/** What the facilitator, observers and evaluators see on top of every role box. */
export const ControlSchema = schema(
  {
    /** The key to the log and report endpoints: never shown to players. */
    exerciseId: t.string(),
    scores: t.ref(ScoresSchema),
    injects: t.map(InjectStatusSchema),
    notes: t.array(NoteSchema)
  },
  "Control"
);

export const ExerciseStateSchema = schema(
  {
    scenarioId: t.string(),
    title: t.string(),
    language: t.string(),
    clock: t.ref(ClockSchema),
    phase: t.string(),
    releasedCount: t.number().default(0),
    zones: t.map(ZoneSchema),
    units: t.map(UnitSchema),
    roads: t.map(RoadSchema),
    markers: t.map(MarkerSchema),
    media: t.map(MediaItemSchema),
    /** Injects released so far (scenario and live), without their content. */
    released: t.map(ReleasedInjectSchema),
    seats: t.map(SeatSchema),
    roles: t.map(RoleBoxSchema).view(),
    control: t.ref(ControlSchema).view()
  },
  "ExerciseState"
);

export type ClockState = InstanceType<typeof ClockSchema>;
export type ZoneState = InstanceType<typeof ZoneSchema>;
export type UnitState = InstanceType<typeof UnitSchema>;
export type RoadState = InstanceType<typeof RoadSchema>;
export type MarkerState = InstanceType<typeof MarkerSchema>;
export type MediaItemState = InstanceType<typeof MediaItemSchema>;
export type ReleasedInjectState = InstanceType<typeof ReleasedInjectSchema>;
export type SeatState = InstanceType<typeof SeatSchema>;
export type InboxItemState = InstanceType<typeof InboxItemSchema>;
export type TaskState = InstanceType<typeof TaskSchema>;
export type DecisionState = InstanceType<typeof DecisionSchema>;
export type RoleBoxState = InstanceType<typeof RoleBoxSchema>;
export type ScoresState = InstanceType<typeof ScoresSchema>;
export type InjectStatusState = InstanceType<typeof InjectStatusSchema>;
export type ControlState = InstanceType<typeof ControlSchema>;
export type ExerciseRoomState = InstanceType<typeof ExerciseStateSchema>;
