import { describe, expect, it } from "vitest";
import {
  formatScenarioTime,
  looksLikeClockColumn,
  minutesBetween,
  parseClockTime,
  parseScenarioTime
} from "../../../server/src/core/scenario/msel-time.ts";

describe("exercise time", () => {
  it.each([
    ["H+00:05", 5],
    ["T+5", 5],
    ["00:05", 5],
    ["0:05:00", 5],
    ["5", 5],
    ["5 min", 5],
    ["+5min", 5],
    ["H+1:30", 90],
    ["1h30", 90],
    ["2 h", 120],
    ["H+00:02:30", 2.5],
    ["2,5 min", 2.5],
    ["90 s", 1.5],
    ["H", 0],
    ["H-00:10", -10]
  ])("given %s, when read, then it is %d minutes from STARTEX", (text, minutes) => {
    expect(parseScenarioTime(text)).toEqual({ ok: true, minutes });
  });

  it("given text that is not a time, when read, then the message quotes it and shows the accepted forms", () => {
    const result = parseScenarioTime("soon");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('"soon"');
    expect(!result.ok && result.message).toContain("H+00:05");
  });

  it.each([
    [0, "H+00:00"],
    [5, "H+00:05"],
    [125, "H+02:05"],
    [2.5, "H+00:02:30"],
    [1 / 3, "H+00:00:20"],
    [2.123, "2.123"]
  ])("given %d minutes, when written, then it reads %s and reads back to the same number", (minutes, text) => {
    expect(formatScenarioTime(minutes)).toBe(text);
    expect(parseScenarioTime(text)).toEqual({ ok: true, minutes });
  });
});

describe("clock time", () => {
  it.each([
    ["14:05", 845],
    ["14h05", 845],
    ["14:05:30", 845.5],
    ["2:05 PM", 845],
    ["12:00 am", 0],
    ["9am", 540],
    ["2024-12-13 14:05", 845],
    ["13/12/2024 14:05", 845]
  ])("given %s, when read, then it is %d minutes after midnight", (text, minutes) => {
    const result = parseClockTime(text);
    expect(result.ok && result.minutes).toBe(minutes);
  });

  it("given dates, when measuring between two clock times, then days count", () => {
    const a = parseClockTime("2024-12-13 23:50");
    const b = parseClockTime("2024-12-14 00:05");
    expect(a.ok && b.ok && minutesBetween(a, b)).toBe(15);
  });

  it("given times of day without dates across midnight, when measuring, then the exercise is assumed to cross midnight", () => {
    expect(minutesBetween({ minutes: 23 * 60 + 50 }, { minutes: 5 })).toBe(15);
    expect(minutesBetween({ minutes: 14 * 60 }, { minutes: 13 * 60 + 30 })).toBe(-30);
  });

  it.each(["25:00", "14:75", "13:00 pm", "5"])("given %s, when read as a clock, then it is refused", (text) => {
    expect(parseClockTime(text).ok).toBe(false);
  });

  it("given a bare Time column, when its cells are times of day from 09:00, then it is a clock; from 00:00 it is exercise time", () => {
    expect(looksLikeClockColumn(["09:00", "09:05", "", "09:40"])).toBe(true);
    expect(looksLikeClockColumn(["00:00", "00:05", "00:40"])).toBe(false);
    expect(looksLikeClockColumn(["14h00", "14h05"])).toBe(true);
    expect(looksLikeClockColumn(["H+00:00", "H+00:05"])).toBe(false);
  });
});
