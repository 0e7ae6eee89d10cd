/**
 * A problem found in a scenario, located both in the data (a path such as `injects[3].trigger.onMissed`) and in
 * the source text (line and column of the offending YAML node, 1-based), so an author can jump straight to it.
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Where in the scenario, e.g. `injects[3].trigger.onMissed`; "" for the document as a whole. */
  path: string;
  message: string;
}

/** One step into the data: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A problem found before positions are known: where in the data, and what is wrong. */
export interface PathProblem {
  path: Path;
  message: string;
  /** Point at the mapping key itself rather than at its value (used for unknown and duplicate keys). */
  atKey?: boolean;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `["injects", 3, "trigger", "onMissed"]` → `injects[3].trigger.onMissed`; odd keys are quoted: `a["b c"]`. */
export function formatPath(path: Path): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `file:line:column: path: message`; a problem with the whole document shows `(root)` as its path. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.path === "" ? "(root)" : p.path}: ${p.message}`;
}

/** Sorts problems by where they are in the file, keeping the order they were found in for equal positions. */
export function byPosition(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column;
}
