import { describe, expect, it } from "vitest";
import type { ExpectedActionContext } from "../../../server/src/core/scenario/msel-expected-action.ts";
import { readExpectedAction, splitClauses, targetFromText } from "../../../server/src/core/scenario/msel-expected-action.ts";
import { EMPTY_ROLE_MAPPING, openCatalogue } from "../../../server/src/core/scenario/msel-roles.ts";

const context: ExpectedActionContext = {
  catalogue: openCatalogue(EMPTY_ROLE_MAPPING),
  zones: [
    { id: "market-square", names: ["Market square", "Place du marché"] },
    { id: "staging-area", names: ["Staging area"] }
  ],
  roads: [{ id: "ring-road", names: ["Ring road", "Rocade"] }],
  defaultZone: "market-square",
  defaultRoad: "ring-road"
};

const read = (text: string, lead = "police") => readExpectedAction(text, lead, context);

describe("expected action in free text", () => {
  it.each([
    ["Acknowledge", { action: "acknowledge" }],
    ["Accuser réception", { action: "acknowledge" }],
    ["Share with Fire and the council", { action: "share", to: ["fire-ems", "municipality"] }],
    ["Relay to Communication", { action: "share", to: ["communication"] }],
    ["Inform partners", { action: "share" }],
    ["Deploy armed response", { action: "deploy", unitType: "armed-response" }],
    ["Dispatch ambulances to the staging area", { action: "deploy", unitType: "ambulance", zone: "staging-area" }],
    ["Send patrols", { action: "deploy", unitType: "patrol" }],
    ["Set an outer cordon", { action: "set-cordon", zone: "market-square", level: "outer" }],
    ["Cordon off the place du marché", { action: "set-cordon", zone: "market-square" }],
    ["Evacuate the staging area", { action: "evacuate", zone: "staging-area" }],
    ["Close road", { action: "close-road", road: "ring-road" }],
    ["Fermer la rocade", { action: "close-road", road: "ring-road" }],
    ["Request mutual aid", { action: "request-resources" }],
    ["Decide on the evacuation route", { action: "decision" }],
    ["Joint decision on lead agency", { action: "decision" }],
    ["Send METHANE to Fire and Council", { action: "methane", to: ["fire-ems", "municipality"] }],
    ["Issue a holding statement", { action: "public-message", topic: "holding-statement" }],
    ["Tweet Run Hide Tell advice", { action: "public-message", topic: "run-hide-tell" }],
    ["Press release about road closures", { action: "public-message", topic: "road-closures" }],
    ["Démentir la rumeur", { action: "public-message", topic: "rumour-correction" }]
  ])("given %j, when read, then the action is %j", (text, action) => {
    const reading = read(text);
    expect(reading.unread).toEqual([]);
    expect(reading.actions.map((a) => a.action)).toEqual([action]);
  });

  it("given several actions with their own targets, when read, then each becomes its own action with its target", () => {
    const reading = read("Acknowledge within 2 min, then deploy ARV within 5 min; inform LAS");
    expect(reading.actions.map((a) => [a.action.action, a.target])).toEqual([
      ["acknowledge", 2],
      ["deploy", 5],
      ["share", undefined]
    ]);
  });

  it("given 'and' between two actions, when read, then it splits; between two roles, it does not", () => {
    expect(read("Acknowledge and deploy patrols").actions.map((a) => a.action.action)).toEqual(["acknowledge", "deploy"]);
    expect(read("Share with Police and Fire").actions).toHaveLength(1);
  });

  it("given a role before a colon, when read, then that role leads every action of the clause", () => {
    const reading = read("Fire: deploy HART and request resources", "police");
    expect(reading.actions.map((a) => [a.lead, a.action.action, a.action.unitType])).toEqual([
      ["fire-ems", "deploy", "hart"],
      ["fire-ems", "request-resources", undefined]
    ]);
  });

  it("given a clause with no action word, when read, then it is returned as unread", () => {
    const reading = read("Acknowledge; remain calm and professional");
    expect(reading.actions.map((a) => a.action.action)).toEqual(["acknowledge"]);
    expect(reading.unread).toEqual(["remain calm and professional"]);
  });

  it("given target phrases in English and French, when read, then the minutes are found", () => {
    expect(targetFromText("within 5 min")).toBe(5);
    expect(targetFromText("dans les 10 minutes")).toBe(10);
    expect(targetFromText("sous 2,5 min")).toBe(2.5);
    expect(targetFromText("(target 3 min)")).toBe(3);
    expect(targetFromText("within 1 h")).toBe(60);
    expect(targetFromText("quickly")).toBeUndefined();
  });

  it("given bullets and sentences, when split, then each is a clause", () => {
    expect(splitClauses("- Acknowledge\n- Deploy. Inform council")).toEqual(["Acknowledge", "Deploy", "Inform council"]);
  });
});
