/** The import's rules on small sheets: columns, times, rows, recipients, channels, problems with their places. */
import { describe, expect, it } from "vitest";
import type { MselImportOptions } from "../../../server/src/core/scenario/msel-import.ts";
import { importMsel } from "../../../server/src/core/scenario/msel-import.ts";
import { formatMselProblem } from "../../../server/src/core/scenario/msel-problem.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";

const csv = (...lines: string[]): string => lines.join("\r\n") + "\r\n";
const run = (text: string, options: MselImportOptions = {}) => importMsel(text, { sourceName: "msel.csv", ...options });
const errors = (result: ReturnType<typeof run>): string[] =>
  result.problems.filter((p) => p.severity === "error").map((p) => formatMselProblem("msel.csv", p));
const warnings = (result: ReturnType<typeof run>): string[] =>
  result.problems.filter((p) => p.severity === "warning").map((p) => formatMselProblem("msel.csv", p));

describe("column synonyms", () => {
  it("given unusual but common headers, when imported, then each column is read for what it is", () => {
    const result = run(
      csv(
        "Serial,H+,Source,Player,Delivery,Title,Description,Expected response,Within",
        "1,5,Caller,Police,999,Van in crowd,A van hit people.,Deploy patrols,3",
        ",60,,,,ENDEX,,,"
      )
    );
    expect(errors(result)).toEqual([]);
    const inject = result.scenario?.injects[0];
    expect(inject).toMatchObject({
      id: "inject-1",
      at: 5,
      to: ["police"],
      channel: "citizen-report",
      from: { en: "Caller" },
      title: { en: "Van in crowd" },
      content: { en: "A van hit people." }
    });
    expect(inject?.expectations.map((e) => [e.action, e.target])).toEqual([[{ action: "deploy", unitType: "patrol" }, 3]]);
  });

  it("given a title block above the header, when imported, then the header is found below it", () => {
    const result = run(csv("Exercise Nightjar MSEL,,", "Version 2,,", "Time,To,Message", "0:05,Police,Shots heard", "1:00,,ENDEX"));
    expect(errors(result)).toEqual([]);
    expect(result.scenario?.injects.map((i) => i.at)).toEqual([5]);
    expect(result.problems.filter((p) => p.message.includes("above the header")).map((p) => p.row)).toEqual([1, 2]);
  });

  it("given no recipient column, when imported, then the header row is reported", () => {
    const result = run(csv("Time,Message", "5,Something"));
    expect(errors(result)).toEqual(["msel.csv:1: no recipient column (To, Recipient, Player, Destinataire...)"]);
  });
});

describe("times", () => {
  it("given exercise times in several formats, when imported, then all are minutes from STARTEX", () => {
    const result = run(
      csv(
        "Time,To,Method,Message",
        "H+00:05,Police,Radio,a",
        "T+7,Police,Radio,b",
        "0:09:30,Police,Radio,c",
        "11,Police,Radio,d",
        "13 min,Police,Radio,e",
        "+15min,Police,Radio,f",
        "H+01:00,,,ENDEX"
      )
    );
    expect(errors(result)).toEqual([]);
    expect(result.scenario?.injects.map((i) => i.at)).toEqual([5, 7, 9.5, 11, 13, 15]);
  });

  it("given a STARTEX row at H+00:10, when imported, then times count from it", () => {
    const result = run(csv("Scenario time,Type,To,Message", "H+00:10,STARTEX,,Start", "H+00:15,Inject,Police,a", "H+01:10,ENDEX,,End"));
    expect(result.scenario?.injects[0]?.at).toBe(5);
    expect(result.scenario?.duration).toBe(60);
  });

  it("given clock times and no STARTEX row, when imported, then they count from the first row", () => {
    const result = run(csv("Real time,To,Message", "09:30,Police,a", "09:42,Police,b", "10:30,,ENDEX"));
    expect(result.scenario?.injects.map((i) => i.at)).toEqual([0, 12]);
    expect(result.scenario?.duration).toBe(60);
  });

  it("given clock times that cross midnight, when imported, then they keep counting", () => {
    const result = run(csv("Heure,Destinataire,Message", "23h50,Police,STARTEX", "00h05,Police,Coups de feu", "00h50,,ENDEX"), { language: "fr" });
    expect(result.scenario?.injects.map((i) => i.at)).toEqual([15]);
  });

  it("given no ENDEX row, when imported, then the duration covers the last inject and a warning says so", () => {
    const result = run(csv("Time,To,Message", "5,Police,a", "42,Police,b"));
    expect(result.scenario?.duration).toBe(75);
    expect(warnings(result)).toContain("msel.csv: warning: no ENDEX row: the exercise lasts 75 min");
  });

  it("given an unreadable time and an inject before STARTEX, when imported, then both are errors at their cells", () => {
    const result = run(csv("Time,To,Message", "H+00:00,,STARTEX", "soon,Police,a", "H-00:05,Police,b"));
    expect(errors(result)).toEqual([
      expect.stringMatching(/^msel\.csv:3:A: "soon" is not an exercise time/),
      "msel.csv:4:A: this inject is 5 min before STARTEX"
    ]);
    expect(result.scenario).toBeUndefined();
  });
});

describe("rows that are not injects", () => {
  it("given rows without a recipient and without a type, when imported, then each is a warning with its row number", () => {
    const result = run(csv("Time,To,Message", "5,Police,a", "6,,Controller: check the radio", "7,Police,b"));
    expect(warnings(result)).toContain(
      "msel.csv:3:B: warning: no recipient: this row is not imported as an inject (fill in the To column, or mark it as a milestone or admin row)"
    );
    expect(result.scenario?.injects).toHaveLength(2);
  });

  it("given an unknown row type, when imported, then it is read as an inject and reported", () => {
    const result = run(csv("Type,Time,To,Message", "Weather,5,Police,Rain starts"));
    expect(warnings(result)).toContainEqual(expect.stringMatching(/^msel\.csv:2:A: warning: unknown row type "Weather"/));
    expect(result.scenario?.injects).toHaveLength(1);
  });

  it("given a milestone after STARTEX, when imported, then an opening phase covers the start", () => {
    const result = run(csv("Time,To,Message", "10,,Milestone: escalation", "12,Police,a", "30,,ENDEX"));
    expect(result.scenario?.phases.map((p) => [p.id, p.start, p.title.en])).toEqual([
      ["opening", 0, "Opening"],
      ["escalation", 10, "escalation"]
    ]);
  });
});

describe("recipients and channels", () => {
  it("given an unknown recipient and an unknown method, when imported, then each is an error naming row and column, and nothing is produced", () => {
    const result = run(csv("Time,To,Method,Message", "5,Police,Radio,a", "6,Harbour master,Pigeon,b", "20,,,ENDEX"));
    expect(errors(result)).toEqual([
      expect.stringMatching(/^msel\.csv:3:B: unknown recipient "Harbour master" in column "To"/),
      expect.stringMatching(/^msel\.csv:3:C: unknown delivery method "Pigeon" in column "Method"/)
    ]);
    expect(result.scenario).toBeUndefined();
    expect(result.document).toBeUndefined();
  });

  it("given an empty method, when imported, then the inject is a briefing and a warning says so", () => {
    const result = run(csv("Time,To,Method,Message", "5,Police,,a"));
    expect(result.scenario?.injects[0]?.channel).toBe("briefing");
    expect(warnings(result)).toContain('msel.csv:2:C: warning: no delivery method: delivered as "briefing"');
  });

  it("given recipients that name a role outside the core four, when the mapping declares it, then the role is created with its kind", () => {
    const result = run(csv("Time,To,Message", "5,Stewards; Police,Crowd at gate"), {
      mapping: { roles: { "event-security": ["Stewards"] }, kinds: { "event-security": "other" }, names: {} }
    });
    expect(result.scenario?.injects[0]?.to).toEqual(["event-security", "police"]);
    expect(result.scenario?.roles.map((r) => [r.id, r.kind])).toEqual([
      ["police", "police"],
      ["municipality", "municipality"],
      ["fire-ems", "fire-ems"],
      ["communication", "communication"],
      ["event-security", "other"]
    ]);
  });
});

describe("machine-readable columns and languages", () => {
  it("given a bad trigger and bad JSON, when imported, then each is an error at its cell", () => {
    const result = run(csv("id,Time,To,Message,trigger,expectations", "a,,Police,x,sometimes,", "b,5,Police,y,,[{]"));
    expect(errors(result)).toEqual([
      expect.stringMatching(/^msel\.csv:2:E: "sometimes" is not a trigger/),
      expect.stringMatching(/^msel\.csv:3:F: column "expectations" is not valid JSON/)
    ]);
  });

  it("given compact triggers, when imported, then they become scenario triggers", () => {
    const result = run(
      csv(
        "id,Time,To,Message,trigger,expectations",
        'first,5,Police,x,,"[{""id"":""ack-first"",""lead"":""police"",""action"":{""action"":""acknowledge""},""target"":2,""jesip"":""communicate""}]"',
        "second,,Police,y,onMissed:ack-first+2,",
        "third,,Police,z,facilitator,"
      )
    );
    expect(errors(result)).toEqual([]);
    expect(result.scenario?.injects.map((i) => i.trigger)).toEqual([undefined, { onMissed: "ack-first", delay: 2 }, { facilitator: true }]);
  });

  it("given text columns in two languages, when imported, then every text has both", () => {
    const result = run(csv("Time,To,Subject,Message,subject_fr,message_fr", "5,Police,Shots,Shots heard,Tirs,Tirs entendus"));
    expect(result.scenario?.languages).toEqual(["en", "fr"]);
    expect(result.scenario?.injects[0]).toMatchObject({ title: { en: "Shots", fr: "Tirs" }, content: { en: "Shots heard", fr: "Tirs entendus" } });
  });

  it("given a missing translation in one row, when imported, then it is an error naming the row and the language", () => {
    const result = run(csv("Time,To,Message,message_fr", "5,Police,Shots heard,"));
    expect(errors(result)).toEqual(["msel.csv:2:D: no fr subject or message (columns subject_fr, message_fr)"]);
  });

  it("given a base scenario, when the sheet lacks one of its languages, then the import stops with a clear error", () => {
    const result = run(csv("Time,To,Message", "5,Police,Shots heard"), { base: tinyScenario });
    expect(errors(result)).toEqual([expect.stringContaining("the base scenario is in en, fr but the sheet has no fr text")]);
  });

  it("given a base scenario, when recipients name roles it does not have, then they are errors", () => {
    const result = run(csv("Time,To,Message,message_fr", "5,Harbour master,Shots,Tirs"), { base: tinyScenario });
    expect(errors(result)).toEqual([expect.stringMatching(/^msel\.csv:2:B: unknown recipient "Harbour master"/)]);
  });

  it("given a base scenario, when an expectation refers to a zone the base lacks, then the validator's problem points at the row", () => {
    const expectations = JSON.stringify([{ id: "x-cordon", lead: "police", action: { action: "set-cordon", zone: "harbour" }, target: 5, jesip: "co-ordinate" }]);
    const result = run(csv("id,Time,To,Message,message_fr,expectations", `x,5,police,Shots,Tirs,"${expectations.replaceAll('"', '""')}"`), { base: tinyScenario });
    expect(errors(result)).toEqual([expect.stringMatching(/^msel\.csv:2: injects\[0\]\.expectations\[0\]\.action\.zone: unknown zone "harbour"/)]);
    // The base's branch refers to injects this sheet does not have: it is left out rather than left dangling.
    expect(warnings(result)).toContainEqual(expect.stringContaining('branch "hall-decision" of the base scenario needs injects crowd-question'));
  });

  it("given a bad --language, when imported, then it is refused", () => {
    expect(errors(run(csv("Time,To,Message", "5,Police,x"), { language: "english" }))).toEqual([
      "msel.csv: --language english: give a two-letter language code such as en or fr"
    ]);
  });
});
