/**
 * The scenario format: the one definition from which the TypeScript types, the structural validator and the
 * JSON Schema for editors (scenarios/scenario.schema.json) are all derived.
 *
 * Times in a scenario are minutes of exercise time from STARTEX; positions are metres on the site map, x to the
 * east and y to the south, origin at the map's top-left corner.
 */
import { z } from "zod";

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be a lower-case id: letters, digits and dashes, at most 64 characters");

/** Text in every language the scenario declares, e.g. `{ en: "Market square", fr: "Place du marché" }`. */
export const LocalisedText = z
  .record(z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code"), z.string().min(1).max(4000))
  .meta({ description: "Text per language code, e.g. { en: ..., fr: ... }; every declared language is required." });

export const Point = z
  .tuple([z.number().finite(), z.number().finite()])
  .meta({ description: "[x, y] in metres from the map's top-left corner (x east, y south)." });

export const Minutes = z.number().finite().min(0).meta({ description: "Minutes of exercise time from STARTEX." });

export const CHANNELS = [
  "radio",
  "phone",
  "email",
  "social-media",
  "press",
  "cctv",
  "sensor",
  "citizen-report",
  "briefing"
] as const;
export const Channel = z.enum(CHANNELS);

export const ZONE_KINDS = [
  "square",
  "street",
  "building",
  "entrance",
  "car-park",
  "station",
  "park",
  "stage",
  "stand",
  "market",
  "mall",
  "school",
  "playground",
  "hospital",
  "other"
] as const;

/** What a zone is like now: the operational picture every service shares. */
export const ZONE_STATES = [
  "normal",
  "incident",
  "hot",
  "warm",
  "cold",
  "cordoned",
  "evacuating",
  "evacuated",
  "closed"
] as const;
export const ZoneState = z.enum(ZONE_STATES);

export const Shape = z.union([
  z.strictObject({
    rect: z.strictObject({ x: z.number().finite(), y: z.number().finite(), w: z.number().positive(), h: z.number().positive() })
  }),
  z.strictObject({ polygon: z.array(Point).min(3).max(256) })
]);

export const Zone = z.strictObject({
  id,
  name: LocalisedText,
  kind: z.enum(ZONE_KINDS),
  shape: Shape,
  crowd: z.number().int().min(0).default(0).meta({ description: "People in the zone at STARTEX." }),
  state: ZoneState.default("normal")
});

export const POI_KINDS = [
  "rendezvous-point",
  "command-post",
  "casualty-clearing",
  "reception-centre",
  "hospital",
  "police-station",
  "fire-station",
  "media-point",
  "assembly-point",
  "entrance",
  "landmark",
  "camera",
  "other"
] as const;

export const PointOfInterest = z.strictObject({
  id,
  name: LocalisedText,
  kind: z.enum(POI_KINDS),
  at: Point
});

export const Route = z.strictObject({
  id,
  name: LocalisedText,
  kind: z.enum(["road", "footpath", "access", "rail"]),
  path: z.array(Point).min(2).max(256),
  open: z.boolean().default(true)
});

export const Site = z.strictObject({
  name: LocalisedText,
  width: z.number().positive().max(100_000).meta({ description: "Map width in metres." }),
  height: z.number().positive().max(100_000).meta({ description: "Map height in metres." }),
  zones: z.array(Zone).min(1).max(500),
  pois: z.array(PointOfInterest).max(500).default([]),
  routes: z.array(Route).max(500).default([])
});

/** The agency family a role belongs to; the four core kinds must each be played in every scenario. */
export const ROLE_KINDS = ["police", "municipality", "fire-ems", "communication", "other"] as const;
export const CORE_ROLE_KINDS = ["police", "municipality", "fire-ems", "communication"] as const;

export const Unit = z.strictObject({
  id,
  type: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .meta({ description: "e.g. patrol, armed-response, fire-engine, ambulance, hart, stewards, cctv-operator." }),
  name: LocalisedText.optional(),
  home: Point,
  speed: z.number().positive().max(100).meta({ description: "Travel speed in metres per second." })
});

export const Role = z.strictObject({
  id,
  kind: z.enum(ROLE_KINDS),
  name: LocalisedText,
  units: z.array(Unit).max(200).default([])
});

export const Phase = z.strictObject({
  id,
  title: LocalisedText,
  start: Minutes,
  questions: z.array(LocalisedText).max(50).default([])
});

/** The actions a player can take; an expectation or a trigger names one of them. */
export const ACTION_KINDS = [
  "acknowledge",
  "share",
  "deploy",
  "set-cordon",
  "lift-cordon",
  "evacuate",
  "close-road",
  "open-road",
  "request-resources",
  "claim-task",
  "assign-task",
  "decision",
  "methane",
  "public-message"
] as const;
export const ActionKind = z.enum(ACTION_KINDS);

export const CORDON_LEVELS = ["hot", "warm", "cold", "outer"] as const;

/**
 * What an action must look like to count: the kind, and optionally the zone, road, unit type, topic, recipients
 * or cordon level it concerns. Every field given must match.
 */
export const ActionMatch = z.strictObject({
  action: ActionKind,
  zone: id.optional(),
  road: id.optional(),
  unitType: z.string().regex(/^[a-z0-9-]+$/).optional(),
  level: z.enum(CORDON_LEVELS).optional(),
  topic: id.optional().meta({ description: "Topic of a decision or public message, e.g. run-hide-tell." }),
  to: z.array(id).max(20).optional().meta({ description: "For share/methane: roles that must all receive it; for decision: roles that must all be invited." }),
  role: id.optional().meta({ description: "For triggers: only an action of this role counts." })
});

export const JESIP = z.enum([
  "co-locate",
  "communicate",
  "co-ordinate",
  "jointly-understand-risk",
  "shared-situational-awareness"
]);

export const Expectation = z.strictObject({
  id,
  lead: id.meta({ description: "Role expected to lead the response." }),
  support: z.array(id).max(20).default([]),
  action: ActionMatch,
  description: LocalisedText.optional(),
  target: z.number().positive().max(600).meta({ description: "Minutes after the inject for full credit." }),
  deadline: z
    .number()
    .positive()
    .max(600)
    .optional()
    .meta({ description: "Minutes after the inject when credit reaches zero; defaults to twice the target." }),
  weight: z.number().positive().max(100).default(1),
  jesip: JESIP
});

export const SEVERITIES = ["dead", "critical", "serious", "minor"] as const;
export const Casualties = z.strictObject({
  dead: z.number().int().min(0).default(0),
  critical: z.number().int().min(0).default(0),
  serious: z.number().int().min(0).default(0),
  minor: z.number().int().min(0).default(0)
});

export const MARKER_KINDS = [
  "incident",
  "vehicle",
  "suspect",
  "suspicious-item",
  "casualties",
  "fire",
  "smoke",
  "crowd",
  "drone",
  "rumour",
  "other"
] as const;

export const Effects = z.strictObject({
  casualties: z.array(z.strictObject({ zone: id, add: Casualties })).max(50).default([]),
  zones: z.array(z.strictObject({ zone: id, state: ZoneState })).max(50).default([]),
  crowd: z.array(z.strictObject({ zone: id, add: z.number().int() })).max(50).default([]),
  markers: z
    .array(z.strictObject({ id, kind: z.enum(MARKER_KINDS), at: Point, label: LocalisedText.optional() }))
    .max(50)
    .default([]),
  phase: id.optional().meta({ description: "Move the exercise into this phase when the inject is released." })
});

export const Condition = z.union([
  z.strictObject({
    casualtiesAtLeast: z.strictObject({
      count: z.number().int().min(1),
      zone: id.optional(),
      severity: z.enum(SEVERITIES).optional()
    })
  }),
  z.strictObject({ zoneState: z.strictObject({ zone: id, state: ZoneState }) }),
  z.strictObject({ crowdAtLeast: z.strictObject({ zone: id, count: z.number().int().min(0) }) })
]);

/**
 * What releases an inject other than the clock. `after` (an inject id) arms the trigger only once that inject has
 * been released; `delay` waits that many minutes after the trigger fires.
 */
export const Trigger = z.union([
  z.strictObject({
    onAction: ActionMatch,
    after: id.optional(),
    delay: z.number().min(0).max(600).default(0)
  }),
  z.strictObject({
    onMissed: id.meta({ description: "An expectation id: released when it is missed (escalation)." }),
    delay: z.number().min(0).max(600).default(0)
  }),
  z.strictObject({ onCondition: Condition, after: id.optional(), delay: z.number().min(0).max(600).default(0) }),
  z.strictObject({ onBranch: id.meta({ description: "A branch id: released when that branch chooses it." }) }),
  z.strictObject({ facilitator: z.literal(true) })
]);

export const Inject = z
  .strictObject({
    id,
    at: Minutes.optional().meta({ description: "Release time; an inject has either `at` or `trigger`." }),
    trigger: Trigger.optional(),
    to: z.array(id).min(1).max(20),
    channel: Channel,
    from: LocalisedText.optional().meta({ description: "Who the message appears to come from." }),
    title: LocalisedText,
    content: LocalisedText,
    effects: Effects.optional(),
    needs: z
      .array(id)
      .max(20)
      .default([])
      .meta({ description: "Roles that did not receive this inject but need its information relayed." }),
    confirms: z
      .array(id)
      .max(20)
      .default([])
      .meta({ description: "Topics this inject confirms: public messages on them are safe once it is released." }),
    expectations: z.array(Expectation).max(20).default([])
  })
  .meta({ description: "One piece of information delivered to roles at a time or on a trigger." });

/**
 * A decision point: once `after` is released, the first action matching an option releases that option's inject;
 * if none is taken within `within` minutes, `otherwise` is released.
 */
export const Branch = z.strictObject({
  id,
  after: id,
  within: z.number().positive().max(600),
  options: z.array(z.strictObject({ when: ActionMatch, release: id })).min(1).max(10),
  otherwise: id.optional(),
  description: LocalisedText.optional()
});

export const ScoringWeights = z.strictObject({
  speed: z.number().min(0).max(100).default(1),
  coordination: z.number().min(0).max(100).default(1),
  division: z.number().min(0).max(100).default(1)
});

export const Objective = z.strictObject({ id, text: LocalisedText, capability: id.optional() });

export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    id,
    title: LocalisedText,
    summary: LocalisedText,
    languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1).max(10),
    duration: z.number().positive().max(600).meta({ description: "Minutes from STARTEX to ENDEX." }),
    objectives: z.array(Objective).max(50).default([]),
    capabilities: z.array(id).max(50).default([]),
    site: Site,
    roles: z.array(Role).min(1).max(30),
    phases: z.array(Phase).min(1).max(50),
    injects: z.array(Inject).min(1).max(2000),
    branches: z.array(Branch).max(200).default([]),
    scoring: ScoringWeights.default({ speed: 1, coordination: 1, division: 1 })
  })
  .meta({ title: "Cordon scenario", description: "A tabletop crisis-exercise scenario for Cordon." });

export type LocalisedText = z.infer<typeof LocalisedText>;
export type Point = z.infer<typeof Point>;
export type ChannelId = (typeof CHANNELS)[number];
export type ZoneStateId = (typeof ZONE_STATES)[number];
export type Shape = z.infer<typeof Shape>;
export type Zone = z.infer<typeof Zone>;
export type PointOfInterest = z.infer<typeof PointOfInterest>;
export type Route = z.infer<typeof Route>;
export type Site = z.infer<typeof Site>;
export type RoleKind = (typeof ROLE_KINDS)[number];
export type Unit = z.infer<typeof Unit>;
export type Role = z.infer<typeof Role>;
export type Phase = z.infer<typeof Phase>;
export type ActionKindId = (typeof ACTION_KINDS)[number];
export type CordonLevel = (typeof CORDON_LEVELS)[number];
export type ActionMatch = z.infer<typeof ActionMatch>;
export type JesipPrinciple = z.infer<typeof JESIP>;
export type Expectation = z.infer<typeof Expectation>;
export type Casualties = z.infer<typeof Casualties>;
export type Severity = (typeof SEVERITIES)[number];
export type Effects = z.infer<typeof Effects>;
export type Condition = z.infer<typeof Condition>;
export type Trigger = z.infer<typeof Trigger>;
export type Inject = z.infer<typeof Inject>;
export type Branch = z.infer<typeof Branch>;
export type ScoringWeights = z.infer<typeof ScoringWeights>;
export type Scenario = z.infer<typeof Scenario>;
