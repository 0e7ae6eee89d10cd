/**
 * evolve(state, event): folds one event into the state. It trusts the event (decide already checked it) and
 * mutates the state it is given for speed; `fold` starts every replay from a fresh state, so a log always rebuilds
 * the same state.
 */
import type { ExerciseEvent } from "./events.ts";
import type { ExerciseState, InboxItem } from "./state.ts";
import { initialState } from "./state.ts";
import { compileScenario } from "./compiled-scenario.ts";
import { crowdAt } from "./situation.ts";

export function evolve(state: ExerciseState, event: ExerciseEvent): ExerciseState {
  state.seq = event.seq;
  state.t = event.t;
  state.x = event.x;
  const clock = state.clock;
  switch (event.type) {
    case "exercise-created":
      break;
    case "exercise-started":
    case "exercise-resumed":
      clock.status = "running";
      clock.baseX = event.x;
      clock.anchorT = event.t;
      break;
    case "exercise-paused":
      clock.status = "paused";
      clock.baseX = event.x;
      clock.anchorT = event.t;
      break;
    case "speed-changed":
      clock.baseX = event.x;
      clock.anchorT = event.t;
      clock.speed = event.factor;
      break;
    case "clock-jumped":
      clock.baseX = event.x;
      clock.anchorT = event.t;
      break;
    case "exercise-ended":
      clock.status = "ended";
      clock.baseX = event.x;
      clock.anchorT = event.t;
      break;
    case "phase-changed":
      state.phase = event.phase;
      break;
    case "inject-released":
      releaseInject(state, event);
      break;
    case "inject-scheduled":
      state.scheduled.set(event.inject, { due: event.due, cause: event.cause, source: event.source });
      break;
    case "inject-skipped":
      state.skipped.add(event.inject);
      advanceTimedCursor(state);
      break;
    case "live-inject":
      for (const role of event.to) {
        addToInbox(state, role, {
          id: event.id,
          kind: "live",
          x: event.x,
          from: "facilitator",
          channel: event.channel,
          title: event.title,
          text: event.text
        });
      }
      break;
    case "note-added":
      state.notes.push({ author: event.author, authorKind: event.authorKind, text: event.text, x: event.x });
      break;
    case "acknowledged": {
      const item = state.inbox.get(event.role)?.get(event.item);
      if (item) {
        item.acknowledgedAt = event.x;
        item.acknowledgedBy = event.by;
      }
      break;
    }
    case "info-shared":
      for (const role of event.to) {
        addToInbox(state, role, {
          id: event.id,
          kind: "message",
          x: event.x,
          from: event.role,
          channel: "message",
          text: event.text,
          about: event.about
        });
      }
      break;
    case "unit-dispatched": {
      const unit = state.units.get(event.unit);
      if (unit) {
        unit.from = event.from;
        unit.to = event.to;
        unit.departAt = event.x;
        unit.arriveAt = event.arrive;
        unit.zone = event.zone;
        unit.status = "moving";
      }
      break;
    }
    case "unit-arrived": {
      const unit = state.units.get(event.unit);
      if (unit) {
        unit.status = "on-scene";
        unit.from = event.at;
        unit.to = event.at;
        unit.zone = event.zone;
      }
      break;
    }
    case "cordon-set": {
      const zone = state.zones.get(event.zone);
      if (zone) zone.cordon = { level: event.level, role: event.role, seq: event.seq };
      break;
    }
    case "cordon-lifted": {
      const zone = state.zones.get(event.zone);
      if (zone) zone.cordon = undefined;
      break;
    }
    case "evacuation-ordered": {
      const zone = state.zones.get(event.zone);
      if (zone) {
        zone.crowd = crowdAt(zone, event.x);
        zone.crowdAt = event.x;
        zone.evacuation = { start: event.x, complete: event.complete };
        zone.evacuatedBy = { role: event.role, seq: event.seq };
        zone.state = "evacuating";
      }
      break;
    }
    case "zone-evacuated": {
      const zone = state.zones.get(event.zone);
      if (zone) {
        zone.crowd = 0;
        zone.crowdAt = event.x;
        zone.evacuation = undefined;
        zone.state = "evacuated";
      }
      break;
    }
    case "road-closed":
      state.roads.set(event.road, { open: false, by: event.role, seq: event.seq });
      break;
    case "road-opened":
      state.roads.set(event.road, { open: true, by: event.role, seq: event.seq });
      break;
    case "resources-requested":
      state.requests.push({
        id: event.id,
        role: event.role,
        unitType: event.unitType,
        count: event.count,
        from: event.from,
        note: event.note,
        x: event.x
      });
      break;
    case "task-claimed": {
      const task = state.expectations.get(event.task);
      if (task && !task.claimedBy.includes(event.role)) task.claimedBy.push(event.role);
      break;
    }
    case "task-assigned": {
      const task = state.expectations.get(event.task);
      if (task) task.assignedTo = event.to;
      break;
    }
    case "decision-logged":
      state.decisions.set(event.id, {
        id: event.id,
        role: event.role,
        by: event.by,
        text: event.text,
        rationale: event.rationale,
        topic: event.topic,
        with: event.with,
        agreed: [],
        x: event.x
      });
      for (const role of event.with) {
        addToInbox(state, role, {
          id: event.id,
          kind: "decision",
          x: event.x,
          from: event.role,
          channel: "message",
          title: event.text,
          text: event.rationale
        });
      }
      break;
    case "decision-agreed": {
      const decision = state.decisions.get(event.decision);
      if (decision && !decision.agreed.includes(event.role)) decision.agreed.push(event.role);
      break;
    }
    case "decision-joint": {
      const decision = state.decisions.get(event.decision);
      if (decision) decision.jointAt = event.x;
      break;
    }
    case "methane-sent":
      state.methane.push({ id: event.id, role: event.role, by: event.by, to: event.to, report: event.report, x: event.x });
      for (const role of event.to) {
        addToInbox(state, role, {
          id: event.id,
          kind: "methane",
          x: event.x,
          from: event.role,
          channel: "message",
          title: "METHANE"
        });
      }
      break;
    case "public-message":
      state.media.push({
        id: event.id,
        role: event.role,
        by: event.by,
        channel: event.channel,
        text: event.text,
        topic: event.topic,
        x: event.x
      });
      break;
    case "expectation-met": {
      const e = state.expectations.get(event.expectation);
      if (e) {
        e.status = "met";
        e.metAt = event.x;
        e.metBy = event.role;
      }
      state.active.delete(event.expectation);
      break;
    }
    case "expectation-missed": {
      const e = state.expectations.get(event.expectation);
      if (e) e.status = "missed";
      state.active.delete(event.expectation);
      break;
    }
    case "branch-resolved": {
      const branch = state.branches.get(event.branch);
      if (branch) {
        branch.status = "resolved";
        branch.option = event.option;
      }
      break;
    }
    case "zone-state-changed": {
      const zone = state.zones.get(event.zone);
      if (zone) zone.state = event.state;
      break;
    }
    case "casualties-changed": {
      const zone = state.zones.get(event.zone);
      if (zone) zone.casualties = event.casualties;
      state.lastCasualtyChange = event.x;
      break;
    }
    case "crowd-changed": {
      const zone = state.zones.get(event.zone);
      if (zone) {
        zone.crowd = event.crowd;
        zone.crowdAt = event.x;
      }
      break;
    }
    case "marker-placed":
      state.markers.set(event.marker, { id: event.marker, kind: event.kind, at: event.at, inject: event.inject, x: event.x });
      break;
  }
  return state;
}

function addToInbox(state: ExerciseState, role: string, item: InboxItem): void {
  let box = state.inbox.get(role);
  if (!box) {
    box = new Map();
    state.inbox.set(role, box);
  }
  box.set(item.id, item);
}

function releaseInject(state: ExerciseState, event: Extract<ExerciseEvent, { type: "inject-released" }>): void {
  const scenario = state.scenario;
  const inject = scenario.injects.get(event.inject);
  state.released.set(event.inject, { x: event.x, cause: event.cause });
  state.scheduled.delete(event.inject);
  advanceTimedCursor(state);
  for (const role of event.to) {
    addToInbox(state, role, {
      id: event.inject,
      kind: "inject",
      x: event.x,
      from: "scenario",
      channel: inject?.channel ?? "briefing",
      inject: event.inject
    });
  }
  if (inject) {
    for (const e of inject.expectations) {
      const record = state.expectations.get(e.id);
      const compiled = scenario.expectations.get(e.id);
      if (!record || !compiled || record.status !== "pending") continue;
      record.status = "active";
      record.activeAt = event.x;
      record.dueAt = event.x + compiled.deadlineMs;
      state.active.add(e.id);
    }
  }
  const branches = scenario.branchesAfter.get(event.inject);
  if (branches) {
    for (const b of branches) {
      const record = state.branches.get(b.id);
      if (record && record.status === "waiting") {
        record.status = "open";
        record.opensAt = event.x;
        record.closesAt = event.x + Math.round(b.within * 60_000);
      }
    }
  }
}

function advanceTimedCursor(state: ExerciseState): void {
  const timed = state.scenario.timed;
  while (state.timedCursor < timed.length) {
    const next = timed[state.timedCursor]!.inject;
    if (!state.released.has(next) && !state.skipped.has(next)) break;
    state.timedCursor++;
  }
}

/** Rebuilds an exercise's state from its log; the first event must be `exercise-created`. */
export function fold(events: readonly ExerciseEvent[]): ExerciseState {
  const first = events[0];
  if (!first || first.type !== "exercise-created") throw new Error('a log starts with an "exercise-created" event');
  const state = initialState(compileScenario(first.scenario), first.exerciseId, first.language, first.seed);
  for (const event of events) evolve(state, event);
  return state;
}
