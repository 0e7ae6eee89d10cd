/**
 * A team of bots, one per role, that reads the events of an exercise and plans what its players do and when.
 * Reaction times and choices are drawn from a seeded generator, scaled by the team's slowness.
 */
import type { ActionMatch, Inject } from "../scenario/schema.ts";
import type { CommandBody } from "../engine/commands.ts";
import type { ExerciseEvent } from "../engine/events.ts";
import type { ExerciseState } from "../engine/state.ts";
import { MINUTE } from "../engine/clock.ts";
import { Prng } from "./prng.ts";
import type { TeamProfile } from "./teams.ts";
import { realise } from "./realise.ts";

type Plan =
  | { kind: "ack"; role: string; item: string }
  | { kind: "claim"; role: string; task: string }
  | { kind: "expect"; role: string; expectation: string; match: ActionMatch; duplicate: boolean }
  | { kind: "relay"; role: string; inject: string; to: string[] }
  | { kind: "agree"; role: string; decision: string }
  | { kind: "branch"; role: string; branch: string; option: number };

interface Planned {
  x: number;
  order: number;
  plan: Plan;
}

export interface BotCommand {
  role: string;
  body: CommandBody;
}

export class BotTeam {
  private readonly agenda: Planned[] = [];
  private order = 0;
  private readonly rng: Prng;
  private readonly team: TeamProfile;

  constructor(team: TeamProfile, seed: number) {
    this.team = team;
    this.rng = new Prng(seed);
  }

  /** Exercise time of the next planned action, or Infinity. */
  nextAt(): number {
    return this.agenda.length > 0 ? this.agenda[0]!.x : Number.POSITIVE_INFINITY;
  }

  /** Reads new events and plans the players' reactions to them. */
  observe(state: ExerciseState, events: readonly ExerciseEvent[]): void {
    for (const event of events) {
      switch (event.type) {
        case "inject-released":
          this.onInject(state, event.inject, event.x);
          break;
        case "live-inject":
          for (const role of event.to) this.plan(event.x, this.minutes(0.3, 1.2), { kind: "ack", role, item: event.id });
          break;
        case "info-shared":
        case "methane-sent":
          if (this.team.shares) {
            for (const role of event.to) this.plan(event.x, this.minutes(0.3, 1.5), { kind: "ack", role, item: event.id });
          }
          break;
        case "decision-logged":
          for (const role of event.with) this.plan(event.x, this.minutes(0.5, 2), { kind: "agree", role, decision: event.id });
          break;
        default:
          break;
      }
    }
  }

  /** Takes the next planned action due at or before `x` and turns it into a command, if it still makes sense. */
  takeDue(state: ExerciseState, x: number): BotCommand | undefined {
    while (this.agenda.length > 0 && this.agenda[0]!.x <= x) {
      const { plan } = this.agenda.shift()!;
      const body = this.toCommand(state, plan);
      if (body) return { role: plan.role, body };
    }
    return undefined;
  }

  private onInject(state: ExerciseState, injectId: string, x: number): void {
    const s = state.scenario;
    const inject = s.injects.get(injectId);
    if (!inject) return;
    for (const role of inject.to) this.plan(x, this.minutes(0.3, 1.2), { kind: "ack", role, item: injectId });
    for (const e of inject.expectations) {
      if (e.action.action === "acknowledge") continue;
      const delay = e.target * MINUTE * this.rng.between(0.6, 0.9) * this.team.slowness;
      if (this.needsSharing(e.action) && !this.team.shares) continue;
      this.plan(x, this.minutes(0.2, 0.8), { kind: "claim", role: e.lead, task: e.id });
      this.plan(x, delay, { kind: "expect", role: e.lead, expectation: e.id, match: e.action, duplicate: false });
      if (this.team.duplicates) this.planDuplicate(state, inject, e.id, e.lead, e.support, e.action, x, delay);
    }
    if (this.team.shares && inject.needs.length > 0) {
      const relayer = inject.to[0]!;
      this.plan(x, this.minutes(1, 2.5), { kind: "relay", role: relayer, inject: injectId, to: inject.needs });
    }
    for (const branch of s.branchesAfter.get(injectId) ?? []) {
      const skip = this.rng.next() < (this.team.shares ? 0.15 : 0.3);
      if (skip) continue;
      const option = this.rng.next() < 0.5 ? 0 : this.rng.index(branch.options.length);
      const when = branch.options[option]!.when;
      const role = when.role ?? this.roleAbleTo(state, when, inject.to);
      if (!role) continue;
      const delay = branch.within * MINUTE * this.rng.between(0.3, 0.7) * this.team.slowness;
      this.plan(x, delay, { kind: "branch", role, branch: branch.id, option });
    }
  }

  /** In a siloed team another role takes on the same task, sometimes before the lead, with no word between them. */
  private planDuplicate(
    state: ExerciseState,
    inject: Inject,
    expectation: string,
    lead: string,
    support: string[],
    match: ActionMatch,
    x: number,
    leadDelay: number
  ): void {
    const loose: ActionMatch = { ...match, unitType: undefined };
    const candidates = [...support, ...inject.to, ...state.scenario.roleIds].filter((r) => r !== lead);
    const role = this.roleAbleTo(state, loose, candidates);
    if (!role) return;
    const delay = leadDelay + this.rng.between(-0.3, 0.5) * MINUTE;
    this.plan(x, this.minutes(0.2, 0.8), { kind: "claim", role, task: expectation });
    this.plan(x, Math.max(0, delay), { kind: "expect", role, expectation, match: loose, duplicate: true });
  }

  private roleAbleTo(state: ExerciseState, match: ActionMatch, candidates: readonly string[]): string | undefined {
    for (const role of candidates) {
      if (realise(match, { state, role, partners: this.partnersOf(state, role), rng: new Prng(0) })) return role;
    }
    return undefined;
  }

  private needsSharing(match: ActionMatch): boolean {
    return match.action === "share" || match.action === "methane";
  }

  private partnersOf(state: ExerciseState, role: string): string[] {
    return this.team.shares ? state.scenario.roleIds.filter((r) => r !== role) : [];
  }

  private toCommand(state: ExerciseState, plan: Plan): CommandBody | undefined {
    switch (plan.kind) {
      case "ack": {
        const item = state.inbox.get(plan.role)?.get(plan.item);
        return item && item.acknowledgedAt === undefined ? { type: "acknowledge", item: plan.item } : undefined;
      }
      case "claim": {
        const task = state.expectations.get(plan.task);
        if (!task || task.status !== "active" || task.claimedBy.includes(plan.role)) return undefined;
        if (this.team.checksBoard && task.claimedBy.length > 0) return undefined;
        return { type: "claim-task", task: plan.task };
      }
      case "expect": {
        const status = state.expectations.get(plan.expectation)?.status;
        if (this.team.checksBoard && status === "met") return undefined;
        const compiled = state.scenario.expectations.get(plan.expectation);
        const inject = compiled ? state.scenario.injects.get(compiled.inject) : undefined;
        const partners = this.team.shares
          ? [...new Set([...(compiled?.support ?? []), ...(plan.match.to ?? [])])].filter((r) => r !== plan.role)
          : [];
        // A silo decides alone even where the plan calls for a joint decision.
        const match = !this.team.shares && plan.match.action === "decision" ? { ...plan.match, to: undefined } : plan.match;
        return realise(match, { state, role: plan.role, inject, partners, rng: this.rng });
      }
      case "relay": {
        const inject = state.scenario.injects.get(plan.inject);
        const match: ActionMatch = { action: "share", to: plan.to };
        return realise(match, { state, role: plan.role, inject, partners: plan.to, rng: this.rng });
      }
      case "agree": {
        const decision = state.decisions.get(plan.decision);
        if (!decision || decision.agreed.includes(plan.role)) return undefined;
        return { type: "agree-decision", decision: plan.decision };
      }
      case "branch": {
        const branch = state.branches.get(plan.branch);
        if (!branch || branch.status !== "open") return undefined;
        const definition = state.scenario.branches.get(plan.branch)!;
        const inject = state.scenario.injects.get(definition.after);
        const when = definition.options[plan.option]!.when;
        return realise(when, { state, role: plan.role, inject, partners: this.partnersOf(state, plan.role), rng: this.rng });
      }
    }
  }

  private minutes(min: number, max: number): number {
    return this.rng.between(min, max) * MINUTE * this.team.slowness;
  }

  private plan(from: number, delay: number, plan: Plan): void {
    const entry: Planned = { x: Math.round(from + delay), order: this.order++, plan };
    // Keep the agenda sorted by time, then by planning order (stable for equal times).
    let i = this.agenda.length;
    while (i > 0 && this.agenda[i - 1]!.x > entry.x) i--;
    this.agenda.splice(i, 0, entry);
  }
}
