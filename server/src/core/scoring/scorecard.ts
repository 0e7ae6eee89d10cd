/**
 * The ScoreCard: everything `score(scenario, events)` says about one exercise, as plain JSON-serialisable data (no
 * Maps, Sets, classes or undefined-valued fields that matter). The JSON after-action report *is* this object; the
 * HTML and CSV reports are drawn from it.
 *
 * Conventions used throughout:
 * - Times are exercise milliseconds (`x` of the events), durations are milliseconds; fields say so with `Ms`.
 *   Scenario minutes are converted with 1 min = 60,000 ms.
 * - Scores are 0–100 (rounded to 2 decimals); `credit`s and component values are 0–1 (rounded to 4 decimals).
 *   `null` means "nothing to judge yet" (e.g. no expectation has come due): a null component is left out of the
 *   weighted mean it belongs to, and the remaining weights are renormalised.
 * - Every number is traceable: each item lists the events behind it as `EventRef`s, and every aggregate is a
 *   count, sum or mean over the items listed next to it.
 * - Percentiles are nearest-rank: the p-th percentile of N sorted values is value number ceil(p/100 * N), so a
 *   median or p90 is always one observed latency, pointing at one event. (The median of 4 values is the 2nd.)
 * - Live scoring: only events with x <= `asOf` count. Anything whose deadline is still ahead of `asOf` and which has
 *   not happened yet is "pending": listed, but in no score. Nothing is ever judged missed before its deadline.
 * - Role-symmetric: no definition depends on role names or their order; lists are sorted by role id or by time.
 */
import type { EventType } from "../engine/events.ts";
import type { JesipPrinciple } from "../scenario/schema.ts";

/** A pointer to one event of the log: the evidence behind a number. */
export interface EventRef {
  seq: number;
  /** Exercise ms of the event. */
  x: number;
  type: EventType;
  /** The acting role (actions), or the role the item concerns. */
  role?: string;
  /** The scenario inject (or live-inject id) concerned. */
  inject?: string;
}

export type Score = number | null;
export type Dimension = "speed" | "coordination" | "division";

/**
 * The fixed thresholds scoring uses where the scenario gives none, echoed in every ScoreCard so a reader can redo
 * every sum. Credits decay linearly: 1 at or before the target, 0 at or after the deadline.
 */
export interface ScoringParameters {
  /** Acknowledging an inject: full credit within this many ms of its release... */
  ackTargetMs: number;
  /** ...no credit from this many ms on; an inject not acknowledged by then is "unacknowledged". */
  ackDeadlineMs: number;
  /** Relaying an inject's information to a role in its `needs`: full credit within this many ms of release... */
  relayTargetMs: number;
  /** ...no credit from this many ms on; not relayed by then is "not-relayed". */
  relayDeadlineMs: number;
  /** A decision logged with other roles invited: full credit if joint within this many ms of being logged... */
  jointTargetMs: number;
  /** ...no credit from this many ms on; not joint by then is "not-joint". */
  jointDeadlineMs: number;
  /** Two public messages closer than this (ms) can contradict each other (see PublicMessageOutcome). */
  contradictionWindowMs: number;
  /** Topic pairs that give opposite advice to the public, e.g. ["all-clear", "run-hide-tell"]. */
  opposingTopics: [string, string][];
  /** Ownership credit of an expectation met by one of its `support` roles (lead: 1, any other role: 0). */
  supportCredit: number;
  /** Weights of the components inside each dimension (renormalised over the components that are not null). */
  speedWeights: { expectations: number; acknowledgements: number };
  coordinationWeights: { relays: number; network: number; decisions: number; methane: number; publicMessages: number };
  divisionWeights: { ownership: number; gaps: number; duplication: number; balance: number; specialisation: number };
}

export interface ScoreCard {
  version: 1;
  scenarioId: string;
  /** From the log's `exercise-created`, null if the log has none (scoring a bare event list). */
  exerciseId: string | null;
  /** The exercise's language (from `exercise-created`), else the scenario's first language. */
  language: string;
  /** Exercise ms the card is valid at: the `asOf` asked for, or the last event's x. */
  asOf: number;
  /** True when an `exercise-ended` event is among the scored events. */
  final: boolean;
  /** Number of events scored (those with x <= asOf). */
  eventCount: number;
  /** The scenario's `scoring` weights. */
  weights: { speed: number; coordination: number; division: number };
  parameters: ScoringParameters;
  /**
   * Overall index 0–100 = Σ_d weight_d · dimension_d / Σ_d weight_d over the dimensions that are not null and whose
   * weight is > 0; null if none is.
   */
  overall: Score;
  dimensions: Record<Dimension, Score>;
  speed: SpeedMeasures;
  coordination: CoordinationMeasures;
  division: DivisionMeasures;
  breakdown: {
    /** One entry per scenario role (sorted by id); see GroupScore for what each role is credited with. */
    byRole: GroupScore[];
    /** One entry per scenario phase (scenario order): items are grouped by the phase they arose in. */
    byPhase: GroupScore[];
    /** One entry per JESIP principle used by an expectation: only expectations carry a principle. */
    byJesip: GroupScore[];
  };
  /** Strengths first, then areas for improvement; each with evidence. Sorted by first evidence time within kind. */
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------------------------
// Speed
// ---------------------------------------------------------------------------------------------------------------

/**
 * Speed dimension = 100 × weighted mean of two components (weights in `parameters.speedWeights`, default 0.75 /
 * 0.25, renormalised if one is null):
 * - `expectations` = Σ weight·credit / Σ weight over decided (met or missed) expectations whose action is not
 *   `share` or `methane` (passing information on is judged under coordination, so a silo that acts on time is fast
 *   but uncoordinated), where
 *   credit = 1 if latency <= target, (deadline − latency)/(deadline − target) between target and deadline, 0 at or
 *   after the deadline or when missed. latency = x of the action that met it − x of its inject's release.
 *   (A deadline below the target is treated as equal to the target.)
 * - `acknowledgements` = mean credit over decided (acknowledged, or unacknowledged past ackDeadlineMs) pairs of
 *   (released inject or live inject, recipient role), with the same linear decay between ackTargetMs and
 *   ackDeadlineMs.
 */
export interface SpeedMeasures {
  score: Score;
  components: { expectations: Score; acknowledgements: Score };
  acknowledgements: AckOutcome[];
  /** Every expectation of the scenario, in scenario order, released or not. */
  expectations: ExpectationOutcome[];
  /** Latency statistics over all roles. */
  overall: LatencyStats;
  /** Per scenario role: acknowledgements it owed as recipient, expectations it led. Sorted by role. */
  byRole: (LatencyStats & { role: string })[];
}

export interface AckOutcome {
  /** Scenario inject id, or the live inject's id. */
  inject: string;
  live: boolean;
  role: string;
  status: "acknowledged" | "unacknowledged" | "pending";
  /** First acknowledgement by this role at or after the release − release x. */
  latencyMs: number | null;
  /** 0–1; null while pending. An acknowledgement after the ack deadline still counts as acknowledged, credit 0. */
  credit: number | null;
  phase: string;
  released: EventRef;
  acknowledged: EventRef | null;
}

export type ExpectationStatus = "met" | "missed" | "pending" | "not-released";
/** Who met an expectation relative to its plan: its lead role, one of its support roles, or any other role. */
export type Owner = "lead" | "support" | "other";

export interface ExpectationOutcome {
  expectation: string;
  inject: string;
  lead: string;
  support: string[];
  jesip: JesipPrinciple;
  weight: number;
  targetMs: number;
  /** Deadline after release (default 2 × target). */
  deadlineMs: number;
  /** Phase in force when its inject was released; null if not released. */
  phase: string | null;
  status: ExpectationStatus;
  metBy: string | null;
  owner: Owner | null;
  latencyMs: number | null;
  onTime: boolean | null;
  /** Speed credit 0–1 (see SpeedMeasures); null while pending or not released. */
  credit: number | null;
  /** The inject's release (its phase and latencies count from here). */
  released: EventRef | null;
  /** The action event that met it. */
  action: EventRef | null;
  /** The expectation-met or expectation-missed event. */
  outcome: EventRef | null;
}

export interface LatencyStats {
  acknowledgements: {
    /** Pairs (inject, recipient) released so far. */
    count: number;
    acknowledged: number;
    unacknowledged: number;
    pending: number;
    medianMs: number | null;
    p90Ms: number | null;
  };
  expectations: {
    /** Released expectations (for a role: the ones it leads). */
    count: number;
    met: number;
    metOnTime: number;
    missed: number;
    pending: number;
    /** metOnTime / (met + missed); null if none decided. */
    onTimeShare: number | null;
    /** Over met expectations' latencies. */
    medianMs: number | null;
    p90Ms: number | null;
  };
  /** The speed dimension's formula restricted to these items. */
  score: Score;
}

// ---------------------------------------------------------------------------------------------------------------
// Coordination
// ---------------------------------------------------------------------------------------------------------------

/**
 * Coordination dimension = 100 × weighted mean (weights in `parameters.coordinationWeights`, default relays 0.3,
 * network 0.2, decisions 0.15, methane 0.15, public messages 0.2; null components left out) of:
 * - `relays`: mean credit over decided relay pairs (see RelayOutcome).
 * - `network`: 1 − F, the mean harmonic reach of the roles (null with fewer than 2 roles, or before any inject).
 * - `decisions`: Σ credit / number of decided decisions, where a decision logged with nobody invited ("solo")
 *   counts 0, a joint decision earns the linear credit of its time to become joint (jointTargetMs/jointDeadlineMs),
 *   a decision not joint by jointDeadlineMs earns 0; invited decisions still inside the window are pending.
 * - `methane`: share of the scenario's roles reached by at least one METHANE report (sender or recipient); null if
 *   none was sent and no released expectation asks for one (then 0).
 * - `publicMessages`: share of public messages that are neither premature nor contradicting.
 */
export interface CoordinationMeasures {
  score: Score;
  components: { relays: Score; network: Score; decisions: Score; methane: Score; publicMessages: Score };
  relays: {
    /** Pairs (released inject, role in its `needs` that did not receive it). */
    needed: number;
    relayed: number;
    relayedOnTime: number;
    notRelayed: number;
    pending: number;
    medianMs: number | null;
    p90Ms: number | null;
    items: RelayOutcome[];
  };
  network: NetworkMeasures;
  decisions: {
    logged: number;
    /** Logged with at least one other role invited. */
    invited: number;
    joint: number;
    solo: number;
    notJoint: number;
    pending: number;
    medianTimeToJointMs: number | null;
    items: DecisionOutcome[];
  };
  methane: {
    sent: number;
    /** Whether a released expectation asked for a METHANE report. */
    expected: boolean;
    /** Scenario roles that sent or received a METHANE report, sorted. */
    rolesReached: string[];
    /** rolesReached / number of scenario roles. */
    coverage: number | null;
    items: { id: string; role: string; to: string[]; event: EventRef }[];
  };
  publicMessages: {
    published: number;
    premature: number;
    contradicting: number;
    consistent: number;
    items: PublicMessageOutcome[];
    contradictions: Contradiction[];
  };
}

/**
 * A relay is owed for each role R in a released inject's `needs` that was not among its recipients. It is made by
 * the first `info-shared` or `methane-sent` to R, at or after the release, from a role that "had" the inject at that
 * moment: a recipient of the release, or a role that had itself been sent an info-shared/METHANE by a holder since
 * the release (information travels along chains). `about` is not required. Credit: 1 within relayTargetMs of the
 * release, linear to 0 at relayDeadlineMs; a relay after that still counts as relayed (credit 0); none by then is
 * "not-relayed".
 */
export interface RelayOutcome {
  inject: string;
  role: string;
  status: "relayed" | "not-relayed" | "pending";
  by: string | null;
  latencyMs: number | null;
  credit: number | null;
  phase: string;
  /** Roles that received the release: those who owed the relay. */
  holders: string[];
  released: EventRef;
  relay: EventRef | null;
}

/**
 * The communication network among the scenario's roles. Messages are `info-shared` (sender→each recipient),
 * `methane-sent` (sender→each recipient), `decision-logged` (logger→each invited role), `decision-agreed`
 * (agreeing role→logger) and `task-assigned` (assigner→assignee); messages to oneself or to unknown roles are
 * ignored. For distances every message is an undirected edge of length 1.
 * Fragmentation F = 1 − Σ_{i≠j} (1/d_ij) / (n(n−1)), d_ij the shortest path between roles i and j, 1/d = 0 when
 * unreachable (F = 0: everyone talked to everyone directly; F = 1: nobody talked).
 */
export interface NetworkMeasures {
  roles: string[];
  messages: number;
  /** One entry per pair of roles that exchanged at least one message, a < b. */
  edges: NetworkEdge[];
  /** Roles with no message sent or received. */
  isolated: string[];
  fragmentation: number | null;
  /** Per role: harmonic reach Σ_{j≠i} (1/d_ij) / (n − 1); the mean of these is 1 − F. */
  reach: { role: string; harmonic: number; degree: number; sent: number; received: number }[];
}

export interface NetworkEdge {
  a: string;
  b: string;
  aToB: number;
  bToA: number;
  /** seqs of every message on this edge, in order. */
  seqs: number[];
  first: EventRef;
}

export interface DecisionOutcome {
  id: string;
  role: string;
  topic: string | null;
  with: string[];
  status: "joint" | "solo" | "not-joint" | "pending";
  agreedBy: string[];
  timeToJointMs: number | null;
  credit: number | null;
  phase: string;
  logged: EventRef;
  joint: EventRef | null;
}

/**
 * A public message is premature when its topic is confirmed by some inject of the scenario (`confirms`) and no
 * such inject had been released before it (a topic no inject confirms needs no confirmation). It is contradicting
 * when an earlier public message by a *different* role, at most contradictionWindowMs before it, is on the same
 * topic or on an opposing topic (`opposingTopics`), and the two roles had exchanged no message in the window
 * [x − contradictionWindowMs, x] of the later message: they spoke to the public on the same matter without
 * agreeing lines. Only the later message is counted as contradicting; messages without a topic are never judged.
 */
export interface PublicMessageOutcome {
  id: string;
  role: string;
  channel: string;
  topic: string | null;
  premature: boolean;
  /** The inject whose release confirmed the topic first, if one had by then. */
  confirmedBy: string | null;
  contradicting: boolean;
  phase: string;
  event: EventRef;
}

export interface Contradiction {
  topic: string;
  /** The earlier message's topic (differs from `topic` for opposing topics). */
  otherTopic: string;
  earlier: EventRef;
  later: EventRef;
}

// ---------------------------------------------------------------------------------------------------------------
// Division of labour
// ---------------------------------------------------------------------------------------------------------------

/**
 * Division dimension = 100 × weighted mean (weights in `parameters.divisionWeights`, default ownership 0.3,
 * gaps 0.3, duplication 0.15, balance 0.1, specialisation 0.15; null components left out) of:
 * - `ownership` = Σ weight·c / Σ weight over met expectations, c = 1 met by its lead, supportCredit (0.5) by a
 *   support role, 0 by any other role.
 * - `gaps` = 1 − missed weight / decided (met + missed) weight.
 * - `duplication` = 1 − duplicated / distinct (role, task) pairs.
 * - `balance` = 1 if Gini*(carried) <= Gini*(expected), else 1 − (Gini*(carried) − Gini*(expected)) /
 *   (1 − Gini*(expected)), where over the scenario's n roles, carried_i = weight of met expectations that role i
 *   met and expected_i = weight of met expectations role i leads, and Gini* is the Gini coefficient normalised to
 *   0–1 (Σ_i Σ_j |v_i − v_j| / (2 n Σv) × n/(n − 1)): work must be no more concentrated than the plan puts it.
 *   (Only met expectations enter, so a gap lowers `gaps` without also moving `balance`.)
 * - `specialisation` = I(R;T) / H(R) over the role × task matrix of task actions (the uncertainty coefficient: 1
 *   when each task was done by a single role); 1 if only one role acted; null with fewer than 2 task actions.
 *
 * Task actions: every action that met an expectation, plus every operational action (unit-dispatched, cordon-set,
 * cordon-lifted, evacuation-ordered, road-closed, road-opened, resources-requested, decision-logged, methane-sent,
 * public-message). Acknowledgements, shares, task claims/assignments and agreements that met nothing are
 * communication, not tasks. The task key of an action is the expectation it met; otherwise its action key
 * (`kind:target`, e.g. `evacuate:market-square`, `deploy:ambulance:market-square`, `close-road:ring-road`,
 * `request-resources:ambulance`, `decision:<topic>`, `public-message:<topic>`, `methane`) — but an action key that
 * met an expectation anywhere in the log stands for that (first) expectation, so doing an expected task again is
 * the same task.
 * A duplicate is a role's first action on a task that another role had already done, when the two roles had
 * exchanged no message (see NetworkMeasures) before it. `methane` and decisions without a topic are never
 * duplicates (every service reports; decisions differ).
 */
export interface DivisionMeasures {
  score: Score;
  components: { ownership: Score; gaps: Score; duplication: Score; balance: Score; specialisation: Score };
  ownership: {
    met: number;
    byLead: number;
    bySupport: number;
    byOther: number;
    /** Expectations met by a support or other role: [expectation id]. */
    wrongRole: string[];
  };
  gaps: {
    decided: number;
    missed: number;
    decidedWeight: number;
    missedWeight: number;
    /** Missed expectation ids, in order of their miss. */
    items: string[];
  };
  duplicates: {
    /** Distinct (role, task) pairs of task actions. */
    roleTasks: number;
    duplicated: number;
    items: Duplicate[];
  };
  workload: {
    /** Per scenario role, sorted. */
    roles: {
      role: string;
      expectedWeight: number;
      carriedWeight: number;
      expectedShare: number | null;
      carriedShare: number | null;
      taskActions: number;
    }[];
    giniExpected: number | null;
    giniCarried: number | null;
    /** Descriptive only: Gini* of task action counts over roles. */
    giniActions: number | null;
  };
  matrix: TaskMatrix;
}

export interface Duplicate {
  task: string;
  first: EventRef;
  second: EventRef;
}

/** counts[r][t] = task actions of roles[r] on tasks[t]; roles are all scenario roles, tasks sorted. */
export interface TaskMatrix {
  roles: string[];
  tasks: string[];
  counts: number[][];
  /** Total task actions. */
  total: number;
  /** Entropies in bits. */
  entropyRole: number | null;
  entropyTask: number | null;
  mutualInformation: number | null;
  /** Standard NMI, 2·I / (H(R) + H(T)) (descriptive). */
  nmi: number | null;
  /** I / H(R), used for the specialisation component. */
  specialisation: number | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Breakdowns and findings
// ---------------------------------------------------------------------------------------------------------------

/**
 * Scores of a group of items (a role, a phase or a JESIP principle), each dimension with the dimension's formula
 * restricted to the items of the group; components that exist only for the whole team (network, balance,
 * specialisation, and METHANE outside roles) are left out, so group scores are comparable between groups but not
 * equal to the team's. What a group holds:
 * - role: acknowledgements it owed, expectations it leads (speed, ownership, gaps), relays of injects it received,
 *   its harmonic reach (network), decisions it logged, whether METHANE reached it, its public messages, duplicates
 *   where it was the second doer;
 * - phase: the items that arose in that phase (inject releases, decisions logged, public messages, duplicates);
 * - jesip: expectations with that principle (speed and division only; coordination is null).
 * `overall` uses the scenario's weights.
 */
export interface GroupScore {
  key: string;
  overall: Score;
  speed: Score;
  coordination: Score;
  division: Score;
  counts: {
    expectations: number;
    met: number;
    missed: number;
    pending: number;
    acknowledgements: number;
    relays: number;
    duplicates: number;
  };
}

export type FindingCode =
  // strengths
  | "expectations-on-time"
  | "relays-complete"
  | "network-connected"
  | "joint-decisions"
  | "methane-shared"
  | "public-messages-consistent"
  | "clear-ownership"
  // areas for improvement
  | "expectation-missed"
  | "expectation-late"
  | "wrong-role"
  | "not-relayed"
  | "relay-late"
  | "unacknowledged"
  | "isolated-role"
  | "fragmented-network"
  | "solo-decision"
  | "decision-not-joint"
  | "methane-not-sent"
  | "methane-not-shared"
  | "premature-public-message"
  | "contradicting-public-messages"
  | "duplicated-task";

export interface Finding {
  /** Stable within a log, e.g. "expectation-missed:plato-declared". */
  id: string;
  kind: "strength" | "improvement";
  dimension: Dimension;
  code: FindingCode;
  /** The role that should own the corrective action (or that earned the strength); null for the whole team. */
  owner: string | null;
  /** Values a report fills into its localised text for `code` (ids, counts, minutes). */
  params: Record<string, string | number>;
  /** English text of the finding. */
  message: string;
  /** English suggested corrective action (null for strengths). */
  action: string | null;
  evidence: EventRef[];
}
