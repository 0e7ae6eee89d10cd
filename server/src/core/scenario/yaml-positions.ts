/**
 * From a path in the data (`injects[3].trigger.onMissed`) back to the YAML node it came from, so a problem found
 * in the data can be reported at a line and column of the source.
 */
import type { Document, LineCounter, Node } from "yaml";
import { isAlias, isMap, isScalar, isSeq } from "yaml";
import type { Path } from "./problem.ts";

export interface Position {
  line: number;
  column: number;
}

function startOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/**
 * The character offset of the node at `path`: the value's node, or with `atKey` the mapping key itself. Where the
 * path leaves the document (a missing key, a default the author did not write), the deepest node that exists: for
 * a missing key that is the mapping that lacks it. Through an alias, the alias is reported, since that is where the
 * aliased data is used.
 */
export function offsetOfPath(doc: Document.Parsed, path: Path, atKey = false): number {
  let node: unknown = doc.contents;
  let offset = startOf(doc.contents) ?? 0;
  let viaAlias = false;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isAlias(node)) {
      if (!viaAlias) offset = startOf(node) ?? offset;
      viaAlias = true;
      node = node.resolve(doc);
    }
    let next: unknown;
    let keyNode: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      next = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      next = node.items[segment];
      if (next === undefined) break;
    } else {
      break;
    }
    node = next;
    if (viaAlias) continue;
    const isLast = i === path.length - 1;
    // An empty value (`key:` with nothing after it) has no text of its own: point at its key.
    const emptyValue = isScalar(next) && next.value === null && next.range?.[0] === next.range?.[1];
    const useKey = keyNode !== undefined && ((isLast && atKey) || next === null || emptyValue);
    offset = (useKey ? startOf(keyNode) : startOf(next as Node)) ?? offset;
  }
  return offset;
}

export function positionOfOffset(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export function positionOfPath(doc: Document.Parsed, lineCounter: LineCounter, path: Path, atKey = false): Position {
  return positionOfOffset(lineCounter, offsetOfPath(doc, path, atKey));
}
