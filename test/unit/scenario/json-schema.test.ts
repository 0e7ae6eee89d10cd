/**
 * The committed JSON Schema (scenarios/scenario.schema.json) is generated from the zod schema. If this test fails,
 * run `npm run schema` and commit the result.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema, scenarioJsonSchemaText } from "../../../server/src/core/scenario/json-schema.ts";

const COMMITTED = fileURLToPath(new URL("../../../scenarios/scenario.schema.json", import.meta.url));

describe("scenario JSON Schema", () => {
  it("is up to date in scenarios/scenario.schema.json (regenerate with: npm run schema)", () => {
    expect(readFileSync(COMMITTED, "utf8")).toBe(scenarioJsonSchemaText());
  });

  it("describes what an author writes: defaulted keys are optional, required ones required", () => {
    // given the generated schema
    const schema = scenarioJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { items?: { required?: string[] } }>;
    };
    // then the scenario's required keys are those without defaults
    expect(schema.required.sort()).toEqual(["duration", "id", "injects", "languages", "phases", "roles", "site", "summary", "title"]);
    // unknown keys are refused, as by the validator
    expect(schema.additionalProperties).toBe(false);
    // and an inject's defaulted lists (needs, confirms, expectations) are not required
    expect(schema.properties.injects?.items?.required?.sort()).toEqual(["channel", "content", "id", "title", "to"]);
  });
});
