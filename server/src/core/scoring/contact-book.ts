/**
 * Who had spoken to whom, and when: the first and the latest message between every pair of roles, whichever way
 * it went. Duplicated effort ("no message between them before") and contradicting public messages ("no message
 * between them in the window") are judged against it.
 */
export class ContactBook {
  readonly size: number;
  private readonly firstSeq: Float64Array;
  private readonly lastX: Float64Array;

  constructor(size: number) {
    this.size = size;
    this.firstSeq = new Float64Array(size * size).fill(Number.POSITIVE_INFINITY);
    this.lastX = new Float64Array(size * size).fill(Number.NEGATIVE_INFINITY);
  }

  record(a: number, b: number, seq: number, x: number): void {
    if (a === b) return;
    const ab = a * this.size + b;
    const ba = b * this.size + a;
    if (this.firstSeq[ab] === Number.POSITIVE_INFINITY) {
      this.firstSeq[ab] = seq;
      this.firstSeq[ba] = seq;
    }
    this.lastX[ab] = x;
    this.lastX[ba] = x;
  }

  /** Whether roles a and b exchanged a message in an event before `seq`. */
  spokeBefore(a: number, b: number, seq: number): boolean {
    return this.firstSeq[a * this.size + b]! < seq;
  }

  /** x of the latest message between a and b recorded so far (−∞ if none). */
  lastContactX(a: number, b: number): number {
    return this.lastX[a * this.size + b]!;
  }
}
