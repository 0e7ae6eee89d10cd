/**
 * Scenario validation: YAML or JSON text (or an already-parsed object, e.g. a JSON upload) in, either the scenario
 * with its defaults applied or every problem found, each located by path and by line and column. Pure: no I/O.
 *
 * Three stages, each only when the previous one succeeded: reading the text (syntax, hostile input), the schema
 * (types, required and unknown keys), then the semantic checks (references, timing, achievability, geometry).
 */
import { Scenario } from "./schema.ts";
import type { Path, PathProblem, Problem } from "./problem.ts";
import { byPosition, formatPath } from "./problem.ts";
import { checkScenario } from "./semantic-checks.ts";
import type { Position } from "./yaml-positions.ts";
import { readYamlSource } from "./yaml-source.ts";
import { describeIssues, describeValue } from "./zod-issues.ts";

export type { Problem } from "./problem.ts";
export { formatPath, formatProblem } from "./problem.ts";
export { MAX_NESTING, MAX_SCENARIO_BYTES } from "./source-guards.ts";
export { MAX_ALIAS_COUNT } from "./yaml-source.ts";

export interface ValidationResult {
  /** Present only when there are no problems. */
  scenario?: Scenario;
  problems: Problem[];
}

type Locate = (path: Path, atKey?: boolean) => Position;

const NO_SOURCE: Locate = () => ({ line: 1, column: 1 });

function validateData(value: unknown, file: string, locate: Locate): ValidationResult {
  const located = (problems: readonly PathProblem[]): Problem[] =>
    problems.map((p) => ({ file, ...locate(p.path, p.atKey), path: formatPath(p.path), message: p.message }));

  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const problems = located([{ path: [], message: `a scenario must be a mapping of keys to values, got ${describeValue(value)}` }]);
    return { problems };
  }
  const parsed = Scenario.safeParse(value);
  if (!parsed.success) return { problems: located(describeIssues(parsed.error.issues, value, Scenario)).sort(byPosition) };

  const problems = located(checkScenario(parsed.data)).sort(byPosition);
  return problems.length > 0 ? { problems } : { scenario: parsed.data, problems };
}

/** Semantic and structural checks on an already-parsed object (a JSON upload); positions are 1:1. */
export function validateScenarioObject(value: unknown, file: string): ValidationResult {
  return validateData(value, file, NO_SOURCE);
}

/** YAML or JSON text -> the scenario with defaults applied, or every problem found (structural and semantic). */
export function parseScenarioText(text: string, file: string): ValidationResult {
  const source = readYamlSource(text);
  const sourceProblems: Problem[] = source.problems.map((p) => ({ file, ...p }));
  if (source.data === undefined) return { problems: sourceProblems };
  const result = validateData(source.data, file, source.locate);
  if (sourceProblems.length === 0) return result;
  // Problems with the text (e.g. a duplicate key) make the file invalid even if the data it resolves to is fine.
  return { problems: [...sourceProblems, ...result.problems].sort(byPosition) };
}
