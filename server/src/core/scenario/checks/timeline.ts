/**
 * When things happen: every inject is released either at a time or by a trigger, never both; times fall within the
 * exercise; phases run in order from STARTEX.
 */
import type { Scenario } from "../schema.ts";
import type { PathProblem } from "../problem.ts";

export function checkTimeline(s: Scenario): PathProblem[] {
  const problems: PathProblem[] = [];
  s.injects.forEach((inject, i) => {
    if (inject.at !== undefined && inject.trigger !== undefined) {
      problems.push({
        path: ["injects", i, "trigger"],
        message: `inject "${inject.id}" has both at (${inject.at} min) and a trigger: give exactly one`
      });
    } else if (inject.at === undefined && inject.trigger === undefined) {
      problems.push({
        path: ["injects", i],
        message: `inject "${inject.id}" has neither at (a release time) nor a trigger: give exactly one`
      });
    }
    if (inject.at !== undefined && inject.at > s.duration) {
      problems.push({
        path: ["injects", i, "at"],
        message: `at ${inject.at} min is after the end of the exercise (duration ${s.duration} min)`
      });
    }
  });

  s.phases.forEach((phase, p) => {
    if (p === 0 && phase.start !== 0) {
      problems.push({ path: ["phases", 0, "start"], message: `the first phase must start at 0 (STARTEX), not ${phase.start}` });
    }
    const previous = s.phases[p - 1];
    if (previous && phase.start <= previous.start) {
      problems.push({
        path: ["phases", p, "start"],
        message: `phases must be listed in order of start: "${phase.id}" starts at ${phase.start} min, not after "${previous.id}" (${previous.start} min)`
      });
    }
    if (phase.start > s.duration) {
      problems.push({
        path: ["phases", p, "start"],
        message: `phase "${phase.id}" starts at ${phase.start} min, after the end of the exercise (duration ${s.duration} min)`
      });
    }
  });
  return problems;
}
