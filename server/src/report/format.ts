/**
 * Numbers as the report prints them, in the exercise's language: scores, shares, minutes and exercise clock times.
 * Plain string work rather than Intl so a report renders byte for byte the same on every machine.
 */
import { clockLabel } from "../core/engine/describe-event.ts";
import type { Strings } from "./i18n.ts";

export interface Formatter {
  /** A fixed-point number with the language's decimal separator, trailing zeros dropped. */
  decimal(value: number, digits?: number): string;
  /** A 0–100 score, or the "not assessed" mark. */
  score(value: number | null): string;
  /** A 0–1 share as a whole percentage, or the "not assessed" mark. */
  percent(share: number | null): string;
  /** A duration in ms as minutes with one decimal ("3.5 min"), or "—". */
  minutes(ms: number | null): string;
  /** Exercise ms as the exercise clock, HH:MM:SS. */
  clock(x: number): string;
}

export function formatterFor(strings: Strings): Formatter {
  const decimal = (value: number, digits = 2): string => {
    const fixed = value.toFixed(digits);
    const trimmed = digits > 0 ? fixed.replace(/\.?0+$/, "") : fixed;
    const normalised = trimmed === "-0" ? "0" : trimmed;
    return strings.decimal === "." ? normalised : normalised.replace(".", strings.decimal);
  };
  return {
    decimal,
    score: (value) => (value === null ? strings.notAssessed : decimal(value, 2)),
    percent: (share) => (share === null ? strings.notAssessed : `${decimal(share * 100, 0)}${strings.percentSpace}%`),
    minutes: (ms) => (ms === null ? "—" : `${decimal(ms / 60_000, 1)}\u00a0${strings.minutes}`),
    clock: (x) => clockLabel(x)
  };
}
