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
