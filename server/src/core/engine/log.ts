/**
 * The event log's one serialised form: JSON Lines, one event per line, in `seq` order. The server stores it, the
 * simulator writes it, `cordon report` reads it, and the HTTP API exports it.
 */
import type { ExerciseEvent } from "./events.ts";

export function eventToLine(event: ExerciseEvent): string {
  return JSON.stringify(event);
}

export function serialiseLog(events: readonly ExerciseEvent[]): string {
  let out = "";
  for (const event of events) out += JSON.stringify(event) + "\n";
  return out;
}

export class LogFormatError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

/**
 * Parses a JSON Lines log. Checks the envelope every event must have (a known-looking type, consecutive seq, x
 * never decreasing) and that the log starts with `exercise-created`; throws LogFormatError naming the line.
 */
export function parseLog(text: string): ExerciseEvent[] {
  const events: ExerciseEvent[] = [];
  const lines = text.split("\n");
  let lastX = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === "") continue;
    const lineNo = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new LogFormatError(lineNo, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new LogFormatError(lineNo, "an event must be a JSON object");
    }
    const event = value as Record<string, unknown>;
    if (typeof event.type !== "string" || event.type === "") throw new LogFormatError(lineNo, 'missing "type"');
    const expectedSeq = events.length + 1;
    if (event.seq !== expectedSeq) {
      throw new LogFormatError(lineNo, `"seq" should be ${expectedSeq}, found ${JSON.stringify(event.seq)}`);
    }
    if (typeof event.t !== "number" || !Number.isFinite(event.t)) throw new LogFormatError(lineNo, 'missing "t"');
    if (typeof event.x !== "number" || !Number.isFinite(event.x) || event.x < lastX) {
      throw new LogFormatError(lineNo, `"x" must be a number not below the previous event's (${lastX})`);
    }
    if (events.length === 0 && event.type !== "exercise-created") {
      throw new LogFormatError(lineNo, 'a log starts with an "exercise-created" event');
    }
    lastX = event.x;
    events.push(value as ExerciseEvent);
  }
  if (events.length === 0) throw new LogFormatError(1, "the log is empty");
  return events;
}
