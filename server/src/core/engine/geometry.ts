/** Plane geometry on the site map (metres). */
import type { Point, Shape } from "../scenario/schema.ts";

export function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function shapePolygon(shape: Shape): Point[] {
  if ("rect" in shape) {
    const { x, y, w, h } = shape.rect;
    return [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h]
    ];
  }
  return shape.polygon;
}

/** Even-odd ray casting; points on the boundary of a rectangle count as inside. */
export function containsPoint(shape: Shape, p: Point): boolean {
  if ("rect" in shape) {
    const { x, y, w, h } = shape.rect;
    return p[0] >= x && p[0] <= x + w && p[1] >= y && p[1] <= y + h;
  }
  const poly = shape.polygon;
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The vertex average: a point inside every convex zone, good enough to send a unit "to the zone". */
export function shapeCentre(shape: Shape): Point {
  if ("rect" in shape) return [shape.rect.x + shape.rect.w / 2, shape.rect.y + shape.rect.h / 2];
  let sx = 0;
  let sy = 0;
  for (const [x, y] of shape.polygon) {
    sx += x;
    sy += y;
  }
  return [sx / shape.polygon.length, sy / shape.polygon.length];
}

/** Shoelace area in square metres. */
export function shapeArea(shape: Shape): number {
  if ("rect" in shape) return shape.rect.w * shape.rect.h;
  const poly = shape.polygon;
  let sum = 0;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    sum += (poly[j]![0] + poly[i]![0]) * (poly[j]![1] - poly[i]![1]);
  }
  return Math.abs(sum) / 2;
}

export function interpolate(from: Point, to: Point, fraction: number): Point {
  const f = fraction <= 0 ? 0 : fraction >= 1 ? 1 : fraction;
  return [from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f];
}
