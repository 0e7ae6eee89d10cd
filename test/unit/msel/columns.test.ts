import { describe, expect, it } from "vitest";
import { guessHeaderLanguage, recogniseColumns, recogniseHeader } from "../../../server/src/core/scenario/msel-columns.ts";

describe("MSEL column headers", () => {
  it.each([
    ["#", "number"],
    ["No.", "number"],
    ["Serial", "number"],
    ["Inject No", "number"],
    ["N°", "number"],
    ["Scenario Time", "time"],
    ["Exercise time", "time"],
    ["H+", "time"],
    ["T+", "time"],
    ["Real time", "clock"],
    ["Clock time", "clock"],
    ["Heure réelle", "clock"],
    ["FROM", "from"],
    ["Source", "from"],
    ["Émetteur", "from"],
    ["To", "to"],
    ["Recipient", "to"],
    ["Player", "to"],
    ["Destinataire(s)", "to"],
    ["Method", "method"],
    ["Channel", "method"],
    ["Delivery", "method"],
    ["Moyen", "method"],
    ["Subject", "subject"],
    ["Title", "subject"],
    ["Objet", "subject"],
    ["Message", "message"],
    ["Inject", "message"],
    ["Description", "message"],
    ["Inject / Message", "message"],
    ["Expected action", "expected"],
    ["Expected Player Action", "expected"],
    ["Action attendue", "expected"],
    ["Notes", "notes"],
    ["Controller notes", "notes"],
    ["Within", "target"],
    ["recipient_ids", "recipientIds"],
    ["expectations", "expectations"],
    ["trigger", "trigger"]
  ])("given the header %s, when recognised, then it is the %s column", (header, field) => {
    expect(recogniseHeader(header)?.field).toBe(field);
  });

  it("given language-tagged text headers, when recognised, then the field and the language are both known", () => {
    expect(recogniseHeader("message_fr")).toMatchObject({ field: "message", language: "fr" });
    expect(recogniseHeader("Subject (DE)")).toMatchObject({ field: "subject", language: "de" });
    expect(recogniseHeader("from_it")).toMatchObject({ field: "from", language: "it" });
    // "Inject No" is a number column, not the message in Norwegian.
    expect(recogniseHeader("Inject No")).toMatchObject({ field: "number" });
    expect(recogniseHeader("Inject No")?.language).toBeUndefined();
  });

  it("given unknown and repeated headers, when recognised, then they are reported with their column letter and ignored", () => {
    const { columns, problems } = recogniseColumns(["#", "Weather", "Message", "Description"], 3);
    expect(columns.map((c) => [c.letter, c.field])).toEqual([["A", "number"], ["C", "message"]]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: "note", row: 3, column: "B", message: expect.stringContaining("Weather") }),
      expect.objectContaining({ severity: "warning", row: 3, column: "D", message: expect.stringContaining("repeats column C") })
    ]);
  });

  it("given French-only headers, when guessing the sheet's language, then it is French; English-only gives English", () => {
    expect(guessHeaderLanguage(recogniseColumns(["N°", "Destinataire", "Objet", "Message"]).columns)).toBe("fr");
    expect(guessHeaderLanguage(recogniseColumns(["#", "Recipient", "Subject", "Message"]).columns)).toBe("en");
  });
});
