/**
 * Branches and the injects they release must agree: an inject a branch releases waits for that branch
 * (`trigger: { onBranch: <branch> }`), and an inject waiting for a branch is one the branch can release. Otherwise
 * the inject would also be released some other way, or never.
 */
import type { Branch, Inject, Scenario } from "../schema.ts";
import type { PathProblem, PathSegment } from "../problem.ts";

function releases(branch: Branch): string[] {
  return [...branch.options.map((o) => o.release), ...(branch.otherwise === undefined ? [] : [branch.otherwise])];
}

function howReleased(inject: Inject): string {
  if (inject.trigger === undefined) return inject.at === undefined ? "no release time or trigger" : `at: ${inject.at}`;
  const kind = Object.keys(inject.trigger).find((key) => key !== "after" && key !== "delay") ?? "trigger";
  const value = (inject.trigger as Record<string, unknown>)[kind];
  return typeof value === "string" ? `trigger ${kind}: ${value}` : `trigger ${kind}`;
}

export function checkBranchReleases(s: Scenario): PathProblem[] {
  const problems: PathProblem[] = [];
  const injects = new Map(s.injects.map((inject) => [inject.id, inject]));
  const branches = new Map(s.branches.map((branch) => [branch.id, branch]));

  s.branches.forEach((branch, b) => {
    const targets: { id: string; path: PathSegment[] }[] = [
      ...branch.options.map((o, k) => ({ id: o.release, path: ["branches", b, "options", k, "release"] })),
      ...(branch.otherwise === undefined ? [] : [{ id: branch.otherwise, path: ["branches", b, "otherwise"] }])
    ];
    for (const target of targets) {
      const inject = injects.get(target.id);
      if (!inject) continue; // reported as an unknown inject
      const trigger = inject.trigger;
      if (!trigger || !("onBranch" in trigger) || trigger.onBranch !== branch.id) {
        problems.push({
          path: target.path,
          message: `inject "${inject.id}" is released by branch "${branch.id}", so it needs trigger: { onBranch: ${branch.id} } (it has ${howReleased(inject)})`
        });
      }
    }
  });

  s.injects.forEach((inject, i) => {
    const trigger = inject.trigger;
    if (!trigger || !("onBranch" in trigger)) return;
    const branch = branches.get(trigger.onBranch);
    if (!branch) return; // reported as an unknown branch
    if (!releases(branch).includes(inject.id)) {
      problems.push({
        path: ["injects", i, "trigger", "onBranch"],
        message: `branch "${branch.id}" never releases inject "${inject.id}" (it releases: ${releases(branch).join(", ")}); add it to the branch's options or otherwise`
      });
    }
  });
  return problems;
}
