/**
 * The thresholds scoring uses where a scenario gives none. They are echoed in every ScoreCard (`parameters`) so
 * that the after-action report can show what "on time" meant for acknowledgements, relays and joint decisions.
 */
import type { ScoringParameters } from "./scorecard.ts";

const MINUTE = 60_000;

export const DEFAULT_PARAMETERS: ScoringParameters = {
  // An inject read out on a radio net is acknowledged at once in the field; at a tabletop, two minutes to read it.
  ackTargetMs: 2 * MINUTE,
  ackDeadlineMs: 10 * MINUTE,
  // Inquiries repeatedly fault declarations and situation reports not passed between services: within minutes.
  relayTargetMs: 5 * MINUTE,
  relayDeadlineMs: 15 * MINUTE,
  // One turn of the Joint Decision Model among co-located commanders.
  jointTargetMs: 10 * MINUTE,
  jointDeadlineMs: 30 * MINUTE,
  contradictionWindowMs: 10 * MINUTE,
  opposingTopics: [["all-clear", "run-hide-tell"]],
  supportCredit: 0.5,
  speedWeights: { expectations: 0.75, acknowledgements: 0.25 },
  coordinationWeights: { relays: 0.3, network: 0.2, decisions: 0.15, methane: 0.15, publicMessages: 0.2 },
  divisionWeights: { ownership: 0.3, gaps: 0.3, duplication: 0.15, balance: 0.1, specialisation: 0.15 }
};
