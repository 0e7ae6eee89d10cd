/**
 * Exercise server under load: N concurrent exercises × 12 simulated SDK clients each (a facilitator, two players
 * per core role, an observer, an evaluator and the big screen), all in this one process with the server. The eight
 * players each share a message with another role every few seconds; the latency measured is action-to-patch: from
 * `room.send` at the sender to the patch that brings the message into a recipient client's decoded state.
 *
 * The verdict compares the p99 of all samples of each kind; the median of the per-turn p99s is printed next to it,
 * as a check that one disturbed turn (a shared machine) did not decide the outcome.
 *
 * Baseline, in the same run: a bare Colyseus room with the same 12 clients and the same message rate, whose
 * handler just adds the message to a replicated map (no engine, no store, no views, no scores). Target: the
 * exercise server's p99 at most 1.2× the bare room's at 200 exercises × 12 clients. CPU is the process's (server
 * and clients) as a share of one core over the measured window.
 *
 * Both kinds of rooms are set up side by side and take turns (3 s each, after a warm-up), so slow drifts of a shared
 * machine hit both alike; latencies are pooled per kind.
 *
 * Environment: CORDON_BENCH_EXERCISES (default 50; 200 for the target), CORDON_BENCH_SECONDS (measured time per
 * kind, default 15), CORDON_BENCH_INTERVAL_MS (time between two actions of one player, default 4000),
 * CORDON_BENCH_ONLY=bare|exercise (one kind only, e.g. to profile it).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { matchMaker, Room } from "@colyseus/core";
import { schema, t } from "@colyseus/schema";
import { Callbacks, Client } from "@colyseus/sdk";
import type { Room as SdkRoom } from "@colyseus/sdk";
import { startCordonServer } from "../server/src/app.ts";
import type { Logger } from "../server/src/room/context.ts";
import { table } from "./measure.ts";

export interface ServerBenchOptions {
  exercises: number;
  seconds: number;
  intervalMs: number;
}

const ROLES = ["police", "municipality", "fire-ems", "communication"] as const;
const WARMUP_MS = 3000;
/** Length of one measured turn of one kind of room; the kinds alternate so both see the same machine. */
const ROUND_SECONDS = 3;
const TARGET_RATIO = 1.2;
const TARGET_EXERCISES = 200;
const JOIN_CONCURRENCY = 16;
const MINIMAL_YAML = readFileSync(fileURLToPath(new URL("../test/fixtures/scenarios/minimal.yaml", import.meta.url)), "utf8");

function optionsFromEnv(): ServerBenchOptions {
  const int = (name: string, fallback: number): number => {
    const value = Number(process.env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    exercises: int("CORDON_BENCH_EXERCISES", 50),
    seconds: int("CORDON_BENCH_SECONDS", 15),
    intervalMs: int("CORDON_BENCH_INTERVAL_MS", 4000)
  };
}

// ---- the baseline room ----

const BareItem = schema({ id: t.string(), from: t.string(), to: t.string(), text: t.string() }, "BareItem");
const BareState = schema({ items: t.map(BareItem) }, "BareState");

/** A bare Colyseus room: every message becomes an entry of a replicated map. */
class BareRoom extends Room<{ state: InstanceType<typeof BareState> }> {
  override state = new BareState();
  override autoDispose = false;
  private n = 0;
  override onCreate(): void {
    this.onMessage("share", (client, message: { to: string; text: string }) => {
      const item = new BareItem();
      item.id = String(++this.n);
      item.from = client.sessionId;
      item.to = String(message.to);
      item.text = String(message.text);
      this.state.items.set(item.id, item);
    });
  }
}

// ---- measuring ----

interface Sender {
  role: string;
  send: (to: string, text: string) => void;
}

/** One kind of room under load: its senders, and what its recipients saw. */
interface Load {
  name: string;
  senders: Sender[];
  rooms: SdkRoom[];
  latencies: number[];
  /** p99 of each measured turn (see the verdict). */
  turnP99s: number[];
  sent: number;
  received: number;
  cpuMs: number;
  wallMs: number;
  loop: ReturnType<typeof monitorEventLoopDelay>;
  /** Garbage-collection pauses during the measured windows (ms). */
  gcMs: number;
  gcMaxMs: number;
  measuring: boolean;
}

function newLoad(name: string): Load {
  return { name, senders: [], rooms: [], latencies: [], turnP99s: [], sent: 0, received: 0, cpuMs: 0, wallMs: 0, loop: monitorEventLoopDelay({ resolution: 5 }), gcMs: 0, gcMaxMs: 0, measuring: false };
}

const sentAt = new Map<string, number>();
let sequence = 0;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A recipient saw message `text`: one latency sample, if it was sent while measuring. */
function seen(load: Load, text: string): void {
  const at = sentAt.get(text);
  if (at === undefined || !load.measuring) return;
  load.latencies.push(performance.now() - at);
  load.received++;
}

/**
 * Drives one load for a window: every sender acts every `intervalMs`, staggered evenly; only actions sent after
 * `warmupMs` count, and the window closes after their patches have had time to arrive.
 */
async function window(load: Load, options: ServerBenchOptions, warmupMs: number, measureMs: number): Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  let measuringSends = false;
  load.senders.forEach((sender, i) => {
    const others = ROLES.filter((r) => r !== sender.role);
    const act = () => {
      const text = `${load.name}:${++sequence}`;
      const to = others[sequence % others.length]!;
      if (measuringSends) {
        sentAt.set(text, performance.now());
        load.sent++;
      }
      sender.send(to, text);
    };
    timers.push(
      setTimeout(() => {
        act();
        timers.push(setInterval(act, options.intervalMs));
      }, (i / load.senders.length) * options.intervalMs)
    );
  });
  await sleep(warmupMs);
  const firstSample = load.latencies.length;
  load.measuring = true;
  measuringSends = true;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  load.loop.enable();
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      load.gcMs += entry.duration;
      load.gcMaxMs = Math.max(load.gcMaxMs, entry.duration);
    }
  });
  gc.observe({ entryTypes: ["gc"] });
  await sleep(measureMs);
  gc.disconnect();
  load.loop.disable();
  const used = process.cpuUsage(cpu);
  load.cpuMs += (used.user + used.system) / 1000;
  load.wallMs += performance.now() - wall;
  measuringSends = false;
  for (const timer of timers) clearInterval(timer);
  await sleep(600);
  load.measuring = false;
  load.turnP99s.push(percentile(load.latencies.slice(firstSample).sort((a, b) => a - b), 99));
}

async function setUpBare(url: string, options: ServerBenchOptions): Promise<Load> {
  const load = newLoad("bare");
  const client = new Client(url);
  const ids: string[] = [];
  for (let i = 0; i < options.exercises; i++) ids.push((await matchMaker.createRoom("bench-bare", {})).roomId);
  await inBatches(ids, JOIN_CONCURRENCY, async (roomId) => {
    const seats = ["facilitator", ...ROLES.flatMap((r) => [r, r]), "observer", "evaluator", "screen"];
    for (const seat of seats) {
      const room = await client.joinById(roomId, {});
      load.rooms.push(room);
      const cb = Callbacks.get(room as unknown as { serializer: { decoder: never } }) as unknown as {
        onAdd(prop: string, handler: (item: { to: string; text: string }) => void): void;
      };
      cb.onAdd("items", (item) => {
        if (item.to === seat) seen(load, item.text);
      });
      if ((ROLES as readonly string[]).includes(seat)) load.senders.push({ role: seat, send: (to, text) => room.send("share", { to, text }) });
    }
  });
  return load;
}

async function setUpCordon(url: string, options: ServerBenchOptions): Promise<Load> {
  const load = newLoad("exercise");
  const client = new Client(url);
  const created: { joinCode: string; facilitatorSecret: string }[] = [];
  for (let i = 0; i < options.exercises; i++) {
    const res = await fetch(`${url}/api/exercises`, { method: "POST", headers: { "Content-Type": "application/yaml" }, body: MINIMAL_YAML });
    if (res.status !== 201) throw new Error(`could not create an exercise: ${res.status} ${await res.text()}`);
    created.push((await res.json()) as { joinCode: string; facilitatorSecret: string });
  }
  await inBatches(created, JOIN_CONCURRENCY, async ({ joinCode, facilitatorSecret }) => {
    const facilitator = await client.join("exercise", { joinCode, facilitatorSecret });
    facilitator.onMessage("welcome", () => undefined);
    load.rooms.push(facilitator);
    const seats: { role: string; name: string }[] = [
      ...ROLES.flatMap((role) => [1, 2].map((n) => ({ role, name: `${role}-${n}` }))),
      { role: "observer", name: "Otto" },
      { role: "evaluator", name: "Eve" },
      { role: "screen", name: "Screen" }
    ];
    for (const seat of seats) {
      const room = await client.join("exercise", { joinCode, ...seat });
      load.rooms.push(room);
      room.onMessage("welcome", () => undefined);
      room.onMessage("error", (e: { message: string }) => console.warn(`bench: ${seat.role} refused: ${e.message}`));
      if (!(ROLES as readonly string[]).includes(seat.role)) continue;
      const cb = Callbacks.get(room as unknown as { serializer: { decoder: never } }) as unknown as {
        onAdd(prop: string, handler: (box: object) => void): void;
        onAdd(instance: object, prop: string, handler: (item: { kind: string; text: string }) => void): void;
      };
      cb.onAdd("roles", (box) => {
        cb.onAdd(box, "inbox", (item) => {
          if (item.kind === "message") seen(load, item.text);
        });
      });
      load.senders.push({ role: seat.role, send: (to, text) => room.send("share", { to: [to], text }) });
    }
    await facilitator.request("start");
  });
  return load;
}

function row(load: Load, clients: number): string[] {
  const sorted = [...load.latencies].sort((a, b) => a - b);
  return [
    load.name,
    String(clients),
    String(load.sent),
    String(load.received),
    percentile(sorted, 50).toFixed(1),
    percentile(sorted, 99).toFixed(1),
    (sorted[sorted.length - 1] ?? Number.NaN).toFixed(1),
    ((load.cpuMs / load.wallMs) * 100).toFixed(0),
    median(load.turnP99s).toFixed(1),
    (load.loop.percentile(99) / 1e6).toFixed(1),
    `${((load.gcMs / load.wallMs) * 100).toFixed(1)} / ${load.gcMaxMs.toFixed(0)}`
  ];
}

export async function serverBenchmark(options: ServerBenchOptions = optionsFromEnv()): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cordon-bench-"));
  const quiet: Logger = { info: () => undefined, warn: (m) => console.warn(m), error: (m, e) => console.error(m, e) };
  const server = await startCordonServer({ port: 0, host: "127.0.0.1", dbPath: join(dir, "bench.sqlite"), log: quiet });
  matchMaker.defineRoomType("bench-bare", BareRoom);
  const url = `http://127.0.0.1:${server.port}`;
  const clients = options.exercises * 12;
  const rate = (options.exercises * 8 * 1000) / options.intervalMs;
  const rounds = Math.max(1, Math.round(options.seconds / ROUND_SECONDS));
  console.log(
    `${options.exercises} rooms × 12 clients of each kind, 8 players per room acting every ${options.intervalMs} ms (${rate.toFixed(0)} actions/s); ` +
      `the two kinds take turns, ${rounds} round(s) of ${ROUND_SECONDS} s each`
  );
  const loads: Load[] = [];
  try {
    const started = performance.now();
    const only = process.env.CORDON_BENCH_ONLY;
    if (only !== "exercise") loads.push(await setUpBare(url, options));
    if (only !== "bare") loads.push(await setUpCordon(url, options));
    console.log(`${clients * loads.length} clients joined in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (let round = 0; round < rounds; round++) {
      for (const load of loads) await window(load, options, round === 0 ? WARMUP_MS : 1000, ROUND_SECONDS * 1000);
    }
    console.log(table(["room", "clients", "actions", "patches seen", "p50 ms", "p99 ms", "max ms", "CPU %", "turn p99 ms", "loop p99 ms", "GC % / max ms"], loads.map((l) => row(l, clients))));
    if (loads.length < 2) return;
    const p99 = (l: Load) => percentile([...l.latencies].sort((a, b) => a - b), 99);
    const ratio = p99(loads[1]!) / p99(loads[0]!);
    const turnRatio = median(loads[1]!.turnP99s) / median(loads[0]!.turnP99s);
    const verdict = ratio <= TARGET_RATIO ? "PASS" : "FAIL";
    const scope = options.exercises >= TARGET_EXERCISES ? "" : ` (the target is set at ${TARGET_EXERCISES} rooms: CORDON_BENCH_EXERCISES=${TARGET_EXERCISES})`;
    console.log(
      `p99 exercise room / bare room: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${verdict}${scope}; ` +
        `median of per-turn p99s: ${turnRatio.toFixed(2)}×`
    );
  } finally {
    for (const load of loads) await Promise.all(load.rooms.map((r) => r.leave().catch(() => undefined)));
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node bench/server.ts` runs it on its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await serverBenchmark();
  process.exit(0);
}

