/**
 * `npm start`: the Cordon server on one port (PORT, default 2567) — HTTP API, game server and web client — with
 * its event store in CORDON_DB (default ./data/cordon.sqlite). Unfinished exercises in the store come back on
 * start. SIGINT/SIGTERM close the rooms and the store cleanly.
 *
 * Environment: PORT, HOST, CORDON_DB, CORDON_DB_SYNC (normal|full), CORDON_RECONNECT_SECONDS (default 30),
 * CORDON_SCENARIOS (library folder), CORDON_CLIENT_DIR (built client).
 */
import { startCordonServer } from "./app.ts";
import { consoleLogger } from "./room/context.ts";

function fail(message: string): never {
  console.error(`cordon server: ${message}`);
  process.exit(2);
}

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) fail(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

const sync = process.env.CORDON_DB_SYNC ?? "normal";
if (sync !== "normal" && sync !== "full") fail(`CORDON_DB_SYNC must be "normal" or "full", got "${sync}"`);

process.on("uncaughtException", (error) => consoleLogger.error("uncaught exception (the server keeps running)", error));
process.on("unhandledRejection", (error) => consoleLogger.error("unhandled rejection (the server keeps running)", error));

const dbPath = process.env.CORDON_DB || "./data/cordon.sqlite";
let server;
try {
  server = await startCordonServer({
    port: intFromEnv("PORT", 2567, 0, 65535),
    host: process.env.HOST || undefined,
    dbPath,
    dbSync: sync,
    scenarioDir: process.env.CORDON_SCENARIOS || undefined,
    clientDir: process.env.CORDON_CLIENT_DIR || undefined,
    room: { reconnectSeconds: intFromEnv("CORDON_RECONNECT_SECONDS", 30, 0, 86_400) }
  });
} catch (error) {
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
}

const restored = server.restored > 0 ? `, ${server.restored} exercise(s) restored` : "";
console.log(`Cordon server listening on ${server.url} (store ${dbPath}${restored})`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) {
    console.error(`cordon server: ${signal} again, exiting now`);
    process.exit(1);
  }
  stopping = true;
  console.log(`cordon server: ${signal}, closing rooms and the store...`);
  server
    .close()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      consoleLogger.error("cordon server: shutdown failed", error);
      process.exit(1);
    });
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
