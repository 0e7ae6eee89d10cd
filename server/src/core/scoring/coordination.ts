/**
 * Coordination: relays of information other roles needed, joint decisions, METHANE reports and public messages
 * (definitions in scorecard.ts, CoordinationMeasures). The network part is in network.ts.
 */
import type { LogFacts } from "./log-facts.ts";
import type { Network } from "./network.ts";
import type { ScenarioIndex } from "./scenario-index.ts";
import type {
  CoordinationMeasures,
  DecisionOutcome,
  ExpectationOutcome,
  PublicMessageOutcome,
  RelayOutcome,
  ScoringParameters
} from "./scorecard.ts";
import { linearCredit, medianAndP90, roundOrNull } from "./stats.ts";
import type { Tallies } from "./tally.ts";

export function relayOutcomes(index: ScenarioIndex, facts: LogFacts, params: ScoringParameters, tallies: Tallies): RelayOutcome[] {
  return facts.relays.items.map((fact) => {
    const holders = fact.holders.map((i) => index.roles[i]!);
    let status: RelayOutcome["status"];
    let latencyMs: number | null = null;
    let credit: number | null = null;
    if (fact.relay) {
      status = "relayed";
      latencyMs = fact.relay.ref.x - fact.released.x;
      credit = linearCredit(latencyMs, params.relayTargetMs, params.relayDeadlineMs);
    } else if (facts.asOf - fact.released.x >= params.relayDeadlineMs) {
      status = "not-relayed";
      credit = 0;
    } else {
      status = "pending";
    }
    // Those who received the inject owed the relay: it counts for each of them.
    const groups = tallies.of({ roles: holders, phase: fact.phase });
    for (let k = 0; k < groups.length; k++) {
      const t = groups[k]!;
      t.counts.relays++;
      if (credit === null) continue;
      t.relayCount++;
      t.relayCredit += credit;
    }
    return {
      inject: fact.inject,
      role: index.roles[fact.role]!,
      status,
      by: fact.relay ? index.roles[fact.relay.by]! : null,
      latencyMs,
      credit: roundOrNull(credit, 4),
      phase: fact.phase,
      holders,
      released: { ...fact.released, role: index.roles[fact.role]! },
      relay: fact.relay ? { ...fact.relay.ref, inject: fact.inject } : null
    };
  });
}

export function decisionOutcomes(facts: LogFacts, params: ScoringParameters, tallies: Tallies): DecisionOutcome[] {
  return facts.decisions.map((d) => {
    let status: DecisionOutcome["status"];
    let timeToJointMs: number | null = null;
    let credit: number | null = null;
    if (d.with.length === 0) {
      status = "solo";
      credit = 0;
    } else if (d.joint) {
      status = "joint";
      timeToJointMs = d.joint.x - d.logged.x;
      credit = linearCredit(timeToJointMs, params.jointTargetMs, params.jointDeadlineMs);
    } else if (facts.asOf - d.logged.x >= params.jointDeadlineMs) {
      status = "not-joint";
      credit = 0;
    } else {
      status = "pending";
    }
    if (credit !== null) {
      const groups = tallies.ofRole(d.role, d.phase);
      for (let k = 0; k < groups.length; k++) {
        const t = groups[k]!;
        t.decisionCount++;
        t.decisionCredit += credit;
      }
    }
    return {
      id: d.id,
      role: d.role,
      topic: d.topic,
      // The facts are this scoring's own and are dropped afterwards: their lists need no copy.
      with: d.with,
      status,
      agreedBy: d.agreedBy,
      timeToJointMs,
      credit: roundOrNull(credit, 4),
      phase: d.phase,
      logged: d.logged,
      joint: d.joint
    };
  });
}

/** Public messages were judged as they were published (log-facts.ts); here they are counted. */
export function publicMessageOutcomes(facts: LogFacts, tallies: Tallies): PublicMessageOutcome[] {
  for (let i = 0; i < facts.publicMessages.length; i++) {
    const p = facts.publicMessages[i]!;
    const groups = tallies.ofRole(p.role, p.phase);
    for (let k = 0; k < groups.length; k++) {
      const t = groups[k]!;
      t.publicCount++;
      if (!p.premature && !p.contradicting) t.publicConsistent++;
    }
  }
  return facts.publicMessages;
}

/**
 * Assembles the coordination measures; also sets the team's and each role's network and METHANE components
 * (`components` and `score` are filled in by the caller from the tallies).
 */
export function coordinationMeasures(
  index: ScenarioIndex,
  facts: LogFacts,
  network: Network,
  expectations: readonly ExpectationOutcome[],
  relays: RelayOutcome[],
  decisions: DecisionOutcome[],
  publicMessages: PublicMessageOutcome[],
  params: ScoringParameters,
  tallies: Tallies
): Omit<CoordinationMeasures, "score" | "components"> {
  const n = index.roles.length;
  // Network: the team's component is 1 − F, a role's its harmonic reach (their mean is 1 − F).
  // Before the first inject nobody has had anything to say: the network is not judged yet.
  const judged = facts.releaseByInject.size > 0 && network.exactFragmentation !== null;
  tallies.team.network = judged ? 1 - network.exactFragmentation! : null;
  if (n > 1 && judged) index.roles.forEach((role, i) => (tallies.role(role).network = network.exactHarmonic[i]!));

  const reached = new Set<string>();
  for (const m of facts.methane) {
    if (index.roleIndex.has(m.role)) reached.add(m.role);
    for (const role of m.to) if (index.roleIndex.has(role)) reached.add(role);
  }
  const methaneExpected = expectations.some((e) => e.status !== "not-released" && isMethaneExpectation(index, e.expectation));
  const coverage = facts.methane.length > 0 ? reached.size / n : methaneExpected ? 0 : null;
  tallies.team.methane = coverage;
  if (coverage !== null) for (const role of index.roles) tallies.role(role).methane = reached.has(role) ? 1 : 0;

  const relayLatencies = relays.filter((r) => r.status === "relayed").map((r) => r.latencyMs!);
  const jointTimes = decisions.filter((d) => d.status === "joint").map((d) => d.timeToJointMs!);
  const { exactFragmentation: _f, exactHarmonic: _h, ...plainNetwork } = network;
  return {
    relays: {
      needed: relays.length,
      relayed: relays.filter((r) => r.status === "relayed").length,
      relayedOnTime: relays.filter((r) => r.status === "relayed" && r.latencyMs! <= params.relayTargetMs).length,
      notRelayed: relays.filter((r) => r.status === "not-relayed").length,
      pending: relays.filter((r) => r.status === "pending").length,
      ...medianAndP90(relayLatencies),
      items: relays
    },
    network: plainNetwork,
    decisions: {
      logged: decisions.length,
      invited: decisions.filter((d) => d.with.length > 0).length,
      joint: decisions.filter((d) => d.status === "joint").length,
      solo: decisions.filter((d) => d.status === "solo").length,
      notJoint: decisions.filter((d) => d.status === "not-joint").length,
      pending: decisions.filter((d) => d.status === "pending").length,
      medianTimeToJointMs: medianAndP90(jointTimes).medianMs,
      items: decisions
    },
    methane: {
      sent: facts.methane.length,
      expected: methaneExpected,
      rolesReached: [...reached].sort(),
      coverage: roundOrNull(coverage, 4),
      items: facts.methane.map((m) => ({ id: m.id, role: m.role, to: [...m.to], event: m.ref }))
    },
    publicMessages: {
      published: publicMessages.length,
      premature: publicMessages.filter((p) => p.premature).length,
      contradicting: publicMessages.filter((p) => p.contradicting).length,
      consistent: publicMessages.filter((p) => !p.premature && !p.contradicting).length,
      items: publicMessages,
      contradictions: facts.contradictions
    }
  };
}

function isMethaneExpectation(index: ScenarioIndex, id: string): boolean {
  return index.expectations.get(id)?.expectation.action.action === "methane";
}
