/**
 * Reading the YAML (or JSON) text of a scenario into plain data, safely: refusing hostile input with a located
 * message, reporting every syntax error, duplicate key and odd key with its line and column, and keeping the parsed
 * document so that later problems can be located too.
 */
import type { Document, Node } from "yaml";
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Path, PathSegment } from "./problem.ts";
import { formatPath } from "./problem.ts";
import { checkCharacters, checkNesting, checkSize } from "./source-guards.ts";
import type { Position } from "./yaml-positions.ts";
import { positionOfOffset, positionOfPath } from "./yaml-positions.ts";

/** Aliases are fine for sharing a block of data; more expansions than this look like a "billion laughs" attack. */
export const MAX_ALIAS_COUNT = 100;

/** After this many syntax errors the rest are summarised: one mistake often cascades into hundreds. */
export const MAX_SYNTAX_ERRORS = 20;

export interface LocatedMessage extends Position {
  /** Where in the data, when known (e.g. the duplicated key); "" for problems with the text as a whole. */
  path: string;
  message: string;
}

export interface YamlSource {
  /** The document as plain data; absent when the text could not be read as one well-formed YAML document. */
  data?: unknown;
  /** Problems with the text itself: syntax, duplicate keys, resource limits. */
  problems: LocatedMessage[];
  /** Line and column of the node at `path` (see offsetOfPath). */
  locate(path: Path, atKey?: boolean): Position;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Keys must be plain scalars and appear once per mapping. Checked here, in one pass with a set per mapping, rather
 * by the parser's `uniqueKeys`, which compares every key with every other and takes minutes on a hostile file.
 */
function checkKeys(
  doc: Document.Parsed,
  at: (offset: number) => Position
): { problems: LocatedMessage[]; complexKeys: boolean; firstAlias?: number } {
  const problems: LocatedMessage[] = [];
  let firstAlias: number | undefined;
  let complexKeys = false;
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isAlias(node)) {
      const start = node.range?.[0];
      if (start !== undefined && (firstAlias === undefined || start < firstAlias)) firstAlias = start;
    } else if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const start = key?.range?.[0] ?? node.range?.[0] ?? 0;
        if (!isScalar(key)) {
          problems.push({ ...at(start), path: formatPath(path), message: "a mapping key must be plain text, not a list, mapping or alias" });
          complexKeys = true;
          continue;
        }
        const name = String(key.value);
        const first = seen.get(name);
        if (first === undefined) seen.set(name, start);
        else problems.push({ ...at(start), path: formatPath([...path, name]), message: `duplicate key "${name}" (first at line ${at(first).line})` });
        stack.push({ node: pair.value, path: [...path, name] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
    }
  }
  return { problems, complexKeys, ...(firstAlias === undefined ? {} : { firstAlias }) };
}

export function readYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => positionOfOffset(lineCounter, offset);
  const noPosition: YamlSource["locate"] = () => ({ line: 1, column: 1 });

  // Refused before parsing; positions come from a line count of the text up to the offset.
  const refused = checkSize(text) ?? checkCharacters(text) ?? checkNesting(text);
  if (refused) {
    const before = text.slice(0, refused.offset);
    const line = before.split("\n").length;
    const column = refused.offset - (before.lastIndexOf("\n") + 1) + 1;
    return { problems: [{ line, column, path: "", message: refused.message }], locate: noPosition };
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    // The guards above should make this unreachable; never let a parser failure escape as a crash.
    return { problems: [{ line: 1, column: 1, path: "", message: `could not read the YAML: ${String(error)}` }], locate: noPosition };
  }
  const locate: YamlSource["locate"] = (path, atKey) => positionOfPath(doc, lineCounter, path, atKey);

  const problems: LocatedMessage[] = [];
  const syntax = [...doc.errors, ...doc.warnings];
  for (const error of syntax.slice(0, MAX_SYNTAX_ERRORS)) {
    const message =
      error.code === "MULTIPLE_DOCS"
        ? "a scenario file holds exactly one YAML document, but a second one starts here (after ---)"
        : `YAML ${error.name === "YAMLWarning" ? "warning" : "syntax error"}: ${firstLine(error.message)}`;
    problems.push({ ...at(error.pos[0]), path: "", message });
  }
  if (syntax.length > MAX_SYNTAX_ERRORS) {
    const last = syntax[MAX_SYNTAX_ERRORS]!;
    problems.push({ ...at(last.pos[0]), path: "", message: `and ${syntax.length - MAX_SYNTAX_ERRORS} more YAML problems` });
  }
  if (doc.errors.length > 0) return { problems, locate };

  if (doc.contents === null) {
    problems.push({ line: 1, column: 1, path: "", message: "the file is empty: expected a scenario (a YAML mapping)" });
    return { problems, locate };
  }

  const keys = checkKeys(doc, at);
  problems.push(...keys.problems);
  // Converting a list or mapping used as a key would only stringify it (with a warning on the console).
  if (keys.complexKeys) return { problems, locate };

  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { data, problems, locate };
  } catch (error) {
    const where = keys.firstAlias === undefined ? { line: 1, column: 1 } : at(keys.firstAlias);
    const reason = error instanceof Error ? error.message : String(error);
    const message = /excessive alias count/i.test(reason)
      ? `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} alias expansions): refused as a possible "billion laughs" attack`
      : `could not resolve the YAML: ${reason}`;
    problems.push({ ...where, path: "", message });
    return { problems, locate };
  }
}
