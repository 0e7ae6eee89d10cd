/**
 * Breakdowns: the dimension scores of each role, phase and JESIP principle, from their tallies (see GroupScore in
 * scorecard.ts for what each group holds).
 */
import type { ScenarioIndex } from "./scenario-index.ts";
import type { GroupScore, ScoreCard, ScoringParameters } from "./scorecard.ts";
import { emptyTally, scoresOf, type Tallies, type Tally } from "./tally.ts";

export function breakdowns(
  index: ScenarioIndex,
  tallies: Tallies,
  params: ScoringParameters,
  weights: ScoreCard["weights"]
): ScoreCard["breakdown"] {
  const group = (key: string, tally: Tally | undefined): GroupScore => {
    const t = tally ?? emptyTally();
    const { speed, coordination, division, overall } = scoresOf(t, params, weights);
    return { key, overall, speed, coordination, division, counts: { ...t.counts } };
  };
  // Phases named by events but not by the scenario (should not happen) are listed after the scenario's.
  const phases = [...index.phaseIds, ...[...tallies.byPhase.keys()].filter((p) => !index.phaseIds.includes(p)).sort()];
  return {
    byRole: index.roles.map((role) => group(role, tallies.byRole.get(role))),
    byPhase: phases.map((phase) => group(phase, tallies.byPhase.get(phase))),
    byJesip: index.jesipUsed.map((principle) => group(principle, tallies.byJesip.get(principle)))
  };
}
