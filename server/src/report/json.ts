/** The JSON report is the ScoreCard itself, pretty-printed: every number with the events behind it. */
import type { ScoreCard } from "../core/scoring/scorecard.ts";

export function renderJson(card: ScoreCard): string {
  return JSON.stringify(card, null, 2) + "\n";
}
