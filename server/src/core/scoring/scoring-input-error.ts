/** Thrown when a scenario and an event log do not fit together well enough to score; the message says where. */
export class ScoringInputError extends Error {
  /** seq of the offending event, when one is to blame. */
  readonly seq: number | null;
  constructor(message: string, seq: number | null = null) {
    super(seq === null ? message : `event seq ${seq}: ${message}`);
    this.name = "ScoringInputError";
    this.seq = seq;
  }
}
