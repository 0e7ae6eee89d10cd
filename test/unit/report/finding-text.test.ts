/**
 * Findings in the report's language: each code scoring can produce reads as a full sentence in English and in
 * French, with ids replaced by the scenario's localised names; an unknown code keeps scoring's English.
 */
import { describe, expect, it } from "vitest";
import type { Finding, FindingCode } from "../../../server/src/core/scoring/scorecard.ts";
import { findingText } from "../../../server/src/report/finding-text.ts";
import { formatterFor } from "../../../server/src/report/format.ts";
import { stringsFor } from "../../../server/src/report/i18n.ts";
import { Names } from "../../../server/src/report/names.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";

/** The params each code carries (as findings.ts fills them), on the tiny scenario's ids. */
const PARAMS: Record<FindingCode, Finding["params"]> = {
  "expectations-on-time": { onTime: 3, decided: 4 },
  "clear-ownership": { met: 3 },
  "relays-complete": { relayed: 2 },
  "network-connected": { fragmentation: 0.125, links: 5 },
  "joint-decisions": { joint: 2 },
  "methane-shared": { sent: 1 },
  "public-messages-consistent": { published: 2 },
  "expectation-missed": { expectation: "relay-impact", inject: "impact", lead: "police", deadlineMin: 6 },
  "expectation-late": { expectation: "holding", inject: "press-call", role: "communication", latencyMin: 12.5, targetMin: 10 },
  "wrong-role": { expectation: "deploy-patrol", inject: "impact", lead: "police", role: "municipality", owner: "other" },
  unacknowledged: { role: "municipality", count: 2, injects: "crowd-question, many-dead" },
  "not-relayed": { inject: "impact", role: "fire-ems", holders: "police" },
  "relay-late": { inject: "impact", role: "fire-ems", by: "police", latencyMin: 7.5 },
  "isolated-role": { role: "communication" },
  "fragmented-network": { fragmentation: 0.75, links: 1 },
  "solo-decision": { role: "municipality", count: 1 },
  "decision-not-joint": { decision: "d-1", role: "municipality", with: "police, fire-ems", agreedBy: "police" },
  "methane-not-sent": {},
  "methane-not-shared": { missing: "communication, municipality" },
  "premature-public-message": { id: "p-1", role: "communication", topic: "fatalities" },
  "contradicting-public-messages": { topic: "holding-statement", otherTopic: "holding-statement", earlierRole: "communication", laterRole: "police" },
  "duplicated-task": { task: "evacuate:hall", firstRole: "municipality", secondRole: "police" }
};

const finding = (code: FindingCode): Finding => ({
  id: code,
  kind: "improvement",
  dimension: "coordination",
  code,
  owner: null,
  params: PARAMS[code],
  message: `English message of ${code}`,
  action: `English action of ${code}`,
  evidence: []
});

describe("finding wording", () => {
  for (const language of ["en", "fr"] as const) {
    const strings = stringsFor(language);
    const names = new Names(tinyScenario, language, strings, []);
    const format = formatterFor(strings);

    it(`words every finding code as a whole sentence (${language})`, () => {
      for (const code of Object.keys(PARAMS) as FindingCode[]) {
        const text = findingText(finding(code), strings, names, format);
        expect(text.message, code).toMatch(/[.]$/);
        expect(text.message, code).not.toMatch(/undefined|null|NaN|“”|« »|\(\)/);
        expect(text.message, code).not.toContain("English message");
        if (text.action !== null) expect(text.action, code).not.toMatch(/undefined|“”|« »/);
        // Role ids never show: every role appears by its name in this language ("communication" is also a word)
        for (const id of ["police", "municipality", "fire-ems"]) {
          expect(`${text.message} ${text.action ?? ""}`, code).not.toMatch(new RegExp(`\\b${id}\\b`));
        }
      }
      const isolated = findingText(finding("isolated-role"), strings, names, format).message;
      expect(isolated.startsWith(language === "fr" ? "Comms (fr) " : "Comms ")).toBe(true);
    });
  }

  it("fills French names, French numbers and French quotes", () => {
    const strings = stringsFor("fr");
    const names = new Names(tinyScenario, "fr", strings, []);
    const text = findingText(finding("expectation-late"), strings, names, formatterFor(strings));
    expect(text.message).toBe("« holding » a été réalisée par Comms (fr) après 12,5 min pour une cible de 10 min.");
    const dup = findingText(finding("duplicated-task"), strings, names, formatterFor(strings));
    expect(dup.message).toBe("Police (fr) a fait « Évacuer\u00a0: Hall (fr) » après City (fr), sans que les deux se soient parlé.");
    expect(dup.action).toBe("City (fr) et Police (fr) : prendre ou attribuer les tâches ouvertement avant d'agir.");
  });

  it("keeps scoring's English for a code it does not know", () => {
    const strings = stringsFor("fr");
    const names = new Names(tinyScenario, "fr", strings, []);
    const unknown = { ...finding("isolated-role"), code: "some-future-code" as FindingCode };
    expect(findingText(unknown, strings, names, formatterFor(strings))).toEqual({
      message: "English message of isolated-role",
      action: "English action of isolated-role"
    });
  });
});
