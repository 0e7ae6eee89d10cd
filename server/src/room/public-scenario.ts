/**
 * The part of a scenario every seat may know before anything happens: the map, the roles and their units, the
 * phases. Texts are resolved in the exercise language. Injects, expectations, triggers and branches stay on the
 * server — a player must not read what is coming.
 */
import type { Point, Scenario, Shape } from "../core/scenario/schema.ts";
import { localise } from "../core/scenario/localise.ts";

export interface PublicScenario {
  id: string;
  title: string;
  summary: string;
  language: string;
  languages: string[];
  /** Minutes. */
  duration: number;
  site: {
    name: string;
    width: number;
    height: number;
    zones: { id: string; name: string; kind: string; shape: Shape }[];
    pois: { id: string; name: string; kind: string; at: Point }[];
    routes: { id: string; name: string; kind: string; path: Point[] }[];
  };
  roles: { id: string; kind: string; name: string; units: { id: string; type: string; name: string; home: Point; speed: number }[] }[];
  phases: { id: string; title: string; start: number; questions: string[] }[];
}

export function publicScenario(scenario: Scenario, language: string): PublicScenario {
  const l = (text: Parameters<typeof localise>[0]) => localise(text, language);
  return {
    id: scenario.id,
    title: l(scenario.title),
    summary: l(scenario.summary),
    language,
    languages: [...scenario.languages],
    duration: scenario.duration,
    site: {
      name: l(scenario.site.name),
      width: scenario.site.width,
      height: scenario.site.height,
      zones: scenario.site.zones.map((z) => ({ id: z.id, name: l(z.name), kind: z.kind, shape: z.shape })),
      pois: scenario.site.pois.map((p) => ({ id: p.id, name: l(p.name), kind: p.kind, at: p.at })),
      routes: scenario.site.routes.map((r) => ({ id: r.id, name: l(r.name), kind: r.kind, path: r.path }))
    },
    roles: scenario.roles.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: l(r.name),
      units: r.units.map((u) => ({ id: u.id, type: u.type, name: u.name ? l(u.name) : u.id, home: u.home, speed: u.speed }))
    })),
    phases: scenario.phases.map((p) => ({ id: p.id, title: l(p.title), start: p.start, questions: p.questions.map(l) }))
  };
}
