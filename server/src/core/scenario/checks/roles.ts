/** No single agency can protect a public space alone: every scenario is played by the four core services. */
import type { Scenario } from "../schema.ts";
import { CORE_ROLE_KINDS } from "../schema.ts";
import type { PathProblem } from "../problem.ts";

export function checkCoreRoles(s: Scenario): PathProblem[] {
  const kinds = new Set(s.roles.map((r) => r.kind));
  return CORE_ROLE_KINDS.filter((kind) => !kinds.has(kind)).map((kind) => ({
    path: ["roles"],
    message: `no role of kind "${kind}": every scenario needs a role of each core kind (${CORE_ROLE_KINDS.join(", ")})`
  }));
}
