/**
 * Everything placed on the map lies on the site: zone shapes, points of interest, routes, unit homes and markers.
 * A point off the map cannot be shown, reached or contained by a zone.
 */
import type { Point, Scenario } from "../schema.ts";
import type { PathProblem, PathSegment } from "../problem.ts";

export function checkSiteBounds(s: Scenario): PathProblem[] {
  const { width, height } = s.site;
  const site = `the site (x 0 to ${width}, y 0 to ${height} m)`;
  const problems: PathProblem[] = [];
  const inside = (x: number, y: number): boolean => x >= 0 && x <= width && y >= 0 && y <= height;
  const point = (p: Point, path: PathSegment[]): void => {
    if (!inside(p[0], p[1])) problems.push({ path, message: `point [${p[0]}, ${p[1]}] is outside ${site}` });
  };

  s.site.zones.forEach((zone, z) => {
    const base: PathSegment[] = ["site", "zones", z, "shape"];
    if ("rect" in zone.shape) {
      const { x, y, w, h } = zone.shape.rect;
      if (!inside(x, y) || !inside(x + w, y + h)) {
        problems.push({
          path: [...base, "rect"],
          message: `the rectangle (x ${x} to ${x + w}, y ${y} to ${y + h} m) extends outside ${site}`
        });
      }
    } else {
      zone.shape.polygon.forEach((p, k) => point(p, [...base, "polygon", k]));
    }
  });
  s.site.pois.forEach((poi, k) => point(poi.at, ["site", "pois", k, "at"]));
  s.site.routes.forEach((route, r) => route.path.forEach((p, k) => point(p, ["site", "routes", r, "path", k])));
  s.roles.forEach((role, r) => role.units.forEach((unit, u) => point(unit.home, ["roles", r, "units", u, "home"])));
  s.injects.forEach((inject, i) =>
    inject.effects?.markers.forEach((marker, m) => point(marker.at, ["injects", i, "effects", "markers", m, "at"]))
  );
  return problems;
}
