import { describe, expect, it } from "vitest";
import { CHANNELS } from "../../../server/src/core/scenario/schema.ts";
import { channelFromText, channelLabel } from "../../../server/src/core/scenario/msel-channels.ts";

describe("delivery methods", () => {
  it.each([
    ["Radio", "radio"],
    ["Airwave talkgroup", "radio"],
    ["Phone", "phone"],
    ["Telephone", "phone"],
    ["Tel", "phone"],
    ["Téléphone", "phone"],
    ["Email", "email"],
    ["e-mail", "email"],
    ["Mail", "email"],
    ["Courriel", "email"],
    ["Twitter/X", "social-media"],
    ["X", "social-media"],
    ["Social", "social-media"],
    ["Facebook post", "social-media"],
    ["Réseaux sociaux", "social-media"],
    ["Press", "press"],
    ["Media", "press"],
    ["Phone call from a journalist", "press"],
    ["CCTV", "cctv"],
    ["Video feed", "cctv"],
    ["Vidéoprotection", "cctv"],
    ["Sensor", "sensor"],
    ["Fire alarm", "sensor"],
    ["Citizen", "citizen-report"],
    ["999 call", "citizen-report"],
    ["Appel 112", "citizen-report"],
    ["Caller", "citizen-report"],
    ["Briefing", "briefing"],
    ["Brief", "briefing"],
    ["In person", "briefing"],
    ["social-media", "social-media"]
  ])("given the method %s, when mapped, then the channel is %s", (text, channel) => {
    expect(channelFromText(text)).toBe(channel);
  });

  it("given a method no keyword fits, when mapped, then there is no channel", () => {
    expect(channelFromText("Carrier pigeon")).toBeUndefined();
    expect(channelFromText("")).toBeUndefined();
  });

  it("given every channel, when its English and French labels are mapped back, then the channel comes back", () => {
    for (const channel of CHANNELS) {
      expect(channelFromText(channelLabel(channel, "en"))).toBe(channel);
      expect(channelFromText(channelLabel(channel, "fr"))).toBe(channel);
      expect(channelLabel(channel, "de")).toBe(channelLabel(channel, "en"));
    }
  });
});
