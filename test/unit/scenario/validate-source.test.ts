/**
 * Reading the text of a scenario: malformed and hostile input is refused quickly, with one clear message at the
 * right line and column, and never crashes or hangs the validator.
 */
import { describe, expect, it } from "vitest";
import { formatProblem, MAX_SCENARIO_BYTES, parseScenarioText } from "../../../server/src/core/scenario/validate.ts";
import { MINIMAL_TEXT, problemsOf } from "./scenario-text.ts";

function only(text: string) {
  const { scenario, problems } = parseScenarioText(text, "bad.yaml");
  expect(scenario).toBeUndefined();
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

/** Runs `fn` and returns how long it took, in milliseconds. */
function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

describe("parseScenarioText on malformed YAML", () => {
  it("reports a syntax error at its line and column", () => {
    // given an unclosed flow sequence
    const text = "id: x\nlanguages: [en, fr\ntitle: { en: T }\n";
    // when validated
    const problem = only(text);
    // then the parser's error is reported where the parser noticed it
    expect(formatProblem(problem)).toBe(
      "bad.yaml:3:1: (root): YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]"
    );
  });

  it("reports tabs used as indentation", () => {
    const problem = only("id: x\nsite:\n\tname: { en: S }\n");
    expect([problem.line, problem.column]).toEqual([3, 1]);
    expect(problem.message).toBe("YAML syntax error: Tabs are not allowed as indentation");
  });

  it("reports a duplicate key at the second occurrence, naming the first", () => {
    // given a scenario whose id is written twice
    const text = MINIMAL_TEXT.replace("languages: [en]\n", "languages: [en]\nid: other-id\n");
    // when validated
    const { scenario, problems } = parseScenarioText(text, "dup.yaml");
    // then only the duplicate is reported, on the line of the second key
    expect(scenario).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual(['dup.yaml:12:1: id: duplicate key "id" (first at line 4)']);
  });

  it("reports a duplicate key nested in a list with its data path", () => {
    const text = MINIMAL_TEXT.replace("      kind: market\n", "      kind: market\n      kind: square\n");
    expect(problemsOf(text).map(formatProblem)).toEqual([
      'test.yaml:29:7: site.zones[0].kind: duplicate key "kind" (first at line 28)'
    ]);
  });

  it("refuses a second YAML document in the same file", () => {
    const problem = only("id: a\n---\nid: b\n");
    expect(formatProblem(problem)).toBe(
      "bad.yaml:2:1: (root): a scenario file holds exactly one YAML document, but a second one starts here (after ---)"
    );
  });

  it("refuses an empty file and a file of comments only", () => {
    for (const text of ["", "\n\n", "# nothing here yet\n"]) {
      expect(formatProblem(only(text))).toBe("bad.yaml:1:1: (root): the file is empty: expected a scenario (a YAML mapping)");
    }
  });

  it("refuses a top level that is not a mapping", () => {
    expect(only("- police\n- fire-ems\n").message).toBe("a scenario must be a mapping of keys to values, got a list of 2 items");
    expect(only("just a sentence\n").message).toBe('a scenario must be a mapping of keys to values, got the text "just a sentence"');
    expect(only("42\n").message).toBe("a scenario must be a mapping of keys to values, got the number 42");
  });

  it("refuses a key that is itself a list", () => {
    const problem = only("? [a, b]\n: 1\n");
    expect([problem.line, problem.column, problem.path]).toEqual([1, 3, ""]);
    expect(problem.message).toBe("a mapping key must be plain text, not a list, mapping or alias");
  });

  it("reports an unresolved YAML tag", () => {
    const problems = problemsOf(MINIMAL_TEXT.replace("duration: 60", "duration: !minutes 60"));
    expect(problems.map(formatProblem)).toContain("test.yaml:12:11: (root): YAML warning: Unresolved tag: !minutes");
  });

  it("caps a cascade of syntax errors", () => {
    const text = Array.from({ length: 60 }, (_, i) => `k${i}: "unclosed\n`).join("") + "\n";
    const problems = problemsOf(text);
    expect(problems.length).toBeLessThanOrEqual(21);
  });
});

describe("parseScenarioText on hostile input", () => {
  it("refuses an alias bomb ('billion laughs') at its first alias, quickly", () => {
    // given nine levels of nine-fold aliases: 9^9 strings if expanded
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
    // when validated
    const { result: problem, ms } = timed(() => only(lines.join("\n") + "\n"));
    // then it is refused at the first alias, without expanding it
    expect(formatProblem(problem)).toBe(
      'bad.yaml:2:10: (root): aliases expand to too much data (more than 100 alias expansions): refused as a possible "billion laughs" attack'
    );
    expect(ms).toBeLessThan(2000);
  });

  it("refuses 100,000 nested brackets without overflowing the stack", () => {
    const { result: problem, ms } = timed(() => only("[".repeat(100_000)));
    expect(formatProblem(problem)).toBe("bad.yaml:1:129: (root): the document is nested or indented too deeply (more than 128 levels)");
    expect(ms).toBeLessThan(2000);
  });

  it("refuses deeply nested block sequences and mappings", () => {
    expect(only("- ".repeat(50_000) + "x\n").message).toMatch(/nested or indented too deeply/);
    expect(only('{"a": '.repeat(20_000) + "1" + "}".repeat(20_000)).message).toMatch(/nested or indented too deeply/);
  });

  it("accepts nesting well beyond what a scenario needs", () => {
    // 60 levels of flow nesting are legal YAML: not refused as too deep (the schema then rejects the content)
    const problems = problemsOf(`id: ${"[".repeat(60)}${"]".repeat(60)}\n`);
    expect(problems.map((p) => p.message).join("\n")).not.toMatch(/too deeply/);
  });

  it("refuses a file over the size limit before parsing it", () => {
    // given 3 MiB of text
    const text = `id: x\nsummary: { en: "${"a".repeat(3 * 1024 * 1024)}" }\n`;
    // when validated
    const { result: problem, ms } = timed(() => only(text));
    // then it is refused by size
    expect(formatProblem(problem)).toBe("bad.yaml:1:1: (root): the file is too large (3.0 MiB); scenario files are limited to 2.0 MiB");
    expect(ms).toBeLessThan(1000);
  });

  it("counts the size in UTF-8 bytes, not characters", () => {
    // 800k three-byte characters: under the limit in characters, 2.3 MiB in bytes
    const text = `id: x\nsummary: { en: "${"€".repeat(800_000)}" }\n`;
    expect(text.length).toBeLessThan(MAX_SCENARIO_BYTES);
    expect(only(text).message).toMatch(/^the file is too large \(2\.3 MiB\)/);
  });

  it("refuses binary data, naming the first offending byte", () => {
    // given bytes of a PNG header decoded as text
    const text = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR";
    // when validated
    const problem = only(text);
    // then the first character YAML does not allow is reported
    expect([problem.line, problem.column]).toEqual([1, 1]);
    expect(problem.message).toBe("the file contains the control character U+0089, which YAML does not allow");
  });

  it("refuses a NUL byte and invalid UTF-8 with their positions", () => {
    expect(formatProblem(only("id: x\ntitle: a\u0000b\n"))).toBe(
      "bad.yaml:2:9: (root): the file contains a NUL byte: it looks like a binary file, not YAML"
    );
    expect(formatProblem(only("id: x\ntitle: caf\uFFFD\n"))).toBe("bad.yaml:2:11: (root): the file is not valid UTF-8 text");
  });

  it("never throws on random bytes", () => {
    // given 200 pseudo-random byte strings from a fixed linear congruential sequence
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 400) }, () => next() % 256);
      const text = new TextDecoder().decode(bytes);
      // when validated, then there is at least one located problem and no exception
      const { scenario, problems } = parseScenarioText(text, "random.bin");
      expect(scenario).toBeUndefined();
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(1);
    }
  });

  it("parses a large but legitimate file in reasonable time", () => {
    // given the minimal scenario padded with 1.5 MiB of comments and a long summary
    const padding = "# " + "x".repeat(98) + "\n";
    const text = MINIMAL_TEXT + padding.repeat(15_000);
    // when validated, then it is valid and quick
    const { result, ms } = timed(() => parseScenarioText(text, "big.yaml"));
    expect(result.problems).toEqual([]);
    expect(ms).toBeLessThan(5000);
  });
});
