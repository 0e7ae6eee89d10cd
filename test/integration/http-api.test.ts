/**
 * The HTTP API of the real server: the library, creating exercises (from a library id, an uploaded document or
 * YAML text) with the validator's positioned problems on bad input, the lobby, the log and the report.
 */
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json, ServerProcess } from "./harness.ts";
import { createExercise, join, MINIMAL_YAML, startServer, tempDb } from "./harness.ts";

let server: ServerProcess;
let cleanup: () => void;

beforeAll(async () => {
  const db = tempDb();
  cleanup = db.cleanup;
  server = await startServer({ dbPath: db.dbPath });
});

afterAll(async () => {
  await server?.stop();
  cleanup?.();
});

async function post(body: string, contentType = "application/json", path = "/api/exercises"): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${server.url}${path}`, { method: "POST", headers: { "Content-Type": contentType }, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

async function get(path: string): Promise<Response> {
  return fetch(`${server.url}${path}`);
}

describe("GET /api/scenarios", () => {
  it("lists the library with titles, languages, duration, injects and roles", async () => {
    const res = await get("/api/scenarios");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { scenarios: Json[]; problems: string[] };
    const minimal = body.scenarios.find((s) => s.id === "minimal-market");
    expect(minimal).toMatchObject({
      title: { en: "Vehicle into the Christmas market (minimal)" },
      languages: ["en"],
      duration: 60,
      injects: 6
    });
    expect(minimal.roles.map((r: { id: string }) => r.id)).toEqual(["police", "municipality", "fire-ems", "communication"]);
    expect(minimal.roles[0]).toEqual({ id: "police", kind: "police", name: { en: "Police" } });
  });
});

describe("POST /api/exercises", () => {
  it("creates an exercise from a library id", async () => {
    const { status, json } = await post(JSON.stringify({ scenario: "minimal-market", language: "en" }));
    expect(status).toBe(201);
    expect(json.exerciseId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(json.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(json.facilitatorSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(json).toMatchObject({ scenarioId: "minimal-market", language: "en" });
    const log = await (await get(`/api/exercises/${json.exerciseId}/log`)).text();
    expect(JSON.parse(log.split("\n")[0]!)).toMatchObject({ type: "exercise-created", seq: 1, exerciseId: json.exerciseId, language: "en" });
  });

  it("creates an exercise from an uploaded document and from YAML text", async () => {
    const document = parseYaml(MINIMAL_YAML) as Record<string, unknown>;
    const fromDocument = await post(JSON.stringify({ scenario: document }));
    expect(fromDocument.status).toBe(201);
    const fromYaml = await post(MINIMAL_YAML, "application/yaml");
    expect(fromYaml.status).toBe(201);
    expect(fromYaml.json.joinCode).not.toBe(fromDocument.json.joinCode);
  });

  it("answers a scenario with errors with 400 and every problem located", async () => {
    const broken = MINIMAL_YAML.replace("to: [police, municipality]\n    channel: radio", "to: [police, coastguard]\n    channel: carrier-pigeon");
    const { status, json } = await post(JSON.stringify({ scenarioYaml: broken }));
    expect(status).toBe(400);
    expect(json.error).toMatch(/problem/);
    const line = broken.split("\n").findIndex((l) => l.includes("carrier-pigeon")) + 1;
    expect(json.problems).toContainEqual(expect.stringMatching(new RegExp(`^upload\\.yaml:${line}:\\d+: injects\\[0\\]\\.channel: `)));
  });

  it("reports semantic problems of an uploaded document by path", async () => {
    const document = parseYaml(MINIMAL_YAML) as { injects: { to: string[] }[] };
    document.injects[0]!.to = ["police", "coastguard"];
    const { status, json } = await post(JSON.stringify({ scenario: document }));
    expect(status).toBe(400);
    expect(json.problems.some((p: string) => p.startsWith("upload.json:") && p.includes("injects[0].to") && p.includes("coastguard"))).toBe(true);
  });

  it("refuses an unknown scenario, a path and an unknown language", async () => {
    const unknown = await post(JSON.stringify({ scenario: "no-such-scenario" }));
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: 'no scenario "no-such-scenario" in the library' });
    expect(unknown.json.available).toContain("minimal-market");
    const path = await post(JSON.stringify({ scenario: "../../etc/passwd" }));
    expect(path.status).toBe(400);
    const language = await post(JSON.stringify({ scenario: "minimal-market", language: "fr" }));
    expect(language.status).toBe(400);
    expect(language.json.error).toBe(`"language" must be one of the scenario's languages: en`);
  });

  it("refuses bodies that are not what it expects, with JSON errors", async () => {
    const notJson = await post("{ scenario: ", "application/json");
    expect(notJson.status).toBe(400);
    expect(notJson.json.error).toMatch(/not valid JSON/);
    const both = await post(JSON.stringify({ scenario: "minimal-market", scenarioYaml: "id: x" }));
    expect(both.status).toBe(400);
    const array = await post("[1,2]");
    expect(array.status).toBe(400);
    const form = await post("a=b", "application/x-www-form-urlencoded");
    expect(form.status).toBe(415);
    const huge = await post(JSON.stringify({ scenarioYaml: "#".repeat(3 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatch(/larger than 2 MiB/);
    const wrongMethod = await fetch(`${server.url}/api/exercises`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
  });
});

describe("exercise endpoints", () => {
  it("shows the lobby by join code, however it is typed", async () => {
    const ex = await createExercise(server.url);
    const player = await join(server.url, { joinCode: ex.joinCode, name: "Paula", role: "police" });
    const res = await get(`/api/exercises/by-code/${ex.joinCode.toLowerCase().replace("-", "")}`);
    expect(res.status).toBe(200);
    const lobby = (await res.json()) as Json;
    expect(lobby).toMatchObject({ joinCode: ex.joinCode, title: "Vehicle into the Christmas market (minimal)", status: "ready" });
    expect(lobby.roles.find((r: { id: string }) => r.id === "police").seats).toEqual([{ name: "Paula", connected: true }]);
    expect(JSON.stringify(lobby)).not.toContain(ex.exerciseId);
    await player.room.leave();
    expect((await get("/api/exercises/by-code/ZZZZ-ZZZZ")).status).toBe(404);
    expect((await get("/api/exercises/by-code/not-a-code")).status).toBe(400);
  });

  it("exports the log as JSON Lines and 404s an unknown exercise", async () => {
    const ex = await createExercise(server.url);
    const res = await get(`/api/exercises/${ex.exerciseId}/log`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text()).trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual(lines.map((_l, i) => i + 1));
    const missing = await get("/api/exercises/nope-nope-nope/log");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "no exercise nope-nope-nope" });
  });

  it("serves the report as HTML, JSON and CSV, and refuses a bad format", async () => {
    const ex = await createExercise(server.url);
    const html = await get(`/api/exercises/${ex.exerciseId}/report?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/<html/i);
    const json = await get(`/api/exercises/${ex.exerciseId}/report?format=json`);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await json.json()) as object).toMatchObject({ version: 1, scenarioId: "minimal-market", exerciseId: ex.exerciseId });
    const csv = await get(`/api/exercises/${ex.exerciseId}/report?format=csv`);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await csv.text()).length).toBeGreaterThan(0);
    const bad = await get(`/api/exercises/${ex.exerciseId}/report?format=pdf`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: '"format" must be one of html, json, csv' });
    expect((await get("/api/exercises/nope-nope-nope/report")).status).toBe(404);
  });

  it("answers / without a built client, and unknown API paths with JSON 404s", async () => {
    const root = await get("/");
    expect(root.status).toBe(200);
    expect(await root.text()).toContain("Cordon server");
    const api = await get("/api/nothing-here");
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: string }).error).toMatch(/no such API endpoint/);
  });
});
