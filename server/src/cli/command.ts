import { parseArgs } from "node:util";
import type { ParseArgsOptionsConfig } from "node:util";
/** One `cordon` sub-command: its help text and what it does with the rest of the command line. */
export interface CliCommand {
  name: string;
  /** One line for `cordon --help`. */
  summary: string;
  /** The full usage text for `cordon <name> --help`. */
  usage: string;
  /** Runs the command; resolves to the process exit code. Output goes to the given streams. */
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when standard error is a terminal (progress bars are drawn only then). */
  isTty: boolean;
  cwd: string;
}

/** A usage mistake: reported with the command's usage and exit code 2. */
export class UsageError extends Error {}

/**
 * Parses a sub-command's arguments (positionals allowed, unknown options refused); a malformed command line
 * becomes a UsageError, so the user sees what was wrong next to the command's usage.
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
