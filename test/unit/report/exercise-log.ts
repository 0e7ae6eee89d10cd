/**
 * A short exercise of the tiny scenario played through the real engine for report tests: relays, deployments, a
 * cordon, a live inject from the facilitator, a joint decision, two public messages on the same topic (a duplicate and a contradiction), an inject
 * nobody acknowledges, facilitator and evaluator notes — and hostile text in player messages, notes and names
 * to prove the report escapes everything.
 */
import type { Actor } from "../../../server/src/core/engine/actor.ts";
import type { CommandBody } from "../../../server/src/core/engine/commands.ts";
import type { ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import { ExerciseRunner } from "../../../server/src/core/engine/runner.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";

const MIN = 60_000;

/** Markup a player might type; if it ever reached the page unescaped it would run or load something. */
export const HOSTILE_SHARE = `Van in the square <script>window.__xss = 1</script>`;
export const HOSTILE_PUBLIC = `Stay away "><img src=x onerror="window.__xss = 2"> from the square`;
export const HOSTILE_NOTE = `Liaison arrived <b>late</b> & left "early"`;
export const HOSTILE_DECISION = `Evacuate the hall </td><script>window.__xss = 3</script>`;
export const HOSTILE_EVALUATOR = `Eva <img src=x onerror="window.__xss = 4">`;
export const HOSTILE_LIVE_TITLE = `Caller <svg onload="window.__xss = 5"> reports smoke`;

const player = (role: string): Actor => ({ kind: "player", role, name: `${role}-player` });

export function reportDrill(language: "en" | "fr" = "en", options: { end?: boolean } = {}): ExerciseEvent[] {
  const { runner, events } = ExerciseRunner.create({
    exerciseId: "drill-1",
    scenario: tinyScenario,
    language,
    seed: 7,
    wallMs: 0
  });
  const log = [...events];
  const at = (minutes: number, actor: Actor, body: CommandBody): void => {
    const result = runner.handle({ ...body, actor, wallMs: Math.round(minutes * MIN) } as Parameters<ExerciseRunner["handle"]>[0]);
    if (!result.ok) throw new Error(`drill command ${body.type} at ${minutes} min rejected: ${result.reason}`);
    log.push(...result.events);
  };
  const facilitator: Actor = { kind: "facilitator" };

  at(0, facilitator, { type: "start" });
  at(2.5, player("police"), { type: "acknowledge", item: "impact" });
  at(3, player("police"), { type: "share", to: ["fire-ems"], text: HOSTILE_SHARE, about: "impact" });
  at(4, player("police"), { type: "deploy", unit: "p1", to: [150, 150] });
  at(6, player("municipality"), { type: "set-cordon", zone: "square", level: "warm" });
  at(7.5, facilitator, { type: "live-inject", to: ["police"], channel: "phone", title: HOSTILE_LIVE_TITLE, text: "Smoke seen" });
  at(7.75, player("police"), { type: "acknowledge", item: liveInjectId(log) });
  at(8, facilitator, { type: "add-note", text: HOSTILE_NOTE });
  at(8.5, { kind: "evaluator", name: HOSTILE_EVALUATOR }, { type: "add-note", text: "Good use of the RVP" });
  at(9, player("fire-ems"), { type: "deploy", unit: "a1", to: [160, 160] });
  at(10.5, player("municipality"), { type: "log-decision", text: HOSTILE_DECISION, rationale: "crowd", topic: "evacuate-hall", with: ["police"] });
  at(11, player("police"), { type: "agree-decision", decision: decisionId(log) });
  at(11.5, player("municipality"), { type: "evacuate", zone: "hall" });
  at(12, player("communication"), { type: "publish", channel: "social-media", text: HOSTILE_PUBLIC, topic: "holding-statement" });
  at(12.5, player("police"), { type: "publish", channel: "press", text: "Police statement", topic: "holding-statement" });
  if (options.end !== false) at(20, facilitator, { type: "end" });
  return log;
}

function liveInjectId(log: readonly ExerciseEvent[]): string {
  const live = log.find((e) => e.type === "live-inject");
  if (!live || live.type !== "live-inject") throw new Error("no live inject");
  return live.id;
}

function decisionId(log: readonly ExerciseEvent[]): string {
  const logged = log.find((e) => e.type === "decision-logged");
  if (!logged || logged.type !== "decision-logged") throw new Error("no decision logged");
  return logged.id;
}
