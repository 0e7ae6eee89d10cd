/**
 * Helpers for scenario validation tests: the minimal fixture's text, exact one-place edits of it, and the line and
 * column of a snippet, so an expected position is read from the very text under test.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseScenarioText } from "../../../server/src/core/scenario/validate.ts";
import type { Problem } from "../../../server/src/core/scenario/validate.ts";

export const MINIMAL_FILE = fileURLToPath(new URL("../../fixtures/scenarios/minimal.yaml", import.meta.url));
export const MINIMAL_TEXT = readFileSync(MINIMAL_FILE, "utf8");

/** The text with `from` replaced by `to`; `from` must occur exactly once, so an edit never lands somewhere else. */
export function edit(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected exactly one occurrence of ${JSON.stringify(from)}, found ${count}`);
  return text.replace(from, () => to);
}

/** The minimal fixture with several edits applied in order. */
export function minimalWith(...edits: [from: string, to: string][]): string {
  return edits.reduce((text, [from, to]) => edit(text, from, to), MINIMAL_TEXT);
}

/**
 * 1-based line and column of `target` in `text`. With `after`, of the first `target` following `after` (both
 * must be found, `after` exactly once).
 */
export function positionOf(text: string, target: string, after?: string): { line: number; column: number } {
  let from = 0;
  if (after !== undefined) {
    if (text.split(after).length !== 2) throw new Error(`expected exactly one ${JSON.stringify(after)}`);
    from = text.indexOf(after);
  }
  const offset = text.indexOf(target, from);
  if (offset < 0) throw new Error(`${JSON.stringify(target)} not found`);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

export function problemsOf(text: string, file = "test.yaml"): Problem[] {
  return parseScenarioText(text, file).problems;
}

/** Problems reduced to where they are, for exact comparison; messages are checked separately. */
export function places(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.line}:${p.column} ${p.path}`);
}
