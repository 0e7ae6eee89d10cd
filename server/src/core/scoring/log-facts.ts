/**
 * The one pass over the event log that scoring makes: it reads each event once, in order, up to `asOf`, and
 * collects the facts every measure is computed from (releases and acknowledgements, expectation outcomes,
 * actions, messages, decisions, METHANE reports, public messages, relays). Judgements that depend on what had
 * happened by the moment of an event (premature or contradicting public messages, relays along chains of
 * holders) are made here, as the events go by, so nothing later has to look back over the log.
 */
import type { EventOf, ExerciseEvent } from "../engine/events.ts";
import type { Inject } from "../scenario/schema.ts";
import { ContactBook } from "./contact-book.ts";
import { refTo } from "./event-ref.ts";
import { RecentPublicMessages } from "./recent-public.ts";
import { RelayTracker } from "./relay-tracker.ts";
import type { ScenarioIndex } from "./scenario-index.ts";
import { ScoringInputError } from "./scoring-input-error.ts";
import type { Contradiction, EventRef, PublicMessageOutcome, ScoringParameters } from "./scorecard.ts";

export interface ReleaseFact {
  inject: string;
  live: boolean;
  /** Recipients among the scenario's roles, each once, in the order the release names them. */
  to: string[];
  phase: string;
  ref: EventRef;
  /** acks[i]: first acknowledgement by to[i], null until there is one. */
  acks: (EventRef | null)[];
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
  /** The message event (an EventRef is made from it only when it becomes evidence: most messages never do). */
  event: ExerciseEvent;
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
  const recentPublic = new RecentPublicMessages(params.contradictionWindowMs, params.opposingTopics);
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
  /** `deploy:type:zone`, interned the same way (by type, then zone, so no string is built to look it up). */
  const deployKeys = new Map<string, Map<string, string>>();
  const deployKey = (type: string, zone: string): string => {
    let byZone = deployKeys.get(type);
    if (!byZone) {
      byZone = new Map();
      deployKeys.set(type, byZone);
    }
    let k = byZone.get(zone);
    if (k === undefined) {
      k = key("deploy", `${type}:${zone}`);
      byZone.set(zone, k);
    }
    return k;
  };
  /** Recipients among the scenario's roles, other than the sender: messages elsewhere carry no coordination. */
  const recipients = (from: number, to: readonly string[]): number[] => {
    if (to.length === 1) {
      // Most messages have one recipient: an exact-size array (a pushed-to empty one reserves room for 17).
      const i = roleIndex.get(to[0]!);
      return i !== undefined && i !== from ? [i] : [];
    }
    const out: number[] = [];
    for (let k = 0; k < to.length; k++) {
      const i = roleIndex.get(to[k]!);
      if (i !== undefined && i !== from && !out.includes(i)) out.push(i);
    }
    return out;
  };
  /** Records the message to `to`'s recipients (see recipients) and returns them. */
  const addMessage = (event: ExerciseEvent, from: number, to: readonly string[], carriesInjects: boolean): number[] => {
    const targets = recipients(from, to);
    if (targets.length === 0) return targets;
    facts.messages.push({ event, from, to: targets });
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k]!;
      contacts.record(from, t, event.seq, event.x);
    }
    if (carriesInjects) relays.onMessage(from, targets, event, index.roles[from]!);
    return targets;
  };
  const addAction = (event: ExerciseEvent, role: string, actionKey: string | null, duplicable: boolean): void => {
    facts.actions.push({ event, role: roleOf(role, event), phase, actionKey, duplicable, met: null });
  };
  const addRelease = (event: ExerciseEvent, inject: string, live: boolean, named: readonly string[], releasePhase: string) => {
    // Only the scenario's roles are owed an acknowledgement (and only they can acknowledge: see roleOf).
    const to: string[] = [];
    for (let i = 0; i < named.length; i++) {
      const role = named[i]!;
      if (roleIndex.has(role) && !to.includes(role)) to.push(role);
    }
    const acks = to.map((): EventRef | null => null);
    const release: ReleaseFact = { inject, live, to, phase: releasePhase, ref: refTo(event, undefined, inject), acks };
    facts.releases.push(release);
    facts.releaseByInject.set(inject, release);
    return release;
  };

  /**
   * The first release of a scenario inject. Its loops live here, not in the loop over the log: V8 can compile a
   * hot inner loop of that loop on its own (on-stack replacement) and then bails out each time it is left.
   */
  const releaseInject = (event: EventOf<"inject-released">, inject: Inject): void => {
    const releasePhase = inject.effects?.phase ?? phase;
    const release = addRelease(event, event.inject, false, event.to, releasePhase);
    const confirms = inject.confirms ?? [];
    for (let i = 0; i < confirms.length; i++) if (!confirmed.has(confirms[i]!)) confirmed.set(confirms[i]!, event.inject);
    relays.onRelease(event.inject, roleIndexes(event.to), roleIndexes(inject.needs ?? []), releasePhase, release.ref);
  };
  const roleNames = (indexes: readonly number[]): string[] => indexes.map((i) => index.roles[i]!);
  /** Indexes of the scenario's roles among `roles`, in order (other names dropped). */
  const roleIndexes = (roles: readonly string[]): number[] => {
    const out: number[] = [];
    for (let k = 0; k < roles.length; k++) {
      const i = roleIndex.get(roles[k]!);
      if (i !== undefined) out.push(i);
    }
    return out;
  };

  // Indexed loops over the log and the items here and in the measures: scoring runs once per call, often before
  // the optimising compiler has taken over, and a for-of loop then allocates an iterator result per element.
  // No function is created in this loop's body: V8 would then give `position` a fresh binding per iteration, as a
  // hidden inner loop, and code compiled on the stack for that inner loop bails out every time it is left.
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
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
        releaseInject(event, inject);
        break;
      }
      case "live-inject":
        if (!facts.releaseByInject.has(event.id)) addRelease(event, event.id, true, event.to, phase);
        break;
      case "acknowledged": {
        addAction(event, event.role, null, false);
        const release = facts.releaseByInject.get(event.item);
        const k = release ? release.to.indexOf(event.role) : -1;
        if (release && k >= 0 && release.acks[k] === null) release.acks[k] = refTo(event, event.role, event.item);
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
        addAction(event, event.role, deployKey(type, event.zone ?? "-"), event.zone !== undefined);
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
        const invited = addMessage(event, roleOf(event.role, event), event.with, false);
        const decision: DecisionFact = {
          id: event.id,
          role: event.role,
          topic,
          with: roleNames(invited),
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
          const role = roleOf(event.role, event);
          const earlier = recentPublic.contradicted(topic, event.x, role, contacts);
          if (earlier) {
            fact.contradicting = true;
            facts.contradictions.push({ topic, otherTopic: earlier.topic!, earlier: earlier.event, later: fact.event });
          }
          recentPublic.add(fact, topic, role);
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

  /**
   * The action with this seq. Usually the engine logs expectation-met right after it, but an expectation met by
   * a state already in place names an action far back: actions are in seq order, so search by halves.
   */
  function actionAt(seq: number): ActionFact | null {
    const actions = facts.actions;
    let lo = 0;
    let hi = actions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const action = actions[mid]!;
      const at = action.event.seq;
      if (at === seq) return action;
      if (at < seq) lo = mid + 1;
      else hi = mid - 1;
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
}
