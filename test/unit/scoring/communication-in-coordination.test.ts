import { describe, expect, it } from "vitest";
import { Drill, player } from "../engine/harness.ts";
import { score } from "../../../server/src/core/scoring/score.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";

/** Plays the impact inject on time; relays it to fire-ems only if asked. */
function play(relay: boolean) {
  const drill = new Drill().started();
  drill.at(2.5);
  drill.ok(player("police"), { type: "acknowledge", item: "impact" });
  drill.at(3);
  drill.ok(player("police"), { type: "deploy", unit: "p1", to: [200, 200] });
  if (relay) drill.ok(player("police"), { type: "share", to: ["fire-ems"], text: "Van in the square", about: "impact" });
  drill.at(12);
  return score(tinyScenario, drill.log);
}

describe("passing information on is coordination, not speed", () => {
  it("given a team that acts on time but never relays, when scored, then its speed equals the relaying team's and its coordination is lower", () => {
    const relayed = play(true);
    const silent = play(false);
    expect(silent.speed.expectations.find((e) => e.expectation === "relay-impact")?.status).toBe("missed");
    expect(silent.speed.components.expectations).toBe(relayed.speed.components.expectations);
    expect(silent.coordination.score!).toBeLessThan(relayed.coordination.score!);
    expect(silent.overall!).toBeLessThan(relayed.overall!);
  });
});

describe("live scoring at STARTEX", () => {
  it("given an exercise with no inject released yet, when scored, then the network is not judged and nothing scores", () => {
    const drill = new Drill().started();
    drill.at(1);
    const card = score(tinyScenario, drill.log);
    expect(card.coordination.components.network).toBeNull();
    expect(card.overall).toBeNull();
  });
});
