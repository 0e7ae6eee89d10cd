/**
 * `cordon simulate`: plays a scenario headless with a bot team, prints the timeline and writes the event log.
 * This is how a facilitator checks a scenario before the day.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliCommand, CliIo } from "../command.ts";
import { UsageError, parseCommandLine } from "../command.ts";
import { loadScenario } from "../../library/library.ts";
import { simulate } from "../../core/simulation/simulate.ts";
import type { TeamKind } from "../../core/simulation/teams.ts";
import { TEAM_KINDS } from "../../core/simulation/teams.ts";
import { serialiseLog } from "../../core/engine/log.ts";
import { clockLabel, describeEvent } from "../../core/engine/describe-event.ts";
import { ProgressBar } from "../progress-bar.ts";

const usage = `Usage: cordon simulate <scenario id or file> [--seed N] [--team cooperative|siloed|slow] [--language en|fr] [--out log.jsonl] [--quiet]

Runs the whole scenario headless at full speed with a bot for every role, prints the timeline and writes the
event log (JSON Lines). Teams: cooperative acts on time, by the lead role, and relays what others need; siloed is as
fast but never shares and duplicates tasks; slow is cooperative at a third of the speed. The same seed gives the
same log.

Options:
  --seed N          seed for the bots' reaction times and choices (default 1)
  --team T          cooperative (default), siloed or slow
  --language L      exercise language (default: the scenario's first language)
  --out FILE        write the event log to FILE
  --quiet           print only the summary, not the timeline`;

export const simulateCommand: CliCommand = {
  name: "simulate",
  summary: "play a scenario with simulated players and write its event log",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args);
    if (positionals.length !== 1) throw new UsageError("name one scenario id or file");
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, not "${values.seed}"`);
    const team = (values.team ?? "cooperative") as TeamKind;
    if (!TEAM_KINDS.includes(team)) throw new UsageError(`--team must be one of ${TEAM_KINDS.join(", ")}, not "${team}"`);
    const entry = await loadScenario(positionals[0]!);
    const scenario = entry.scenario;
    const language = values.language ?? scenario.languages[0]!;
    if (!scenario.languages.includes(language)) {
      throw new UsageError(`--language must be one of the scenario's languages (${scenario.languages.join(", ")}), not "${language}"`);
    }
    const bar = new ProgressBar(io, `${scenario.id} (${team}, seed ${seed})`);
    const result = simulate(scenario, { seed, team, language, onProgress: (x, total) => bar.update(x / total) });
    bar.done();
    if (!values.quiet) {
      for (const event of result.events) {
        const line = describeEvent(scenario, event, language);
        if (line !== undefined) io.out(`${clockLabel(event.x)}  ${line}`);
      }
    }
    const met = result.events.filter((e) => e.type === "expectation-met").length;
    const missed = result.events.filter((e) => e.type === "expectation-missed").length;
    const injects = result.events.filter((e) => e.type === "inject-released").length;
    io.out(
      `${scenario.id}: ${team} team, seed ${seed}: ${result.events.length} events, ${injects} injects released, ` +
        `${met} expectations met, ${missed} missed, ${result.rejected} bot commands refused`
    );
    if (values.out) {
      const path = resolve(io.cwd, values.out);
      await writeFile(path, serialiseLog(result.events), "utf8");
      io.out(`event log written to ${values.out}`);
    }
    return 0;
  }
};

function parse(args: string[]) {
  return parseCommandLine(args, {
    seed: { type: "string" },
    team: { type: "string" },
    language: { type: "string" },
    out: { type: "string" },
    quiet: { type: "boolean" }
  });
}
