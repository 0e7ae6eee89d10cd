import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../../server/src/library/library.ts";
import { simulate } from "../../../server/src/core/simulation/simulate.ts";
import { TEAM_KINDS } from "../../../server/src/core/simulation/teams.ts";
import { runCli } from "../../../server/src/cli/main.ts";
import { parseLog } from "../../../server/src/core/engine/log.ts";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const { entries } = await loadLibrary();
const cases = entries.flatMap((e) => TEAM_KINDS.map((team) => [e.id, team] as const));

describe("every library scenario plays to the end with every team", () => {
  it.each(cases)("%s with the %s team", (id, team) => {
    const scenario = entries.find((e) => e.id === id)!.scenario;
    for (const language of scenario.languages) {
      const sim = simulate(scenario, { seed: 3, team, language });
      expect(sim.events.at(-1)).toMatchObject({ type: "exercise-ended", reason: "duration", x: scenario.duration * 60_000 });
      expect(sim.events.filter((e) => e.type === "inject-released").length).toBeGreaterThanOrEqual(20);
    }
  });
});

describe("cordon simulate", () => {
  it("given a library id, when simulated with --out, then it prints the timeline and writes a log that parses", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cordon-sim-"));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(["simulate", "school-bomb-threat", "--team", "slow", "--seed", "4", "--language", "fr", "--out", "log.jsonl"], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      isTty: false,
      cwd: dir
    });
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/00:00:00 {2}STARTEX/);
    expect(out.join("\n")).toMatch(/school-bomb-threat: slow team, seed 4: \d+ events/);
    expect(err.join("\n")).toContain("100%");
    const log = parseLog(await readFile(join(dir, "log.jsonl"), "utf8"));
    expect(log[0]).toMatchObject({ type: "exercise-created", language: "fr", seed: 4 });
    expect(log.at(-1)?.type).toBe("exercise-ended");
  });

  it("refuses an unknown team with the usage", async () => {
    const err: string[] = [];
    const code = await runCli(["simulate", "school-bomb-threat", "--team", "heroic"], { out: () => {}, err: (t) => err.push(t), isTty: false, cwd: "." });
    expect(code).toBe(2);
    expect(err.join("")).toContain('--team must be one of cooperative, siloed, slow, not "heroic"');
  });
});
