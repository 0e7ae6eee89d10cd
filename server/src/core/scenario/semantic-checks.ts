/**
 * The checks zod cannot express: references between parts of the scenario, timing, achievability and geometry.
 * They run on a scenario that has passed the schema (defaults applied), and each returns problems with the path of
 * the offending value.
 */
import type { Scenario } from "./schema.ts";
import type { PathProblem } from "./problem.ts";
import { checkBranchReleases } from "./checks/branches.ts";
import { checkExpectations } from "./checks/expectations.ts";
import { checkDuplicateIds } from "./checks/ids.ts";
import { checkLanguages } from "./checks/languages.ts";
import { checkReferences } from "./checks/references.ts";
import { checkCoreRoles } from "./checks/roles.ts";
import { checkSiteBounds } from "./checks/site-bounds.ts";
import { checkTimeline } from "./checks/timeline.ts";
import { checkTriggerCycles } from "./checks/trigger-cycles.ts";

export function checkScenario(s: Scenario): PathProblem[] {
  return [
    ...checkDuplicateIds(s),
    ...checkReferences(s),
    ...checkTimeline(s),
    ...checkBranchReleases(s),
    ...checkTriggerCycles(s),
    ...checkLanguages(s),
    ...checkCoreRoles(s),
    ...checkExpectations(s),
    ...checkSiteBounds(s)
  ];
}
