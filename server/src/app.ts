/**
 * Builds and starts the whole Cordon server on one port: the HTTP API, the Colyseus game server (WebSocket) and
 * the built web client, over the embedded SQLite event store. Used by `npm start` (main.ts), the integration tests
 * (through main.ts in a child process) and the benchmark (in process).
 */
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { defineRoom, defineServer } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { DEFAULT_SCENARIO_DIR } from "./library/library.ts";
import { createApi, notFound } from "./http/api.ts";
import type { Logger, RoomSettings } from "./room/context.ts";
import { consoleLogger, DEFAULT_ROOM_SETTINGS, setRoomContext } from "./room/context.ts";
import { EXERCISE_ROOM, ExerciseRoom } from "./room/exercise-room.ts";
import { openExercise, restoreExercises } from "./room/exercises.ts";
import { startHeartbeat } from "./room/heartbeat.ts";
import type { EventStore } from "./store/event-store.ts";
import type { SyncMode } from "./store/sqlite-store.ts";
import { SqliteEventStore } from "./store/sqlite-store.ts";

export const DEFAULT_CLIENT_DIR: string = fileURLToPath(new URL("../../client/dist", import.meta.url));

/** Largest WebSocket frame accepted; the room itself refuses payloads over 8 KiB with an `error` message. */
export const MAX_FRAME_BYTES = 64 * 1024;

export interface CordonServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** SQLite file of the event store. */
  dbPath: string;
  dbSync?: SyncMode;
  scenarioDir?: string;
  clientDir?: string;
  room?: Partial<RoomSettings>;
  log?: Logger;
}

export interface CordonServer {
  port: number;
  url: string;
  store: EventStore;
  /** Unfinished exercises brought back at start-up. */
  restored: number;
  /** Closes every room (recording a last heartbeat), the port and the store. */
  close(): Promise<void>;
}

export async function startCordonServer(options: CordonServerOptions): Promise<CordonServer> {
  const log = options.log ?? consoleLogger;
  const store = new SqliteEventStore({ path: options.dbPath, sync: options.dbSync ?? "normal" });
  const settings = { ...DEFAULT_ROOM_SETTINGS, ...options.room };
  setRoomContext({ store, settings, log });
  const api = createApi({
    store,
    scenarioDir: options.scenarioDir ?? DEFAULT_SCENARIO_DIR,
    clientDir: options.clientDir ?? DEFAULT_CLIENT_DIR,
    log,
    openExercise: (scenario, language) => openExercise(store, scenario, language)
  });
  const server = defineServer({
    rooms: { [EXERCISE_ROOM]: defineRoom(ExerciseRoom).filterBy(["joinCode"]) },
    transport: new WebSocketTransport({ maxPayload: MAX_FRAME_BYTES }),
    express: (app) => {
      app.use(api);
      app.use(notFound);
    },
    greet: false,
    gracefullyShutdown: false
  });
  try {
    await server.listen(options.port, options.host);
  } catch (error) {
    store.close();
    throw error;
  }
  const restored = await restoreExercises(store, log);
  const stopHeartbeat = startHeartbeat(store, settings.heartbeatMs, log);
  const address = server.transport.server?.address() as AddressInfo | null;
  const port = address?.port ?? options.port;
  const host = options.host && options.host !== "0.0.0.0" && options.host !== "::" ? options.host : "localhost";
  let closed = false;
  return {
    port,
    url: `http://${host}:${port}`,
    store,
    restored,
    async close() {
      if (closed) return;
      closed = true;
      stopHeartbeat();
      try {
        await server.gracefullyShutdown(false);
      } finally {
        store.close();
      }
    }
  };
}
