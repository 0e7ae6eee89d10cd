/**
 * Hand-building scenarios and event logs for scoring tests: a scenario parsed with the real schema (so defaults
 * apply), and a log builder that stamps seq and exercise time (given in minutes) the way the engine does.
 */
import type { EventBody, ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import { Scenario } from "../../../server/src/core/scenario/schema.ts";

export const MIN = 60_000;

const t = (en: string) => ({ en });

type InjectInput = Record<string, unknown> & { id: string; to: string[] };

/** A one-zone-per-name scenario with the given roles (kind police unless named otherwise) and injects. */
export function buildScenario(input: {
  id?: string;
  roles: { id: string; units?: { id: string; type: string }[] }[];
  zones?: string[];
  roads?: string[];
  phases?: { id: string; start: number }[];
  injects: InjectInput[];
  scoring?: { speed: number; coordination: number; division: number };
}): Scenario {
  const zones = input.zones ?? ["market"];
  return Scenario.parse({
    id: input.id ?? "golden",
    title: t("Golden"),
    summary: t("Hand-built scenario for scoring tests"),
    languages: ["en"],
    duration: 120,
    site: {
      name: t("Site"),
      width: 1000,
      height: 1000,
      zones: zones.map((id, i) => ({ id, name: t(id), kind: "square", shape: { rect: { x: i * 100, y: 0, w: 90, h: 90 } } })),
      routes: (input.roads ?? []).map((id) => ({ id, name: t(id), kind: "road", path: [[0, 500], [1000, 500]] }))
    },
    roles: input.roles.map((r) => ({
      id: r.id,
      kind: "other",
      name: t(r.id),
      units: (r.units ?? []).map((u) => ({ id: u.id, type: u.type, home: [500, 900], speed: 10 }))
    })),
    phases: (input.phases ?? [{ id: "response", start: 0 }]).map((p) => ({ id: p.id, title: t(p.id), start: p.start })),
    injects: input.injects.map((i) => ({ channel: "radio", title: t(i.id), content: t(i.id), ...i })),
    ...(input.scoring ? { scoring: input.scoring } : {})
  });
}

/** Appends events in order; times are minutes of exercise time. Starts with exercise-created at 0. */
export class LogBuilder {
  readonly events: ExerciseEvent[] = [];

  constructor(scenario: Scenario, language = "en") {
    this.add(0, { type: "exercise-created", exerciseId: "ex-1", scenarioId: scenario.id, scenario, language, seed: 1 });
  }

  /** Adds one event at `minutes` and returns its seq. */
  add(minutes: number, body: EventBody): number {
    const seq = this.events.length + 1;
    this.events.push({ ...body, seq, t: 1_700_000_000_000 + minutes * MIN, x: minutes * MIN } as ExerciseEvent);
    return seq;
  }

  release(minutes: number, inject: string, to: string[]): number {
    return this.add(minutes, { type: "inject-released", inject, to, cause: "time" });
  }

  ack(minutes: number, role: string, item: string): number {
    return this.add(minutes, { type: "acknowledged", role, by: `${role}-player`, item });
  }

  share(minutes: number, role: string, to: string[], about?: string): number {
    return this.add(minutes, { type: "info-shared", id: `m${this.events.length + 1}`, role, by: `${role}-player`, to, text: "info", ...(about ? { about } : {}) });
  }

  /** An action event and, when it met one, the engine's expectation-met right after it. Returns the action's seq. */
  act(minutes: number, body: EventBody, met?: { expectation: string; inject: string }): number {
    const seq = this.add(minutes, body);
    if (met) {
      const role = (body as { role: string }).role;
      this.add(minutes, { type: "expectation-met", expectation: met.expectation, inject: met.inject, role, action: seq });
    }
    return seq;
  }

  missed(minutes: number, expectation: string, inject: string): number {
    return this.add(minutes, { type: "expectation-missed", expectation, inject });
  }
}
