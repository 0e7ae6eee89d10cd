/**
 * Findings: the strengths and areas for improvement an after-action report lists, each derived from the measured
 * items and citing the events behind it. `code` + `params` let a report word them in any language; `message` and
 * `action` are the English wording.
 */
import type {
  AckOutcome,
  CoordinationMeasures,
  DivisionMeasures,
  EventRef,
  ExpectationOutcome,
  Finding,
  FindingCode,
  Dimension
} from "./scorecard.ts";

/** Evidence lists stop here; the items in the ScoreCard hold the rest. */
const MAX_EVIDENCE = 50;
/** Team-wide strengths need this share of on-time expectations. */
const ON_TIME_STRENGTH = 0.8;
/** A network this fragmented or worse is an area for improvement even with no isolated role. */
const FRAGMENTED = 0.5;

const minutes = (ms: number): number => Math.round(ms / 6000) / 10;

export interface FindingInputs {
  roles: readonly string[];
  expectations: readonly ExpectationOutcome[];
  acknowledgements: readonly AckOutcome[];
  coordination: Omit<CoordinationMeasures, "score" | "components">;
  division: Omit<DivisionMeasures, "score" | "components">;
  /** Each role's first few actions, cited when a finding is about what a role did not do. */
  firstActions: ReadonlyMap<string, readonly EventRef[]>;
  /** The whole log's first inject release, cited when a finding is about an absence. */
  firstRelease: EventRef | null;
}

export function deriveFindings(input: FindingInputs): Finding[] {
  const out: Finding[] = [];
  const add = (
    kind: Finding["kind"],
    dimension: Dimension,
    code: FindingCode,
    key: string,
    owner: string | null,
    params: Finding["params"],
    message: string,
    action: string | null,
    evidence: (EventRef | null)[]
  ): void => {
    const refs: EventRef[] = [];
    for (const e of evidence) {
      if (e === null) continue;
      refs.push(e);
      if (refs.length === MAX_EVIDENCE) break;
    }
    out.push({ id: key === "" ? code : `${code}:${key}`, kind, dimension, code, owner, params, message, action, evidence: refs });
  };
  const { expectations, acknowledgements, coordination, division } = input;

  // --- Speed and division, from the expectations -------------------------------------------------------------
  const decided = expectations.filter((e) => e.status === "met" || e.status === "missed");
  const onTime = decided.filter((e) => e.onTime === true);
  if (decided.length > 0 && onTime.length / decided.length >= ON_TIME_STRENGTH) {
    add(
      "strength",
      "speed",
      "expectations-on-time",
      "",
      null,
      { onTime: onTime.length, decided: decided.length },
      `${onTime.length} of ${decided.length} expected actions were taken within their target time.`,
      null,
      onTime.map((e) => e.action)
    );
  }
  const met = expectations.filter((e) => e.status === "met");
  if (met.length >= 2 && met.every((e) => e.owner === "lead")) {
    add(
      "strength",
      "division",
      "clear-ownership",
      "",
      null,
      { met: met.length },
      `Every one of the ${met.length} expected actions taken was taken by the role expected to lead it.`,
      null,
      met.map((e) => e.action)
    );
  }
  for (const e of expectations) {
    if (e.status === "missed") {
      add(
        "improvement",
        "division",
        "expectation-missed",
        e.expectation,
        e.lead,
        { expectation: e.expectation, inject: e.inject, lead: e.lead, deadlineMin: minutes(e.deadlineMs) },
        `Nobody met "${e.expectation}" (inject ${e.inject}, led by ${e.lead}) within ${minutes(e.deadlineMs)} min.`,
        `${e.lead}: make "${e.expectation}" an explicit, owned step of the plan for this situation and rehearse it.`,
        [e.released, e.outcome]
      );
    } else if (e.status === "met" && e.onTime === false) {
      add(
        "improvement",
        "speed",
        "expectation-late",
        e.expectation,
        e.lead,
        {
          expectation: e.expectation,
          inject: e.inject,
          role: e.metBy!,
          latencyMin: minutes(e.latencyMs!),
          targetMin: minutes(e.targetMs)
        },
        `"${e.expectation}" was met by ${e.metBy} after ${minutes(e.latencyMs!)} min against a target of ${minutes(e.targetMs)} min.`,
        `${e.lead}: find what delayed "${e.expectation}" (information, authority, resources) and pre-plan it.`,
        [e.released, e.action]
      );
    }
    if (e.status === "met" && e.owner !== "lead") {
      add(
        "improvement",
        "division",
        "wrong-role",
        e.expectation,
        e.lead,
        { expectation: e.expectation, inject: e.inject, lead: e.lead, role: e.metBy!, owner: e.owner! },
        `"${e.expectation}" was led by ${e.metBy} (${e.owner === "support" ? "a supporting role" : "not a planned role"}) instead of ${e.lead}.`,
        `${e.lead} and ${e.metBy}: agree who leads "${e.expectation}" and write it into the joint plan.`,
        [e.released, e.action]
      );
    }
  }

  // --- Acknowledgements, grouped per role ----------------------------------------------------------------------
  const unacknowledged = new Map<string, AckOutcome[]>();
  for (const a of acknowledgements) {
    if (a.status !== "unacknowledged") continue;
    const list = unacknowledged.get(a.role) ?? [];
    list.push(a);
    unacknowledged.set(a.role, list);
  }
  for (const role of [...unacknowledged.keys()].sort()) {
    const list = unacknowledged.get(role)!;
    add(
      "improvement",
      "speed",
      "unacknowledged",
      role,
      role,
      { role, count: list.length, injects: list.map((a) => a.inject).join(", ") },
      `${role} did not acknowledge ${list.length} inject(s): ${list.map((a) => a.inject).join(", ")}.`,
      `${role}: assign someone to watch and acknowledge incoming messages at all times.`,
      list.map((a) => a.released)
    );
  }

  // --- Relays ---------------------------------------------------------------------------------------------------
  const relays = coordination.relays.items;
  if (relays.length > 0 && relays.every((r) => r.status === "relayed" && r.credit === 1)) {
    add(
      "strength",
      "coordination",
      "relays-complete",
      "",
      null,
      { relayed: relays.length },
      `All ${relays.length} pieces of information other roles needed were relayed to them within target.`,
      null,
      relays.map((r) => r.relay)
    );
  }
  for (const r of relays) {
    const owner = r.holders.length === 1 ? r.holders[0]! : null;
    if (r.status === "not-relayed") {
      add(
        "improvement",
        "coordination",
        "not-relayed",
        `${r.inject}:${r.role}`,
        owner,
        { inject: r.inject, role: r.role, holders: r.holders.join(", ") },
        `${r.role} needed the information of ${r.inject}, received by ${r.holders.join(", ")}, and was never told.`,
        `${r.holders.join(", ")}: pass information other services need at once (who needs to know what).`,
        [r.released]
      );
    } else if (r.status === "relayed" && r.credit !== 1) {
      add(
        "improvement",
        "coordination",
        "relay-late",
        `${r.inject}:${r.role}`,
        r.by,
        { inject: r.inject, role: r.role, by: r.by!, latencyMin: minutes(r.latencyMs!) },
        `${r.role} was told of ${r.inject} by ${r.by} only after ${minutes(r.latencyMs!)} min.`,
        `${r.by}: pass information other services need as soon as it arrives.`,
        [r.released, r.relay]
      );
    }
  }

  // --- Network --------------------------------------------------------------------------------------------------
  const network = coordination.network;
  if (network.roles.length > 1 && network.isolated.length === 0 && (network.fragmentation ?? 1) <= 0.25) {
    add(
      "strength",
      "coordination",
      "network-connected",
      "",
      null,
      { fragmentation: network.fragmentation ?? 0, links: network.edges.length },
      `Every role exchanged messages with the others (fragmentation ${network.fragmentation}).`,
      null,
      network.edges.map((e) => e.first)
    );
  }
  for (const role of network.isolated) {
    add(
      "improvement",
      "coordination",
      "isolated-role",
      role,
      role,
      { role },
      `${role} exchanged no message with any other role.`,
      `${role}: join the multi-agency picture (liaison officer, shared channel, co-location at the command post).`,
      [
        ...input.acknowledgements.filter((a) => a.role === role).map((a) => a.released),
        ...(input.firstActions.get(role) ?? []),
        ...coordination.relays.items.filter((r) => r.role === role).map((r) => r.released)
      ].concat(input.firstRelease === null ? [] : [input.firstRelease]).slice(0, 10)
    );
  }
  if (network.roles.length > 1 && network.fragmentation !== null && network.fragmentation > FRAGMENTED) {
    add(
      "improvement",
      "coordination",
      "fragmented-network",
      "",
      null,
      { fragmentation: network.fragmentation, links: network.edges.length },
      `The team's communication was fragmented (F = ${network.fragmentation}): many roles could not reach each other.`,
      "All: agree a shared channel and a briefing rhythm across agencies.",
      network.edges.length > 0 ? network.edges.map((e) => e.first) : [input.firstRelease]
    );
  }

  // --- Decisions ------------------------------------------------------------------------------------------------
  const decisions = coordination.decisions.items;
  const jointOnTime = decisions.filter((d) => d.status === "joint" && d.credit === 1);
  if (jointOnTime.length > 0) {
    add(
      "strength",
      "coordination",
      "joint-decisions",
      "",
      null,
      { joint: jointOnTime.length },
      `${jointOnTime.length} decision(s) were agreed jointly within target.`,
      null,
      jointOnTime.flatMap((d) => [d.logged, d.joint])
    );
  }
  const soloByRole = new Map<string, typeof decisions>();
  for (const d of decisions) {
    if (d.status === "solo") {
      const list = soloByRole.get(d.role);
      if (list) list.push(d);
      else soloByRole.set(d.role, [d]);
    }
    if (d.status === "not-joint") {
      add(
        "improvement",
        "coordination",
        "decision-not-joint",
        d.id,
        d.role,
        { decision: d.id, role: d.role, with: d.with.join(", "), agreedBy: d.agreedBy.join(", ") },
        `Decision ${d.id} by ${d.role} was never agreed by all of ${d.with.join(", ")}.`,
        `${d.role}: close joint decisions explicitly with the other commanders (Joint Decision Model).`,
        [d.logged]
      );
    }
  }
  for (const role of [...soloByRole.keys()].sort()) {
    const list = soloByRole.get(role)!;
    add(
      "improvement",
      "coordination",
      "solo-decision",
      role,
      role,
      { role, count: list.length },
      `${role} logged ${list.length} decision(s) without involving any other agency.`,
      `${role}: take decisions that affect other services jointly with them.`,
      list.map((d) => d.logged)
    );
  }

  // --- METHANE --------------------------------------------------------------------------------------------------
  const methane = coordination.methane;
  if (methane.sent > 0 && methane.coverage === 1) {
    add(
      "strength",
      "coordination",
      "methane-shared",
      "",
      null,
      { sent: methane.sent },
      "METHANE reports reached every role.",
      null,
      methane.items.map((m) => m.event)
    );
  } else if (methane.sent > 0) {
    const missing = input.roles.filter((r) => !methane.rolesReached.includes(r));
    add(
      "improvement",
      "coordination",
      "methane-not-shared",
      "",
      null,
      { missing: missing.join(", ") },
      `No METHANE report reached ${missing.join(", ")}.`,
      "Whoever sends METHANE: send it to every responding agency.",
      methane.items.map((m) => m.event)
    );
  } else if (methane.expected) {
    const asked = expectations.filter((e) => e.status !== "not-released" && e.status !== "met" && e.outcome !== null);
    add(
      "improvement",
      "coordination",
      "methane-not-sent",
      "",
      null,
      {},
      "No METHANE report was sent although one was expected.",
      "First officer on scene of each service: send a METHANE report to all agencies.",
      asked.length > 0 ? asked.flatMap((e) => [e.released, e.outcome]) : [input.firstRelease]
    );
  }

  // --- Public messages ------------------------------------------------------------------------------------------
  const published = coordination.publicMessages;
  if (published.published > 0 && published.consistent === published.published) {
    add(
      "strength",
      "coordination",
      "public-messages-consistent",
      "",
      null,
      { published: published.published },
      `All ${published.published} public messages were confirmed and consistent with each other.`,
      null,
      published.items.map((p) => p.event)
    );
  }
  // Premature messages grouped per role and topic, contradictions per pair of roles and topics: one row each in
  // an improvement plan, with every instance as evidence.
  const premature = groupBy(
    published.items.filter((p) => p.premature),
    (p) => `${p.role}:${p.topic ?? ""}`
  );
  for (const [key, list] of premature) {
    const { role, topic } = list[0]!;
    add(
      "improvement",
      "coordination",
      "premature-public-message",
      key,
      role,
      { role, topic: topic ?? "", count: list.length },
      `${role} published on "${topic}" before the lead agency had confirmed it (${list.length} message(s)).`,
      `${role}: check public statements against what the lead agency has confirmed before publishing.`,
      list.map((p) => p.event)
    );
  }
  const contradictions = groupBy(published.contradictions, (c) => `${pair(c.topic, c.otherTopic)}:${pair(c.earlier.role ?? "", c.later.role ?? "")}`);
  for (const [key, list] of contradictions) {
    const c = list[0]!;
    add(
      "improvement",
      "coordination",
      "contradicting-public-messages",
      key,
      c.later.role ?? null,
      { topic: c.topic, otherTopic: c.otherTopic, earlierRole: c.earlier.role ?? "", laterRole: c.later.role ?? "", count: list.length },
      `${c.later.role} and ${c.earlier.role} spoke to the public on "${c.otherTopic}"/"${c.topic}" minutes apart without agreeing lines (${list.length} time(s)).`,
      "Communication leads: agree one voice and clear public lines jointly before publishing.",
      // Only the first MAX_EVIDENCE refs are kept: pair up no more contradictions than that.
      list.slice(0, MAX_EVIDENCE / 2).flatMap((x) => [x.earlier, x.later])
    );
  }

  // --- Duplicates -----------------------------------------------------------------------------------------------
  for (const d of division.duplicates.items) {
    add(
      "improvement",
      "division",
      "duplicated-task",
      `${d.task}:${d.second.seq}`,
      d.second.role ?? null,
      { task: d.task, firstRole: d.first.role ?? "", secondRole: d.second.role ?? "" },
      `${d.second.role} did "${d.task}" after ${d.first.role} had, without the two having spoken.`,
      `${d.first.role} and ${d.second.role}: claim or assign tasks openly before acting.`,
      [d.first, d.second]
    );
  }

  const firstSeq = (f: Finding): number => f.evidence[0]?.seq ?? 0;
  return out.sort((a, b) =>
    a.kind !== b.kind ? (a.kind === "strength" ? -1 : 1) : firstSeq(a) - firstSeq(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** "a/b" with the two in sorted order. */
function pair(a: string, b: string): string {
  return a <= b ? `${a}/${b}` : `${b}/${a}`;
}

/** Items grouped by key, groups in order of their first item. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
