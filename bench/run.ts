/**
 * `npm run bench`: runs every benchmark in turn and prints its figures. A benchmark is an async function in its
 * own file under bench/, registered in BENCHMARKS below. Benchmarks report; they never fail the build, so a
 * missed target is printed as FAIL and the exit code stays 0 (only a crash exits non-zero).
 *
 * `node bench/run.ts engine` runs only the benchmarks whose name contains "engine".
 */
import { availableParallelism, cpus, loadavg } from "node:os";
import { engineBenchmark } from "./engine.ts";
import { scoringBenchmark } from "./scoring.ts";
import { clientBenchmark } from "./client.ts";
import { serverBenchmark } from "./server.ts";

interface Benchmark {
  name: string;
  run: () => Promise<void>;
}

const BENCHMARKS: readonly Benchmark[] = [
  { name: "engine", run: engineBenchmark },
  { name: "scoring", run: scoringBenchmark },
  { name: "client", run: clientBenchmark },
  { name: "server", run: () => serverBenchmark() }
];

async function main(): Promise<void> {
  const filter = process.argv[2];
  const chosen = BENCHMARKS.filter((b) => filter === undefined || b.name.includes(filter));
  if (chosen.length === 0) {
    console.error(`no benchmark matches "${filter}" (available: ${BENCHMARKS.map((b) => b.name).join(", ")})`);
    process.exitCode = 2;
    return;
  }
  // Figures from a busy machine are not comparable: the load average says how busy it was.
  const load = loadavg()[0]!.toFixed(2);
  console.log(`Node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}, ${availableParallelism()} cores, load average ${load}`);
  for (const benchmark of chosen) {
    console.log(`\n== ${benchmark.name} ==`);
    await benchmark.run();
  }
}

await main();
