/**
 * Every expectation must be achievable by its lead role, and its timing must make sense: the simulated teams of
 * `cordon simulate` have the lead do each expected action, so an impossible expectation is a scenario bug.
 */
import type { Scenario } from "../schema.ts";
import type { PathProblem } from "../problem.ts";
import { expectationsOf } from "./visit.ts";

export function checkExpectations(s: Scenario): PathProblem[] {
  const problems: PathProblem[] = [];
  const roles = new Map(s.roles.map((r) => [r.id, r]));
  for (const { value: e, inject, path } of expectationsOf(s)) {
    if (e.deadline !== undefined && e.deadline < e.target) {
      problems.push({
        path: [...path, "deadline"],
        message: `deadline (${e.deadline} min) is before the target (${e.target} min); it must be at least the target`
      });
    }
    e.support.forEach((role, k) => {
      if (role === e.lead) {
        problems.push({ path: [...path, "support", k], message: `"${role}" leads this expectation, so it cannot also be a supporting role` });
      }
    });
    const action = e.action;
    if (action.action === "claim-task" || action.action === "assign-task") {
      problems.push({
        path: [...path, "action", "action"],
        message: `${action.action} cannot be expected: expect the action the task stands for (deploy, set-cordon, ...)`
      });
    }
    if (action.action === "acknowledge" && !inject.to.includes(e.lead)) {
      problems.push({
        path: [...path, "lead"],
        message: `the lead "${e.lead}" must receive inject "${inject.id}" to acknowledge it (it goes to: ${inject.to.join(", ")})`
      });
    }
    const lead = roles.get(e.lead);
    if (action.action === "deploy" && lead) {
      const types = [...new Set(lead.units.map((u) => u.type))];
      if (action.unitType !== undefined && !types.includes(action.unitType)) {
        problems.push({
          path: [...path, "action", "unitType"],
          message: `the lead role "${lead.id}" has no unit of type "${action.unitType}" to deploy (its unit types: ${types.join(", ") || "none"})`
        });
      } else if (types.length === 0) {
        problems.push({ path: [...path, "action"], message: `the lead role "${lead.id}" has no units to deploy` });
      }
    }
  }
  return problems;
}
