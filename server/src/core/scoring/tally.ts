/**
 * Running sums behind every score. Each measured item (an acknowledgement, an expectation, a relay, a decision, a
 * public message, a (role, task) pair) is added to the team's tally and to the tallies of the groups it belongs to
 * (its role(s), its phase, its JESIP principle); the dimension scores of the team and of every group are then the
 * same formulas applied to their tallies (see scorecard.ts), so a group score is computed exactly like the team's.
 */
import type { JesipPrinciple } from "../scenario/schema.ts";
import type { Score, ScoringParameters } from "./scorecard.ts";
import { ratio, toScore, weightedMean } from "./stats.ts";

export interface Tally {
  /** Decided expectations: Σ weight and Σ weight·speed credit. */
  expectationWeight: number;
  expectationCredit: number;
  /** Decided acknowledgement pairs and Σ credit. */
  ackCount: number;
  ackCredit: number;
  relayCount: number;
  relayCredit: number;
  decisionCount: number;
  decisionCredit: number;
  publicCount: number;
  publicConsistent: number;
  /** Whole-network components, set directly (team: 1 − F; role: its harmonic reach). */
  network: number | null;
  methane: number | null;
  /** Met expectations: Σ weight and Σ weight·ownership credit. */
  ownedWeight: number;
  ownedCredit: number;
  decidedWeight: number;
  missedWeight: number;
  roleTasks: number;
  duplicated: number;
  balance: number | null;
  specialisation: number | null;
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

export function emptyTally(): Tally {
  return {
    expectationWeight: 0,
    expectationCredit: 0,
    ackCount: 0,
    ackCredit: 0,
    relayCount: 0,
    relayCredit: 0,
    decisionCount: 0,
    decisionCredit: 0,
    publicCount: 0,
    publicConsistent: 0,
    network: null,
    methane: null,
    ownedWeight: 0,
    ownedCredit: 0,
    decidedWeight: 0,
    missedWeight: 0,
    roleTasks: 0,
    duplicated: 0,
    balance: null,
    specialisation: null,
    counts: { expectations: 0, met: 0, missed: 0, pending: 0, acknowledgements: 0, relays: 0, duplicates: 0 }
  };
}

/** The groups one item belongs to. */
export interface GroupKeys {
  roles?: readonly string[];
  phase?: string | null;
  jesip?: JesipPrinciple;
}

export class Tallies {
  readonly team: Tally = emptyTally();
  readonly byRole = new Map<string, Tally>();
  readonly byPhase = new Map<string, Tally>();
  readonly byJesip = new Map<string, Tally>();

  /**
   * Lists handed out by ofRole, by role, phase and JESIP principle: thousands of items fall into a handful of
   * groups, so each list is built once instead of once per item.
   */
  private readonly lists = new Map<string, Map<string | null, Map<JesipPrinciple | undefined, readonly Tally[]>>>();

  /** The team's tally and those of the item's groups (each role once). */
  of(keys: GroupKeys): Tally[] {
    const out = [this.team];
    const roles = keys.roles;
    if (roles) {
      for (let i = 0; i < roles.length; i++) {
        const role = roles[i]!;
        if (roles.indexOf(role) === i) out.push(get(this.byRole, role));
      }
    }
    if (keys.phase != null) out.push(get(this.byPhase, keys.phase));
    if (keys.jesip !== undefined) out.push(get(this.byJesip, keys.jesip));
    return out;
  }

  /** `of({ roles: [role], phase, jesip })` for an item of one role; the list is shared, not to be changed. */
  ofRole(role: string, phase: string | null, jesip?: JesipPrinciple): readonly Tally[] {
    let byPhase = this.lists.get(role);
    if (!byPhase) {
      byPhase = new Map();
      this.lists.set(role, byPhase);
    }
    let byJesip = byPhase.get(phase);
    if (!byJesip) {
      byJesip = new Map();
      byPhase.set(phase, byJesip);
    }
    let list = byJesip.get(jesip);
    if (!list) {
      list = this.of({ roles: [role], phase, jesip });
      byJesip.set(jesip, list);
    }
    return list;
  }

  role(role: string): Tally {
    return get(this.byRole, role);
  }
}

function get(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = emptyTally();
    map.set(key, tally);
  }
  return tally;
}

export interface TallyComponents {
  speed: { expectations: number | null; acknowledgements: number | null };
  coordination: {
    relays: number | null;
    network: number | null;
    decisions: number | null;
    methane: number | null;
    publicMessages: number | null;
  };
  division: {
    ownership: number | null;
    gaps: number | null;
    duplication: number | null;
    balance: number | null;
    specialisation: number | null;
  };
}

export function componentsOf(t: Tally): TallyComponents {
  return {
    speed: {
      expectations: ratio(t.expectationCredit, t.expectationWeight),
      acknowledgements: ratio(t.ackCredit, t.ackCount)
    },
    coordination: {
      relays: ratio(t.relayCredit, t.relayCount),
      network: t.network,
      decisions: ratio(t.decisionCredit, t.decisionCount),
      methane: t.methane,
      publicMessages: ratio(t.publicConsistent, t.publicCount)
    },
    division: {
      ownership: ratio(t.ownedCredit, t.ownedWeight),
      gaps: t.decidedWeight > 0 ? 1 - t.missedWeight / t.decidedWeight : null,
      duplication: t.roleTasks > 0 ? 1 - t.duplicated / t.roleTasks : null,
      balance: t.balance,
      specialisation: t.specialisation
    }
  };
}

export interface TallyScores {
  speed: Score;
  coordination: Score;
  division: Score;
  overall: Score;
}

/** Dimension scores 0–100 of a tally and the overall index with the scenario's weights. */
export function scoresOf(
  t: Tally,
  params: ScoringParameters,
  weights: { speed: number; coordination: number; division: number }
): TallyScores & { components: TallyComponents } {
  const c = componentsOf(t);
  const sw = params.speedWeights;
  const cw = params.coordinationWeights;
  const dw = params.divisionWeights;
  const speed = weightedMean([
    [c.speed.expectations, sw.expectations],
    [c.speed.acknowledgements, sw.acknowledgements]
  ]);
  const coordination = weightedMean([
    [c.coordination.relays, cw.relays],
    [c.coordination.network, cw.network],
    [c.coordination.decisions, cw.decisions],
    [c.coordination.methane, cw.methane],
    [c.coordination.publicMessages, cw.publicMessages]
  ]);
  const division = weightedMean([
    [c.division.ownership, dw.ownership],
    [c.division.gaps, dw.gaps],
    [c.division.duplication, dw.duplication],
    [c.division.balance, dw.balance],
    [c.division.specialisation, dw.specialisation]
  ]);
  const overall = weightedMean([
    [speed, weights.speed],
    [coordination, weights.coordination],
    [division, weights.division]
  ]);
  return {
    speed: toScore(speed),
    coordination: toScore(coordination),
    division: toScore(division),
    overall: toScore(overall),
    components: c
  };
}
