/**
 * The scenario library on disk: a folder of YAML files, read with their problems, found by id or by path.
 */
import { mkdtemp, rm, truncate, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatProblem } from "../../../server/src/core/scenario/validate.ts";
import {
  DEFAULT_SCENARIO_DIR,
  loadLibrary,
  loadScenario,
  readScenarioFile,
  ScenarioLoadError
} from "../../../server/src/library/library.ts";
import { MINIMAL_FILE, MINIMAL_TEXT, minimalWith } from "./scenario-text.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cordon-library-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const secondScenario = minimalWith(["id: minimal-market", "id: another-market"], ["title:\n  en: Vehicle into the Christmas market (minimal)", "title:\n  en: Another market"]);

describe("loadLibrary", () => {
  it("lists valid scenarios sorted by id and reports invalid files without hiding the others", async () => {
    // given two valid scenarios, one broken file, a JSON Schema and a README in the folder
    await writeFile(join(dir, "z-market.yaml"), MINIMAL_TEXT);
    await writeFile(join(dir, "another.yml"), secondScenario);
    await writeFile(join(dir, "broken.yaml"), minimalWith(["duration: 60", "duration: soon"]));
    await writeFile(join(dir, "scenario.schema.json"), "{}");
    await writeFile(join(dir, "README.md"), "# notes");
    // when the library is loaded
    const { entries, problems } = await loadLibrary(dir);
    // then the valid ones are listed by id and the broken one reported with its position
    expect(entries.map((e) => [e.id, e.file])).toEqual([
      ["another-market", join(dir, "another.yml")],
      ["minimal-market", join(dir, "z-market.yaml")]
    ]);
    expect(problems.map(formatProblem)).toEqual([`${join(dir, "broken.yaml")}:12:11: duration: expected a number, got the text "soon"`]);
  });

  it("reports two files with the same scenario id at the second file's id", async () => {
    await writeFile(join(dir, "a.yaml"), MINIMAL_TEXT);
    await writeFile(join(dir, "b.yaml"), MINIMAL_TEXT);
    const { entries, problems } = await loadLibrary(dir);
    expect(entries.map((e) => e.file)).toEqual([join(dir, "a.yaml")]);
    expect(problems.map(formatProblem)).toEqual([`${join(dir, "b.yaml")}:4:1: id: scenario id "minimal-market" is already used by ${join(dir, "a.yaml")}`]);
  });

  it("reports a missing folder", async () => {
    const { entries, problems } = await loadLibrary(join(dir, "nope"));
    expect(entries).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual(["cannot read the scenario library: no such folder"]);
  });

  it("finds the repository's scenarios folder from its own location", () => {
    expect(DEFAULT_SCENARIO_DIR).toBe(join(MINIMAL_FILE, "..", "..", "..", "..", "scenarios"));
  });

  it("holds only valid scenarios in the repository's library", async () => {
    const { problems } = await loadLibrary();
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

describe("readScenarioFile", () => {
  it("refuses an oversized file by its size, without reading it", async () => {
    // given a sparse 3 MiB file
    const file = join(dir, "huge.yaml");
    await writeFile(file, "");
    await truncate(file, 3 * 1024 * 1024);
    // when read
    const { scenario, problems } = await readScenarioFile(file, "huge.yaml");
    // then it is refused by size
    expect(scenario).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual(["huge.yaml:1:1: (root): the file is too large (3.0 MiB); scenario files are limited to 2.0 MiB"]);
  });

  it("reports a missing file and a folder", async () => {
    await mkdir(join(dir, "folder.yaml"));
    expect((await readScenarioFile(join(dir, "missing.yaml"), "missing.yaml")).problems.map(formatProblem)).toEqual([
      "missing.yaml:1:1: (root): no such file"
    ]);
    expect((await readScenarioFile(join(dir, "folder.yaml"), "folder.yaml")).problems.map(formatProblem)).toEqual([
      "folder.yaml:1:1: (root): is a folder, not a scenario file"
    ]);
  });

  it("reports invalid UTF-8 at its position", async () => {
    const file = join(dir, "latin1.yaml");
    await writeFile(file, Buffer.concat([Buffer.from("id: x\ntitle: { en: caf"), Buffer.from([0xe9]), Buffer.from(" }\n")]));
    expect((await readScenarioFile(file, "latin1.yaml")).problems.map(formatProblem)).toEqual([
      "latin1.yaml:2:17: (root): the file is not valid UTF-8 text"
    ]);
  });
});

describe("loadScenario", () => {
  it("finds a scenario by its id in the library", async () => {
    await writeFile(join(dir, "market.yaml"), MINIMAL_TEXT);
    const entry = await loadScenario("minimal-market", dir);
    expect(entry.id).toBe("minimal-market");
    expect(entry.scenario.injects).toHaveLength(6);
  });

  it("loads a file by path, relative or absolute", async () => {
    expect((await loadScenario(MINIMAL_FILE)).id).toBe("minimal-market");
    expect((await loadScenario("test/fixtures/scenarios/minimal.yaml")).file).toBe(MINIMAL_FILE);
  });

  it("throws an error listing every problem of an invalid file", async () => {
    const file = join(dir, "bad.yaml");
    await writeFile(file, minimalWith(["channel: radio\n    from:", "channel: pager\n    from:"], ["    at: 20\n", "    at: 99\n"]));
    const error = await loadScenario(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioLoadError);
    expect((error as ScenarioLoadError).problems.map((p) => p.path)).toEqual(["injects[0].channel"]);
    expect((error as Error).message).toBe(
      `scenario file ${file} is not valid:\n${file}:85:14: injects[0].channel: must be one of: radio, phone, email, social-media, press, cctv, sensor, citizen-report, briefing; got the text "pager"`
    );
  });

  it("explains an unknown id with the ids available", async () => {
    await writeFile(join(dir, "market.yaml"), MINIMAL_TEXT);
    await writeFile(join(dir, "broken.yaml"), "id: [");
    await expect(loadScenario("stadium", dir)).rejects.toThrow(
      `no scenario "stadium" in ${dir} (available: minimal-market); 1 library file has problems (run cordon list)`
    );
  });

  it("shows the problems of the library file named after the id asked for", async () => {
    await writeFile(join(dir, "stadium.yaml"), "id: stadium\n");
    const error = (await loadScenario("stadium", dir).catch((e: unknown) => e)) as ScenarioLoadError;
    expect(error.message.split("\n")[0]).toBe('scenario "stadium" is not valid:');
    expect(error.problems.map((p) => p.path)).toContain("injects");
  });
});
