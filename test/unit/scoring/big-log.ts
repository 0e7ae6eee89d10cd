/**
 * A long synthetic exercise for the performance check: 8 roles, 60 injects with 2 expectations each, and about
 * 20,000 events over 3 hours — the situation's own chatter (casualties, crowds, unit arrivals), acknowledgements,
 * shares, METHANE reports, decisions, task actions and public messages, in the proportions of a busy exercise.
 */
import type { EventBody, ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import type { Scenario } from "../../../server/src/core/scenario/schema.ts";
import { buildScenario } from "./builders.ts";

const ROLES = ["police", "armed", "fire", "ems", "city", "transport", "comms", "health"];
const ZONES = ["z0", "z1", "z2", "z3", "z4", "z5"];

export function bigExercise(targetEvents = 20_000): { scenario: Scenario; events: ExerciseEvent[] } {
  const scenario = buildScenario({
    id: "big",
    roles: ROLES.map((id, i) => ({ id, units: [{ id: `${id}-u`, type: `type-${i}` }] })),
    zones: ZONES,
    roads: ["r0", "r1"],
    phases: [
      { id: "p0", start: 0 },
      { id: "p1", start: 60 },
      { id: "p2", start: 120 }
    ],
    injects: Array.from({ length: 60 }, (_, i) => ({
      id: `inj-${i}`,
      at: i * 3,
      to: [ROLES[i % 8]!, ROLES[(i + 3) % 8]!],
      needs: [ROLES[(i + 5) % 8]!],
      confirms: i % 10 === 0 ? [`topic-${i % 4}`] : [],
      expectations: [
        { id: `e-${i}-a`, lead: ROLES[i % 8]!, action: { action: "evacuate", zone: ZONES[i % 6]! }, target: 5, jesip: "co-ordinate" },
        { id: `e-${i}-b`, lead: ROLES[(i + 3) % 8]!, action: { action: "public-message", topic: `topic-${i % 4}` }, target: 8, jesip: "communicate" }
      ]
    }))
  });
  const events: ExerciseEvent[] = [];
  const add = (x: number, body: EventBody) => events.push({ ...body, seq: events.length + 1, t: x, x } as ExerciseEvent);
  add(0, { type: "exercise-created", exerciseId: "big", scenarioId: "big", scenario, language: "en", seed: 1 });
  add(0, { type: "exercise-started" });
  const perMinute = Math.ceil(targetEvents / 180);
  let injectNo = 0;
  for (let minute = 0; minute < 180 && events.length < targetEvents; minute++) {
    const x0 = minute * 60_000;
    if (minute % 60 === 0) add(x0, { type: "phase-changed", phase: `p${minute / 60}`, cause: "time" });
    if (minute % 3 === 0 && injectNo < 60) {
      const i = injectNo++;
      const to = [ROLES[i % 8]!, ROLES[(i + 3) % 8]!];
      add(x0, { type: "inject-released", inject: `inj-${i}`, to, cause: "time" });
      add(x0 + 20_000, { type: "acknowledged", role: to[0]!, by: "p", item: `inj-${i}` });
      add(x0 + 30_000, { type: "acknowledged", role: to[1]!, by: "p", item: `inj-${i}` });
      add(x0 + 40_000, { type: "info-shared", id: `s-${i}`, role: to[0]!, by: "p", to: [ROLES[(i + 5) % 8]!], text: "t", about: `inj-${i}` });
      const seq = events.length + 1;
      add(x0 + 50_000, { type: "evacuation-ordered", zone: ZONES[i % 6]!, role: to[0]!, by: "p", complete: 0 });
      add(x0 + 50_000, { type: "expectation-met", expectation: `e-${i}-a`, inject: `inj-${i}`, role: to[0]!, action: seq });
      if (i % 2 === 0) {
        const pub = events.length + 1;
        add(x0 + 55_000, { type: "public-message", id: `pm-${i}`, role: to[1]!, by: "p", channel: "press", text: "t", topic: `topic-${i % 4}` });
        add(x0 + 55_000, { type: "expectation-met", expectation: `e-${i}-b`, inject: `inj-${i}`, role: to[1]!, action: pub });
      }
    }
    for (let k = 0; k < perMinute && events.length < targetEvents; k++) {
      const x = x0 + Math.floor((k * 60_000) / perMinute);
      const role = ROLES[(minute + k) % 8]!;
      switch (k % 10) {
        case 0:
        case 1:
        case 2:
          add(x, { type: "casualties-changed", zone: ZONES[k % 6]!, casualties: { dead: 0, critical: 1, serious: 2, minor: 3, evacuated: 0 }, cause: "deterioration" });
          break;
        case 3:
          add(x, { type: "crowd-changed", zone: ZONES[k % 6]!, crowd: 100 });
          break;
        case 4:
          add(x, { type: "unit-arrived", unit: `${role}-u`, at: [1, 1], zone: ZONES[k % 6]! });
          break;
        case 5:
          add(x, { type: "info-shared", id: `m-${events.length}`, role, by: "p", to: [ROLES[(minute + k + 1) % 8]!], text: "t" });
          break;
        case 6:
          add(x, { type: "unit-dispatched", unit: `${role}-u`, role, by: "p", from: [0, 0], to: [1, 1], zone: ZONES[k % 6]!, arrive: x + 60_000 });
          break;
        case 7:
          add(x, { type: "cordon-set", zone: ZONES[k % 6]!, level: "outer", role, by: "p" });
          break;
        case 8:
          add(x, { type: "decision-logged", id: `d-${events.length}`, role, by: "p", text: "t", rationale: "r", topic: `topic-${k % 4}`, with: [ROLES[(minute + 2) % 8]!] });
          break;
        default:
          add(x, { type: "public-message", id: `p-${events.length}`, role, by: "p", channel: "press", text: "t", topic: `topic-${k % 4}` });
      }
    }
  }
  // The odd injects' public-message expectations are never met: missed 16 min after release.
  const lastX = events[events.length - 1]!.x;
  for (let i = 1; i < 60; i += 2) {
    const due = i * 3 * 60_000 + 16 * 60_000;
    if (due <= lastX) events.push({ type: "expectation-missed", expectation: `e-${i}-b`, inject: `inj-${i}`, seq: 0, t: due, x: due });
  }
  // Keep the log in time order with consecutive seqs after appending the misses.
  events.sort((a, b) => a.x - b.x || (a.seq === 0 ? 1 : 0) - (b.seq === 0 ? 1 : 0) || a.seq - b.seq);
  const renumber = new Map<number, number>();
  events.forEach((e, i) => {
    if (e.seq !== 0) renumber.set(e.seq, i + 1);
    e.seq = i + 1;
  });
  for (const e of events) if (e.type === "expectation-met") e.action = renumber.get(e.action) ?? e.action;
  return { scenario, events };
}
