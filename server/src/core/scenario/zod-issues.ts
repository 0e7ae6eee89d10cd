/**
 * Turns zod's issues into messages a scenario author can act on: what was expected, what was found, and for enums,
 * unions and unknown keys, what is allowed. Zod's own messages ("Invalid input") say too little.
 */
import type { z } from "zod";
import type { Path, PathProblem, PathSegment } from "./problem.ts";
import { allowedKeys, describeMappingShape, requiredKeys, schemaAt, unionOptions, unwrap } from "./schema-walk.ts";

type Issue = z.core.$ZodIssue;

/** The value at `path` inside `data`, or undefined when the path leads nowhere. */
export function valueAt(data: unknown, path: Path): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

const MAX_SHOWN = 60;

/** A short, quoted picture of a value for "got ..." in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null (an empty value)";
  if (typeof value === "string") {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value instanceof Uint8Array) return "binary data";
  if (typeof value === "object") return "a mapping";
  return typeof value;
}

const EXPECTED_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a mapping",
  record: "a mapping",
  array: "a list",
  tuple: "a list",
  null: "null"
};

function expectedName(expected: string): string {
  return EXPECTED_NAMES[expected] ?? expected;
}

function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
}

function sizeMessage(issue: Extract<Issue, { code: "too_small" | "too_big" }>, value: unknown): string {
  const small = issue.code === "too_small";
  const bound = Number(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "array": {
      const count = Array.isArray(value) ? ` (has ${value.length})` : "";
      if (small) return bound === 1 ? "must not be empty" : `needs at least ${bound} items${count}`;
      return `may have at most ${bound} items${count}`;
    }
    case "string": {
      const count = typeof value === "string" ? ` (has ${value.length})` : "";
      if (small) return bound === 1 ? "must not be empty" : `needs at least ${bound} characters${count}`;
      return `may have at most ${bound} characters${count}`;
    }
    default: {
      const got = `, got ${describeValue(value)}`;
      if (small) return `${inclusive ? "must be at least" : "must be greater than"} ${bound}${got}`;
      return `${inclusive ? "must be at most" : "must be less than"} ${bound}${got}`;
    }
  }
}

/**
 * Which alternative of a union the author meant: the one whose keys the data uses most, a required key (such as
 * `onMissed` in a trigger) counting more than an optional one (such as `after`). Undefined when the data uses
 * none of them (then the message lists the alternatives).
 */
function intendedOption(options: readonly z.ZodType[], value: unknown): number | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  let best: number | undefined;
  let bestScore = 0;
  options.forEach((option, index) => {
    const required = new Set(requiredKeys(option));
    const allowed = new Set(allowedKeys(option));
    const score = keys.reduce((sum, key) => sum + (required.has(key) ? 2 : allowed.has(key) ? 1 : 0), 0);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Readable problems for zod's issues on `data`. Issue paths are relative to `base`, the place in `data` that
 * `schema` describes: the root at first, then the chosen alternative when descending into a union.
 */
export function describeIssues(
  issues: readonly Issue[],
  data: unknown,
  schema: z.ZodType,
  base: Path = []
): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const issue of issues) {
    const relative = issue.path as PathSegment[];
    const path: PathSegment[] = [...base, ...relative];
    const here = (): z.ZodType | undefined => schemaAt(schema, relative);
    const value = valueAt(data, path);
    const parent = path.length > 0 ? valueAt(data, path.slice(0, -1)) : undefined;
    const missing = value === undefined && typeof parent === "object" && parent !== null && !Array.isArray(parent);
    if (missing && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
      const wanted =
        issue.code === "invalid_value" ? `one of: ${listValues(issue.values)}` : `expected ${expectedName(issue.expected)}`;
      problems.push({ path, message: `missing required key (${wanted})` });
      continue;
    }
    switch (issue.code) {
      case "invalid_type":
        problems.push({ path, message: `expected ${expectedName(issue.expected)}, got ${describeValue(value)}` });
        break;
      case "unrecognized_keys": {
        // Zod sometimes reports a union's issue as the issue of the one alternative that nearly fits.
        const at = here();
        const options = at ? unionOptions(at) : undefined;
        const chosen = options ? intendedOption(options, value) : undefined;
        const described = options && chosen !== undefined ? options[chosen] : at;
        const allowed = described ? allowedKeys(described) : [];
        const hint = allowed.length > 0 ? ` (allowed here: ${allowed.join(", ")})` : "";
        for (const key of issue.keys) problems.push({ path: [...path, key], atKey: true, message: `unknown key "${key}"${hint}` });
        break;
      }
      case "invalid_value":
        problems.push({
          path,
          message:
            issue.values.length === 1
              ? `must be ${listValues(issue.values)}, got ${describeValue(value)}`
              : `must be one of: ${listValues(issue.values)}; got ${describeValue(value)}`
        });
        break;
      case "invalid_format": {
        const rule = issue.message.startsWith("Invalid") ? `must match the pattern ${issue.pattern ?? issue.format}` : issue.message;
        problems.push({ path, message: `${rule}; got ${describeValue(value)}` });
        break;
      }
      case "too_small":
      case "too_big":
        problems.push({ path, message: sizeMessage(issue, value) });
        break;
      case "invalid_key": {
        // The key's own issues have an empty path: describe them against the key itself.
        const reasons = describeIssues(issue.issues, path.at(-1), schema).map((p) => p.message);
        problems.push({ path, atKey: true, message: `invalid key: ${reasons.join("; ")}` });
        break;
      }
      case "invalid_union": {
        const at = here();
        const options = at ? unionOptions(at) : undefined;
        const chosen = options ? intendedOption(options, value) : undefined;
        const branch = chosen === undefined ? undefined : issue.errors[chosen];
        if (branch && chosen !== undefined) {
          problems.push(...describeIssues(branch, data, options![chosen]!, path));
        } else {
          const forms = options ? options.map((o) => describeMappingShape(unwrap(o))).join(" | ") : "one of the allowed forms";
          const found =
            typeof value === "object" && value !== null && !Array.isArray(value)
              ? `found keys: ${Object.keys(value).join(", ") || "none"}`
              : `got ${describeValue(value)}`;
          problems.push({ path, message: missing ? `missing required key (one of: ${forms})` : `must be one of: ${forms}; ${found}` });
        }
        break;
      }
      case "not_multiple_of":
        problems.push({ path, message: `must be a multiple of ${String(issue.divisor)}, got ${describeValue(value)}` });
        break;
      default:
        problems.push({ path, message: issue.message });
    }
  }
  return problems;
}
