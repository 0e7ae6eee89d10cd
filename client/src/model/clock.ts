/**
 * The exercise clock on the client. The room replicates the clock's anchor (exercise ms `baseX` at server wall
 * time `anchorT`, running at `speed`) and refreshes `serverNow` about once a second; the client estimates the
 * server's wall clock from those samples and computes exercise time locally every frame, so the clock and moving
 * units advance smoothly between patches.
 */
export interface ClockAnchor {
  status: string;
  baseX: number;
  anchorT: number;
  speed: number;
  durationMs: number;
}

/**
 * Server wall time from samples of (server time, local receipt time). A sample arrives late by the network delay,
 * never early, so the largest offset among recent samples is the best estimate; old samples are dropped so that
 * clock drift on either side is followed.
 */
export class ServerTimeEstimate {
  private readonly offsets: number[] = [];
  private readonly keep: number;
  private lastServerNow = Number.NaN;

  constructor(keep = 8) {
    this.keep = keep;
  }

  /** Records `serverNow` if it is a new value; returns whether it was used. */
  sample(serverNow: number, localNow: number): boolean {
    if (!Number.isFinite(serverNow) || serverNow <= 0 || serverNow === this.lastServerNow) return false;
    this.lastServerNow = serverNow;
    this.offsets.push(serverNow - localNow);
    if (this.offsets.length > this.keep) this.offsets.shift();
    return true;
  }

  /** Server minus local milliseconds; 0 before any sample. */
  offset(): number {
    return this.offsets.length === 0 ? 0 : Math.max(...this.offsets);
  }

  serverNow(localNow: number): number {
    return localNow + this.offset();
  }
}

/** Exercise ms at server wall time `serverNow`: frozen unless running, never past the exercise's duration. */
export function exerciseTimeAt(clock: ClockAnchor, serverNow: number): number {
  if (clock.status !== "running") return clock.baseX;
  const elapsed = serverNow > clock.anchorT ? serverNow - clock.anchorT : 0;
  const x = clock.baseX + elapsed * clock.speed;
  return clock.durationMs > 0 ? Math.min(x, clock.durationMs) : x;
}
