/**
 * `cordon schema`: writes the JSON Schema of the scenario format, generated from the zod schema, for editors
 * (scenarios/scenario.schema.json, used by the YAML extension through the `$schema` comment in each file).
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliCommand, CliIo } from "../command.ts";
import { UsageError, parseCommandLine } from "../command.ts";
import { scenarioJsonSchemaText } from "../../core/scenario/json-schema.ts";

const usage = `Usage: cordon schema [--out FILE]

Prints the JSON Schema of the scenario format (generated from the validator's own schema), or writes it to FILE.
Regenerate the committed copy with: npm run schema   (writes scenarios/scenario.schema.json)

Options:
  --out FILE   write the schema to FILE instead of standard output`;

export const schemaCommand: CliCommand = {
  name: "schema",
  summary: "print or write the JSON Schema of the scenario format",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const out = parse(args);
    const text = scenarioJsonSchemaText();
    if (out === undefined) {
      io.out(text);
      return 0;
    }
    await writeFile(resolve(io.cwd, out), text, "utf8");
    io.out(`JSON Schema written to ${out}`);
    return 0;
  }
};

function parse(args: string[]): string | undefined {
  const { values, positionals } = parseCommandLine(args, { out: { type: "string" } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.out === "") throw new UsageError("--out needs a file name");
  return values.out;
}
