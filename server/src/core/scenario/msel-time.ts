/**
 * Reading and writing MSEL times. Exercise time is written many ways ("H+00:05", "T+5", "00:05", "0:05:00", "5",
 * "5 min", "+5min", "1h30"); clock time as a time of day ("14:05", "14h05", "2:05 PM"), possibly after a date.
 * Both become minutes: exercise time from STARTEX, clock time from midnight of its day.
 */

export type TimeResult = { ok: true; minutes: number } | { ok: false; message: string };

const HOURS = "(?:h|hr|hrs|hour|hours|heure|heures)";
const MINUTES = "(?:m|mn|min|mins|minute|minutes)";
const SECONDS = "(?:s|sec|secs|second|seconds|seconde|secondes)";

const CLOCK_FORM = /^(\d+):(\d{1,2})(?::(\d{1,2}(?:[.,]\d+)?))?$/;
const NUMBER_FORM = new RegExp(`^(\\d+(?:[.,]\\d+)?)\\s*${MINUTES}?$`, "i");
const HOURS_FORM = new RegExp(`^(\\d+(?:[.,]\\d+)?)\\s*${HOURS}\\s*(?:(\\d{1,2})\\s*${MINUTES}?)?$`, "i");
const SECONDS_FORM = new RegExp(`^(\\d+(?:[.,]\\d+)?)\\s*${SECONDS}$`, "i");

function decimal(text: string): number {
  return Number(text.replace(",", "."));
}

/**
 * Exercise time in minutes from STARTEX; negative before it ("H-00:30"). A bare number is minutes, as in most
 * MSELs ("T+5" is five minutes), and so is the number after H+ unless it has a colon or an hour unit.
 */
export function parseScenarioTime(text: string): TimeResult {
  const trimmed = text.trim();
  const prefixed = /^(?:([HT])\s*)?([+\-−])?\s*(.*)$/i.exec(trimmed);
  const letter = prefixed?.[1];
  const sign = prefixed?.[2] === "-" || prefixed?.[2] === "−" ? -1 : 1;
  const body = (prefixed?.[3] ?? "").trim();
  if (letter !== undefined && body === "") return { ok: true, minutes: 0 };
  const minutes = parseDuration(body);
  if (minutes === undefined) {
    return {
      ok: false,
      message: `"${text}" is not an exercise time (write e.g. H+00:05, T+5, 00:05, 0:05:00, 5 or 5 min)`
    };
  }
  return { ok: true, minutes: sign * minutes };
}

function parseDuration(body: string): number | undefined {
  const clock = CLOCK_FORM.exec(body);
  if (clock) {
    const [, h, m, s] = clock;
    return Number(h) * 60 + Number(m) + (s === undefined ? 0 : decimal(s) / 60);
  }
  const plain = NUMBER_FORM.exec(body);
  if (plain) return decimal(plain[1] as string);
  const hours = HOURS_FORM.exec(body);
  if (hours) return decimal(hours[1] as string) * 60 + (hours[2] === undefined ? 0 : Number(hours[2]));
  const seconds = SECONDS_FORM.exec(body);
  if (seconds) return decimal(seconds[1] as string) / 60;
  return undefined;
}

/** A time of day, with the day it falls on when a date is given (days since 1970-01-01). */
export type ClockResult = { ok: true; day?: number; minutes: number } | { ok: false; message: string };

const TIME_OF_DAY = /^(\d{1,2})\s*(?:[:h.]\s*(\d{2})(?::(\d{2}))?)?\s*(am|pm|a\.m\.|p\.m\.)?$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(.*)$/;
const DAY_FIRST_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s+(.*)$/;

/** "14:05", "14h05", "14:05:30", "2:05 PM", "2024-12-13 14:05", "13/12/2024 14:05" (day first, as in Europe). */
export function parseClockTime(text: string): ClockResult {
  const trimmed = text.trim();
  let day: number | undefined;
  let timePart = trimmed;
  const iso = ISO_DATE.exec(trimmed);
  const dayFirst = DAY_FIRST_DATE.exec(trimmed);
  if (iso) {
    day = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) / 86_400_000;
    timePart = iso[4] as string;
  } else if (dayFirst) {
    day = Date.UTC(Number(dayFirst[3]), Number(dayFirst[2]) - 1, Number(dayFirst[1])) / 86_400_000;
    timePart = dayFirst[4] as string;
  }
  const match = TIME_OF_DAY.exec(timePart.trim());
  const hasSeparator = /[:h.]/i.test(timePart) || match?.[4] !== undefined;
  if (!match || !hasSeparator) {
    return { ok: false, message: `"${text}" is not a time of day (write e.g. 14:05, 14h05 or 2:05 PM)` };
  }
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const seconds = Number(match[3] ?? 0);
  const meridiem = match[4]?.toLowerCase().replace(/\./g, "");
  if (meridiem !== undefined && (hours < 1 || hours > 12)) {
    return { ok: false, message: `"${text}" is not a time of day (hours must be 1-12 with AM/PM)` };
  }
  if (meridiem === "pm" && hours < 12) hours += 12;
  if (meridiem === "am" && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return { ok: false, message: `"${text}" is not a time of day (hours 0-23, minutes and seconds 0-59)` };
  }
  const result: ClockResult = { ok: true, minutes: hours * 60 + minutes + seconds / 60 };
  if (day !== undefined) result.day = day;
  return result;
}

/**
 * Minutes from a reference clock time to another: with dates when both have one, otherwise assuming the exercise
 * crosses midnight when the time of day goes back by more than twelve hours (a 23:50 STARTEX, a 00:05 inject); a
 * smaller step back is a time before the reference, and negative.
 */
export function minutesBetween(
  from: { day?: number; minutes: number },
  to: { day?: number; minutes: number }
): number {
  if (from.day !== undefined && to.day !== undefined) {
    return (to.day - from.day) * 1440 + (to.minutes - from.minutes);
  }
  const difference = to.minutes - from.minutes;
  return difference < -720 ? difference + 1440 : difference;
}

const PLAIN_TIME_OF_DAY = /^\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?$/i;

/**
 * Whether a "Time"/"Heure" column holds times of day rather than exercise times: every cell is a bare time of
 * day, and either one is written the French way (14h05) or with AM/PM, or the first one is past 01:00 (a sheet
 * starting at "09:00" is a clock; one starting at "00:00" or "00:05" counts from STARTEX).
 */
export function looksLikeClockColumn(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== "");
  if (filled.length === 0 || !filled.every((c) => PLAIN_TIME_OF_DAY.test(c))) return false;
  if (filled.some((c) => /\dh\d|am|pm/i.test(c))) return true;
  const first = parseClockTime(filled[0] as string);
  return first.ok && first.minutes >= 60;
}

/**
 * "H+01:05"; seconds only when there are any. A time that H+HH:MM:SS cannot carry exactly (a fraction of a second)
 * is written as its decimal number of minutes, which reads back to the very same number.
 */
export function formatScenarioTime(minutes: number): string {
  const whole = Math.round(minutes * 60);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const hhmm = `H+${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
  const text = s === 0 ? hhmm : `${hhmm}:${String(s).padStart(2, "0")}`;
  const back = parseScenarioTime(text);
  return back.ok && back.minutes === minutes ? text : String(minutes);
}
