/**
 * The JSON Schema for editors, generated from the zod scenario schema so the two never disagree. It describes what
 * an author may write (zod's "input" side), so keys that have defaults are optional. Committed as
 * scenarios/scenario.schema.json; a test fails when that file is out of date.
 */
import { z } from "zod";
import { Scenario } from "./schema.ts";

export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Scenario, { io: "input" }) as Record<string, unknown>;
}

/** The file's exact text: two-space indentation and a final newline. */
export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + "\n";
}
