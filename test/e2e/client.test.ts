/**
 * The web client end to end: the real server as `npm start` runs it (child process, free port, temporary store,
 * the client built once into a temporary folder), driven by headless Chromium through playwright-core.
 *
 * A facilitator creates an exercise in the lobby (after an upload whose problems are listed with their
 * positions); four players join in separate browser contexts (one entirely by keyboard); the facilitator starts
 * and speeds up the exercise; an inject appears only in the consoles it was meant for; the police deploy a unit by
 * clicking the map, acknowledge, share information and send a METHANE report by keyboard; the other roles see it;
 * the facilitator sees the live scores move; a refusal shows as a notice; the big screen shows the common picture;
 * an evaluator's note reaches the facilitator; a reloaded page comes back to its seat; the debrief shows the report
 * and replays the exercise. Every screen is captured under test-artifacts/ at 1280×720 and 1920×1080, no page logs
 * an error, and no page asks anything of another origin.
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClient } from "../../client/scripts/build-if-stale.ts";
import { loadScenario } from "../../server/src/library/library.ts";
import type { Scenario } from "../../server/src/core/scenario/schema.ts";
import { localise } from "../../server/src/core/scenario/localise.ts";
import { shapeCentre } from "../../server/src/core/engine/geometry.ts";
import { launchBrowser } from "../support/browser.ts";
import { startServer, tempDb } from "../integration/harness.ts";
import type { ServerProcess } from "../integration/harness.ts";

const REPO = resolve(import.meta.dirname, "../..");
const ARTIFACTS = join(REPO, "test-artifacts");
const SCENARIO_ID = "christmas-market-vehicle";
const SMALL = { width: 1280, height: 720 };
const LARGE = { width: 1920, height: 1080 };
const PLAYERS = [
  { role: "police", name: "Paula" },
  { role: "municipality", name: "Marc" },
  { role: "fire-ems", name: "Fatou" },
  { role: "communication", name: "Chloé" }
] as const;
type RoleId = (typeof PLAYERS)[number]["role"];

interface Watched {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

let server: ServerProcess;
let browser: Browser;
let dist: string;
let cleanDb: () => void;
let scenario: Scenario;
const watched: Watched[] = [];
let facilitator: Watched;
const players = new Map<RoleId, Watched>();
let joinCode = "";

async function open(name: string, viewport = SMALL): Promise<Watched> {
  const context = await browser.newContext({ viewport, locale: "en-GB" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`[${name}] console: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(`[${name}] page error: ${e.message}`));
  page.on("request", (r) => {
    // Everything ships with the app: no CDN, no web font, nothing from another origin.
    const url = r.url();
    if (!url.startsWith(server.url) && !url.startsWith(server.url.replace("http", "ws")) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      errors.push(`[${name}] request to another origin: ${url}`);
    }
  });
  page.on("requestfailed", (r) => {
    // Leaving a page aborts its WebSocket; anything else failing is a bug.
    if (!r.url().startsWith("ws")) errors.push(`[${name}] request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`);
  });
  const w = { page, context, errors };
  watched.push(w);
  return w;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(ARTIFACTS, `client-${name}.png`) });
}

/** Both sizes: the page as it is, then at the other size, then back. */
async function shootBoth(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? SMALL;
  const other = original.width === SMALL.width ? LARGE : SMALL;
  await shoot(page, `${name}-${original.width}x${original.height}`);
  await page.setViewportSize(other);
  await shoot(page, `${name}-${other.width}x${other.height}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} spills sideways at ${other.width}x${other.height}`).toBeLessThanOrEqual(0);
  await page.setViewportSize(original);
}

function inbox(role: RoleId) {
  return players.get(role)!.page.locator(".inbox-list");
}

/** Container pixels -> page click on the map at a site point (from the map's published transform). */
async function clickMapAt(page: Page, point: [number, number]): Promise<void> {
  const map = page.locator(".map-view");
  await expect.poll(() => map.getAttribute("data-ready"), { timeout: 15_000 }).toBe("1");
  const transform = (await map.getAttribute("data-transform"))!.split(" ").map(Number);
  const [scale, offsetX, offsetY] = transform as [number, number, number];
  await map.click({ position: { x: offsetX + point[0] * scale, y: offsetY + point[1] * scale } });
}

describe("the web client against the real server", () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    dist = await mkdtemp(join(tmpdir(), "cordon-client-"));
    await buildClient(dist);
    const db = tempDb();
    cleanDb = db.cleanup;
    server = await startServer({ dbPath: db.dbPath, env: { CORDON_CLIENT_DIR: dist, CORDON_SCENARIOS: join(REPO, "scenarios") } });
    browser = await launchBrowser();
    scenario = (await loadScenario(SCENARIO_ID)).scenario;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    cleanDb?.();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  it("shows an uploaded scenario's problems with their line and column, then creates an exercise", async () => {
    facilitator = await open("facilitator");
    const page = facilitator.page;
    await page.goto(server.url);
    await page.waitForSelector("#create-form");
    await expect.poll(() => page.locator("#create-scenario option").count()).toBeGreaterThan(1);
    await shootBoth(page, "lobby");

    // Given a scenario file with a channel the format does not know
    const minimal = await readFile(join(REPO, "test/fixtures/scenarios/minimal.yaml"), "utf8");
    const broken = minimal.replace(/channel: radio/, "channel: carrier-pigeon");
    expect(broken).not.toBe(minimal);
    await page.check("#source-file");
    await page.setInputFiles("#create-file", { name: "broken.yaml", mimeType: "application/yaml", buffer: Buffer.from(broken) });
    await page.click("#create-form button[type=submit]");

    // Then the problem is listed with where it is
    const problem = page.locator(".problem-list li").first();
    await expect.poll(() => problem.textContent()).toMatch(/line \d+, column \d+/);
    expect(await problem.textContent()).toContain("channel");
    await shoot(page, "lobby-upload-problems");

    // When the facilitator picks the library scenario instead
    await page.check("#source-library");
    await page.selectOption("#create-scenario", SCENARIO_ID);
    await page.click("#create-form button[type=submit]");

    // Then the facilitator console shows the join code
    await page.waitForSelector(".facilitator-console");
    joinCode = (await page.locator("#join-code-value").textContent())!.trim();
    expect(joinCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await page.locator(".exercise-title").textContent()).toBe(localise(scenario.title, "en"));
  });

  it("lets four players join in separate contexts, one by keyboard alone, and shows the seats filling", async () => {
    // The police player uses only the keyboard
    const police = await open("police");
    players.set("police", police);
    await police.page.goto(server.url);
    await police.page.waitForSelector("#join-code:focus");
    await police.page.keyboard.type(joinCode);
    await police.page.keyboard.press("Tab"); // "Find exercise"
    await police.page.keyboard.press("Enter");
    await expect.poll(() => police.page.locator("#join-role option[value=police]").count()).toBe(1);
    await police.page.keyboard.press("Tab"); // name
    await police.page.keyboard.type("Paula");
    await police.page.keyboard.press("Tab"); // role
    await police.page.keyboard.press("ArrowDown"); // the first scenario role: police
    expect(await police.page.inputValue("#join-role")).toBe("police");
    await police.page.keyboard.press("Tab"); // Join
    await police.page.keyboard.press("Enter");
    await police.page.waitForSelector(".role-console");

    for (const { role, name } of PLAYERS.slice(1)) {
      const w = await open(role);
      players.set(role, w);
      await w.page.goto(`${server.url}/#/join/${joinCode}`);
      await expect.poll(() => w.page.locator(`#join-role option[value="${role}"]`).count()).toBe(1);
      await w.page.fill("#join-name", name);
      await w.page.selectOption("#join-role", role);
      await w.page.click("#join-form button[type=submit]");
      await w.page.waitForSelector(".role-console");
    }

    // The facilitator sees every seat connected
    const seats = facilitator.page.locator("#seat-list li[data-state=on]");
    await expect.poll(() => seats.count()).toBe(PLAYERS.length);
    for (const { name } of PLAYERS) expect(await facilitator.page.locator("#seat-list").textContent()).toContain(name);
    // And a later player sees the seats taken in the lobby
    const late = await open("lobby-late");
    await late.page.goto(`${server.url}/#/join/${joinCode}`);
    await expect.poll(() => late.page.locator(".seat-list").textContent()).toContain("Paula");
    await late.context.close();
  });

  it("delivers each inject only to the consoles it was meant for", async () => {
    await facilitator.page.click("#fac-start");
    await expect.poll(() => facilitator.page.locator(".run-status").getAttribute("data-status")).toBe("running");
    await facilitator.page.selectOption("#fac-speed", "10");
    await facilitator.page.click("#speed-form button[type=submit]");
    await expect.poll(() => facilitator.page.locator(".clock-duration").textContent()).toContain("×10");

    // The injects due at STARTEX, each for its roles only
    const atStart = scenario.injects.filter((i) => i.at === 0);
    expect(atStart.length).toBeGreaterThan(0);
    for (const inject of atStart) {
      const title = localise(inject.title, "en");
      for (const { role } of PLAYERS) {
        if (inject.to.includes(role)) await expect.poll(() => inbox(role).textContent(), { timeout: 10_000 }).toContain(title);
      }
    }
    for (const inject of atStart) {
      const title = localise(inject.title, "en");
      for (const { role } of PLAYERS) if (!inject.to.includes(role)) expect(await inbox(role).textContent()).not.toContain(title);
    }
    // The police have something to acknowledge, flagged on the tab
    expect(await players.get("police")!.page.locator("#tab-inbox .badge").textContent()).not.toBe("");
  });

  it("lets the police deploy a unit by clicking the map, and the other roles see it move", async () => {
    const page = players.get("police")!.page;
    const unit = scenario.roles.find((r) => r.id === "police")!.units.find((u) => u.speed >= 5)!;
    const unitName = localise(unit.name, "en");
    const target = scenario.site.zones.find((z) => z.id === "square-centre") ?? scenario.site.zones[0]!;
    await page.click("#tab-act");
    await page.locator(`.unit-row[data-unit="${unit.id}"] button`).click();
    await expect.poll(() => page.locator(".map-hint").textContent()).toContain(unitName);
    await clickMapAt(page, shapeCentre(target.shape) as [number, number]);
    const row = page.locator(`.unit-row[data-unit="${unit.id}"] .unit-meta`);
    await expect.poll(() => row.textContent()).toMatch(/moving|on scene/);
    expect(await page.locator(".map-hint").getAttribute("data-armed")).toBe("0");

    // Another role's map (as text) shows the unit out on the ground, towards the zone clicked
    const other = players.get("municipality")!.page;
    await expect.poll(() => other.locator(".map-text-list").textContent(), { timeout: 10_000 }).toContain(unitName);
    expect(await other.locator(".map-text-list").textContent()).toContain(localise(target.name, "en"));
  });

  it("lets the police acknowledge, share with fire and EMS, and send a METHANE report by keyboard; the others receive them", async () => {
    const page = players.get("police")!.page;
    const scoreBefore = (await facilitator.page.locator("#score-overall").textContent())!.trim();

    const first = scenario.injects.find((i) => i.at === 0 && i.to.includes("police"))!;
    const item = page.locator(".inbox-list li", { hasText: localise(first.title, "en") });
    await page.click("#tab-inbox");
    await item.getByRole("button", { name: /^Acknowledge/ }).click();
    await expect.poll(() => item.getAttribute("data-unread")).toBe("0");
    expect(await item.textContent()).toContain("Acknowledged at");

    // Share with fire and EMS
    await page.click("#tab-share");
    await page.check('#share-form input[name="share-to"][value="fire-ems"]');
    await page.fill("#share-text", "Van stopped at the carousel; driver fled south on foot with a knife.");
    await page.press("#share-text", "Enter");
    await expect.poll(() => inbox("fire-ems").textContent()).toContain("driver fled south on foot");
    expect(await inbox("communication").textContent()).not.toContain("driver fled south on foot");

    // METHANE by keyboard: tabs with the arrow keys, fields with Tab, Space to tick, Enter to send
    await page.focus("#tab-inbox");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    expect(await page.locator("#tab-methane").getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Tab"); // the panel
    await page.keyboard.press("Tab"); // first role: municipality
    await page.keyboard.press("Space");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab"); // fire-ems, communication, transport, major incident: yes
    await page.keyboard.press("Tab");
    const answers = ["Market Square, by the carousel", "Vehicle as a weapon, knife", "Suspect at large", "Via High Street", "About 80", "Police on scene, ambulances needed"];
    for (const answer of answers) {
      await page.keyboard.type(answer);
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => inbox("municipality").textContent()).toContain("Vehicle as a weapon, knife");
    expect(await inbox("fire-ems").textContent()).not.toContain("Vehicle as a weapon, knife");

    // The facilitator sees the live scores move
    await expect.poll(() => facilitator.page.locator("#score-overall").textContent(), { timeout: 10_000 }).not.toBe(scoreBefore);
    expect(await facilitator.page.locator("#score-overall").textContent()).toMatch(/^\d+$/);
    // And the police now have a score of their own in the per-role status
    const policeScore = facilitator.page.locator('#role-status tr[data-role="police"] td').nth(1);
    await expect.poll(() => policeScore.textContent(), { timeout: 10_000 }).toMatch(/^\d+$/);
  });

  it("shows a clear notice, in the player's language, when the server refuses an action", async () => {
    const page = players.get("communication")!.page;
    await page.selectOption("#lang-select", "fr");
    await expect.poll(() => page.locator("#tab-inbox").textContent()).toContain("Messages");
    await facilitator.page.click("#fac-pause");
    await expect.poll(() => page.locator(".run-status").getAttribute("data-status")).toBe("paused");
    await page.click("#tab-public");
    await page.fill("#public-text", "Avoid the market square; follow police instructions.");
    await page.press("#public-text", "Enter");
    const notice = page.locator(".notice-error").first();
    await expect.poll(() => notice.textContent()).toContain("L’exercice est en pause");
    await shoot(page, "refusal-notice-fr");
    await facilitator.page.click("#fac-resume");
    await expect.poll(() => page.locator(".run-status").getAttribute("data-status")).toBe("running");
    await page.click("#public-form button[type=submit]");
    await expect.poll(() => page.locator(".media-list").textContent()).toContain("Avoid the market square");
  });

  it("shows the common operating picture on the big screen", async () => {
    const screen = await open("screen", LARGE);
    await screen.page.goto(`${server.url}/#/screen/${joinCode}`);
    await screen.page.waitForSelector(".big-screen");
    await expect.poll(() => screen.page.locator("#screen-timeline li").count()).toBeGreaterThan(0);
    expect(await screen.page.locator(".media-list").textContent()).toContain("Avoid the market square");
    expect(await screen.page.locator("#fac-start").count()).toBe(0);
    await expect.poll(() => screen.page.locator(".map-view").getAttribute("data-ready")).toBe("1");
    await shootBoth(screen.page, "big-screen");
  });

  it("lets an evaluator watch and write notes the facilitator sees, without the facilitator's controls", async () => {
    const evaluator = await open("evaluator");
    await evaluator.page.goto(`${server.url}/#/join/${joinCode}`);
    await expect.poll(() => evaluator.page.locator("#join-role option[value=evaluator]").count()).toBe(1);
    await evaluator.page.fill("#join-name", "Eve");
    await evaluator.page.selectOption("#join-role", "evaluator");
    await evaluator.page.click("#join-form button[type=submit]");
    await evaluator.page.waitForSelector('.facilitator-console[data-seat="evaluator"]');
    expect(await evaluator.page.locator("#fac-start").count()).toBe(0);
    expect(await evaluator.page.locator("#live-form").count()).toBe(0);
    await expect.poll(() => evaluator.page.locator("#score-overall").textContent()).toMatch(/^\d+$/);
    await evaluator.page.fill("#note-text", "Police METHANE came quickly; fire and EMS not told about the rendezvous point.");
    await evaluator.page.press("#note-text", "Enter");
    await expect.poll(() => facilitator.page.locator("#note-list").textContent()).toContain("Police METHANE came quickly");
    await shoot(evaluator.page, "evaluator-1280x720");
    await evaluator.context.close();
  });

  it("brings a player back to the same seat after reloading the page", async () => {
    const page = players.get("fire-ems")!.page;
    await page.reload();
    await page.waitForSelector('.role-console[data-role="fire-ems"]');
    expect(await page.locator(".seat").textContent()).toContain("Fatou");
    await expect.poll(() => inbox("fire-ems").textContent()).toContain("driver fled south on foot");
    // Still one seat for Fatou, connected
    const seat = facilitator.page.locator("#seat-list li", { hasText: "Fatou" });
    await expect.poll(() => seat.getAttribute("data-state")).toBe("on");
    expect(await seat.count()).toBe(1);
  });

  it("keeps every console readable at 1280x720 and 1920x1080", async () => {
    await shootBoth(facilitator.page, "facilitator");
    for (const { role } of PLAYERS) await shootBoth(players.get(role)!.page, `console-${role}`);
  });

  it("shows the after-action report and replays the exercise in the debrief", async () => {
    const page = facilitator.page;
    await page.click("#open-debrief");
    await page.waitForSelector(".debrief");
    await expect.poll(() => page.locator("#replay-play").isDisabled(), { timeout: 15_000 }).toBe(false);
    const report = page.frameLocator("#report-frame");
    await expect.poll(() => report.locator("#summary h2").textContent(), { timeout: 15_000 }).toBe("Summary");

    // Scrub by keyboard: at the start the exercise begins; at the end the deployed unit is out on the ground
    await page.focus("#replay-position");
    await page.keyboard.press("Home");
    await expect.poll(() => page.locator("#replay-events").textContent()).toContain("STARTEX");
    const unit = scenario.roles.find((r) => r.id === "police")!.units.find((u) => u.speed >= 5)!;
    expect(await page.locator(".map-text-list").textContent()).not.toContain(localise(unit.name, "en"));
    await page.keyboard.press("End");
    await expect.poll(() => page.locator(".map-text-list").textContent()).toContain(localise(unit.name, "en"));
    expect(await page.locator("#replay-events li").count()).toBeGreaterThan(0);
    await shootBoth(page, "debrief");
  });

  it("logged no error in any page", () => {
    // The browser reports the refused upload (400) itself; that one was expected, nothing else is.
    const expected = /^\[facilitator\] console: Failed to load resource: the server responded with a status of 400 .*\/api\/exercises\)$/;
    const errors = watched.flatMap((w) => w.errors);
    expect(errors.filter((e) => expected.test(e))).toHaveLength(1);
    expect(errors.filter((e) => !expected.test(e))).toEqual([]);
  });
});
