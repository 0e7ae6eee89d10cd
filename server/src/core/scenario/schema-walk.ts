/**
 * Walking the zod scenario schema alongside the data: which schema describes the value at a path, which keys a
 * mapping there allows, and which values are localised texts. Used to write helpful messages ("allowed keys: ...")
 * and to find every localised text without keeping a hand-written list in step with schema.ts.
 */
import { z } from "zod";
import type { Path, PathSegment } from "./problem.ts";

/** The schema inside optional/default/nullable wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else {
      return current;
    }
  }
}

/**
 * The schema for one step into a value described by `schema`. For a union of mappings, the option that has the
 * key (the options of the scenario's unions never share a distinguishing key).
 */
export function childSchema(schema: z.ZodType, segment: PathSegment): z.ZodType | undefined {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    return typeof segment === "string" && Object.hasOwn(s.shape, segment)
      ? (s.shape[segment] as z.ZodType)
      : undefined;
  }
  if (s instanceof z.ZodArray) return typeof segment === "number" ? (s.element as z.ZodType) : undefined;
  if (s instanceof z.ZodTuple) {
    const items = s.def.items as readonly z.ZodType[];
    return typeof segment === "number" ? items[segment] : undefined;
  }
  if (s instanceof z.ZodRecord) return s.valueType as z.ZodType;
  if (s instanceof z.ZodUnion) {
    for (const option of s.options as readonly z.ZodType[]) {
      const child = childSchema(option, segment);
      if (child) return child;
    }
  }
  return undefined;
}

/** The schema describing the value at `path` under `root`, if the path follows the schema. */
export function schemaAt(root: z.ZodType, path: Path): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    current = childSchema(current, segment);
  }
  return current;
}

/** The keys a mapping at this schema may have, required ones first as written in the schema. */
export function allowedKeys(schema: z.ZodType): string[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return Object.keys(s.shape);
  if (s instanceof z.ZodUnion) {
    return [...new Set((s.options as readonly z.ZodType[]).flatMap((option) => allowedKeys(option)))];
  }
  return [];
}

/** The keys a mapping at this schema must have (neither optional nor defaulted). */
export function requiredKeys(schema: z.ZodType): string[] {
  const s = unwrap(schema);
  if (!(s instanceof z.ZodObject)) return [];
  return Object.entries(s.shape as Record<string, z.ZodType>)
    .filter(([, child]) => !(child instanceof z.ZodOptional || child instanceof z.ZodDefault))
    .map(([key]) => key);
}

/** The alternatives of a union, each as the mapping schema it stands for (or undefined for non-mappings). */
export function unionOptions(schema: z.ZodType): z.ZodType[] | undefined {
  const s = unwrap(schema);
  return s instanceof z.ZodUnion ? [...(s.options as readonly z.ZodType[])] : undefined;
}

/** A short picture of a mapping schema: `{ onMissed, delay? }` (optional and defaulted keys marked with `?`). */
export function describeMappingShape(schema: z.ZodType): string {
  const s = unwrap(schema);
  if (!(s instanceof z.ZodObject)) return "a value";
  const required = new Set(requiredKeys(s));
  const keys = Object.keys(s.shape).map((key) => (required.has(key) ? key : `${key}?`));
  return `{ ${keys.join(", ")} }`;
}

/**
 * Every value in `data` that `schema` describes with `target` (compared by identity), with its path. Walks only
 * where data and schema agree, so it is safe on data that has passed the schema.
 */
export function findValuesOfSchema(
  schema: z.ZodType,
  data: unknown,
  target: z.ZodType
): { path: PathSegment[]; value: unknown }[] {
  const found: { path: PathSegment[]; value: unknown }[] = [];
  // An explicit stack rather than recursion: the scenario is shallow, but this keeps the walk obviously bounded.
  const stack: { schema: z.ZodType; data: unknown; path: PathSegment[] }[] = [{ schema, data, path: [] }];
  while (stack.length > 0) {
    const { schema: current, data: value, path } = stack.pop()!;
    if (value === undefined) continue;
    if (current === target || unwrap(current) === target) {
      found.push({ path, value });
      continue;
    }
    const children: { schema: z.ZodType; data: unknown; path: PathSegment[] }[] = [];
    const entries: [PathSegment, unknown][] = Array.isArray(value)
      ? value.map((item, index): [PathSegment, unknown] => [index, item])
      : typeof value === "object" && value !== null
        ? Object.entries(value)
        : [];
    for (const [segment, item] of entries) {
      const child = childSchema(current, segment);
      if (child) children.push({ schema: child, data: item, path: [...path, segment] });
    }
    // Pushed last-first so that they are visited, and found, in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}
