/**
 * The `cordon` command: the facilitator's and developer's tool for the scenario library, simulations and reports.
 * Each sub-command lives in its own file under ./commands and is listed here.
 */
import type { CliCommand, CliIo } from "./command.ts";
import { UsageError } from "./command.ts";
import { listCommand } from "./commands/list.ts";
import { schemaCommand } from "./commands/schema.ts";
import { validateCommand } from "./commands/validate.ts";
import { mselCommand } from "./commands/msel.ts";
import { simulateCommand } from "./commands/simulate.ts";
import { reportCommand } from "./commands/report.ts";

const COMMANDS: CliCommand[] = [
  listCommand,
  validateCommand,
  schemaCommand,
  mselCommand,
  simulateCommand,
  reportCommand,
];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 8);
  return [
    "cordon — tabletop crisis-exercise simulator",
    "",
    "Usage: cordon <command> [options]   (cordon <command> --help for details)",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    ""
  ].join("\n");
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`cordon: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage + "\n");
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cordon ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.err(`cordon ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// Run when executed directly (node server/src/cli/main.ts ...), not when imported by tests.
if (import.meta.main) {
  const io: CliIo = {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
    isTty: Boolean(process.stderr.isTTY),
    cwd: process.cwd()
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
