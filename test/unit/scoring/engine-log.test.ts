/**
 * Scoring a log written by the real engine (the runner on the tiny fixture scenario), to hold scoring to the
 * events the engine actually emits: expectation-met pointing at the action's seq, misses closed at ENDEX,
 * releases, acknowledgements and messages as the engine records them.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../server/src/core/engine/actor.ts";
import type { CommandBody } from "../../../server/src/core/engine/commands.ts";
import type { ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import { ExerciseRunner } from "../../../server/src/core/engine/runner.ts";
import { score, scoreLog } from "../../../server/src/core/scoring/score.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";

const MIN = 60_000;
const player = (role: string): Actor => ({ kind: "player", role, name: `${role}-player` });

function drill(): ExerciseEvent[] {
  const { runner, events } = ExerciseRunner.create({ exerciseId: "ex-1", scenario: tinyScenario, language: "en", seed: 1, wallMs: 0 });
  const log = [...events];
  const send = (minutes: number, actor: Actor, body: CommandBody) => {
    const result = runner.handle({ ...body, actor, wallMs: minutes * MIN } as never);
    if (!result.ok) throw new Error(`rejected at ${minutes} min: ${result.reason}`);
    log.push(...result.events);
  };
  send(0, { kind: "facilitator" }, { type: "start" });
  send(2.5, player("police"), { type: "acknowledge", item: "impact" });
  send(3, player("police"), { type: "share", to: ["fire-ems"], text: "Van in the square", about: "impact" });
  send(4, player("police"), { type: "deploy", unit: "p1", to: [150, 150] });
  send(8, player("communication"), { type: "publish", channel: "social-media", text: "We are aware", topic: "holding-statement" });
  send(12, player("fire-ems"), { type: "deploy", unit: "a1", to: [150, 150] });
  log.push(...runner.advance(61 * MIN));
  return log;
}

describe("score: a log from the engine", () => {
  const log = drill();
  const card = scoreLog(log);

  it("given the runner's log, when scored, then the scenario comes from the log and the card is final", () => {
    expect(card.final).toBe(true);
    expect(card).toEqual(score(tinyScenario, log));
  });

  it("then the police expectations are met by police, on time, with the engine's action events as evidence", () => {
    const byId = new Map(card.speed.expectations.map((e) => [e.expectation, e]));
    expect(byId.get("ack-impact")).toMatchObject({ status: "met", metBy: "police", owner: "lead", latencyMs: 0.5 * MIN, credit: 1 });
    expect(byId.get("relay-impact")).toMatchObject({ status: "met", latencyMs: 1 * MIN, credit: 1 });
    expect(byId.get("deploy-patrol")).toMatchObject({ status: "met", latencyMs: 2 * MIN, credit: 1 });
    expect(byId.get("deploy-patrol")!.action?.type).toBe("unit-dispatched");
    expect(byId.get("holding")).toMatchObject({ status: "met", metBy: "communication", latencyMs: 3 * MIN });
    for (const e of card.speed.expectations.filter((x) => x.status === "met")) {
      expect(log[e.action!.seq - 1]!.type).toBe(e.action!.type);
    }
  });

  it("then the impact reached fire-ems 1 min after release, and the roles nobody messaged are isolated", () => {
    expect(card.coordination.relays.items).toEqual([
      expect.objectContaining({ inject: "impact", role: "fire-ems", status: "relayed", by: "police", latencyMs: 1 * MIN, credit: 1 })
    ]);
    expect(card.coordination.network.isolated).toEqual(["communication", "municipality"]);
  });

  it("then the municipality's unacknowledged injects are named", () => {
    const muni = card.speed.acknowledgements.filter((a) => a.role === "municipality");
    expect(muni.length).toBeGreaterThan(0);
    expect(muni.every((a) => a.status === "unacknowledged")).toBe(true);
    expect(card.findings.find((f) => f.id === "unacknowledged:municipality")?.owner).toBe("municipality");
  });

  it("then every evidence reference points at the event it names", () => {
    const refs = card.findings.flatMap((f) => f.evidence);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const event = log[ref.seq - 1]!;
      expect([event.type, event.x]).toEqual([ref.type, ref.x]);
    }
  });
});
