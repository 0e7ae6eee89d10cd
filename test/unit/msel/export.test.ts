import { describe, expect, it } from "vitest";
import { exportMsel, exportMselCsv } from "../../../server/src/core/scenario/msel-export.ts";
import { parseCsv } from "../../../server/src/core/scenario/csv.ts";
import { recogniseHeader } from "../../../server/src/core/scenario/msel-columns.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";

const rowsIn = (language: string) => {
  const rows = exportMsel(tinyScenario, { language });
  const header = rows[0] as string[];
  const byId = (id: string) => rows.find((r) => r[header.indexOf("id")] === id) as string[];
  const cell = (row: string[], name: string) => row[header.indexOf(name)];
  return { rows, header, byId, cell };
};

describe("MSEL export", () => {
  it("given a scenario in English and French, when exported in English, then the usual columns come first, then the machine columns and the French text", () => {
    const { header } = rowsIn("en");
    expect(header).toEqual([
      "#", "Type", "Scenario time", "From", "To", "Method", "Subject", "Message", "Expected action", "Notes",
      "id", "trigger", "recipient_ids", "needs", "confirms", "expectations", "effects",
      "from_fr", "subject_fr", "message_fr"
    ]);
    // Every header reads back as the column it is.
    expect(header.every((h) => recogniseHeader(h) !== undefined)).toBe(true);
  });

  it("when exported, then STARTEX opens, phases are milestone rows in time order, and ENDEX closes at the duration", () => {
    const { rows, header } = rowsIn("en");
    const typeAndTime = rows.slice(1).map((r) => [r[header.indexOf("Type")], r[header.indexOf("Scenario time")]]);
    expect(typeAndTime[0]).toEqual(["STARTEX", "H+00:00"]);
    expect(typeAndTime[1]).toEqual(["Milestone", "H+00:00"]);
    expect(typeAndTime.at(-1)).toEqual(["ENDEX", "H+01:00"]);
    expect(typeAndTime.filter(([type]) => type === "Milestone").map(([, time]) => time)).toEqual(["H+00:00", "H+00:40"]);
  });

  it("when exported, then an inject row has its time, role names, method, text, readable expected actions and notes", () => {
    const { byId, cell } = rowsIn("en");
    const impact = byId("impact");
    expect(cell(impact, "Scenario time")).toBe("H+00:02");
    expect(cell(impact, "To")).toBe("Police");
    expect(cell(impact, "Method")).toBe("Radio");
    expect(cell(impact, "Subject")).toBe("Vehicle in the square");
    expect(cell(impact, "Expected action")).toBe(
      [
        "Police: acknowledge (within 1 min)",
        "Police: deploy patrol to Square (within 5 min)",
        "Police: share with Fire & EMS (within 3 min)"
      ].join("\n")
    );
    expect(cell(impact, "Notes")).toContain("Effects: casualties in Square: 3 critical, 4 serious, 10 minor");
    expect(cell(impact, "Notes")).toContain("Also needed by: Fire & EMS.");
    expect(cell(impact, "recipient_ids")).toBe("police");
    expect(cell(impact, "needs")).toBe("fire-ems");
    expect(JSON.parse(cell(impact, "expectations") as string)).toEqual(tinyScenario.injects[0]?.expectations);
    expect(cell(impact, "subject_fr")).toBe("Vehicle in the square (fr)");
  });

  it("when exported, then a triggered inject has no time, a compact trigger and a sentence saying how it is released", () => {
    const { byId, cell } = rowsIn("en");
    const escalation = byId("escalation");
    expect(cell(escalation, "Scenario time")).toBe("");
    expect(cell(escalation, "trigger")).toBe("onMissed:relay-impact");
    expect(cell(escalation, "Notes")).toBe("Released if expectation relay-impact is missed.");
    const cordon = byId("cordon-feedback");
    expect(JSON.parse(cell(cordon, "trigger") as string)).toEqual({ onAction: { action: "set-cordon", zone: "square" }, delay: 1 });
  });

  it("given French, when exported, then the human columns and their headers are French and English moves to tagged columns", () => {
    const { header, byId, cell } = rowsIn("fr");
    expect(header.slice(0, 10)).toEqual(["N°", "Type", "Temps exercice", "De", "Destinataires", "Moyen", "Objet", "Message", "Action attendue", "Notes"]);
    expect(header.slice(-3)).toEqual(["from_en", "subject_en", "message_en"]);
    const impact = byId("impact");
    expect(cell(impact, "Objet")).toBe("Vehicle in the square (fr)");
    expect(cell(impact, "Moyen")).toBe("Radio");
    expect(cell(impact, "Action attendue")).toContain("Police (fr): déployer patrol vers Square (fr) (sous 5 min)");
    expect(cell(impact, "subject_en")).toBe("Vehicle in the square");
  });

  it("given a language the scenario lacks, when exporting, then the error names the scenario's languages", () => {
    expect(() => exportMsel(tinyScenario, { language: "de" })).toThrow('scenario "tiny" has no de text (its languages: en, fr)');
  });

  it("given ';' as separator, when exported as CSV, then the file reads back to the same rows", () => {
    const text = exportMselCsv(tinyScenario, { separator: ";" });
    const { table, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(table.separator).toBe(";");
    expect(table.rows).toEqual(exportMsel(tinyScenario));
  });
});
