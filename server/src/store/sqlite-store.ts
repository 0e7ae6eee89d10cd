/**
 * The default event store: one SQLite file through `node:sqlite` (no native module to build).
 *
 * Durability choice: WAL journal with `synchronous = NORMAL` by default. In WAL mode a commit has been written to
 * the WAL file (the OS page cache) when it returns, so it survives the death of this process — kill -9 included —
 * which is the failure the server must ride out; only an OS crash or power cut can lose the last commits, never
 * corrupt the file. `synchronous = FULL` (CORDON_DB_SYNC=full) adds an fsync per commit for power-loss safety at
 * the price of a disk flush on every player action, which dominates latency with hundreds of exercises.
 *
 * Checkpoints (copying the WAL into the database file, with a disk flush) run in a worker thread with its own
 * connection (wal-checkpointer.ts), so they never stall the event loop that serves the exercises.
 *
 * Events are stored as their JSONL line with (exercise_id, seq) as primary key: a duplicate seq makes the append
 * fail loudly instead of silently forking the log, and a gap is refused before anything is written.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { StatementSync } from "node:sqlite";
import { Worker } from "node:worker_threads";
import type { ExerciseEvent } from "../core/engine/index.ts";
import { parseLog } from "../core/engine/index.ts";
import { eventToLine } from "../core/engine/log.ts";
import type { EventStore, ExerciseRecord, SeatKind, SeatRecord } from "./event-store.ts";
import { StoreError } from "./event-store.ts";

export type SyncMode = "normal" | "full";

export interface SqliteStoreOptions {
  /** File path, or ":memory:" for tests. Parent folders are created. */
  path: string;
  sync?: SyncMode;
  /** How often the background worker checkpoints the WAL (default 2 s); 0 leaves it to SQLite on this thread. */
  checkpointMs?: number;
}

/** WAL pages before SQLite checkpoints on the writing thread itself: a safety net if the worker falls behind. */
const AUTO_CHECKPOINT_PAGES = 20_000;

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS exercises (
  id            TEXT PRIMARY KEY,
  join_code     TEXT NOT NULL UNIQUE,
  secret_hash   TEXT NOT NULL,
  scenario_id   TEXT NOT NULL,
  title         TEXT NOT NULL,
  language      TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  ended_at      INTEGER,
  heartbeat_at  INTEGER
);
CREATE TABLE IF NOT EXISTS events (
  exercise_id TEXT NOT NULL REFERENCES exercises(id),
  seq         INTEGER NOT NULL,
  line        TEXT NOT NULL,
  PRIMARY KEY (exercise_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seats (
  exercise_id TEXT NOT NULL REFERENCES exercises(id),
  name_key    TEXT NOT NULL,
  role        TEXT NOT NULL,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (exercise_id, name_key, role)
) WITHOUT ROWID;
`;

interface ExerciseRow {
  id: string;
  join_code: string;
  secret_hash: string;
  scenario_id: string;
  title: string;
  language: string;
  created_at: number;
  ended_at: number | null;
}

interface SeatRow {
  name: string;
  role: string;
  kind: string;
  created_at: number;
}

function toRecord(row: ExerciseRow): ExerciseRecord {
  return {
    id: row.id,
    joinCode: row.join_code,
    secretHash: row.secret_hash,
    scenarioId: row.scenario_id,
    title: row.title,
    language: row.language,
    createdAt: row.created_at,
    ...(row.ended_at === null ? {} : { endedAt: row.ended_at })
  };
}

function toSeat(row: SeatRow): SeatRecord {
  return { name: row.name, role: row.role, kind: row.kind as SeatKind, createdAt: row.created_at };
}

/** Names are matched the way people type them: case and surrounding spaces do not matter. */
export function nameKey(name: string): string {
  return name.trim().normalize("NFC").toLocaleLowerCase("en");
}

export class SqliteEventStore implements EventStore {
  readonly path: string;
  private readonly db: DatabaseSync;
  private checkpointer: Worker | undefined;
  /** Last stored seq per exercise, so an append needs no read; dropped whenever an append fails. */
  private readonly lastSeqs = new Map<string, number>();
  private readonly statements: {
    insertExercise: StatementSync;
    getExercise: StatementSync;
    byJoinCode: StatementSync;
    unfinished: StatementSync;
    lastSeq: StatementSync;
    insertEvent: StatementSync;
    lines: StatementSync;
    count: StatementSync;
    insertSeat: StatementSync;
    findSeat: StatementSync;
    listSeats: StatementSync;
    heartbeat: StatementSync;
    heartbeatAll: StatementSync;
    lastHeartbeat: StatementSync;
    markEnded: StatementSync;
  };

  constructor(options: SqliteStoreOptions) {
    this.path = options.path === ":memory:" ? options.path : resolve(options.path);
    if (this.path !== ":memory:") mkdirSync(dirname(this.path), { recursive: true });
    try {
      this.db = new DatabaseSync(this.path);
    } catch (error) {
      throw new StoreError(`cannot open the event store ${this.path}: ${messageOf(error)}`, { cause: error });
    }
    const db = this.db;
    db.exec("PRAGMA journal_mode = WAL");
    db.exec(`PRAGMA synchronous = ${options.sync === "full" ? "FULL" : "NORMAL"}`);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA busy_timeout = 5000");
    const version = (db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version;
    if (version > SCHEMA_VERSION) {
      db.close();
      throw new StoreError(`the event store ${this.path} was written by a newer Cordon (schema ${version} > ${SCHEMA_VERSION})`);
    }
    db.exec(SCHEMA);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    this.statements = {
      insertExercise: db.prepare(
        `INSERT INTO exercises (id, join_code, secret_hash, scenario_id, title, language, created_at, heartbeat_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      ),
      getExercise: db.prepare("SELECT * FROM exercises WHERE id = ?"),
      byJoinCode: db.prepare("SELECT * FROM exercises WHERE join_code = ?"),
      unfinished: db.prepare("SELECT * FROM exercises WHERE ended_at IS NULL ORDER BY created_at, id"),
      lastSeq: db.prepare("SELECT max(seq) AS seq FROM events WHERE exercise_id = ?"),
      insertEvent: db.prepare("INSERT INTO events (exercise_id, seq, line) VALUES (?, ?, ?)"),
      lines: db.prepare("SELECT line FROM events WHERE exercise_id = ? ORDER BY seq"),
      count: db.prepare("SELECT count(*) AS n FROM events WHERE exercise_id = ?"),
      insertSeat: db.prepare(
        `INSERT INTO seats (exercise_id, name_key, role, name, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (exercise_id, name_key, role) DO NOTHING`
      ),
      findSeat: db.prepare("SELECT name, role, kind, created_at FROM seats WHERE exercise_id = ? AND name_key = ? AND role = ?"),
      listSeats: db.prepare("SELECT name, role, kind, created_at FROM seats WHERE exercise_id = ? ORDER BY created_at, name_key"),
      heartbeat: db.prepare("UPDATE exercises SET heartbeat_at = ? WHERE id = ?"),
      heartbeatAll: db.prepare("UPDATE exercises SET heartbeat_at = ? WHERE ended_at IS NULL AND id IN (SELECT value FROM json_each(?))"),
      lastHeartbeat: db.prepare("SELECT heartbeat_at FROM exercises WHERE id = ?"),
      markEnded: db.prepare("UPDATE exercises SET ended_at = coalesce(ended_at, ?) WHERE id = ?")
    };
    const checkpointMs = options.checkpointMs ?? 2000;
    if (this.path !== ":memory:" && checkpointMs > 0) {
      db.exec(`PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      this.checkpointer = new Worker(new URL("./wal-checkpointer.ts", import.meta.url), {
        workerData: { path: this.path, intervalMs: checkpointMs }
      });
      this.checkpointer.unref();
      // A failed background checkpoint is not fatal: SQLite's own auto-checkpoint still bounds the WAL.
      this.checkpointer.on("error", () => (this.checkpointer = undefined));
    }
  }

  createExercise(record: ExerciseRecord, initialEvents: readonly ExerciseEvent[]): void {
    this.transaction(() => {
      try {
        this.statements.insertExercise.run(
          record.id,
          record.joinCode,
          record.secretHash,
          record.scenarioId,
          record.title,
          record.language,
          record.createdAt,
          record.createdAt
        );
      } catch (error) {
        throw new StoreError(`cannot record exercise ${record.id}: ${messageOf(error)}`, { cause: error });
      }
      this.insertEvents(record.id, initialEvents, 0);
    });
  }

  getExercise(id: string): ExerciseRecord | undefined {
    const row = this.statements.getExercise.get(id) as ExerciseRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  findByJoinCode(joinCode: string): ExerciseRecord | undefined {
    const row = this.statements.byJoinCode.get(joinCode) as ExerciseRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  listUnfinished(): ExerciseRecord[] {
    return (this.statements.unfinished.all() as unknown as ExerciseRow[]).map(toRecord);
  }

  append(exerciseId: string, events: readonly ExerciseEvent[]): void {
    if (events.length === 0) return;
    try {
      this.transaction(() => {
        let last = this.lastSeqs.get(exerciseId);
        if (last === undefined) {
          const stored = (this.statements.lastSeq.get(exerciseId) as { seq: number | null }).seq;
          if (stored === null) throw new StoreError(`no exercise ${exerciseId} in the event store`);
          last = stored;
        }
        this.insertEvents(exerciseId, events, last);
        const ended = events.find((e) => e.type === "exercise-ended");
        if (ended) this.statements.markEnded.run(ended.t, exerciseId);
      });
    } catch (error) {
      this.lastSeqs.delete(exerciseId);
      throw error;
    }
    this.lastSeqs.set(exerciseId, events[events.length - 1]!.seq);
  }

  load(exerciseId: string): ExerciseEvent[] {
    const text = this.readLog(exerciseId);
    if (text === "") throw new StoreError(`no events for exercise ${exerciseId}`);
    return parseLog(text);
  }

  readLog(exerciseId: string): string {
    let out = "";
    for (const row of this.statements.lines.iterate(exerciseId) as Iterable<{ line: string }>) out += row.line + "\n";
    return out;
  }

  eventCount(exerciseId: string): number {
    return Number((this.statements.count.get(exerciseId) as { n: number }).n);
  }

  saveSeat(exerciseId: string, seat: SeatRecord): void {
    this.statements.insertSeat.run(exerciseId, nameKey(seat.name), seat.role, seat.name.trim(), seat.kind, seat.createdAt);
  }

  findSeat(exerciseId: string, name: string, role: string): SeatRecord | undefined {
    const row = this.statements.findSeat.get(exerciseId, nameKey(name), role) as SeatRow | undefined;
    return row ? toSeat(row) : undefined;
  }

  listSeats(exerciseId: string): SeatRecord[] {
    return (this.statements.listSeats.all(exerciseId) as unknown as SeatRow[]).map(toSeat);
  }

  heartbeat(exerciseId: string, wallMs: number): void {
    this.statements.heartbeat.run(Math.round(wallMs), exerciseId);
  }

  heartbeatAll(exerciseIds: readonly string[], wallMs: number): void {
    if (exerciseIds.length === 0) return;
    this.statements.heartbeatAll.run(Math.round(wallMs), JSON.stringify(exerciseIds));
  }

  lastHeartbeat(exerciseId: string): number | undefined {
    const row = this.statements.lastHeartbeat.get(exerciseId) as { heartbeat_at: number | null } | undefined;
    return row?.heartbeat_at ?? undefined;
  }

  markEnded(exerciseId: string, wallMs: number): void {
    this.statements.markEnded.run(Math.round(wallMs), exerciseId);
  }

  close(): void {
    if (this.checkpointer) {
      this.checkpointer.postMessage("stop");
      this.checkpointer = undefined;
    }
    if (this.db.isOpen) this.db.close();
  }

  /** Inserts events that must continue the log after `last`; a gap or an out-of-order batch is refused. */
  private insertEvents(exerciseId: string, events: readonly ExerciseEvent[], last: number): void {
    let expected = last + 1;
    for (const event of events) {
      if (event.seq !== expected) {
        throw new StoreError(`event seq ${event.seq} does not follow ${expected - 1} in exercise ${exerciseId}`);
      }
      try {
        this.statements.insertEvent.run(exerciseId, event.seq, eventToLine(event));
      } catch (error) {
        throw new StoreError(`cannot store event ${event.seq} of exercise ${exerciseId}: ${messageOf(error)}`, { cause: error });
      }
      expected++;
    }
  }

  /** Runs `work` in one write transaction: all of it is stored, or none of it. */
  private transaction(work: () => void): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      work();
      this.db.exec("COMMIT");
    } catch (error) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw error;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
