/**
 * The exercise room: a thin adapter around the engine. It authenticates seats, stamps wall-clock time on what
 * players send, lets the engine decide, appends the resulting events to the store, and only then folds them into
 * the replicated state and answers the sender. The engine clock is driven from Colyseus' clock; `Date.now()` is
 * read here and nowhere in the core.
 *
 * One room per exercise, created when the exercise is created and again at start-up for every unfinished exercise
 * in the store (see exercises.ts). A room that comes back after a crash pauses the exercise at its last heartbeat
 * and resumes it now, so the time the server was down does not count as exercise time.
 */
import { CloseCode, ErrorCode, Room, ServerError } from "@colyseus/core";
import type { Client, RoomException, RoomMethodName } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { Command, ExerciseEvent } from "../core/engine/index.ts";
import { ExerciseRunner, exerciseTimeAt } from "../core/engine/index.ts";
import type { ExerciseRecord } from "../store/event-store.ts";
import { localise } from "../core/scenario/localise.ts";
import { normaliseJoinCode } from "../store/join-code.ts";
import type { Logger, RoomContext } from "./context.ts";
import { openRooms, roomContext } from "./context.ts";
import { updateScores } from "./live-scores.ts";
import type { WireError } from "./messages.ts";
import { actorFor, MESSAGE_TYPES, parseMessage } from "./messages.ts";
import { publicScenario } from "./public-scenario.ts";
import { TokenBucket } from "./rate-limit.ts";
import type { Seat } from "./seats.ts";
import { admit, JoinRefused, seatId } from "./seats.ts";
import { StateMirror } from "./state-mirror.ts";
import { SeatSchema } from "./state-schema.ts";
import type { ExerciseRoomState } from "./state-schema.ts";

export const EXERCISE_ROOM = "exercise";

export interface ExerciseRoomOptions {
  exerciseId: string;
  joinCode: string;
}

/** What a request is answered with; refusals also arrive as an `error` message. */
export type Answer = { ok: true } | { ok: false; code: WireError["code"]; message: string };

type SeatClient = Client<{ auth: Seat }>;

export interface LobbyInfo {
  joinCode: string;
  title: string;
  language: string;
  status: string;
  roles: { id: string; kind: string; name: string; seats: { name: string; connected: boolean }[] }[];
  watchers: { name: string; role: string; connected: boolean }[];
  facilitatorConnected: boolean;
}

const CONTROL_VIEW = "\u0000control";

/** Events that re-anchor the exercise clock. */
const CLOCK_ANCHORS: ReadonlySet<string> = new Set([
  "exercise-started",
  "exercise-paused",
  "exercise-resumed",
  "speed-changed",
  "clock-jumped",
  "exercise-ended"
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

export class ExerciseRoom extends Room<{ state: ExerciseRoomState; client: SeatClient }> {
  override maxClients = 500;
  override autoDispose = false;

  exerciseId = "";
  joinCode = "";
  private record!: ExerciseRecord;
  private ctx!: RoomContext;
  private log!: Logger;
  private runner!: ExerciseRunner;
  /** The whole log in memory, for live scoring; the store holds the same, durably. */
  private events: ExerciseEvent[] = [];
  private mirror!: StateMirror;
  private readonly views = new Map<string, StateView>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly dropped = new Set<string>();
  private controlClients = 0;
  private scoresDirty = true;
  private lastScoredAt = 0;
  /** Set when the store can no longer be trusted: the room then refuses commands instead of diverging. */
  private broken: string | undefined;
  /** Set in onDispose: a timer that still fires during shutdown must not touch the state or the store. */
  private disposed = false;

  /**
   * Runs during matchmaking, before a room is chosen: refusals reach the joining client as the join's error.
   * The join code is rewritten to its canonical form here so that `filterBy(["joinCode"])` finds the room
   * whatever case or spacing the player typed.
   */
  static override async onAuth(_token: string, options: unknown): Promise<Seat> {
    const { store } = roomContext();
    if (!isPlainObject(options)) throw new ServerError(ErrorCode.AUTH_FAILED, "join options must be an object: { joinCode, name, role }");
    const given = options.joinCode;
    if (given === undefined) throw new ServerError(ErrorCode.AUTH_FAILED, 'a "joinCode" is required');
    const code = normaliseJoinCode(given);
    if (!code) {
      throw new ServerError(
        ErrorCode.MATCHMAKE_INVALID_CRITERIA,
        `"${String(given).slice(0, 40)}" is not a join code: join codes are 8 letters and digits, like K7QX-M4TR`
      );
    }
    options.joinCode = code;
    const room = openRooms.byJoinCode.get(code);
    if (!room) {
      const record = store.findByJoinCode(code);
      const message =
        record?.endedAt !== undefined
          ? `the exercise with join code ${code} has ended`
          : record
            ? `the exercise with join code ${code} is starting up: try again in a moment`
            : `no exercise with join code ${code}`;
      throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, message);
    }
    try {
      return room.admit(options);
    } catch (error) {
      if (error instanceof JoinRefused) throw new ServerError(ErrorCode.AUTH_FAILED, error.message);
      throw error;
    }
  }

  override onCreate(options: ExerciseRoomOptions): void {
    this.ctx = roomContext();
    this.log = this.ctx.log;
    const { store } = this.ctx;
    this.exerciseId = options.exerciseId;
    this.joinCode = options.joinCode;
    const record = store.getExercise(options.exerciseId);
    if (!record) throw new Error(`no exercise ${options.exerciseId} in the store`);
    this.record = record;

    this.events = store.load(this.exerciseId);
    this.runner = ExerciseRunner.fromLog(this.events);
    this.mirror = new StateMirror(this.runner.state, this.exerciseId);
    this.state = this.mirror.state;
    this.recoverClock();

    for (const seat of store.listSeats(this.exerciseId)) this.seatState({ ...seat, id: seatId(seat.role, seat.name) });
    this.setUpViews();

    for (const type of MESSAGE_TYPES) this.onMessage(type, (client: SeatClient, payload: unknown) => this.onCommand(client, type, payload));
    this.onMessage("*", (client: SeatClient, type: string | number, payload: unknown) => {
      this.onCommand(client, type, payload);
    });

    this.clock.setInterval(() => this.tick(), this.ctx.settings.tickMs);
    this.clock.setInterval(() => this.beat(), this.ctx.settings.scoreIntervalMs);
    // Mark the room alive now: a restart gap is measured from the last heartbeat.
    if (this.runner.state.clock.status !== "ended") store.heartbeat(this.exerciseId, Date.now());

    if (this.runner.state.clock.status === "ended") this.autoDispose = true;
    openRooms.byExercise.set(this.exerciseId, this);
    openRooms.byJoinCode.set(this.joinCode, this);
  }

  /** The seat join options ask for (throws JoinRefused). */
  admit(options: Record<string, unknown>): Seat {
    return admit(options, {
      roleIds: this.runner.state.scenario.roleIds,
      secretHash: this.record.secretHash,
      knownSeats: () => this.ctx.store.listSeats(this.exerciseId)
    });
  }

  override onJoin(client: SeatClient): void {
    const seat = client.auth!;
    // The full state this client is about to receive carries a fresh server time to estimate its clock offset.
    this.mirror.setServerNow(Date.now());
    client.view = this.viewFor(seat);
    if (client.view === this.views.get(CONTROL_VIEW)) this.controlClients++;
    const known = this.state.seats.get(seat.id);
    const entry = known ?? this.seatState(seat);
    entry.connected++;
    if (!known) this.ctx.store.saveSeat(this.exerciseId, { name: seat.name, role: seat.role, kind: seat.kind, createdAt: Date.now() });
    const engine = this.runner.state;
    client.send("welcome", {
      seat,
      scenario: publicScenario(engine.scenario.source, engine.language),
      reconnectSeconds: this.ctx.settings.reconnectSeconds,
      ...(this.isControl(seat) ? { exerciseId: this.exerciseId } : {})
    });
    if (this.isControl(seat)) this.refreshScores(true);
  }

  override onDrop(client: SeatClient): void {
    const entry = client.auth ? this.state.seats.get(client.auth.id) : undefined;
    if (entry) {
      entry.connected = Math.max(0, entry.connected - 1);
      entry.reconnecting++;
    }
    this.dropped.add(client.sessionId);
    this.allowReconnection(client, this.ctx.settings.reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: SeatClient): void {
    this.dropped.delete(client.sessionId);
    this.mirror.setServerNow(Date.now());
    const entry = client.auth ? this.state.seats.get(client.auth.id) : undefined;
    if (entry) {
      entry.reconnecting = Math.max(0, entry.reconnecting - 1);
      entry.connected++;
    }
  }

  override onLeave(client: SeatClient): void {
    const entry = client.auth ? this.state.seats.get(client.auth.id) : undefined;
    if (this.dropped.delete(client.sessionId)) {
      if (entry) entry.reconnecting = Math.max(0, entry.reconnecting - 1);
    } else if (entry) {
      entry.connected = Math.max(0, entry.connected - 1);
    }
    if (client.view && client.view === this.views.get(CONTROL_VIEW)) this.controlClients = Math.max(0, this.controlClients - 1);
    this.buckets.delete(client.sessionId);
  }

  override onDispose(): void {
    this.disposed = true;
    if (!this.broken && this.runner.state.clock.status !== "ended") {
      try {
        this.ctx.store.heartbeat(this.exerciseId, Date.now());
      } catch (error) {
        this.log.error(`exercise ${this.exerciseId}: could not record the last heartbeat`, error);
      }
    }
    if (openRooms.byExercise.get(this.exerciseId) === this) openRooms.byExercise.delete(this.exerciseId);
    if (openRooms.byJoinCode.get(this.joinCode) === this) openRooms.byJoinCode.delete(this.joinCode);
    for (const view of this.views.values()) view.dispose();
  }

  override onUncaughtException(error: RoomException, methodName: RoomMethodName): void {
    this.log?.error(`exercise ${this.exerciseId}: error in ${methodName}`, error.cause ?? error);
  }

  /** What the lobby shows before joining: title, roles and who holds a seat (GET /api/exercises/by-code/:code). */
  lobby(): LobbyInfo {
    const engine = this.runner.state;
    const language = engine.language;
    const seats = [...this.state.seats.values()];
    const shown = (s: (typeof seats)[number]) => ({ name: s.name, connected: s.connected > 0 });
    return {
      joinCode: this.joinCode,
      title: this.state.title,
      language,
      status: engine.clock.status,
      roles: engine.scenario.source.roles.map((r) => ({
        id: r.id,
        kind: r.kind,
        name: localise(r.name, language),
        seats: seats.filter((s) => s.kind === "player" && s.role === r.id).map(shown)
      })),
      watchers: seats.filter((s) => s.kind !== "player" && s.kind !== "facilitator").map((s) => ({ ...shown(s), role: s.role })),
      facilitatorConnected: seats.some((s) => s.kind === "facilitator" && s.connected > 0)
    };
  }

  /** Exercise ms now, for tests and the HTTP API. */
  exerciseTimeNow(): number {
    return exerciseTimeAt(this.runner.state.clock, Date.now());
  }

  /** The engine's status: ready, running, paused or ended. */
  status(): string {
    return this.runner.state.clock.status;
  }

  // ---- commands ----

  private onCommand(client: SeatClient, type: string | number, payload: unknown): Answer {
    try {
      const seat = client.auth;
      if (!seat) return this.refuse(client, type, { code: "forbidden", message: "this connection has no seat" });
      const now = Date.now();
      let bucket = this.buckets.get(client.sessionId);
      if (!bucket) {
        bucket = new TokenBucket(this.ctx.settings.rateLimit, now);
        this.buckets.set(client.sessionId, bucket);
      }
      if (!bucket.take(now)) {
        const { perSecond, burst } = this.ctx.settings.rateLimit;
        return this.refuse(client, type, {
          code: "rate-limited",
          message: `too many messages: at most ${perSecond} per second (bursts of ${burst}); this one was ignored`
        });
      }
      const parsed = parseMessage(type, payload, seat.kind);
      if (!parsed.ok) return this.refuse(client, type, parsed.error);
      if (this.broken) return this.refuse(client, type, { code: "internal", message: this.broken });
      const command = { ...parsed.body, actor: actorFor(seat), wallMs: now } as Command;
      const result = this.runner.handle(command);
      if (!this.commit(result.events)) {
        return this.refuse(client, type, { code: "internal", message: "the server could not save this action; it was not taken" });
      }
      if (!result.ok) return this.refuse(client, type, { code: result.code, message: result.reason });
      return { ok: true };
    } catch (error) {
      this.log.error(`exercise ${this.exerciseId}: "${String(type)}" failed`, error);
      this.rebuildFromStore();
      return this.refuse(client, type, { code: "internal", message: "the server failed to handle this message; nothing changed" });
    }
  }

  private refuse(client: SeatClient, type: string | number, error: WireError): Answer {
    const message = { code: error.code, message: error.message, type: String(type).slice(0, 60) };
    try {
      client.send("error", message);
    } catch {
      // The client is gone; the request, if any, is answered below anyway.
    }
    return { ok: false, code: error.code, message: error.message };
  }

  /**
   * Stores a batch of events the runner has already folded, then mirrors it. If the store refuses, the runner is
   * rebuilt from the store so that memory never holds events the store does not.
   */
  private commit(events: readonly ExerciseEvent[]): boolean {
    if (events.length === 0) return true;
    try {
      this.ctx.store.append(this.exerciseId, events);
    } catch (error) {
      this.log.error(`exercise ${this.exerciseId}: could not store ${events.length} event(s); rebuilding from the store`, error);
      this.rebuildFromStore();
      return false;
    }
    for (const event of events) this.events.push(event);
    this.mirror.apply(events);
    this.scoresDirty = true;
    // A new clock anchor travels with a fresh server time, so clients re-estimate their offset with it.
    if (events.some((e) => CLOCK_ANCHORS.has(e.type))) this.mirror.setServerNow(Date.now());
    if (events.some((e) => e.type === "exercise-ended")) {
      this.refreshScores(true);
      this.autoDispose = true;
      this.log.info(`exercise ${this.exerciseId} (${this.joinCode}) ended`);
    }
    return true;
  }

  private rebuildFromStore(): void {
    try {
      const events = this.ctx.store.load(this.exerciseId);
      this.runner = ExerciseRunner.fromLog(events);
      this.events = events;
      this.mirror.syncAll(this.runner.state);
      this.scoresDirty = true;
      this.broken = undefined;
    } catch (error) {
      this.broken = "the exercise's event store is unavailable; actions are refused until the server is restarted";
      this.log.error(`exercise ${this.exerciseId}: cannot reload from the store, refusing commands`, error);
    }
  }

  // ---- clock ----

  private tick(): void {
    if (this.broken || this.disposed) return;
    try {
      this.commit(this.runner.advance(Date.now()));
    } catch (error) {
      this.log.error(`exercise ${this.exerciseId}: the clock tick failed`, error);
      this.rebuildFromStore();
    }
  }

  /** Once a second: live scores, if they changed. (The heartbeat is written for all rooms at once: heartbeat.ts.) */
  private beat(): void {
    if (this.broken || this.disposed) return;
    this.refreshScores(false);
  }

  /**
   * After a restart, a running exercise is paused at the moment the old process was last alive and resumed now,
   * with a note for the after-action report, so the downtime is neither exercise time nor hidden.
   */
  private recoverClock(): void {
    const engine = this.runner.state;
    if (engine.clock.status !== "running") return;
    const lastAlive = Math.max(this.ctx.store.lastHeartbeat(this.exerciseId) ?? 0, engine.t);
    const now = Date.now();
    const facilitator = { kind: "facilitator" } as const;
    const events: ExerciseEvent[] = [];
    const paused = this.runner.handle({ type: "pause", actor: facilitator, wallMs: lastAlive });
    events.push(...paused.events);
    if (paused.ok && this.runner.state.clock.status === "paused") {
      const resumed = this.runner.handle({ type: "resume", actor: facilitator, wallMs: now });
      events.push(...resumed.events);
      const note = this.runner.handle({
        type: "add-note",
        actor: facilitator,
        wallMs: now,
        text:
          `Server restart: the exercise clock was stopped for ${formatDuration(now - lastAlive)} ` +
          `(${new Date(lastAlive).toISOString()} to ${new Date(now).toISOString()}) while the server was down.`
      });
      events.push(...note.events);
    }
    if (!this.commit(events)) throw new Error(`exercise ${this.exerciseId}: could not record the restart pause`);
    this.log.info(`exercise ${this.exerciseId} (${this.joinCode}) resumed after ${formatDuration(now - lastAlive)} of downtime`);
  }

  // ---- views, seats, scores ----

  /** One StateView per role, shared by its players; one for the facilitator, observers and evaluators. */
  private setUpViews(): void {
    const control = new StateView();
    control.add(this.state.control);
    for (const [role, box] of this.state.roles) {
      const view = new StateView();
      view.add(box);
      this.views.set(role, view);
      control.add(box);
    }
    this.views.set(CONTROL_VIEW, control);
  }

  private isControl(seat: Seat): boolean {
    return seat.kind === "facilitator" || seat.kind === "observer" || seat.kind === "evaluator";
  }

  private viewFor(seat: Seat): StateView | undefined {
    if (this.isControl(seat)) return this.views.get(CONTROL_VIEW);
    if (seat.kind === "player") return this.views.get(seat.role);
    return undefined; // the big screen sees the shared picture only
  }

  private seatState(seat: Seat): InstanceType<typeof SeatSchema> {
    const entry = new SeatSchema();
    entry.id = seat.id;
    entry.name = seat.name;
    entry.role = seat.role;
    entry.kind = seat.kind;
    this.state.seats.set(seat.id, entry);
    return entry;
  }

  /** Recomputes live scores if something changed, someone can see them, and the last run is old enough. */
  private refreshScores(force: boolean): void {
    if (!this.scoresDirty || this.controlClients === 0) return;
    const now = Date.now();
    if (!force && now - this.lastScoredAt < this.ctx.settings.scoreIntervalMs) return;
    try {
      updateScores(this.state.control.scores, this.runner.state, this.events, exerciseTimeAt(this.runner.state.clock, now));
    } catch (error) {
      this.log.error(`exercise ${this.exerciseId}: live scoring failed`, error);
    }
    this.scoresDirty = false;
    this.lastScoredAt = now;
  }

  /** Disconnects everyone (used when the server shuts down). */
  async closeAll(): Promise<void> {
    await this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }
}
