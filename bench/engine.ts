/**
 * Engine throughput on a 3-hour exercise log.
 *
 * The log: the library's Christmas-market scenario stretched to 180 minutes with its injects and branches copied
 * many times over (see stretch-scenario.ts), played by the cooperative simulated team. Measured on that log, in
 * the same process: a plain loop over the events (the baseline: read each event's type and x, no state), `fold`
 * (rebuild the state from the events), `parseLog` + `fold` (from the stored JSON Lines), and replaying the
 * simulator's commands through the runner (`decide` + `evolve`, clock ticks included). The target is folding at
 * 1,000,000 events/s or more; a miss is printed, never turned into a failing exit code.
 */
import { loadScenario } from "../server/src/library/library.ts";
import { simulate } from "../server/src/core/simulation/simulate.ts";
import { fold } from "../server/src/core/engine/evolve.ts";
import { ExerciseRunner } from "../server/src/core/engine/runner.ts";
import { parseLog, serialiseLog } from "../server/src/core/engine/log.ts";
import type { Command } from "../server/src/core/engine/commands.ts";
import type { ExerciseEvent } from "../server/src/core/engine/events.ts";
import type { Scenario } from "../server/src/core/scenario/schema.ts";
import { stretchScenario } from "./stretch-scenario.ts";
import { formatRate, measure, perSecond, sink, table } from "./measure.ts";

const SCENARIO_ID = "christmas-market-vehicle";
const DURATION_MINUTES = 180;
const COPIES = 48;
const SEED = 1;
const FOLD_TARGET = 1_000_000;
const BASELINE_PASSES = 50;

export interface EngineLog {
  scenario: Scenario;
  events: ExerciseEvent[];
  commands: Command[];
  rejected: number;
}

/** The 3-hour log every engine figure is measured on. */
export async function engineLog(): Promise<EngineLog> {
  const { scenario: library } = await loadScenario(SCENARIO_ID);
  const scenario = stretchScenario(library, { duration: DURATION_MINUTES, copies: COPIES });
  const { events, commands, rejected } = simulate(scenario, { seed: SEED, team: "cooperative", language: "en" });
  return { scenario, events, commands, rejected };
}

/** The baseline: what touching every event costs with no state at all. */
function plainLoop(events: readonly ExerciseEvent[]): number {
  let actions = 0;
  let releases = 0;
  let other = 0;
  let lastX = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    switch (event.type) {
      case "inject-released":
        releases++;
        break;
      case "acknowledged":
      case "info-shared":
      case "unit-dispatched":
      case "cordon-set":
      case "evacuation-ordered":
      case "decision-logged":
      case "methane-sent":
      case "public-message":
        actions++;
        break;
      default:
        other++;
    }
    lastX = event.x;
  }
  return actions + releases * 3 + other * 7 + (lastX & 0xff);
}

function replay(events: readonly ExerciseEvent[], commands: readonly Command[]): ExerciseEvent[] {
  const created = events[0] as Extract<ExerciseEvent, { type: "exercise-created" }>;
  const { runner, events: log } = ExerciseRunner.create({
    exerciseId: created.exerciseId,
    scenario: created.scenario,
    language: created.language,
    seed: created.seed,
    wallMs: created.t
  });
  for (const command of commands) log.push(...runner.handle(command).events);
  return log;
}

export async function engineBenchmark(): Promise<void> {
  const started = performance.now();
  const { scenario, events, commands, rejected } = await engineLog();
  const generatedMs = performance.now() - started;
  const text = serialiseLog(events);
  const lastX = events[events.length - 1]!.x;
  const types = new Set(events.map((e) => e.type)).size;
  console.log(
    `Log: ${scenario.id} (${scenario.injects.length} injects, ${scenario.duration} min), cooperative team, seed ${SEED}: ` +
      `${events.length.toLocaleString("en-US")} events of ${types} types up to ${(lastX / 60_000).toFixed(1)} min, ` +
      `${commands.length.toLocaleString("en-US")} commands (${rejected} refused), ` +
      `${(text.length / 1e6).toFixed(1)} MB as JSON Lines; simulated in ${(generatedMs / 1000).toFixed(1)} s`
  );

  // The replay must rebuild the very same log, or its figure measures something else: said loudly, but a
  // benchmark still never fails the build.
  if (serialiseLog(replay(events, commands)) !== text) {
    console.warn("WARNING: replaying the commands did not give the same log; the decide figure is not comparable");
  }

  // One pass of the plain loop takes a fraction of a millisecond: timed over many passes, so timer noise fades.
  const baseline = measure(() => {
    let acc = 0;
    for (let i = 0; i < BASELINE_PASSES; i++) acc ^= plainLoop(events) + i;
    return acc;
  }, { warmup: 5, runs: 21 });
  const folding = measure(() => fold(events).seq, { warmup: 5, runs: 15 });
  const parsing = measure(() => fold(parseLog(text)).seq, { warmup: 2, runs: 7 });
  const deciding = measure(() => replay(events, commands).length, { warmup: 1, runs: 5 });

  const base = perSecond(events.length * BASELINE_PASSES, baseline);
  const row = (name: string, timing: typeof baseline, passes = 1): string[] => {
    const rate = perSecond(events.length * passes, timing);
    const ms = (value: number): string => (value / passes).toFixed(2);
    return [name, ms(timing.medianMs), ms(timing.minMs), formatRate(rate), (rate / base).toFixed(4)];
  };
  console.log("");
  console.log(
    table(
      ["engine, 3-hour log", "median ms", "best ms", "events/s (median)", "x baseline"],
      [
        row("plain loop over events (baseline)", baseline, BASELINE_PASSES),
        row("fold (evolve every event)", folding),
        row("parseLog + fold (from JSON Lines)", parsing),
        row("replay commands (decide + evolve)", deciding)
      ]
    )
  );
  const foldRate = perSecond(events.length, folding);
  const verdict = foldRate >= FOLD_TARGET ? "PASS" : "FAIL";
  console.log("");
  console.log(`Target: fold >= ${formatRate(FOLD_TARGET)} events/s: ${verdict} (${formatRate(foldRate)} events/s)`);
  console.log(`(checksum of the measured results, which keeps the work from being optimised away: ${sink.value})`);
}
