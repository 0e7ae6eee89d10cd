import { describe, expect, it } from "vitest";
import {
  ALL_ROLES,
  EMPTY_ROLE_MAPPING,
  builtInKind,
  closedCatalogue,
  openCatalogue,
  parseRoleMapping,
  resolveRecipients,
  roleName
} from "../../../server/src/core/scenario/msel-roles.ts";

const builtIn = openCatalogue(EMPTY_ROLE_MAPPING);

describe("recipients → roles, built-in rules", () => {
  it.each([
    ["Police Gold", ["police"]],
    ["Met Police control room", ["police"]],
    ["City of London Police", ["police"]],
    ["Gendarmerie", ["police"]],
    ["Mairie / Ville", ["municipality"]],
    ["Police municipale", ["municipality"]],
    ["Council CCTV control", ["municipality"]],
    ["SAMU", ["fire-ems"]],
    ["Pompiers", ["fire-ems"]],
    ["LFB", ["fire-ems"]],
    ["Fire and Rescue Service", ["fire-ems"]],
    ["SAMU / SMUR / SDIS", ["fire-ems"]],
    ["Press office", ["communication"]],
    ["Comms", ["communication"]],
    ["Police press office", ["communication"]],
    ["Mairie - service communication", ["communication"]],
    ["Police, Fire", ["police", "fire-ems"]],
    ["Police and LAS", ["police", "fire-ems"]],
    ["Police Gold; Comms\nMairie", ["police", "communication", "municipality"]],
    ["All players", [ALL_ROLES]],
    ["Tous les joueurs", [ALL_ROLES]]
  ])("given the recipient %j, when resolved, then the roles are %j", (cell, roles) => {
    expect(resolveRecipients(cell, builtIn)).toEqual({ roleIds: roles, unknown: [] });
  });

  it("given a name no rule knows, when resolved, then it comes back as unknown next to the names that resolved", () => {
    expect(resolveRecipients("Police; Préfecture", builtIn)).toEqual({ roleIds: ["police"], unknown: ["Préfecture"] });
  });

  it("given texts, when asking for the agency family, then the longest matching phrase decides", () => {
    expect(builtInKind("Police press team")).toBe("communication");
    expect(builtInKind("Préfecture de police")).toBe("police");
    expect(builtInKind("Weather service")).toBeUndefined();
  });
});

describe("recipients → roles, with a mapping file", () => {
  const { mapping, problems } = parseRoleMapping({
    roles: {
      "met-police": ["Police Gold", "Met control"],
      prefecture: ["Préfecture", "COD"],
      "event-security": "Stewards"
    },
    kinds: { "met-police": "police", prefecture: "other" },
    names: { prefecture: { en: "Prefecture", fr: "Préfecture" } }
  });
  const catalogue = openCatalogue(mapping);

  it("given a valid mapping, when parsed, then there are no problems and single names become lists", () => {
    expect(problems).toEqual([]);
    expect(mapping.roles["event-security"]).toEqual(["Stewards"]);
  });

  it("given the mapping's roles, when building the catalogue, then core kinds it covers are not duplicated and core roles come first", () => {
    expect(catalogue.roles.map(({ id, kind }) => ({ id, kind }))).toEqual([
      { id: "met-police", kind: "police" },
      { id: "municipality", kind: "municipality" },
      { id: "fire-ems", kind: "fire-ems" },
      { id: "communication", kind: "communication" },
      { id: "prefecture", kind: "other" },
      { id: "event-security", kind: "other" }
    ]);
  });

  it("given names in the mapping, when resolved, then the mapping wins and built-in police matches go to its police role", () => {
    expect(resolveRecipients("Police Gold", catalogue).roleIds).toEqual(["met-police"]);
    expect(resolveRecipients("Gendarmerie", catalogue).roleIds).toEqual(["met-police"]);
    expect(resolveRecipients("COD / SAMU", catalogue).roleIds).toEqual(["prefecture", "fire-ems"]);
    expect(resolveRecipients("Stewards at gate 3", catalogue).roleIds).toEqual(["event-security"]);
    expect(resolveRecipients("prefecture", catalogue).roleIds).toEqual(["prefecture"]);
  });

  it("given role names, when asked per language, then the mapping's names, the family defaults and the first phrase are used", () => {
    expect(roleName("prefecture", "other", ["en", "fr"], mapping)).toEqual({ en: "Prefecture", fr: "Préfecture" });
    expect(roleName("municipality", "municipality", ["en", "fr"], mapping)).toEqual({ en: "Municipality", fr: "Mairie" });
    expect(roleName("event-security", "other", ["en"], mapping)).toEqual({ en: "Stewards" });
  });

  it("given a mapping with a bad kind and a bad id, when parsed, then each problem names its key", () => {
    const bad = parseRoleMapping({ roles: { "Bad Id": ["x"] }, kinds: { x: "army" } });
    expect(bad.problems).toEqual([expect.stringContaining("roles"), expect.stringContaining("kinds.x")]);
  });

  it("given a base scenario's roles, when resolving, then only those roles exist, found by id, by name or by family", () => {
    const closed = closedCatalogue(
      [
        { id: "police", kind: "police" },
        { id: "city", kind: "municipality" },
        { id: "transport-operator", kind: "other", name: { en: "Tram and bus operator", fr: "Exploitant tram et bus" } }
      ],
      EMPTY_ROLE_MAPPING
    );
    expect(resolveRecipients("Mairie; SAMU", closed)).toEqual({ roleIds: ["city"], unknown: ["SAMU"] });
    expect(resolveRecipients("Tram and bus operator; Exploitant tram et bus; police", closed).roleIds).toEqual(["transport-operator", "police"]);
  });
});
