/**
 * A progress bar on standard error. Drawn in place on a terminal; elsewhere (CI, pipes) it prints a line at each
 * quarter so logs stay readable.
 */
import type { CliIo } from "./command.ts";

const WIDTH = 30;

export class ProgressBar {
  private readonly io: CliIo;
  private readonly label: string;
  private lastDrawn = -1;

  constructor(io: CliIo, label: string) {
    this.io = io;
    this.label = label;
  }

  update(fraction: number): void {
    const percent = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
    if (this.io.isTty) {
      if (percent === this.lastDrawn) return;
      this.lastDrawn = percent;
      const filled = Math.round((percent / 100) * WIDTH);
      process.stderr.write(`\r${this.label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(percent).padStart(3)}%`);
      return;
    }
    const quarter = Math.floor(percent / 25) * 25;
    if (quarter <= this.lastDrawn) return;
    this.lastDrawn = quarter;
    this.io.err(`${this.label}: ${quarter}%`);
  }

  done(): void {
    this.update(1);
    if (this.io.isTty) process.stderr.write("\n");
  }
}
