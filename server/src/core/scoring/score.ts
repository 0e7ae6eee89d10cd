/**
 * Scoring's entry point: `score(scenario, events, { asOf })` → ScoreCard. Pure and deterministic: the same scenario
 * and events always give the same card. Live, pass the log so far (and optionally `asOf`, the exercise ms to judge
 * at); at the end, the whole log.
 *
 * Cost: one pass over the events (log-facts.ts), then work proportional to the items found (releases, actions,
 * expectations) and to roles² for the network; no step looks at pairs of events.
 */
import type { ExerciseEvent } from "../engine/events.ts";
import type { Scenario } from "../scenario/schema.ts";
import { breakdowns } from "./breakdown.ts";
import { coordinationMeasures, decisionOutcomes, publicMessageOutcomes, relayOutcomes } from "./coordination.ts";
import { divisionMeasures } from "./division.ts";
import { refTo } from "./event-ref.ts";
import { deriveFindings } from "./findings.ts";
import { collectFacts, resolveAsOf, type LogFacts } from "./log-facts.ts";
import { measureNetwork } from "./network.ts";
import { DEFAULT_PARAMETERS } from "./parameters.ts";
import { indexScenario, type ScenarioIndex } from "./scenario-index.ts";
import { ScoringInputError } from "./scoring-input-error.ts";
import type { AckOutcome, EventRef, ExpectationOutcome, ScoreCard, ScoringParameters } from "./scorecard.ts";
import { acknowledgementOutcomes, expectationOutcomes, latencyStats } from "./speed.ts";
import { roundOrNull } from "./stats.ts";
import { scoresOf, Tallies } from "./tally.ts";

export interface ScoreOptions {
  /** Exercise ms to score at (events after it are ignored); default the last event's x. */
  asOf?: number;
  /** Override some thresholds (mainly for tests and what-if analyses); defaults in parameters.ts. */
  parameters?: Partial<ScoringParameters>;
}

export function score(scenario: Scenario, events: readonly ExerciseEvent[], options: ScoreOptions = {}): ScoreCard {
  if (!Array.isArray(events)) throw new ScoringInputError("events must be an array of exercise events");
  const index = indexScenario(scenario);
  const params: ScoringParameters = { ...DEFAULT_PARAMETERS, ...options.parameters };
  const weights = {
    speed: scenario.scoring?.speed ?? 1,
    coordination: scenario.scoring?.coordination ?? 1,
    division: scenario.scoring?.division ?? 1
  };
  const asOf = resolveAsOf(events, options.asOf);
  const facts = collectFacts(index, events, asOf, params);
  const tallies = new Tallies();

  // Speed.
  const acknowledgements = acknowledgementOutcomes(index, facts, params, tallies);
  const expectations = expectationOutcomes(index, facts, params, tallies);

  // Coordination.
  const network = measureNetwork(index.roles, facts.messages);
  const relays = relayOutcomes(index, facts, params, tallies);
  const decisions = decisionOutcomes(facts, params, tallies);
  const publicMessages = publicMessageOutcomes(facts, tallies);
  const coordination = coordinationMeasures(
    index,
    facts,
    network,
    expectations,
    relays,
    decisions,
    publicMessages,
    params,
    tallies
  );

  // Division.
  const division = divisionMeasures(index, facts, expectations, tallies);

  const team = scoresOf(tallies.team, params, weights);
  const c = team.components;
  const round4 = <T extends Record<string, number | null>>(o: T): T =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, roundOrNull(v, 4)])) as T;

  const { acksOf, expectationsOf } = byRole(index, acknowledgements, expectations);
  const card: ScoreCard = {
    version: 1,
    scenarioId: scenario.id,
    exerciseId: facts.exerciseId,
    language: facts.language ?? scenario.languages[0] ?? "en",
    asOf,
    final: facts.final,
    eventCount: facts.eventCount,
    weights,
    parameters: structuredClone(params),
    overall: team.overall,
    dimensions: { speed: team.speed, coordination: team.coordination, division: team.division },
    speed: {
      score: team.speed,
      components: round4(c.speed),
      acknowledgements,
      expectations,
      overall: latencyStats(acknowledgements, expectations, team.speed),
      byRole: index.roles.map((role, i) => ({
        role,
        ...latencyStats(acksOf[i]!, expectationsOf[i]!, scoresOf(tallies.role(role), params, weights).speed)
      }))
    },
    coordination: { score: team.coordination, components: round4(c.coordination), ...coordination },
    division: { score: team.division, components: round4(c.division), ...division },
    breakdown: breakdowns(index, tallies, params, weights),
    findings: deriveFindings({
      roles: index.roles,
      expectations,
      acknowledgements,
      coordination,
      division,
      firstActions: firstActionsByRole(index.roles, facts.actions),
      firstRelease: facts.releases.find((r) => !r.live)?.ref ?? null
    })
  };
  return card;
}

/**
 * Acknowledgements by recipient and expectations by lead, per role index, in one pass each (rather than
 * filtering the whole lists once per role). Items naming a role outside the scenario belong to no role.
 */
function byRole(
  index: ScenarioIndex,
  acknowledgements: readonly AckOutcome[],
  expectations: readonly ExpectationOutcome[]
): { acksOf: AckOutcome[][]; expectationsOf: ExpectationOutcome[][] } {
  const acksOf = index.roles.map((): AckOutcome[] => []);
  const expectationsOf = index.roles.map((): ExpectationOutcome[] => []);
  for (let i = 0; i < acknowledgements.length; i++) {
    const a = acknowledgements[i]!;
    const r = index.roleIndex.get(a.role);
    if (r !== undefined) acksOf[r]!.push(a);
  }
  for (let i = 0; i < expectations.length; i++) {
    const e = expectations[i]!;
    const r = index.roleIndex.get(e.lead);
    if (r !== undefined) expectationsOf[r]!.push(e);
  }
  return { acksOf, expectationsOf };
}

/** Up to five first actions of each role: evidence for findings about a role. */
function firstActionsByRole(roles: readonly string[], actions: LogFacts["actions"]): Map<string, EventRef[]> {
  const lists = roles.map((): EventRef[] => []);
  let full = 0;
  for (const action of actions) {
    const list = lists[action.role]!;
    if (list.length >= 5) continue;
    list.push(refTo(action.event, roles[action.role]));
    if (list.length === 5 && ++full === roles.length) break;
  }
  return new Map(roles.map((role, i) => [role, lists[i]!]));
}

/** Scores a whole log on its own: the scenario is the one its `exercise-created` event carries. */
export function scoreLog(events: readonly ExerciseEvent[], options: ScoreOptions = {}): ScoreCard {
  const first = events[0];
  if (!first || first.type !== "exercise-created") {
    throw new ScoringInputError('a log starts with an "exercise-created" event carrying its scenario');
  }
  return score(first.scenario, events, options);
}
