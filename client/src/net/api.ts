/**
 * The server's HTTP API, as the client uses it. Every failure becomes an ApiError carrying the server's own
 * message (and, for a scenario upload, its positioned problems) so screens can show exactly what was wrong.
 */
import type { CreatedExercise, LobbyInfo, ScenarioList } from "./wire.ts";

export class ApiError extends Error {
  readonly status: number;
  /** Scenario problems as the server formats them: `file:line:column: path: message`. */
  readonly problems: string[];
  constructor(status: number, message: string, problems: string[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problems = problems;
  }
}

/** Where the API lives: the page's own origin (the server serves the client), overridable for development. */
export function apiBase(): string {
  return window.location.origin;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(response.status, `the server answered ${response.status} with something that is not JSON`);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiBase() + path, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  const body = await readJson(response);
  if (!response.ok) {
    const fields = (typeof body === "object" && body !== null ? body : {}) as { error?: unknown; problems?: unknown };
    const message = typeof fields.error === "string" ? fields.error : `HTTP ${response.status}`;
    const problems = Array.isArray(fields.problems) ? fields.problems.map(String) : [];
    throw new ApiError(response.status, message, problems);
  }
  return body as T;
}

export function listScenarios(): Promise<ScenarioList> {
  return request<ScenarioList>("/api/scenarios");
}

export type ScenarioChoice = { library: string } | { text: string };

/** Creates an exercise from a library scenario or from the text of an uploaded YAML/JSON file. */
export function createExercise(choice: ScenarioChoice, language: string | undefined): Promise<CreatedExercise> {
  const body: Record<string, unknown> = "library" in choice ? { scenario: choice.library } : { scenarioYaml: choice.text };
  if (language) body.language = language;
  return request<CreatedExercise>("/api/exercises", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body)
  });
}

export function lobbyByCode(code: string): Promise<LobbyInfo> {
  return request<LobbyInfo>(`/api/exercises/by-code/${encodeURIComponent(code)}`);
}

export type ReportFormat = "html" | "json" | "csv";

export function reportUrl(exerciseId: string, format: ReportFormat, language?: string): string {
  const params = new URLSearchParams({ format });
  if (language) params.set("language", language);
  return `${apiBase()}/api/exercises/${encodeURIComponent(exerciseId)}/report?${params.toString()}`;
}

export function logUrl(exerciseId: string): string {
  return `${apiBase()}/api/exercises/${encodeURIComponent(exerciseId)}/log`;
}

/** The exercise's event log as JSON Lines text. */
export async function fetchLog(exerciseId: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(logUrl(exerciseId));
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      const body = JSON.parse(text) as { error?: unknown };
      if (typeof body.error === "string") message = body.error;
    } catch {
      // keep the status line
    }
    throw new ApiError(response.status, message);
  }
  return text;
}

/** Splits `file:line:column: path: message` into its parts for display; unparseable lines are kept whole. */
export function parseProblem(line: string): { line?: number; column?: number; path?: string; message: string } {
  const match = /^[^:]*:(\d+):(\d+): ([^:]*): (.*)$/s.exec(line);
  if (!match) return { message: line };
  return { line: Number(match[1]), column: Number(match[2]), path: match[3] === "(root)" ? "" : match[3]!, message: match[4]! };
}
