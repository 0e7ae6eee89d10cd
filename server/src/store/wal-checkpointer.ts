/**
 * Runs in a worker thread: checkpoints the store's write-ahead log every few seconds from its own connection.
 * A checkpoint copies the WAL into the database file and flushes it to disk, which can take tens of milliseconds
 * or more on a busy disk; done here, it never blocks the server's event loop (a PASSIVE checkpoint does not block
 * the writer either). The main connection keeps a large auto-checkpoint threshold only as a safety net.
 */
import { DatabaseSync } from "node:sqlite";
import { parentPort, workerData } from "node:worker_threads";

const { path, intervalMs } = workerData as { path: string; intervalMs: number };
const db = new DatabaseSync(path);
db.exec("PRAGMA busy_timeout = 1000");

const timer = setInterval(() => {
  try {
    db.exec("PRAGMA wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}, intervalMs);

parentPort?.on("message", (message: unknown) => {
  if (message === "stop") {
    clearInterval(timer);
    db.close();
    parentPort?.close();
  }
});
