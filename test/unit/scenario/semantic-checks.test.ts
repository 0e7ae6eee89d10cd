/**
 * Semantic problems: each kind of mistake made in the minimal fixture, reported once, at the line and column of
 * the offending value (read from the edited text itself) and with its data path.
 */
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../server/src/core/scenario/validate.ts";
import { MINIMAL_TEXT, minimalWith, positionOf, problemsOf } from "./scenario-text.ts";

interface Case {
  /** The kind of mistake. */
  name: string;
  edits: [from: string, to: string][];
  /** Every problem expected: [path, snippet where it is reported, (text before that snippet), message]. */
  expected: [path: string, at: string, after: string | undefined, message: string][];
}

const ROLES = "known: police, municipality, fire-ems, communication";

const cases: Case[] = [
  // Duplicate ids
  {
    name: "duplicate zone id",
    edits: [["- id: high-street", "- id: market-square"]],
    expected: [["site.zones[1].id", "market-square", "crowd: 1500", 'duplicate zone id "market-square" (already used at site.zones[0].id)']]
  },
  {
    name: "duplicate unit id across roles",
    edits: [["{ id: stewards-1,", "{ id: patrol-1,"]],
    expected: [["roles[1].units[0].id", "patrol-1", "id: municipality", 'duplicate unit id "patrol-1" (already used at roles[0].units[0].id)']]
  },
  {
    name: "duplicate expectation id across injects",
    edits: [["- id: ems-ambulance", "- id: police-methane"]],
    expected: [["injects[1].expectations[0].id", "police-methane", "id: ambulances-tasked", 'duplicate expectation id "police-methane" (already used at injects[0].expectations[1].id)']]
  },
  {
    name: "duplicate inject id",
    edits: [["- id: second-attacker-rumour", "- id: crowd-surge"]],
    expected: [["injects[3].id", "crowd-surge", "police-inner-cordon", 'duplicate inject id "crowd-surge" (already used at injects[2].id)']]
  },
  {
    name: "duplicate marker id within one inject",
    edits: [["markers: [{ id: van, kind: vehicle, at: [320, 240], label: { en: White van } }]", "markers: [{ id: van, kind: vehicle, at: [320, 240] }, { id: van, kind: crowd, at: [300, 200] }]"]],
    expected: [["injects[0].effects.markers[1].id", "van", "kind: vehicle, at: [320, 240] }, { id: ", 'duplicate marker id in one inject "van" (already used at injects[0].effects.markers[0].id)']]
  },
  {
    name: "duplicate phase id",
    edits: [["  - id: consolidation\n", "  - id: response\n"], ["effects:\n      phase: consolidation", "effects:\n      phase: response"]],
    expected: [["phases[1].id", "response", "Who declares", 'duplicate phase id "response" (already used at phases[0].id)']]
  },
  // Unknown references
  {
    name: "unknown role in an inject's recipients",
    edits: [["    to: [police, communication]\n", "    to: [police, comms]\n"]],
    expected: [["injects[5].to[1]", "comms", "id: van-checked", `unknown role "comms" (${ROLES})`]]
  },
  {
    name: "unknown role in needs",
    edits: [["    needs: [police]\n", "    needs: [polise]\n"]],
    expected: [["injects[3].needs[0]", "polise", undefined, `unknown role "polise" (${ROLES})`]]
  },
  {
    name: "unknown lead and supporting roles",
    edits: [["        lead: fire-ems\n", "        lead: ambulance-service\n"], ["support: [municipality]\n        action: { action: set-cordon", "support: [council]\n        action: { action: set-cordon"]],
    expected: [
      ["injects[1].expectations[0].lead", "ambulance-service", undefined, `unknown role "ambulance-service" (${ROLES})`],
      ["injects[2].expectations[0].support[0]", "council", undefined, `unknown role "council" (${ROLES})`]
    ]
  },
  {
    name: "unknown roles in an action match's to and a trigger's role",
    edits: [["to: [fire-ems, municipality] }", "to: [fire-ems, mayor] }"], ["onAction: { action: methane, role: police }", "onAction: { action: methane, role: gendarmerie }"]],
    expected: [
      ["injects[0].expectations[1].action.to[1]", "mayor", undefined, `unknown role "mayor" (${ROLES})`],
      ["injects[1].trigger.onAction.role", "gendarmerie", undefined, `unknown role "gendarmerie" (${ROLES})`]
    ]
  },
  {
    name: "unknown zone in an action match and in effects",
    edits: [["{ action: set-cordon, zone: market-square, level: hot }", "{ action: set-cordon, zone: market, level: hot }"], ["zones: [{ zone: market-square, state: incident }]", "zones: [{ zone: main-square, state: incident }]"]],
    expected: [
      ["injects[0].effects.zones[0].zone", "main-square", undefined, 'unknown zone "main-square" (known: market-square, high-street)'],
      ["injects[2].expectations[0].action.zone", "market,", undefined, 'unknown zone "market" (known: market-square, high-street)']
    ]
  },
  {
    name: "unknown zone in a condition trigger",
    edits: [["trigger: { onMissed: police-armed-response }", "trigger: { onCondition: { crowdAtLeast: { zone: square, count: 100 } } }"]],
    expected: [["injects[2].trigger.onCondition.crowdAtLeast.zone", "square,", "onCondition", 'unknown zone "square" (known: market-square, high-street)']]
  },
  {
    name: "unknown road",
    edits: [["action: { action: close-road, road: ring-road }", "action: { action: close-road, road: ringroad }"]],
    expected: [["injects[4].expectations[0].action.road", "ringroad", undefined, 'unknown road (a site route id) "ringroad" (known: ring-road)']]
  },
  {
    name: "unknown inject after which a trigger is armed",
    edits: [["after: van-into-crowd", "after: van-crash"]],
    expected: [["injects[1].trigger.after", "van-crash", undefined, 'unknown inject "van-crash" (known: van-into-crowd, ambulances-tasked, crowd-surge, second-attacker-rumour, suspicious-van-report, van-checked)']]
  },
  {
    name: "unknown expectation escalated on a miss",
    edits: [["onMissed: police-armed-response", "onMissed: police-armed-responce"]],
    expected: [["injects[2].trigger.onMissed", "police-armed-responce", undefined, 'unknown expectation "police-armed-responce" (known: police-armed-response, police-methane, ems-ambulance, police-inner-cordon, comms-holding-statement, police-close-ring-road)']]
  },
  {
    name: "unknown branch",
    edits: [["trigger: { onBranch: ring-road-decision }", "trigger: { onBranch: ring-road }"]],
    expected: [
      ["injects[5].trigger.onBranch", "ring-road }", "trigger: { onBranch: ", 'unknown branch "ring-road" (known: ring-road-decision)'],
      ["branches[0].options[0].release", "van-checked\n", "when: {", 'inject "van-checked" is released by branch "ring-road-decision", so it needs trigger: { onBranch: ring-road-decision } (it has trigger onBranch: ring-road)']
    ]
  },
  {
    name: "unknown injects in a branch",
    edits: [["after: suspicious-van-report", "after: suspicious-van"], ["        release: van-checked\n", "        release: van-checked\n    otherwise: van-gone\n"]],
    expected: [
      ["branches[0].after", "suspicious-van\n", undefined, 'unknown inject "suspicious-van" (known: van-into-crowd, ambulances-tasked, crowd-surge, second-attacker-rumour, suspicious-van-report, van-checked)'],
      ["branches[0].otherwise", "van-gone", undefined, 'unknown inject "van-gone" (known: van-into-crowd, ambulances-tasked, crowd-surge, second-attacker-rumour, suspicious-van-report, van-checked)']
    ]
  },
  {
    name: "unknown phase",
    edits: [["phase: consolidation", "phase: recovery"]],
    expected: [["injects[5].effects.phase", "recovery", undefined, 'unknown phase "recovery" (known: response, consolidation)']]
  },
  {
    name: "unknown capability",
    edits: [["    capability: public-information\n", "    capability: public-warning\n"]],
    expected: [["objectives[1].capability", "public-warning\n", "first rumour", 'unknown capability "public-warning" (known: operational-coordination, public-information)']]
  },
  {
    name: "a deploy trigger for a unit type nobody has",
    edits: [["      - when: { action: close-road, road: ring-road }", "      - when: { action: deploy, unitType: dog-unit }"]],
    expected: [["branches[0].options[0].when.unitType", "dog-unit", undefined, 'unknown unit type "dog-unit" (known: patrol, armed-response, stewards, ambulance, press-officer)']]
  },
  // Timing
  {
    name: "inject released after the end of the exercise",
    edits: [["    at: 20\n", "    at: 75\n"]],
    expected: [["injects[4].at", "75", undefined, "at 75 min is after the end of the exercise (duration 60 min)"]]
  },
  {
    name: "phase starting after the end of the exercise",
    edits: [["    start: 30\n", "    start: 61\n"]],
    expected: [["phases[1].start", "61", undefined, 'phase "consolidation" starts at 61 min, after the end of the exercise (duration 60 min)']]
  },
  {
    name: "inject with both at and trigger",
    edits: [["  - id: crowd-surge\n", "  - id: crowd-surge\n    at: 10\n"]],
    expected: [["injects[2].trigger", "{ onMissed", undefined, 'inject "crowd-surge" has both at (10 min) and a trigger: give exactly one']]
  },
  {
    name: "inject with neither at nor trigger",
    edits: [["    at: 12\n", ""]],
    expected: [["injects[3]", "id: second-attacker-rumour", undefined, 'inject "second-attacker-rumour" has neither at (a release time) nor a trigger: give exactly one']]
  },
  {
    name: "first phase not at STARTEX",
    edits: [["    start: 0\n", "    start: 5\n"]],
    expected: [["phases[0].start", "5\n", "id: response", "the first phase must start at 0 (STARTEX), not 5"]]
  },
  {
    name: "phases out of order",
    edits: [["  - id: consolidation\n    title: { en: Consolidation }\n    start: 30\n", ""], ["  - id: response\n", "  - id: consolidation\n    title: { en: Consolidation }\n    start: 30\n  - id: response\n"]],
    expected: [
      ["phases[0].start", "30", "id: consolidation", "the first phase must start at 0 (STARTEX), not 30"],
      ["phases[1].start", "0\n", "id: response", 'phases must be listed in order of start: "response" starts at 0 min, not after "consolidation" (30 min)']
    ]
  },
  // Branches and triggers
  {
    name: "onBranch inject that its branch never releases",
    edits: [["        release: van-checked\n", "        release: crowd-surge\n"]],
    expected: [
      ["injects[5].trigger.onBranch", "ring-road-decision }", undefined, 'branch "ring-road-decision" never releases inject "van-checked" (it releases: crowd-surge); add it to the branch\'s options or otherwise'],
      ["branches[0].options[0].release", "crowd-surge\n", "when: {", 'inject "crowd-surge" is released by branch "ring-road-decision", so it needs trigger: { onBranch: ring-road-decision } (it has trigger onMissed: police-armed-response)']
    ]
  },
  {
    name: "branch releasing a timed inject",
    edits: [["trigger: { onBranch: ring-road-decision }", "at: 40"]],
    expected: [["branches[0].options[0].release", "van-checked\n", "when: {", 'inject "van-checked" is released by branch "ring-road-decision", so it needs trigger: { onBranch: ring-road-decision } (it has at: 40)']]
  },
  {
    name: "cycle of triggers",
    edits: [["after: van-into-crowd", "after: crowd-surge"], ["onMissed: police-armed-response", "onMissed: ems-ambulance"]],
    expected: [["injects[1].trigger", "onAction", "id: ambulances-tasked", "trigger cycle: ambulances-tasked -> crowd-surge -> ambulances-tasked (each waits for the next, so none can ever be released)"]]
  },
  {
    name: "an inject waiting for itself through its branch",
    edits: [["after: suspicious-van-report", "after: van-checked"]],
    expected: [["injects[5].trigger", "{ onBranch", undefined, "trigger cycle: van-checked -> van-checked (each waits for the next, so none can ever be released)"]]
  },
  // Languages
  {
    name: "text in a language the scenario does not declare",
    edits: [["title: { en: Initial response }", "title: { en: Initial response, fr: Première réponse }"]],
    expected: [["phases[0].title.fr", "fr:", undefined, 'language "fr" is not one of the scenario\'s languages (en)']]
  },
  {
    name: "a language listed twice",
    edits: [["languages: [en]", "languages: [en, en]"]],
    expected: [["languages[1]", "en]", "languages: [en, ", 'duplicate language "en" (already used at languages[0])']]
  },
  // Roles and expectations
  {
    name: "missing core role kind",
    edits: [["    kind: communication\n", "    kind: other\n"]],
    expected: [["roles", "- id: police", undefined, 'no role of kind "communication": every scenario needs a role of each core kind (police, municipality, fire-ems, communication)']]
  },
  {
    name: "deploy expectation whose lead lacks that unit type",
    edits: [["action: { action: deploy, unitType: ambulance, zone: market-square }", "action: { action: deploy, unitType: armed-response, zone: market-square }"]],
    expected: [["injects[1].expectations[0].action.unitType", "armed-response, zone: market-square }", "id: ems-ambulance", 'the lead role "fire-ems" has no unit of type "armed-response" to deploy (its unit types: ambulance)']]
  },
  {
    name: "deploy expectation whose lead has no units",
    edits: [
      ["    units:\n      - { id: stewards-1, type: stewards, home: [380, 120], speed: 1.5 }\n", "    units: []\n"],
      ["        lead: communication\n        action: { action: public-message, topic: holding-statement }", "        lead: municipality\n        action: { action: deploy }"]
    ],
    expected: [["injects[3].expectations[0].action", "{ action: deploy }", undefined, 'the lead role "municipality" has no units to deploy']]
  },
  {
    name: "deadline before target",
    edits: [["        deadline: 12\n", "        deadline: 4\n"]],
    expected: [["injects[0].expectations[1].deadline", "4\n", "deadline: ", "deadline (4 min) is before the target (5 min); it must be at least the target"]]
  },
  {
    name: "the lead also listed as support",
    edits: [["        lead: police\n        support: [municipality]\n        action: { action: methane", "        lead: police\n        support: [municipality, police]\n        action: { action: methane"]],
    expected: [["injects[0].expectations[1].support[1]", "police]", "support: [municipality, ", '"police" leads this expectation, so it cannot also be a supporting role']]
  },
  {
    name: "a role in needs that already receives the inject",
    edits: [["    needs: [police]\n", "    needs: [police, communication]\n"]],
    expected: [["injects[3].needs[1]", "communication]", "needs: [police, ", 'role "communication" already receives this inject (it is in to); needs lists roles that do not']]
  },
  {
    name: "an expected claim-task",
    edits: [["action: { action: close-road, road: ring-road }\n        target: 6", "action: { action: claim-task }\n        target: 6"]],
    expected: [["injects[4].expectations[0].action.action", "claim-task", undefined, "claim-task cannot be expected: expect the action the task stands for (deploy, set-cordon, ...)"]]
  },
  {
    name: "acknowledgement expected of a role that does not receive the inject",
    edits: [["        lead: communication\n        action: { action: public-message, topic: holding-statement }", "        lead: police\n        action: { action: acknowledge }"]],
    expected: [["injects[3].expectations[0].lead", "police\n        action: { action: acknowledge", undefined, 'the lead "police" must receive inject "second-attacker-rumour" to acknowledge it (it goes to: communication)']]
  },
  // Geometry
  {
    name: "points of interest, unit homes, route points and markers off the site",
    edits: [["at: [350, 60]", "at: [350, 660]"], ["home: [780, 40]", "home: [880, 40]"], ["path: [[0, 100], [800, 100]]", "path: [[0, 100], [801, 100]]"], ["at: [320, 240]", "at: [-1, 240]"]],
    expected: [
      ["site.pois[0].at", "[350, 660]", undefined, "point [350, 660] is outside the site (x 0 to 800, y 0 to 600 m)"],
      ["site.routes[0].path[1]", "[801, 100]", undefined, "point [801, 100] is outside the site (x 0 to 800, y 0 to 600 m)"],
      ["roles[2].units[0].home", "[880, 40]", undefined, "point [880, 40] is outside the site (x 0 to 800, y 0 to 600 m)"],
      ["injects[0].effects.markers[0].at", "[-1, 240]", undefined, "point [-1, 240] is outside the site (x 0 to 800, y 0 to 600 m)"]
    ]
  },
  {
    name: "zone shapes off the site",
    edits: [["{ rect: { x: 200, y: 150, w: 300, h: 200 } }", "{ rect: { x: 200, y: 150, w: 300, h: 500 } }"], ["[780, 270], [500, 270]", "[780, 270], [500, 700]"]],
    expected: [
      ["site.zones[0].shape.rect", "{ x: 200", undefined, "the rectangle (x 200 to 500, y 150 to 650 m) extends outside the site (x 0 to 800, y 0 to 600 m)"],
      ["site.zones[1].shape.polygon[3]", "[500, 700]", undefined, "point [500, 700] is outside the site (x 0 to 800, y 0 to 600 m)"]
    ]
  }
];

describe("semantic checks on the minimal fixture", () => {
  it("finds nothing wrong with the fixture itself", () => {
    expect(problemsOf(MINIMAL_TEXT)).toEqual([]);
  });

  it.each(cases)("reports $name", ({ edits, expected }) => {
    // given the fixture with one kind of mistake
    const text = minimalWith(...edits);
    // when validated
    const problems = problemsOf(text).map(formatProblem);
    // then exactly the expected problems, at the offending values
    expect(problems).toEqual(
      expected.map(([path, at, after, message]) => {
        const { line, column } = positionOf(text, at, after);
        return `test.yaml:${line}:${column}: ${path}: ${message}`;
      })
    );
  });

  it("accepts a marker placed again by a later inject (it moves the marker)", () => {
    // given the escalation placing the "van" marker again, elsewhere
    const text = minimalWith(["      crowd: [{ zone: market-square, add: 200 }]\n", "      crowd: [{ zone: market-square, add: 200 }]\n      markers: [{ id: van, kind: vehicle, at: [330, 250] }]\n"]);
    // when validated, then nothing is wrong
    expect(problemsOf(text)).toEqual([]);
  });

  it("reports every text missing a newly declared language", () => {
    // given a scenario that now declares French without translating anything
    const text = minimalWith(["languages: [en]", "languages: [en, fr]"]);
    // when validated
    const problems = problemsOf(text);
    // then every localised text is reported, the title first, at its mapping
    expect(problems.every((p) => p.message === `missing language "fr" (the scenario's languages: en, fr)`)).toBe(true);
    expect(formatProblem(problems[0]!)).toBe(`test.yaml:6:3: title: missing language "fr" (the scenario's languages: en, fr)`);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining([
      "phases[0].questions[0]",
      "injects[0].from",
      "injects[0].effects.markers[0].label",
      "branches[0].description",
      "site.zones[1].name",
      "roles[3].name"
    ]));
    // (objectives 2, site 1, zones 2, pois 2, routes 1, roles 4, phases 2 + 1 question, injects 6 titles + 6 contents
    // + 1 from, 1 marker label, 1 branch description, title and summary)
    expect(problems).toHaveLength(2 + 2 + 1 + 2 + 2 + 1 + 4 + 3 + 13 + 1 + 1);
  });
});
