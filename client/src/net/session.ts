/**
 * One seat in one exercise room: the only place the client holds a Colyseus connection. It joins, waits for the
 * `welcome` message and the first full state, then turns every state change into a plain RoomView for the screens
 * (coalesced, so a burst of patches costs one rebuild). Actions go out as `room.request(type, payload)`; refusals
 * arrive as `error` messages and are passed on as notices.
 *
 * The seat is remembered for the browser tab (sessionStorage), so reloading the page comes back to the same seat:
 * by reconnection token within the server's grace period, else by joining again with the same code, name and role.
 */
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import { buildView } from "../model/view-model.ts";
import type { RoomView } from "../model/view-model.ts";
import { exerciseTimeAt, ServerTimeEstimate } from "../model/clock.ts";
import type { WelcomeMessage, WireAnswer, WireErrorMessage, WireState } from "./wire.ts";
import { apiBase } from "./api.ts";

export const ROOM_NAME = "exercise";

export interface JoinRequest {
  joinCode: string;
  name?: string;
  /** A scenario role id, or observer, evaluator, screen. Absent for the facilitator. */
  role?: string;
  facilitatorSecret?: string;
}

export type ConnectionStatus = "connected" | "reconnecting" | "left";

export interface RefusalNotice {
  /** The action refused (the message type), "" when the server did not say. */
  action: string;
  code: string;
  message: string;
}

export class JoinError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JoinError";
  }
}

const SAVED_KEY = "cordon.session";
const JOIN_TIMEOUT_MS = 15_000;
const VIEW_COALESCE_MS = 30;

interface SavedSession {
  request: JoinRequest;
  reconnectionToken?: string;
  welcome?: WelcomeMessage;
}

type Listener<T> = (value: T) => void;

function toPlain(state: unknown): WireState {
  const withJson = state as { toJSON?: () => unknown };
  return (typeof withJson.toJSON === "function" ? withJson.toJSON() : state) as WireState;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export class ExerciseSession {
  readonly request: JoinRequest;
  readonly welcome: WelcomeMessage;
  private readonly room: Room;
  private state: WireState;
  private current: RoomView;
  private readonly time = new ServerTimeEstimate();
  private status: ConnectionStatus = "connected";
  private pending: number | undefined;
  private readonly viewListeners = new Set<Listener<RoomView>>();
  private readonly noticeListeners = new Set<Listener<RefusalNotice>>();
  private readonly statusListeners = new Set<Listener<ConnectionStatus>>();

  private constructor(request: JoinRequest, room: Room, welcome: WelcomeMessage, state: WireState) {
    this.request = request;
    this.room = room;
    this.welcome = welcome;
    this.state = state;
    this.time.sample(state.clock?.serverNow ?? 0, Date.now());
    this.current = buildView(welcome.scenario, welcome.seat, state);

    room.onStateChange((next: unknown) => {
      this.state = toPlain(next);
      this.time.sample(this.state.clock?.serverNow ?? 0, Date.now());
      this.scheduleView();
    });
    room.onMessage("*", () => undefined);
    room.onMessage("error", (message: WireErrorMessage) => {
      const notice = { action: message?.type ?? "", code: String(message?.code ?? "internal"), message: String(message?.message ?? "") };
      for (const listener of this.noticeListeners) listener(notice);
    });
    room.onDrop(() => this.setStatus("reconnecting"));
    room.onReconnect(() => {
      this.save();
      this.setStatus("connected");
    });
    room.onLeave(() => this.setStatus("left"));
    this.save();
  }

  /** Joins a seat; resolves once the seat, the scenario and the first full state have arrived. */
  static async join(request: JoinRequest, endpoint: string = apiBase()): Promise<ExerciseSession> {
    const client = new Client(endpoint);
    let room: Room;
    try {
      room = await client.join(ROOM_NAME, { ...request });
    } catch (error) {
      throw new JoinError(errorText(error));
    }
    return ExerciseSession.attach(request, room);
  }

  /** Comes back to the seat this tab held before a reload, if any. */
  static async resume(endpoint: string = apiBase()): Promise<ExerciseSession | undefined> {
    const saved = ExerciseSession.saved();
    if (!saved) return undefined;
    if (saved.reconnectionToken && saved.welcome) {
      try {
        const client = new Client(endpoint);
        const room = await client.reconnect(saved.reconnectionToken);
        const state = await firstState(room);
        return new ExerciseSession(saved.request, room, saved.welcome, state);
      } catch {
        // The grace period is over or the server restarted: join again with the same seat.
      }
    }
    try {
      return await ExerciseSession.join(saved.request, endpoint);
    } catch (error) {
      ExerciseSession.forget();
      throw error;
    }
  }

  static saved(): SavedSession | undefined {
    try {
      const text = window.sessionStorage.getItem(SAVED_KEY);
      return text ? (JSON.parse(text) as SavedSession) : undefined;
    } catch {
      return undefined;
    }
  }

  static forget(): void {
    try {
      window.sessionStorage.removeItem(SAVED_KEY);
    } catch {
      // nothing remembered
    }
  }

  private static async attach(request: JoinRequest, room: Room): Promise<ExerciseSession> {
    // Messages this client does not use (a newer server may send more) are ignored quietly.
    room.onMessage("*", () => undefined);
    // Both arrive one round trip after the join resolves; listen at once so neither is missed.
    const welcome = new Promise<WelcomeMessage>((resolve) => {
      const off = room.onMessage("welcome", (message: WelcomeMessage) => {
        off();
        resolve(message);
      });
    });
    const state = firstState(room);
    let timer: number | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => reject(new JoinError("the server did not send the exercise in time")), JOIN_TIMEOUT_MS);
    });
    try {
      const [w, s] = await Promise.race([Promise.all([welcome, state]), timeout]);
      return new ExerciseSession(request, room, w, s);
    } catch (error) {
      void room.leave(true).catch(() => undefined);
      throw error;
    } finally {
      window.clearTimeout(timer);
    }
  }

  get view(): RoomView {
    return this.current;
  }

  get connection(): ConnectionStatus {
    return this.status;
  }

  /** The exercise clock now, in exercise ms, estimated locally between patches. */
  exerciseTime(): number {
    return exerciseTimeAt(this.current.clock, this.time.serverNow(Date.now()));
  }

  onView(listener: Listener<RoomView>): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  onNotice(listener: Listener<RefusalNotice>): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  onStatus(listener: Listener<ConnectionStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * Sends an action (an engine command's wire name and payload) and resolves with the server's answer. A refusal
   * resolves `{ ok: false }` (and also reaches `onNotice` through the server's `error` message); a lost connection
   * resolves `{ ok: false, code: "network" }` and is reported here, since the server never saw it.
   */
  async act(type: string, payload: object = {}): Promise<WireAnswer> {
    try {
      const answer = (await this.room.request(type, payload, { timeout: 10_000 })) as WireAnswer | undefined;
      return answer ?? { ok: true };
    } catch (error) {
      const notice = { action: type, code: "network", message: errorText(error) };
      for (const listener of this.noticeListeners) listener(notice);
      return { ok: false, code: "network", message: notice.message };
    }
  }

  /** Leaves the seat for good (the server keeps it for a later rejoin by name). */
  async leave(): Promise<void> {
    ExerciseSession.forget();
    window.clearTimeout(this.pending);
    this.viewListeners.clear();
    try {
      await this.room.leave(true);
    } catch {
      // already gone
    }
  }

  private scheduleView(): void {
    if (this.pending !== undefined) return;
    this.pending = window.setTimeout(() => {
      this.pending = undefined;
      this.current = buildView(this.welcome.scenario, this.welcome.seat, this.state);
      for (const listener of this.viewListeners) listener(this.current);
    }, VIEW_COALESCE_MS);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private save(): void {
    const saved: SavedSession = { request: this.request, reconnectionToken: this.room.reconnectionToken, welcome: this.welcome };
    try {
      window.sessionStorage.setItem(SAVED_KEY, JSON.stringify(saved));
    } catch {
      // A reload will then need the join code again.
    }
  }
}

function firstState(room: Room): Promise<WireState> {
  return new Promise<WireState>((resolve) => {
    room.onStateChange.once((state: unknown) => resolve(toPlain(state)));
  });
}
