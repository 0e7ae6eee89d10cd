/**
 * The one pass over the event log that scoring makes: it reads each event once, in order, up to `asOf`, and
 * collects the facts every measure is computed from (releases and acknowledgements, expectation outcomes,
 * actions, messages, decisions, METHANE reports, public messages, relays). Judgements that depend on what had
 * happened by the moment of an event (premature or contradicting public messages, relays along chains of
 * holders) are made here, as the events go by, so nothing later has to look back over the log.
 */
import type { ExerciseEvent } from "../engine/events.ts";
import { ContactBook } from "./contact-book.ts";
import { refTo } from "./event-ref.ts";
import { RelayTracker } from "./relay-tracker.ts";
import type { ScenarioIndex } from "./scenario-index.ts";
import { ScoringInputError } from "./scoring-input-error.ts";
import type { Contradiction, EventRef, PublicMessageOutcome, ScoringParameters } from "./scorecard.ts";

export interface ReleaseFact {
  inject: string;
  live: boolean;
  to: string[];
  phase: string;
  ref: EventRef;
  /** First acknowledgement by each recipient role. */
  acks: Map<string, EventRef>;
}

export interface OutcomeFact {
  met: { role: string; ref: EventRef; action: EventRef | null } | null;
  missed: EventRef | null;
}

export interface ActionFact {
  /** The action event itself (an EventRef is made from it only when it becomes evidence: see actionRef). */
  event: ExerciseEvent;
  role: number;
  phase: string;
  /** `kind:target` for operational actions, null for communication (acks, shares, claims, assignments, agreements). */
  actionKey: string | null;
  /** Whether a second role doing it can be duplicated effort (METHANE and untitled decisions cannot). */
  duplicable: boolean;
  /** Expectation id this action met. */
  met: string | null;
}

export interface MessageFact {
  ref: EventRef;
  from: number;
  to: number[];
}

export interface DecisionFact {
  id: string;
  role: string;
  topic: string | null;
  with: string[];
  phase: string;
  logged: EventRef;
  agreedBy: string[];
  joint: EventRef | null;
}

export interface MethaneFact {
  id: string;
  role: string;
  to: string[];
  ref: EventRef;
}

/** A public message as judged when it was published (the ScoreCard's PublicMessageOutcome). */
export type PublicFact = PublicMessageOutcome;

export interface LogFacts {
  asOf: number;
  final: boolean;
  eventCount: number;
  exerciseId: string | null;
  language: string | null;
  releases: ReleaseFact[];
  releaseByInject: Map<string, ReleaseFact>;
  outcomes: Map<string, OutcomeFact>;
  actions: ActionFact[];
  messages: MessageFact[];
  decisions: DecisionFact[];
  methane: MethaneFact[];
  publicMessages: PublicFact[];
  contradictions: Contradiction[];
  relays: RelayTracker;
  contacts: ContactBook;
  /** Phase in force at asOf. */
  phaseAtEnd: string;
}

/** Exercise ms up to which to score: the given asOf, or the last event's x. */
export function resolveAsOf(events: readonly ExerciseEvent[], asOf: number | undefined): number {
  if (asOf !== undefined) {
    if (!Number.isFinite(asOf) || asOf < 0) {
      throw new ScoringInputError(`asOf must be a non-negative number of exercise ms, got ${String(asOf)}`);
    }
    return asOf;
  }
  return events.length > 0 ? events[events.length - 1]!.x : 0;
}

export function collectFacts(
  index: ScenarioIndex,
  events: readonly ExerciseEvent[],
  asOf: number,
  params: ScoringParameters
): LogFacts {
  const { scenario, roleIndex } = index;
  const contacts = new ContactBook(index.roles.length);
  const relays = new RelayTracker(index.roles.length);
  const facts: LogFacts = {
    asOf,
    final: false,
    eventCount: 0,
    exerciseId: null,
    language: null,
    releases: [],
    releaseByInject: new Map(),
    outcomes: new Map(),
    actions: [],
    messages: [],
    decisions: [],
    methane: [],
    publicMessages: [],
    contradictions: [],
    relays,
    contacts,
    phaseAtEnd: index.phaseIds[0] ?? ""
  };
  const decisionById = new Map<string, DecisionFact>();
  /** topic → inject whose release first confirmed it. */
  const confirmed = new Map<string, string>();
  /** Public messages with a topic, kept while they can still be contradicted. */
  const recentPublic: PublicFact[] = [];
  /** recentPublic[recentStart...] are within the contradiction window of the latest public message. */
  let recentStart = 0;
  let phase = facts.phaseAtEnd;
  let lastSeq = 0;
  let lastX = 0;

  const roleOf = (role: string, event: ExerciseEvent): number => {
    const i = roleIndex.get(role);
    if (i === undefined) {
      throw new ScoringInputError(
        `${event.type} names role "${role}", which scenario "${scenario.id}" does not define`,
        event.seq
      );
    }
    return i;
  };
  /**
   * Action keys are interned: the same `kind:target` string object every time, so the many Map lookups by task
   * key downstream hash an existing flat string instead of a fresh concatenation.
   */
  const keys = new Map<string, Map<string, string>>();
  const key = (kind: string, target: string): string => {
    let byTarget = keys.get(kind);
    if (!byTarget) {
      byTarget = new Map();
      keys.set(kind, byTarget);
    }
    let k = byTarget.get(target);
    if (k === undefined) {
      k = `${kind}:${target}`;
      byTarget.set(target, k);
    }
    return k;
  };
  /** Recipients among the scenario's roles, other than the sender: messages elsewhere carry no coordination. */
  const recipients = (from: number, to: readonly string[]): number[] => {
    const out: number[] = [];
    for (const role of to) {
      const i = roleIndex.get(role);
      if (i !== undefined && i !== from && !out.includes(i)) out.push(i);
    }
    return out;
  };
  const addMessage = (event: ExerciseEvent, from: number, to: readonly string[], carriesInjects: boolean): void => {
    const targets = recipients(from, to);
    if (targets.length === 0) return;
    const ref = refTo(event, index.roles[from]);
    facts.messages.push({ ref, from, to: targets });
    for (const t of targets) contacts.record(from, t, event.seq, event.x);
    if (carriesInjects) relays.onMessage(from, targets, ref);
  };
  const addAction = (event: ExerciseEvent, role: string, actionKey: string | null, duplicable: boolean): void => {
    facts.actions.push({ event, role: roleOf(role, event), phase, actionKey, duplicable, met: null });
  };
  const addRelease = (event: ExerciseEvent, inject: string, live: boolean, to: string[], releasePhase: string) => {
    const release: ReleaseFact = { inject, live, to, phase: releasePhase, ref: refTo(event, undefined, inject), acks: new Map() };
    facts.releases.push(release);
    facts.releaseByInject.set(inject, release);
    return release;
  };

  for (const event of events) {
    if (!(event.seq > lastSeq)) {
      throw new ScoringInputError(`events must be in increasing seq order (previous seq ${lastSeq})`, event.seq);
    }
    if (!(event.x >= lastX)) {
      throw new ScoringInputError(`x (${event.x}) is below the previous event's (${lastX})`, event.seq);
    }
    lastSeq = event.seq;
    lastX = event.x;
    // Later events are only checked for order: x never decreases, so none of them is scored either.
    if (event.x > asOf) continue;
    facts.eventCount++;

    switch (event.type) {
      case "exercise-created":
        if (event.scenarioId !== scenario.id) {
          throw new ScoringInputError(
            `the log is an exercise of scenario "${event.scenarioId}", not of "${scenario.id}"`,
            event.seq
          );
        }
        facts.exerciseId = event.exerciseId;
        facts.language = event.language;
        break;
      case "exercise-ended":
        facts.final = true;
        break;
      case "phase-changed":
        phase = event.phase;
        break;
      case "inject-released": {
        const inject = index.injects.get(event.inject);
        if (!inject) {
          throw new ScoringInputError(`inject-released names inject "${event.inject}", unknown to the scenario`, event.seq);
        }
        if (facts.releaseByInject.has(event.inject)) break; // only the first release of an inject counts
        const releasePhase = inject.effects?.phase ?? phase;
        const release = addRelease(event, event.inject, false, [...event.to], releasePhase);
        for (const topic of inject.confirms ?? []) if (!confirmed.has(topic)) confirmed.set(topic, event.inject);
        const to: number[] = [];
        for (const role of event.to) {
          const i = roleIndex.get(role);
          if (i !== undefined) to.push(i);
        }
        const needs: number[] = [];
        for (const role of inject.needs ?? []) {
          const i = roleIndex.get(role);
          if (i !== undefined) needs.push(i);
        }
        relays.onRelease(event.inject, to, needs, releasePhase, release.ref);
        break;
      }
      case "live-inject":
        if (!facts.releaseByInject.has(event.id)) addRelease(event, event.id, true, [...event.to], phase);
        break;
      case "acknowledged": {
        addAction(event, event.role, null, false);
        const release = facts.releaseByInject.get(event.item);
        if (release && release.to.includes(event.role) && !release.acks.has(event.role)) {
          release.acks.set(event.role, refTo(event, event.role, event.item));
        }
        break;
      }
      case "info-shared":
        addAction(event, event.role, null, false);
        addMessage(event, roleOf(event.role, event), event.to, true);
        break;
      case "methane-sent": {
        addAction(event, event.role, "methane", false);
        addMessage(event, roleOf(event.role, event), event.to, true);
        facts.methane.push({ id: event.id, role: event.role, to: [...event.to], ref: refTo(event, event.role) });
        break;
      }
      case "unit-dispatched": {
        const type = index.unitTypes.get(event.unit) ?? event.unit;
        // A deployment to no zone is to a point only: there is no common task to duplicate.
        addAction(event, event.role, key("deploy", `${type}:${event.zone ?? "-"}`), event.zone !== undefined);
        break;
      }
      case "cordon-set":
        addAction(event, event.role, key("set-cordon", event.zone), true);
        break;
      case "cordon-lifted":
        addAction(event, event.role, key("lift-cordon", event.zone), true);
        break;
      case "evacuation-ordered":
        addAction(event, event.role, key("evacuate", event.zone), true);
        break;
      case "road-closed":
        addAction(event, event.role, key("close-road", event.road), true);
        break;
      case "road-opened":
        addAction(event, event.role, key("open-road", event.road), true);
        break;
      case "resources-requested":
        addAction(event, event.role, key("request-resources", event.unitType), true);
        break;
      case "task-claimed":
        addAction(event, event.role, null, false);
        break;
      case "task-assigned":
        addAction(event, event.role, null, false);
        addMessage(event, roleOf(event.role, event), [event.to], false);
        break;
      case "decision-logged": {
        const topic = event.topic ?? null;
        addAction(event, event.role, topic === null ? "decision" : key("decision", topic), topic !== null);
        addMessage(event, roleOf(event.role, event), event.with, false);
        const decision: DecisionFact = {
          id: event.id,
          role: event.role,
          topic,
          with: recipients(roleOf(event.role, event), event.with).map((i) => index.roles[i]!),
          phase,
          logged: refTo(event, event.role),
          agreedBy: [],
          joint: null
        };
        facts.decisions.push(decision);
        decisionById.set(event.id, decision);
        break;
      }
      case "decision-agreed": {
        addAction(event, event.role, null, false);
        const decision = decisionById.get(event.decision);
        if (decision) {
          if (!decision.agreedBy.includes(event.role)) decision.agreedBy.push(event.role);
          addMessage(event, roleOf(event.role, event), [decision.role], false);
        }
        break;
      }
      case "decision-joint": {
        const decision = decisionById.get(event.decision);
        if (decision && decision.joint === null) decision.joint = refTo(event, decision.role);
        break;
      }
      case "public-message": {
        addAction(event, event.role, event.topic === undefined ? "public-message" : key("public-message", event.topic), event.topic !== undefined);
        const topic = event.topic ?? null;
        const confirmedBy = topic === null ? null : (confirmed.get(topic) ?? null);
        const fact: PublicFact = {
          id: event.id,
          role: event.role,
          channel: event.channel,
          topic,
          premature: topic !== null && index.confirmableTopics.has(topic) && confirmedBy === null,
          confirmedBy,
          contradicting: false,
          phase,
          event: refTo(event, event.role)
        };
        facts.publicMessages.push(fact);
        if (topic !== null) {
          judgeContradiction(fact, event.x, roleOf(event.role, event));
          recentPublic.push(fact);
        }
        break;
      }
      case "expectation-met": {
        if (!index.expectations.has(event.expectation)) {
          throw new ScoringInputError(`expectation-met names expectation "${event.expectation}", unknown to the scenario`, event.seq);
        }
        const outcome = outcomeOf(event.expectation);
        if (outcome.met || outcome.missed) break;
        const action = actionAt(event.action);
        if (action && action.met === null) action.met = event.expectation;
        outcome.met = {
          role: event.role,
          ref: refTo(event, event.role, event.inject),
          action: action ? refTo(action.event, index.roles[action.role], event.inject) : null
        };
        break;
      }
      case "expectation-missed": {
        if (!index.expectations.has(event.expectation)) {
          throw new ScoringInputError(`expectation-missed names expectation "${event.expectation}", unknown to the scenario`, event.seq);
        }
        const outcome = outcomeOf(event.expectation);
        if (!outcome.met && !outcome.missed) outcome.missed = refTo(event, undefined, event.inject);
        break;
      }
      default:
        break;
    }
  }
  facts.phaseAtEnd = phase;
  return facts;

  /** The action with this seq: the engine logs expectation-met right after it, so look back from the end. */
  function actionAt(seq: number): ActionFact | null {
    for (let i = facts.actions.length - 1; i >= 0; i--) {
      const action = facts.actions[i]!;
      if (action.event.seq === seq) return action;
      if (action.event.seq < seq) return null;
    }
    return null;
  }

  function outcomeOf(expectation: string): OutcomeFact {
    let outcome = facts.outcomes.get(expectation);
    if (!outcome) {
      outcome = { met: null, missed: null };
      facts.outcomes.set(expectation, outcome);
    }
    return outcome;
  }

  function judgeContradiction(later: PublicFact, x: number, laterRole: number): void {
    const window = params.contradictionWindowMs;
    while (recentStart < recentPublic.length && x - recentPublic[recentStart]!.event.x > window) recentStart++;
    for (let i = recentStart; i < recentPublic.length; i++) {
      const earlier = recentPublic[i]!;
      if (earlier.role === later.role || earlier.topic === null || later.topic === null) continue;
      if (!(earlier.topic === later.topic || opposing(earlier.topic, later.topic))) continue;
      const earlierRole = roleIndex.get(earlier.role)!;
      if (contacts.lastContactX(earlierRole, laterRole) >= x - window) continue;
      later.contradicting = true;
      facts.contradictions.push({ topic: later.topic, otherTopic: earlier.topic, earlier: earlier.event, later: later.event });
      return;
    }
  }

  function opposing(a: string, b: string): boolean {
    for (const [p, q] of params.opposingTopics) if ((a === p && b === q) || (a === q && b === p)) return true;
    return false;
  }
}
