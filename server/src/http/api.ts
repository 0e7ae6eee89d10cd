/**
 * The HTTP API, mounted on the Colyseus server's express app (same port as the game server):
 *
 *   GET  /api/scenarios                      the scenario library
 *   POST /api/exercises                      create an exercise (library id, uploaded document or YAML)
 *   GET  /api/exercises/by-code/:code        an exercise's lobby: title, roles and who holds a seat
 *   GET  /api/exercises/:id/log              the event log, JSON Lines
 *   GET  /api/exercises/:id/report?format=   the after-action report (html, json or csv)
 *
 * and the built web client for everything else. Errors are JSON `{ "error": ... }` with a fitting status; a
 * failing route answers 500 and never takes the process down.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Scenario } from "../core/scenario/schema.ts";
import type { Problem } from "../core/scenario/validate.ts";
import { formatProblem, parseScenarioText, validateScenarioObject } from "../core/scenario/validate.ts";
import { localise } from "../core/scenario/localise.ts";
import { loadLibrary, loadScenario, ScenarioLoadError } from "../library/library.ts";
import { isReportFormat, REPORT_FORMATS, renderReport } from "../report/render.ts";
import { ReportInputError } from "../report/report-input-error.ts";
import type { EventStore } from "../store/event-store.ts";
import { normaliseJoinCode } from "../store/join-code.ts";
import type { Logger } from "../room/context.ts";
import { openRooms } from "../room/context.ts";
import type { OpenedExercise } from "../room/exercises.ts";
import { HttpError, mediaType, readBody, sendError, sendJson, sendText } from "./http-kit.ts";
import { serveClient } from "./static-client.ts";

export interface HttpDeps {
  store: EventStore;
  scenarioDir: string;
  clientDir: string;
  log: Logger;
  openExercise(scenario: Scenario, language: string): Promise<OpenedExercise>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], url: URL) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const YAML_TYPES = new Set(["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"]);

function problemsBody(message: string, problems: readonly Problem[]): Record<string, unknown> {
  return { problems: problems.map(formatProblem), message };
}

export function createApi(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const routes: Route[] = [
    { method: "GET", pattern: /^\/api\/scenarios\/?$/, handler: listScenarios },
    { method: "POST", pattern: /^\/api\/exercises\/?$/, handler: createExercise },
    { method: "GET", pattern: /^\/api\/exercises\/by-code\/([^/]+)\/?$/, handler: lobby },
    { method: "GET", pattern: /^\/api\/exercises\/([A-Za-z0-9_-]{1,64})\/log\/?$/, handler: exportLog },
    { method: "GET", pattern: /^\/api\/exercises\/([A-Za-z0-9_-]{1,64})\/report\/?$/, handler: report }
  ];

  async function listScenarios(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { entries, problems } = await loadLibrary(deps.scenarioDir);
    sendJson(res, 200, {
      scenarios: entries.map(({ scenario: s }) => ({
        id: s.id,
        title: s.title,
        summary: s.summary,
        languages: s.languages,
        duration: s.duration,
        injects: s.injects.length,
        roles: s.roles.map((r) => ({ id: r.id, kind: r.kind, name: r.name }))
      })),
      problems: problems.map(formatProblem)
    });
  }

  async function createExercise(req: IncomingMessage, res: ServerResponse, _params: string[], url: URL): Promise<void> {
    const type = mediaType(req);
    const text = await readBody(req);
    let scenario: Scenario;
    let language: unknown;
    if (YAML_TYPES.has(type)) {
      scenario = validated(parseScenarioText(text, "upload.yaml"));
      language = url.searchParams.get("language") ?? undefined;
    } else if (type === "application/json" || type === "") {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new HttpError(400, `the request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new HttpError(400, 'send a JSON object: { "scenario": "<library id>", "language": "en" }');
      }
      const fields = body as Record<string, unknown>;
      language = fields.language;
      scenario = await scenarioFrom(fields);
    } else {
      throw new HttpError(415, `unsupported Content-Type "${type}": send application/json, or a scenario as application/yaml`);
    }
    if (language !== undefined && (typeof language !== "string" || !scenario.languages.includes(language))) {
      throw new HttpError(400, `"language" must be one of the scenario's languages: ${scenario.languages.join(", ")}`);
    }
    const chosen = (language as string | undefined) ?? scenario.languages[0]!;
    const opened = await deps.openExercise(scenario, chosen);
    deps.log.info(`exercise ${opened.exerciseId} created from "${scenario.id}" (${chosen}), join code ${opened.joinCode}`);
    sendJson(res, 201, { ...opened, scenarioId: scenario.id, title: localise(scenario.title, chosen), language: chosen });
  }

  async function scenarioFrom(fields: Record<string, unknown>): Promise<Scenario> {
    const given = ["scenario", "scenarioYaml"].filter((k) => fields[k] !== undefined);
    if (given.length !== 1) {
      throw new HttpError(400, 'give exactly one of "scenario" (a library id or a scenario document) and "scenarioYaml" (YAML text)');
    }
    if (fields.scenarioYaml !== undefined) {
      if (typeof fields.scenarioYaml !== "string") throw new HttpError(400, '"scenarioYaml" must be the text of a YAML scenario');
      return validated(parseScenarioText(fields.scenarioYaml, "upload.yaml"));
    }
    const value = fields.scenario;
    if (typeof value === "string") {
      if (!SCENARIO_ID.test(value)) throw new HttpError(400, `"${value.slice(0, 80)}" is not a scenario id (lower-case letters, digits and dashes)`);
      try {
        return (await loadScenario(value, deps.scenarioDir)).scenario;
      } catch (error) {
        if (error instanceof ScenarioLoadError) {
          if (error.problems.length > 0) {
            throw new HttpError(400, `library scenario "${value}" is not valid`, problemsBody(error.message, error.problems));
          }
          const { entries } = await loadLibrary(deps.scenarioDir);
          throw new HttpError(404, `no scenario "${value}" in the library`, { available: entries.map((e) => e.id) });
        }
        throw error;
      }
    }
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return validated(validateScenarioObject(value, "upload.json"));
    }
    throw new HttpError(400, '"scenario" must be a library id or a scenario document (an object)');
  }

  function validated(result: { scenario?: Scenario; problems: Problem[] }): Scenario {
    if (result.scenario) return result.scenario;
    const n = result.problems.length;
    throw new HttpError(400, `the scenario has ${n} problem${n === 1 ? "" : "s"}`, { problems: result.problems.map(formatProblem) });
  }

  function lobby(_req: IncomingMessage, res: ServerResponse, params: string[]): void {
    let typed: string;
    try {
      typed = decodeURIComponent(params[0] ?? "");
    } catch {
      throw new HttpError(400, "the join code in the URL is not valid percent-encoding");
    }
    const code = normaliseJoinCode(typed);
    if (!code) throw new HttpError(400, "not a join code: join codes are 8 letters and digits, like K7QX-M4TR");
    const room = openRooms.byJoinCode.get(code);
    if (room) {
      sendJson(res, 200, room.lobby());
      return;
    }
    const record = deps.store.findByJoinCode(code);
    if (!record) throw new HttpError(404, `no exercise with join code ${code}`);
    sendJson(res, 200, {
      joinCode: code,
      title: record.title,
      language: record.language,
      status: record.endedAt !== undefined ? "ended" : "starting",
      roles: [],
      watchers: []
    });
  }

  function exerciseOr404(id: string): void {
    if (!deps.store.getExercise(id)) throw new HttpError(404, `no exercise ${id}`);
  }

  function exportLog(_req: IncomingMessage, res: ServerResponse, params: string[]): void {
    const id = params[0]!;
    exerciseOr404(id);
    sendText(res, 200, "application/x-ndjson; charset=utf-8", deps.store.readLog(id), {
      "Content-Disposition": `attachment; filename="exercise-${id}.jsonl"`,
      "Cache-Control": "no-store"
    });
  }

  function report(_req: IncomingMessage, res: ServerResponse, params: string[], url: URL): void {
    const id = params[0]!;
    const format = url.searchParams.get("format") ?? "html";
    if (!isReportFormat(format)) throw new HttpError(400, `"format" must be one of ${REPORT_FORMATS.join(", ")}`);
    exerciseOr404(id);
    const language = url.searchParams.get("language") ?? undefined;
    let body: string;
    try {
      body = renderReport(deps.store.load(id), format, language ? { language } : {});
    } catch (error) {
      if (error instanceof ReportInputError) throw new HttpError(400, error.message);
      throw error;
    }
    const types = { html: "text/html; charset=utf-8", json: "application/json; charset=utf-8", csv: "text/csv; charset=utf-8" };
    const headers: Record<string, string> = { "Cache-Control": "no-store" };
    if (format === "csv") headers["Content-Disposition"] = `attachment; filename="report-${id}.csv"`;
    sendText(res, 200, types[format], body, headers);
  }

  return (req, res, next) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      sendError(res, new HttpError(400, "bad request URL"));
      return;
    }
    const path = url.pathname;
    const route = routes.find((r) => r.pattern.test(path));
    if (!route) {
      if (path === "/api" || path.startsWith("/api/")) {
        sendError(res, new HttpError(404, `no such API endpoint: ${req.method} ${path}`));
        return;
      }
      if (serveClient(deps.clientDir, req, res, path)) return;
      next();
      return;
    }
    const same = routes.filter((r) => r.pattern.test(path));
    const chosen = same.find((r) => r.method === req.method);
    if (!chosen) {
      res.setHeader("Allow", same.map((r) => r.method).join(", "));
      sendError(res, new HttpError(405, `${req.method} is not allowed on ${path}`));
      return;
    }
    const params = chosen.pattern.exec(path)!.slice(1);
    Promise.resolve()
      .then(() => chosen.handler(req, res, params, url))
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof HttpError) {
          sendError(res, error);
          return;
        }
        deps.log.error(`${req.method} ${path} failed`, error);
        sendError(res, new HttpError(500, "internal server error"));
      });
  };
}

/** The last handler: JSON 404 for anything nobody served. */
export function notFound(req: IncomingMessage, res: ServerResponse): void {
  sendError(res, new HttpError(404, `not found: ${req.method} ${new URL(req.url ?? "/", "http://localhost").pathname}`));
}
