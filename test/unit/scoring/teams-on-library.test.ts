import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../../server/src/library/library.ts";
import { simulate } from "../../../server/src/core/simulation/simulate.ts";
import { score } from "../../../server/src/core/scoring/score.ts";
import type { ScoreCard } from "../../../server/src/core/scoring/scorecard.ts";
import type { TeamKind } from "../../../server/src/core/simulation/teams.ts";

const { entries } = await loadLibrary();
const SEED = 11;

function play(id: string, team: TeamKind): ScoreCard {
  const entry = entries.find((e) => e.id === id)!;
  return score(entry.scenario, simulate(entry.scenario, { seed: SEED, team, language: "en" }).events);
}

describe("scoring tells the simulated teams apart on every library scenario", () => {
  it("has the five library scenarios", () => {
    expect(entries.length).toBeGreaterThanOrEqual(5);
  });

  it.each(entries.map((e) => e.id))("%s: cooperative beats siloed on coordination and division at a similar speed, and beats slow on speed", (id) => {
    const cooperative = play(id, "cooperative");
    const siloed = play(id, "siloed");
    const slow = play(id, "slow");
    const dims = (c: ScoreCard) => c.dimensions as Record<"speed" | "coordination" | "division", number>;
    expect(dims(cooperative).coordination - dims(siloed).coordination).toBeGreaterThan(30);
    expect(dims(cooperative).division - dims(siloed).division).toBeGreaterThan(10);
    expect(Math.abs(dims(cooperative).speed - dims(siloed).speed)).toBeLessThan(10);
    expect(dims(cooperative).speed - dims(slow).speed).toBeGreaterThan(30);
    expect(cooperative.overall!).toBeGreaterThan(siloed.overall!);
    expect(cooperative.overall!).toBeGreaterThan(slow.overall!);
  });

  it.each(entries.map((e) => e.id))("%s: the siloed findings name the unshared information, the duplicated tasks and the gaps", (id) => {
    const siloed = play(id, "siloed");
    const codes = new Set(siloed.findings.filter((f) => f.kind === "improvement").map((f) => f.code));
    expect(codes).toContain("not-relayed");
    expect(codes).toContain("duplicated-task");
    expect(codes).toContain("expectation-missed");
    for (const f of siloed.findings) expect(f.evidence.length).toBeGreaterThan(0);
  });
});
