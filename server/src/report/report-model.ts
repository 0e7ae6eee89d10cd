/**
 * Everything a report is drawn from, gathered once: the scenario the log carries, the ScoreCard, the scored
 * events, and the words and names of the report's language. The renderers (HTML, CSV, JSON) only read it.
 */
import type { ExerciseEvent } from "../core/engine/events.ts";
import { Scenario } from "../core/scenario/schema.ts";
import type { ScoringParameters, ScoreCard } from "../core/scoring/scorecard.ts";
import { score } from "../core/scoring/score.ts";
import { formatterFor } from "./format.ts";
import type { Formatter } from "./format.ts";
import { stringsFor } from "./i18n.ts";
import type { Strings } from "./i18n.ts";
import { Names } from "./names.ts";
import { ReportInputError } from "./report-input-error.ts";

export interface ReportOptions {
  /** Report language; default the exercise's. Must be one of the scenario's languages. */
  language?: string;
  /** Exercise ms to report at (a live report); default the whole log. */
  asOf?: number;
  /** Scoring thresholds to override (what-if reports). */
  parameters?: Partial<ScoringParameters>;
}

export interface NoteItem {
  seq: number;
  x: number;
  author: string;
  authorKind: "facilitator" | "evaluator";
  text: string;
}

export interface ReportModel {
  scenario: Scenario;
  card: ScoreCard;
  /** The events scored: those with x <= card.asOf. */
  events: readonly ExerciseEvent[];
  language: string;
  strings: Strings;
  names: Names;
  format: Formatter;
  exercise: {
    id: string | null;
    seed: number | null;
    /** Wall-clock ms the exercise was created at (0 in simulations). */
    createdAt: number;
    /** The span the timeline shows: what was played if the exercise ended, else the scenario's duration (or more). */
    spanMs: number;
  };
  notes: NoteItem[];
}

export function buildReportModel(events: readonly ExerciseEvent[], options: ReportOptions = {}): ReportModel {
  const first = events[0];
  if (!first || first.type !== "exercise-created") {
    throw new ReportInputError('the log does not start with an "exercise-created" event, so it names no scenario (line 1)');
  }
  const parsed = Scenario.safeParse(first.scenario);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at scenario.${issue.path.join(".")}` : "";
    throw new ReportInputError(
      `line 1: the "exercise-created" event does not carry a valid scenario${where}: ${issue?.message ?? "invalid"}`
    );
  }
  const scenario = parsed.data;
  const language = options.language ?? first.language ?? scenario.languages[0] ?? "en";
  if (options.language !== undefined && !scenario.languages.includes(options.language)) {
    throw new ReportInputError(
      `language "${options.language}" is not one of scenario "${scenario.id}"'s languages (${scenario.languages.join(", ")})`
    );
  }
  const scoreOptions: { asOf?: number; parameters?: Partial<ScoringParameters> } = {};
  if (options.asOf !== undefined) scoreOptions.asOf = options.asOf;
  if (options.parameters !== undefined) scoreOptions.parameters = options.parameters;
  const card = score(scenario, events, scoreOptions);
  const scored = events.filter((e) => e.x <= card.asOf);
  const strings = stringsFor(language);
  const lastX = scored[scored.length - 1]?.x ?? 0;
  return {
    scenario,
    card,
    events: scored,
    language,
    strings,
    names: new Names(scenario, language, strings, scored),
    format: formatterFor(strings),
    exercise: {
      id: first.exerciseId,
      seed: first.seed,
      createdAt: first.t,
      spanMs: card.final ? Math.max(lastX, 1) : Math.max(scenario.duration * 60_000, lastX, 1)
    },
    notes: scored.flatMap((e) =>
      e.type === "note-added" ? [{ seq: e.seq, x: e.x, author: e.author, authorKind: e.authorKind, text: e.text }] : []
    )
  };
}
