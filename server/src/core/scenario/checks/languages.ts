/**
 * Every localised text has exactly the scenario's languages: a missing translation would show players an empty
 * message, and a language the scenario does not declare is most likely a typo. Texts are found through the schema,
 * so a new localised field is checked without changing this file.
 */
import { LocalisedText, Scenario } from "../schema.ts";
import type { PathProblem } from "../problem.ts";
import { findValuesOfSchema } from "../schema-walk.ts";

export function checkLanguages(s: Scenario): PathProblem[] {
  const problems: PathProblem[] = [];
  const declared = s.languages.join(", ");
  for (const { path, value } of findValuesOfSchema(Scenario, s, LocalisedText)) {
    const text = value as Record<string, string>;
    const missing = s.languages.filter((language) => !Object.hasOwn(text, language));
    if (missing.length > 0) {
      problems.push({
        path,
        message: `missing ${missing.length === 1 ? "language" : "languages"} ${missing.map((l) => `"${l}"`).join(", ")} (the scenario's languages: ${declared})`
      });
    }
    for (const language of Object.keys(text)) {
      if (!s.languages.includes(language)) {
        problems.push({
          path: [...path, language],
          atKey: true,
          message: `language "${language}" is not one of the scenario's languages (${declared})`
        });
      }
    }
  }
  return problems;
}
