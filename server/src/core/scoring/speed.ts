/**
 * Speed: how long each recipient took to acknowledge each inject, and how long the team took to meet each
 * expectation against its target (definitions in scorecard.ts, SpeedMeasures).
 */
import { withInject } from "./event-ref.ts";
import type { LogFacts } from "./log-facts.ts";
import { deadlineMs, targetMs, type ScenarioIndex } from "./scenario-index.ts";
import type { AckOutcome, ExpectationOutcome, LatencyStats, Owner, Score, ScoringParameters } from "./scorecard.ts";
import { linearCredit, medianAndP90, ratio, roundOrNull } from "./stats.ts";
import type { Tallies } from "./tally.ts";

export function acknowledgementOutcomes(
  index: ScenarioIndex,
  facts: LogFacts,
  params: ScoringParameters,
  tallies: Tallies
): AckOutcome[] {
  const out: AckOutcome[] = [];
  for (let i = 0; i < facts.releases.length; i++) {
    const release = facts.releases[i]!;
    const elapsed = facts.asOf - release.ref.x;
    for (let k = 0; k < release.to.length; k++) {
      const role = release.to[k]!;
      const ack = release.acks[k] ?? null;
      let status: AckOutcome["status"];
      let latencyMs: number | null = null;
      let credit: number | null = null;
      if (ack) {
        status = "acknowledged";
        latencyMs = ack.x - release.ref.x;
        credit = linearCredit(latencyMs, params.ackTargetMs, params.ackDeadlineMs);
      } else if (elapsed >= params.ackDeadlineMs) {
        status = "unacknowledged";
        credit = 0;
      } else {
        status = "pending";
      }
      const groups = tallies.ofRole(role, release.phase);
      for (let j = 0; j < groups.length; j++) {
        const t = groups[j]!;
        t.counts.acknowledgements++;
        if (credit !== null) {
          t.ackCount++;
          t.ackCredit += credit;
        }
      }
      out.push({
        inject: release.inject,
        live: release.live,
        role,
        status,
        latencyMs,
        credit: roundOrNull(credit, 4),
        phase: release.phase,
        released: { ...release.ref, role },
        acknowledged: ack
      });
    }
  }
  return out;
}

export function expectationOutcomes(
  index: ScenarioIndex,
  facts: LogFacts,
  params: ScoringParameters,
  tallies: Tallies
): ExpectationOutcome[] {
  const out: ExpectationOutcome[] = [];
  for (let i = 0; i < index.expectationList.length; i++) {
    const { expectation: e, inject } = index.expectationList[i]!;
    const release = facts.releaseByInject.get(inject.id);
    const released = release && !release.live ? release : null;
    const outcome = facts.outcomes.get(e.id);
    const weight = e.weight ?? 1;
    const support = e.support ?? [];
    const target = targetMs(e);
    const deadline = Math.max(deadlineMs(e), target);
    const base: ExpectationOutcome = {
      expectation: e.id,
      inject: inject.id,
      lead: e.lead,
      support: [...support],
      jesip: e.jesip,
      weight,
      targetMs: target,
      deadlineMs: deadline,
      phase: released ? released.phase : null,
      status: "not-released",
      metBy: null,
      owner: null,
      latencyMs: null,
      onTime: null,
      credit: null,
      released: released ? { ...released.ref, role: e.lead } : null,
      action: null,
      outcome: null
    };
    if (!released) {
      out.push(base);
      continue;
    }
    let credit: number | null = null;
    let ownership: number | null = null;
    if (outcome?.met) {
      const actionX = outcome.met.action?.x ?? outcome.met.ref.x;
      // An expectation met by an action taken before its inject (the state it asks for was already in place) took no time.
      const latency = Math.max(0, actionX - released.ref.x);
      const owner: Owner = outcome.met.role === e.lead ? "lead" : support.includes(outcome.met.role) ? "support" : "other";
      credit = linearCredit(latency, target, deadline);
      ownership = owner === "lead" ? 1 : owner === "support" ? params.supportCredit : 0;
      // Plain stores into the object built above: it keeps one shape, and no partial object is made per item.
      base.status = "met";
      base.metBy = outcome.met.role;
      base.owner = owner;
      base.latencyMs = latency;
      base.onTime = latency <= target;
      base.credit = roundOrNull(credit, 4);
      base.action = outcome.met.action ? withInject(outcome.met.action, inject.id) : null;
      base.outcome = outcome.met.ref;
    } else if (outcome?.missed) {
      credit = 0;
      base.status = "missed";
      base.onTime = false;
      base.credit = 0;
      base.outcome = outcome.missed;
    } else {
      base.status = "pending";
    }
    const groups = tallies.ofRole(e.lead, released.phase, e.jesip);
    for (let j = 0; j < groups.length; j++) {
      const t = groups[j]!;
      t.counts.expectations++;
      if (base.status === "met") t.counts.met++;
      else if (base.status === "missed") t.counts.missed++;
      else t.counts.pending++;
      if (credit === null) continue;
      // Passing information on is judged by coordination (relays, METHANE), not speed: a team that never shares
      // but acts on time is fast and uncoordinated, not slow.
      if (!isCommunicationAction(e.action.action)) {
        t.expectationWeight += weight;
        t.expectationCredit += weight * credit;
      }
      t.decidedWeight += weight;
      if (base.status === "missed") t.missedWeight += weight;
      if (ownership !== null) {
        t.ownedWeight += weight;
        t.ownedCredit += weight * ownership;
      }
    }
    out.push(base);
  }
  return out;
}

/** Latency statistics of the given acknowledgements and expectations (see LatencyStats). */
export function latencyStats(acks: readonly AckOutcome[], expectations: readonly ExpectationOutcome[], score: Score): LatencyStats {
  const ackLatencies: number[] = [];
  let acknowledged = 0;
  let unacknowledged = 0;
  let pendingAcks = 0;
  for (let i = 0; i < acks.length; i++) {
    const a = acks[i]!;
    if (a.status === "acknowledged") {
      acknowledged++;
      ackLatencies.push(a.latencyMs!);
    } else if (a.status === "unacknowledged") unacknowledged++;
    else pendingAcks++;
  }
  const metLatencies: number[] = [];
  let count = 0;
  let met = 0;
  let metOnTime = 0;
  let missed = 0;
  let pending = 0;
  for (let i = 0; i < expectations.length; i++) {
    const e = expectations[i]!;
    if (e.status === "not-released") continue;
    count++;
    if (e.status === "met") {
      met++;
      if (e.onTime) metOnTime++;
      metLatencies.push(e.latencyMs!);
    } else if (e.status === "missed") missed++;
    else pending++;
  }
  return {
    acknowledgements: {
      count: acks.length,
      acknowledged,
      unacknowledged,
      pending: pendingAcks,
      ...medianAndP90(ackLatencies)
    },
    expectations: {
      count,
      met,
      metOnTime,
      missed,
      pending,
      onTimeShare: roundOrNull(ratio(metOnTime, met + missed), 4),
      ...medianAndP90(metLatencies)
    },
    score
  };
}

/** Expectations met by passing information to other roles; scored under coordination, not speed. */
export function isCommunicationAction(action: string): boolean {
  return action === "share" || action === "methane";
}
