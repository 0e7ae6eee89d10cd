/**
 * Division of labour: who met the expectations (lead, support or another role), which nobody met, duplicated
 * effort, workload balance against the plan, and specialisation in the role × task matrix (definitions in
 * scorecard.ts, DivisionMeasures).
 */
import { refTo } from "./event-ref.ts";
import type { ActionFact, LogFacts } from "./log-facts.ts";
import type { ScenarioIndex } from "./scenario-index.ts";
import type { DivisionMeasures, Duplicate, ExpectationOutcome, TaskMatrix } from "./scorecard.ts";
import { clamp01, entropyBits, mutualInformationBits, normalisedGini, roundOrNull } from "./stats.ts";
import type { Tallies } from "./tally.ts";

/** What the role × task pass keeps of one task. */
interface TaskRecord {
  /** Actions on the task by role index. */
  counts: number[];
  /** did[r] = 1 once role r acted on the task. */
  did: Uint8Array;
  /** The first action of each role that did it, in order. */
  doers: ActionFact[];
}

export function divisionMeasures(
  index: ScenarioIndex,
  facts: LogFacts,
  expectations: readonly ExpectationOutcome[],
  tallies: Tallies
): Omit<DivisionMeasures, "score" | "components"> {
  const n = index.roles.length;

  // An action key that met an expectation stands for that (first) expectation wherever it recurs.
  const expectationOfKey = new Map<string, string>();
  for (let i = 0; i < facts.actions.length; i++) {
    const action = facts.actions[i]!;
    if (action.met !== null && action.actionKey !== null && !expectationOfKey.has(action.actionKey)) {
      expectationOfKey.set(action.actionKey, action.met);
    }
  }

  const byTask = new Map<string, TaskRecord>();
  const duplicates: Duplicate[] = [];
  const taskActions = new Array<number>(n).fill(0);
  let roleTasks = 0;
  let total = 0;
  for (let i = 0; i < facts.actions.length; i++) {
    const action = facts.actions[i]!;
    if (action.met === null && action.actionKey === null) continue; // communication, not a task
    const task = action.met ?? expectationOfKey.get(action.actionKey!) ?? action.actionKey!;
    let record = byTask.get(task);
    if (!record) {
      record = { counts: new Array<number>(n).fill(0), did: new Uint8Array(n), doers: [] };
      byTask.set(task, record);
    }
    record.counts[action.role]!++;
    taskActions[action.role]!++;
    total++;

    if (record.did[action.role] === 1) continue;
    const roleName = index.roles[action.role]!;
    const groups = tallies.ofRole(roleName, action.phase);
    roleTasks++;
    for (let g = 0; g < groups.length; g++) groups[g]!.roleTasks++;
    const duplicable = action.actionKey === null || action.duplicable;
    if (duplicable) {
      for (let d = 0; d < record.doers.length; d++) {
        const first = record.doers[d]!;
        if (facts.contacts.spokeBefore(action.role, first.role, action.event.seq)) continue;
        duplicates.push({ task, first: refTo(first.event, index.roles[first.role]), second: refTo(action.event, roleName) });
        for (let g = 0; g < groups.length; g++) {
          const t = groups[g]!;
          t.duplicated++;
          t.counts.duplicates++;
        }
        break;
      }
    }
    record.did[action.role] = 1;
    record.doers.push(action);
  }

  const tasks = [...byTask.keys()].sort();
  const columns = tasks.map((task) => byTask.get(task)!.counts);
  const counts = index.roles.map((_, r) => columns.map((column) => column[r]!));
  const matrix = taskMatrix(index.roles, tasks, counts, total);
  tallies.team.specialisation = matrix.exactSpecialisation;

  // Workload: met expectations' weight, expected on their lead, carried by whoever met them.
  const expected = new Array<number>(n).fill(0);
  const carried = new Array<number>(n).fill(0);
  let metWeight = 0;
  for (const e of expectations) {
    if (e.status !== "met") continue;
    const lead = index.roleIndex.get(e.lead);
    const by = index.roleIndex.get(e.metBy!);
    if (lead === undefined || by === undefined) continue;
    expected[lead]! += e.weight;
    carried[by]! += e.weight;
    metWeight += e.weight;
  }
  const giniExpected = normalisedGini(expected);
  const giniCarried = normalisedGini(carried);
  let balance: number | null = null;
  if (metWeight > 0 && n > 1) {
    const gE = giniExpected ?? 0;
    const gC = giniCarried ?? 0;
    balance = gC <= gE ? 1 : clamp01(1 - (gC - gE) / (1 - gE));
  }
  tallies.team.balance = balance;

  const met = expectations.filter((e) => e.status === "met");
  const missed = expectations
    .filter((e) => e.status === "missed")
    .sort((a, b) => a.outcome!.seq - b.outcome!.seq);
  const decided = expectations.filter((e) => e.status === "met" || e.status === "missed");
  const { exactSpecialisation: _s, ...plainMatrix } = matrix;
  return {
    ownership: {
      met: met.length,
      byLead: met.filter((e) => e.owner === "lead").length,
      bySupport: met.filter((e) => e.owner === "support").length,
      byOther: met.filter((e) => e.owner === "other").length,
      wrongRole: met.filter((e) => e.owner !== "lead").map((e) => e.expectation)
    },
    gaps: {
      decided: decided.length,
      missed: missed.length,
      decidedWeight: decided.reduce((s, e) => s + e.weight, 0),
      missedWeight: missed.reduce((s, e) => s + e.weight, 0),
      items: missed.map((e) => e.expectation)
    },
    duplicates: { roleTasks, duplicated: duplicates.length, items: duplicates },
    workload: {
      roles: index.roles.map((role, i) => ({
        role,
        expectedWeight: expected[i]!,
        carriedWeight: carried[i]!,
        expectedShare: metWeight > 0 ? roundOrNull(expected[i]! / metWeight, 4) : null,
        carriedShare: metWeight > 0 ? roundOrNull(carried[i]! / metWeight, 4) : null,
        taskActions: taskActions[i]!
      })),
      giniExpected: roundOrNull(giniExpected, 4),
      giniCarried: roundOrNull(giniCarried, 4),
      giniActions: roundOrNull(normalisedGini(taskActions), 4)
    },
    matrix: plainMatrix
  };
}

function taskMatrix(
  roles: readonly string[],
  tasks: string[],
  counts: number[][],
  total: number
): TaskMatrix & { exactSpecialisation: number | null } {
  if (total < 2) {
    return {
      roles: [...roles],
      tasks,
      counts,
      total,
      entropyRole: null,
      entropyTask: null,
      mutualInformation: null,
      nmi: null,
      specialisation: null,
      exactSpecialisation: null
    };
  }
  const hR = entropyBits(counts.map((row) => row.reduce((a, b) => a + b, 0)));
  const hT = entropyBits(tasks.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0)));
  const mi = mutualInformationBits(counts);
  const specialisation = hR === 0 ? 1 : clamp01(mi / hR);
  const nmi = hR + hT === 0 ? 1 : clamp01((2 * mi) / (hR + hT));
  return {
    roles: [...roles],
    tasks,
    counts,
    total,
    entropyRole: roundOrNull(hR, 4),
    entropyTask: roundOrNull(hT, 4),
    mutualInformation: roundOrNull(mi, 4),
    nmi: roundOrNull(nmi, 4),
    specialisation: roundOrNull(specialisation, 4),
    exactSpecialisation: specialisation
  };
}
