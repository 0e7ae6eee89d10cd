/**
 * The simulated teams a facilitator can test a scenario with, and that scoring is checked against.
 */
export type TeamKind = "cooperative" | "siloed" | "slow";

export const TEAM_KINDS: readonly TeamKind[] = ["cooperative", "siloed", "slow"];

export interface TeamProfile {
  kind: TeamKind;
  /** Multiplies every reaction time: 1 acts on time, 3 acts at a third of the speed. */
  slowness: number;
  /** Relays what other roles need, sends METHANE to every service, invites partners to joint decisions. */
  shares: boolean;
  /** A second role does the same task too, with no word between them. */
  duplicates: boolean;
  /** Drops a planned action when someone already met its expectation. */
  checksBoard: boolean;
}

export const TEAMS: Record<TeamKind, TeamProfile> = {
  cooperative: { kind: "cooperative", slowness: 1, shares: true, duplicates: false, checksBoard: true },
  siloed: { kind: "siloed", slowness: 1, shares: false, duplicates: true, checksBoard: false },
  slow: { kind: "slow", slowness: 3, shares: true, duplicates: false, checksBoard: true }
};
