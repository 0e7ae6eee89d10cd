/**
 * Injects that wait for each other in a circle can never be released. An inject waits for at most one other: the
 * inject its trigger is armed `after`, the inject owning the expectation whose miss it escalates (`onMissed`), or
 * the inject that opens the branch it belongs to (`onBranch`). So the "waits for" graph has at most one edge out of
 * each inject, and its cycles are found by following those edges once.
 */
import type { Scenario } from "../schema.ts";
import type { PathProblem } from "../problem.ts";

/** For each inject (by index), the index of the inject it waits for, if any (unknown references are ignored). */
export function waitsFor(s: Scenario): (number | undefined)[] {
  const injectIndex = new Map(s.injects.map((inject, i) => [inject.id, i]));
  const expectationOwner = new Map<string, number>();
  s.injects.forEach((inject, i) => inject.expectations.forEach((e) => expectationOwner.set(e.id, i)));
  const branchAfter = new Map(s.branches.map((b) => [b.id, injectIndex.get(b.after)]));
  return s.injects.map((inject) => {
    const trigger = inject.trigger;
    if (!trigger) return undefined;
    if ("onMissed" in trigger) return expectationOwner.get(trigger.onMissed);
    if ("onBranch" in trigger) return branchAfter.get(trigger.onBranch);
    if ("after" in trigger && trigger.after !== undefined) return injectIndex.get(trigger.after);
    return undefined;
  });
}

export function checkTriggerCycles(s: Scenario): PathProblem[] {
  const next = waitsFor(s);
  const problems: PathProblem[] = [];
  // 0: not yet visited; otherwise the number of the walk that first reached the inject.
  const walkOf = new Array<number>(next.length).fill(0);
  for (let start = 0; start < next.length; start++) {
    if (walkOf[start] !== 0) continue;
    const walk = start + 1;
    let current: number | undefined = start;
    while (current !== undefined && walkOf[current] === 0) {
      walkOf[current] = walk;
      current = next[current];
    }
    // Reaching an inject marked by this same walk closes a new cycle; one marked by an earlier walk does not.
    if (current === undefined || walkOf[current] !== walk) continue;
    const cycle: number[] = [current];
    for (let i = next[current]!; i !== current; i = next[i]!) cycle.push(i);
    // Start the description at the inject written first in the file, where the problem is reported.
    const first = cycle.indexOf(Math.min(...cycle));
    const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
    const ids = ordered.map((i) => s.injects[i]!.id);
    problems.push({
      path: ["injects", ordered[0]!, "trigger"],
      message: `trigger cycle: ${[...ids, ids[0]].join(" -> ")} (each waits for the next, so none can ever be released)`
    });
  }
  return problems;
}
