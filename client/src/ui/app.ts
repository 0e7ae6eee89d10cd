/**
 * The application shell: which screen shows, and the session it runs on. Routes are hashes so the server only
 * ever serves index.html: `#/` lobby (or the console of the seat this tab holds), `#/join/<code>` lobby with the
 * code filled in, `#/screen/<code>` the big screen of that exercise (joins as its screen seat),
 * `#/debrief/<exerciseId>` the debrief, `#/bench/map?units=300` the map benchmark. Changing the
 * interface language re-renders the current screen from its model; the session and the map data survive.
 */
import { onLanguageChange } from "../i18n/i18n.ts";
import { ExerciseSession } from "../net/session.ts";
import { h } from "./dom.ts";

export interface Screen {
  readonly element: HTMLElement;
  /** Called once the element is in the page (sizes are known). */
  mounted?(): void;
  destroy(): void;
}

export type ScreenFactory = (app: App) => Screen | Promise<Screen>;

export type Route =
  | { name: "home"; code?: string }
  | { name: "debrief"; exerciseId: string }
  | { name: "screen"; code: string }
  | { name: "bench"; units: number; renderer: "auto" | "webgl" | "canvas" };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, "");
  const [head, rest] = [path.split("/")[0] ?? "", path.split("/").slice(1).join("/")];
  if (head === "debrief" && rest) return { name: "debrief", exerciseId: decodeURIComponent(rest.split("?")[0]!) };
  if (head.startsWith("bench")) {
    const params = new URLSearchParams(path.split("?")[1] ?? "");
    const units = Number(params.get("units") ?? 300);
    const renderer = params.get("renderer");
    return {
      name: "bench",
      units: Number.isFinite(units) && units >= 0 ? Math.min(units, 5000) : 300,
      renderer: renderer === "auto" || renderer === "webgl" ? renderer : "canvas"
    };
  }
  if (head === "join" && rest) return { name: "home", code: decodeURIComponent(rest) };
  if (head === "screen" && rest) return { name: "screen", code: decodeURIComponent(rest) };
  return { name: "home" };
}

const LARGE_KEY = "cordon.large";

export class App {
  readonly root: HTMLElement;
  private screen: Screen | undefined;
  private factory: ScreenFactory | undefined;
  private session: ExerciseSession | undefined;
  private large = false;
  private rendering = 0;

  constructor(root: HTMLElement) {
    this.root = root;
    try {
      this.large = window.localStorage.getItem(LARGE_KEY) === "1";
    } catch {
      this.large = false;
    }
    this.applyLarge();
    onLanguageChange(() => void this.rerender());
    window.addEventListener("hashchange", () => void this.route());
  }

  get currentSession(): ExerciseSession | undefined {
    return this.session;
  }

  isLarge(): boolean {
    return this.large || document.body.classList.contains("screen-seat");
  }

  setLarge(on: boolean): void {
    this.large = on;
    try {
      window.localStorage.setItem(LARGE_KEY, on ? "1" : "0");
    } catch {
      // not remembered
    }
    this.applyLarge();
    void this.rerender();
  }

  private applyLarge(): void {
    document.body.classList.toggle("large", this.large);
  }

  async start(): Promise<void> {
    await this.route();
  }

  /** Shows the screen for the current hash (and, at home, the console of a seat this tab already holds). */
  async route(): Promise<void> {
    const route = parseRoute(window.location.hash);
    if (route.name === "debrief") {
      const { debriefScreen } = await import("./debrief.ts");
      await this.show((app) => debriefScreen(app, route.exerciseId));
      return;
    }
    if (route.name === "bench") {
      const { mapBenchScreen } = await import("./map-bench.ts");
      await this.show((app) => mapBenchScreen(app, route.units, route.renderer));
      return;
    }
    if (this.session) {
      await this.showSession(this.session);
      return;
    }
    if (route.name === "screen") {
      try {
        await this.enter(await ExerciseSession.join({ joinCode: route.code, role: "screen" }));
        return;
      } catch {
        // The lobby, with the code filled in, will say what is wrong.
      }
    }
    if (route.name === "home" && !route.code && ExerciseSession.saved()) {
      try {
        const session = await ExerciseSession.resume();
        if (session) {
          await this.enter(session);
          return;
        }
      } catch {
        // Fall through to the lobby, where joining again says what is wrong.
      }
    }
    const { lobbyScreen } = await import("./lobby.ts");
    const code = route.name === "home" || route.name === "screen" ? route.code : undefined;
    await this.show((app) => lobbyScreen(app, code));
  }

  /** A seat was joined: show its console. */
  async enter(session: ExerciseSession): Promise<void> {
    this.session = session;
    session.onStatus((status) => {
      if (status === "left" && this.session === session) document.body.dataset.connection = "left";
    });
    if (window.location.hash.startsWith("#/join") || window.location.hash.startsWith("#/screen")) history.replaceState(null, "", "#/");
    await this.showSession(session);
  }

  /** After the connection was lost for good: join the same seat again (same code, name and role). */
  async rejoin(): Promise<void> {
    const request = this.session?.request;
    if (!request) return;
    try {
      await this.enter(await ExerciseSession.join(request));
    } catch {
      this.session = undefined;
      history.replaceState(null, "", `#/join/${encodeURIComponent(request.joinCode)}`);
      await this.route();
    }
  }

  async leave(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    document.body.classList.remove("screen-seat");
    await session?.leave();
    history.replaceState(null, "", "#/");
    await this.route();
  }

  openDebrief(exerciseId: string): void {
    window.location.hash = `#/debrief/${encodeURIComponent(exerciseId)}`;
  }

  private async showSession(session: ExerciseSession): Promise<void> {
    const kind = session.welcome.seat.kind;
    document.body.classList.toggle("screen-seat", kind === "screen");
    if (kind === "player") {
      const { roleConsoleScreen } = await import("./role-console.ts");
      await this.show((app) => roleConsoleScreen(app, session));
    } else if (kind === "screen") {
      const { bigScreen } = await import("./big-screen.ts");
      await this.show((app) => bigScreen(app, session));
    } else {
      const { facilitatorScreen } = await import("./facilitator-console.ts");
      await this.show((app) => facilitatorScreen(app, session));
    }
  }

  async show(factory: ScreenFactory): Promise<void> {
    this.factory = factory;
    await this.rerender();
  }

  /** Builds the current screen anew (after a language or type-size change). */
  async rerender(): Promise<void> {
    const factory = this.factory;
    if (!factory) return;
    const ticket = ++this.rendering;
    const next = await factory(this);
    if (ticket !== this.rendering) {
      next.destroy();
      return;
    }
    const previous = this.screen;
    const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : "";
    this.screen = next;
    previous?.destroy();
    this.root.replaceChildren(next.element);
    next.mounted?.();
    if (focusedId) document.getElementById(focusedId)?.focus();
  }

  /** A plain placeholder while a screen loads. */
  static loading(text: string): HTMLElement {
    return h("p", { class: "loading", text });
  }
}
