/**
 * Scoring throughput: the time to score an exercise log (what the facilitator's live scores and the report cost),
 * next to the time merely to fold the same log with the engine (the baseline), in the same run. Two logs: a
 * synthetic 20,000-event exercise, and the engine benchmark's simulated 3-hour exercise.
 * Target: a 3-hour exercise rescored in < 20 ms, i.e. >= 1,000,000 events/s.
 */
import { fold } from "../server/src/core/engine/evolve.ts";
import type { ExerciseEvent } from "../server/src/core/engine/events.ts";
import type { Scenario } from "../server/src/core/scenario/schema.ts";
import { score } from "../server/src/core/scoring/score.ts";
import { bigExercise } from "../test/unit/scoring/big-log.ts";
import { engineLog } from "./engine.ts";
import { formatRate, measure, perSecond, sink, table } from "./measure.ts";

const TARGET_MS = 20;

export async function scoringBenchmark(): Promise<void> {
  const synthetic = bigExercise(20_000);
  const simulated = await engineLog();
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const [name, scenario, events] of [
    ["synthetic 20k-event exercise", synthetic.scenario, synthetic.events],
    ["simulated 3-hour exercise", simulated.scenario, simulated.events]
  ] as [string, Scenario, ExerciseEvent[]][]) {
    const folding = measure(() => fold(events).seq, { warmup: 5, runs: 15 });
    const scoring = measure(() => score(scenario, events).eventCount, { warmup: 3, runs: 11 });
    rows.push([`${name}: fold (baseline)`, String(events.length), folding.medianMs.toFixed(2), formatRate(perSecond(events.length, folding)), "1.00"]);
    rows.push([
      `${name}: score`,
      String(events.length),
      scoring.medianMs.toFixed(2),
      formatRate(perSecond(events.length, scoring)),
      (scoring.medianMs / folding.medianMs).toFixed(2)
    ]);
    verdicts.push(`${name}: scored in ${scoring.medianMs.toFixed(2)} ms: ${scoring.medianMs < TARGET_MS ? "PASS" : "FAIL"}`);
  }
  console.log(table(["scoring", "events", "median ms", "events/s", "x fold time"], rows));
  console.log("");
  console.log(`Target: rescoring under ${TARGET_MS} ms`);
  for (const v of verdicts) console.log(`  ${v}`);
  console.log(`(checksum: ${sink.value})`);
}
