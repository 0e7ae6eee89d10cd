/**
 * A facilitator and the four core roles play the opening of the minimal market scenario against the real server,
 * with real SDK clients; every client's decoded state is checked for what its seat may and may not see.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json, Created, Player, ServerProcess } from "./harness.ts";
import { createExercise, join, logLines, startServer, tempDb, waitFor, leave } from "./harness.ts";

const SECRET_TO_COMMS = "Only communication may read this: draft line for the press";
const SECRET_SHARE = "Municipality to communication only: reception centre at the town hall";

let server: ServerProcess;
let cleanup: () => void;
let ex: Created;
let facilitator: Player;
let police: Player;
let municipality: Player;
let fireEms: Player;
let comms: Player;
let screen: Player;
let evaluator: Player;
/** Every serialised state the police client ever decoded. */
const policeSnapshots: string[] = [];

beforeAll(async () => {
  const db = tempDb();
  cleanup = db.cleanup;
  server = await startServer({ dbPath: db.dbPath });
  ex = await createExercise(server.url);
  facilitator = await join(server.url, { joinCode: ex.joinCode, facilitatorSecret: ex.facilitatorSecret, name: "Fran" });
  police = await join(server.url, { joinCode: ex.joinCode, name: "Paula", role: "police" });
  police.room.onStateChange((state: { toJSON(): unknown }) => policeSnapshots.push(JSON.stringify(state.toJSON())));
  municipality = await join(server.url, { joinCode: ex.joinCode.toLowerCase().replace("-", " "), name: "Max", role: "municipality" });
  fireEms = await join(server.url, { joinCode: ex.joinCode, name: "Fatima", role: "fire-ems" });
  comms = await join(server.url, { joinCode: ex.joinCode, name: "Chris", role: "communication" });
  screen = await join(server.url, { joinCode: ex.joinCode, role: "screen" });
  evaluator = await join(server.url, { joinCode: ex.joinCode, name: "Eve", role: "evaluator" });
});

afterAll(async () => {
  for (const p of [facilitator, police, municipality, fireEms, comms, screen, evaluator]) await leave(p);
  await server?.stop();
  cleanup?.();
});

describe("a facilitator and four roles play the opening of a scenario", () => {
  it("welcomes each seat with its role and the public scenario, and the exercise id only to control seats", () => {
    expect(police.welcome.seat).toMatchObject({ kind: "player", role: "police", name: "Paula" });
    expect(municipality.welcome.seat).toMatchObject({ kind: "player", role: "municipality" });
    expect(facilitator.welcome.seat).toMatchObject({ kind: "facilitator" });
    const scenario = police.welcome.scenario as Record<string, Json>;
    expect(scenario.site.zones.map((z: { id: string }) => z.id)).toEqual(["market-square", "high-street"]);
    expect(scenario.roles.map((r: { id: string }) => r.id)).toEqual(["police", "municipality", "fire-ems", "communication"]);
    expect(scenario).not.toHaveProperty("injects");
    expect(facilitator.welcome.exerciseId).toBe(ex.exerciseId);
    expect(police.welcome).not.toHaveProperty("exerciseId");
    expect(JSON.stringify(police.json())).not.toContain(ex.exerciseId);
  });

  it("lists every seat in the shared state", async () => {
    const seats = await waitFor("seven seats", () => {
      const all = Object.values(facilitator.json().seats) as { name: string; role: string; connected: number }[];
      return all.length === 7 ? all : undefined;
    });
    expect(seats.map((s) => `${s.role}:${s.name}`).sort()).toEqual(
      ["communication:Chris", "evaluator:Eve", "facilitator:Fran", "fire-ems:Fatima", "municipality:Max", "police:Paula", "screen:Screen"].sort()
    );
    expect(seats.every((s) => s.connected === 1)).toBe(true);
  });

  it("starts the clock and delivers the first inject only to its recipients", async () => {
    expect(await facilitator.room.request("start")).toEqual({ ok: true });
    const inbox = await waitFor("the van inject in the police inbox", () => police.json().roles?.police?.inbox?.["van-into-crowd"]);
    expect(inbox).toMatchObject({ kind: "inject", channel: "radio", from: "Control room", title: "Van driven into the market crowd" });
    await waitFor("the van inject for municipality", () => municipality.json().roles?.municipality?.inbox?.["van-into-crowd"]);
    expect(police.json().clock.status).toBe("running");
    expect(Object.keys(fireEms.json().roles["fire-ems"].inbox)).toEqual([]);
    expect(Object.keys(comms.json().roles.communication.inbox)).toEqual([]);
    // The situation changed for everyone, the screen included.
    expect(screen.json().zones["market-square"]).toMatchObject({ state: "incident", critical: 3, serious: 5, minor: 12 });
    expect(screen.json().markers.van).toMatchObject({ kind: "vehicle", x: 320, y: 240, label: "White van" });
  });

  it("gives each role its own box and nobody else's", () => {
    expect(Object.keys(police.json().roles)).toEqual(["police"]);
    expect(Object.keys(comms.json().roles)).toEqual(["communication"]);
    // The decoder creates an empty `control`; what matters is that nothing in it reached a player or the screen.
    expect(police.json().control ?? {}).toEqual({});
    expect(screen.json().roles ?? {}).toEqual({});
    expect(screen.json().control ?? {}).toEqual({});
    expect(Object.keys(facilitator.json().roles).sort()).toEqual(["communication", "fire-ems", "municipality", "police"]);
    expect(Object.keys(evaluator.json().roles).length).toBe(4);
  });

  it("records an acknowledgement, a deployment and the task it meets", async () => {
    expect(await police.room.request("acknowledge", { item: "van-into-crowd" })).toEqual({ ok: true });
    expect(await police.room.request("deploy", { unit: "arv-1", to: [300, 250] })).toEqual({ ok: true });
    const task = await waitFor("the armed-response task met", () => {
      const t = police.json().roles.police.tasks["police-armed-response"];
      return t?.status === "met" ? t : undefined;
    });
    expect(task).toMatchObject({ lead: "police", action: "deploy", metBy: "police" });
    expect(police.json().roles.police.inbox["van-into-crowd"].acknowledgedBy).toBe("Paula");
    // Municipality supports the METHANE task, so it sees it too; fire-ems does not.
    expect(municipality.json().roles.municipality.tasks["police-methane"]).toMatchObject({ lead: "police", support: "municipality", status: "active" });
    expect(fireEms.json().roles["fire-ems"].tasks).toEqual({});
    const unit = await waitFor("the ARV moving on the screen", () => (screen.json().units["arv-1"].status === "moving" ? screen.json().units["arv-1"] : undefined));
    expect(unit).toMatchObject({ toX: 300, toY: 250, zone: "market-square", role: "police" });
  });

  it("carries a METHANE report to its recipients with every heading", async () => {
    const report = {
      majorIncident: true,
      exactLocation: "Market square, Lindenfeld",
      typeOfIncident: "Vehicle as a weapon",
      hazards: "Possible second attacker",
      access: "From the ring road, north side",
      numberOfCasualties: "3 critical, 5 serious, 12 minor",
      emergencyServices: "Police on scene, ambulances required"
    };
    expect(await police.room.request("send-methane", { to: ["fire-ems", "municipality"], report })).toEqual({ ok: true });
    const item = await waitFor("the METHANE report at fire-ems", () =>
      Object.values(fireEms.json().roles["fire-ems"].inbox).find((i: Json) => i.kind === "methane")
    );
    expect(item).toMatchObject({ from: "police", title: "METHANE", methane: report });
    expect(Object.values(comms.json().roles.communication.inbox).some((i: Json) => i.kind === "methane")).toBe(false);
  });

  it("keeps messages and live injects meant for communication away from the police", async () => {
    expect(await municipality.room.request("share", { to: ["communication"], text: SECRET_SHARE })).toEqual({ ok: true });
    expect(await facilitator.room.request("inject", { to: ["communication"], channel: "phone", text: SECRET_TO_COMMS, title: "Press call" })).toEqual({
      ok: true
    });
    await waitFor("both items at communication", () => {
      const texts = Object.values(comms.json().roles.communication.inbox).map((i: Json) => i.text);
      return texts.includes(SECRET_SHARE) && texts.includes(SECRET_TO_COMMS);
    });
    // Give the police client time to receive any patch that would (wrongly) carry them.
    await new Promise((r) => setTimeout(r, 300));
    expect(policeSnapshots.length).toBeGreaterThan(3);
    for (const snapshot of [...policeSnapshots, JSON.stringify(police.json())]) {
      expect(snapshot).not.toContain(SECRET_SHARE);
      expect(snapshot).not.toContain(SECRET_TO_COMMS);
      expect(snapshot).not.toContain("communication\":{");
    }
    expect(JSON.stringify(screen.json())).not.toContain(SECRET_TO_COMMS);
  });

  it("shows the screen every released inject without its content, and each role's task what its match asks", async () => {
    // Given the van inject and the facilitator's live "Press call" have gone out (previous steps)
    const released = await waitFor("both releases on the screen", () => {
      const all = screen.json().released as Record<string, Json> | undefined;
      return all && Object.values(all).some((r: Json) => r.kind === "live") ? all : undefined;
    });
    // Then the screen sees title, channel, recipients and time of each, in the exercise language
    expect(released["van-into-crowd"]).toMatchObject({ kind: "inject", title: "Van driven into the market crowd", channel: "radio" });
    expect(String(released["van-into-crowd"].to).split(",").sort()).toEqual(["municipality", "police"]);
    expect(released["van-into-crowd"].at).toBeGreaterThanOrEqual(0);
    const live = Object.values(released).find((r: Json) => r.kind === "live") as Json;
    expect(live).toMatchObject({ title: "Press call", channel: "phone", to: "communication" });
    // And never what they say
    for (const entry of Object.values(released)) expect(Object.keys(entry as object).sort()).toEqual(["at", "channel", "id", "kind", "title", "to"]);
    const shown = JSON.stringify(screen.json());
    expect(shown).not.toContain("a white van has driven through the market stalls");
    expect(shown).not.toContain(SECRET_TO_COMMS);
    // And a role's task carries what the scenario's match asks
    const tasks = police.json().roles.police.tasks;
    expect(tasks["police-armed-response"]).toMatchObject({ action: "deploy", unitType: "armed-response", zone: "market-square", topic: "", level: "", to: "" });
    expect(String(tasks["police-methane"].to).split(",").sort()).toEqual(["fire-ems", "municipality"]);
  });

  it("publishes public statements to the shared media feed", async () => {
    const text = "Avoid the market square; follow police instructions.";
    expect(await comms.room.request("publish", { channel: "social-media", text, topic: "holding-statement" })).toEqual({ ok: true });
    const item = await waitFor("the statement on the screen", () => Object.values(screen.json().media).find((m: Json) => m.text === text));
    expect(item).toMatchObject({ kind: "public-message", role: "communication", channel: "social-media", topic: "holding-statement" });
    await waitFor("the statement at the police", () => Object.values(police.json().media).some((m: Json) => m.text === text));
  });

  it("shows a resource request to the role that asked and the role asked", async () => {
    expect(await police.room.request("request-resources", { unitType: "ambulance", count: 3, from: "fire-ems", note: "Many injured" })).toEqual({ ok: true });
    const request = await waitFor("the request at fire-ems", () => Object.values(fireEms.json().roles["fire-ems"].requests)[0] as Json);
    expect(request).toMatchObject({ role: "police", unitType: "ambulance", count: 3, from: "fire-ems", note: "Many injured" });
    await waitFor("the request at the police", () => Object.keys(police.json().roles.police.requests).length === 1);
    expect(comms.json().roles.communication.requests).toEqual({});
  });

  it("takes a joint decision between two roles", async () => {
    expect(await municipality.room.request("log-decision", { text: "Open a reception centre", rationale: "Families are arriving", with: ["police"] })).toEqual({
      ok: true
    });
    const decision = await waitFor("the decision in the police box", () => Object.values(police.json().roles.police.decisions)[0] as Json);
    expect(decision).toMatchObject({ role: "municipality", by: "Max", with: "police", agreed: "", jointAt: -1 });
    expect(await police.room.request("agree-decision", { decision: decision.id })).toEqual({ ok: true });
    const joint = await waitFor("the decision joint", () => {
      const d = municipality.json().roles.municipality.decisions[decision.id];
      return d?.jointAt >= 0 ? d : undefined;
    });
    expect(joint.agreed).toBe("police");
    expect(fireEms.json().roles["fire-ems"].decisions).toEqual({});
  });

  it("lets the facilitator jump to a phase, releasing what fell due and skipping the rest", async () => {
    expect(await facilitator.room.request("phase", { phase: "consolidation" })).toEqual({ ok: true });
    await waitFor("the phase on the screen", () => screen.json().phase === "consolidation");
    const injects = facilitator.json().control.injects;
    expect(injects["second-attacker-rumour"].status).toBe("skipped");
    expect(injects["suspicious-van-report"].status).toBe("skipped");
    // The METHANE set off "ambulances-tasked" one minute later: the jump made it due.
    await waitFor("ambulances tasked at fire-ems", () => fireEms.json().roles["fire-ems"].inbox["ambulances-tasked"]);
    expect(injects["ambulances-tasked"]).toMatchObject({ status: "released", cause: "action", to: "fire-ems", trigger: "action" });
    expect(fireEms.json().releasedCount).toBe(2);
  });

  it("shows live scores and notes to the facilitator and evaluators only", async () => {
    expect(await evaluator.room.request("note", { text: "Police sent METHANE quickly." })).toEqual({ ok: true });
    const note = await waitFor("the note", () => facilitator.json().control.notes[0]);
    expect(note).toMatchObject({ author: "Eve", authorKind: "evaluator", text: "Police sent METHANE quickly." });
    const scores = await waitFor("live scores", () => {
      const s = evaluator.json().control?.scores;
      return s && s.asOf > 0 && s.roles.police?.met >= 1 ? s : undefined;
    });
    expect(scores.overall).toBeLessThanOrEqual(100);
    expect(scores.roles.police.met).toBeGreaterThanOrEqual(1);
    expect(scores.roles.municipality.unacknowledged).toBe(1);
    expect(police.json().control ?? {}).toEqual({});
  });

  it("has stored every accepted action in the log, in order", async () => {
    const log = await logLines(server.url, ex.exerciseId);
    expect(log[0]!.type).toBe("exercise-created");
    expect(log.map((e) => e.seq)).toEqual(log.map((_e, i) => i + 1));
    const types = log.map((e) => e.type);
    for (const type of ["exercise-started", "acknowledged", "unit-dispatched", "methane-sent", "info-shared", "live-inject", "public-message", "decision-joint", "phase-changed", "note-added"]) {
      expect(types).toContain(type);
    }
    const dispatched = log.find((e) => e.type === "unit-dispatched")!;
    expect(dispatched).toMatchObject({ role: "police", by: "Paula", unit: "arv-1" });
  });

  it("ends the exercise on the facilitator's word", async () => {
    expect(await facilitator.room.request("end")).toEqual({ ok: true });
    await waitFor("ended on the screen", () => screen.json().clock.status === "ended");
    const refused = await police.room.request("deploy", { unit: "patrol-1", to: [100, 100] });
    expect(refused).toMatchObject({ ok: false, code: "ended" });
    const lobby = (await (await fetch(`${server.url}/api/exercises/by-code/${ex.joinCode}`)).json()) as Record<string, unknown>;
    expect(lobby.status).toBe("ended");
  });
});
