/**
 * Integration test harness: the real server in a child process (`node server/src/main.ts`, exactly what
 * `npm start` runs) on a free port and a temporary store, and real @colyseus/sdk clients.
 */
import "./use-ws-package.ts";
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";

/**
 * Decoded replicated state and JSON answers as plain data. Their shape is what the tests check, so they are
 * deliberately loosely typed here (the one escape hatch) rather than re-declared.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const REPO = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const FIXTURES = joinPath(REPO, "test/fixtures/scenarios");
export const MINIMAL_YAML = readFileSync(joinPath(FIXTURES, "minimal.yaml"), "utf8");

export interface ServerProcess {
  url: string;
  port: number;
  dbPath: string;
  process: ChildProcess;
  output(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown code runs. */
  kill9(): Promise<void>;
}

/** A fresh temporary folder for a store; removed by the returned function. */
export function tempDb(): { dbPath: string; cleanup: () => void } {
  const dir = mkdtempSync(joinPath(tmpdir(), "cordon-it-"));
  return { dbPath: joinPath(dir, "cordon.sqlite"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startServer(options: { dbPath: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["server/src/main.ts"], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      CORDON_DB: options.dbPath,
      CORDON_SCENARIOS: FIXTURES,
      CORDON_CLIENT_DIR: joinPath(REPO, "test/fixtures/no-client"),
      NODE_ENV: "production",
      ...options.env
    },
    stdio: ["ignore", "pipe", "pipe"]
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((res) => child.once("exit", (code) => res(code)));
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start in time:\n${output}`)), 15_000);
    const onData = () => {
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        res(Number(match[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dbPath: options.dbPath,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      return exited;
    },
    async kill9() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    }
  };
}

export interface Created {
  exerciseId: string;
  joinCode: string;
  facilitatorSecret: string;
}

export async function createExercise(url: string, body: unknown = { scenarioYaml: MINIMAL_YAML }): Promise<Created> {
  const res = await fetch(`${url}/api/exercises`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body)
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

export interface WireErrorMessage {
  code: string;
  message: string;
  type: string;
}

/** A joined SDK room with what it was told: the welcome message and every `error` message. */
export interface Player {
  room: Room;
  welcome: Record<string, unknown>;
  errors: WireErrorMessage[];
  /** The decoded replicated state as plain JSON. */
  json(): Record<string, Json>;
}

export async function join(url: string, options: Record<string, unknown>): Promise<Player> {
  const client = new Client(url);
  const room = await client.join("exercise", options);
  room.reconnection.minUptime = 0;
  const errors: WireErrorMessage[] = [];
  room.onMessage("error", (m: WireErrorMessage) => errors.push(m));
  const welcome = new Promise<Record<string, unknown>>((res) => room.onMessage("welcome", res));
  if (!(room.state as { clock?: unknown } | undefined)?.clock) await new Promise((res) => room.onStateChange.once(res));
  return { room, welcome: await welcome, errors, json: () => (room.state as { toJSON(): Record<string, Json> }).toJSON() };
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function logLines(url: string, exerciseId: string): Promise<Record<string, Json>[]> {
  const res = await fetch(`${url}/api/exercises/${exerciseId}/log`);
  const text = await res.text();
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, Json>);
}

/** Exercise ms now as a client computes it from the replicated clock (server time estimated from serverNow). */
export function exerciseTime(state: Record<string, Json>, serverNow = Date.now()): number {
  const c = state.clock;
  if (c.status !== "running") return c.baseX;
  return c.baseX + Math.max(0, serverNow - c.anchorT) * c.speed;
}

/** Leaves a room if it is still connected; never waits more than a second (the server may be gone). */
export async function leave(player: Player | undefined): Promise<void> {
  if (!player) return;
  await Promise.race([player.room.leave().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
}
