/**
 * The delivery method of an MSEL row ("Tel", "999 call", "Twitter/X", "Réseaux sociaux", "Vidéoprotection"...) as
 * one of the scenario's channels, and back to a label a facilitator would write.
 */
import type { ChannelId } from "./schema.ts";
import { CHANNELS } from "./schema.ts";
import { containsPhrase, normaliseText } from "./msel-text.ts";

/**
 * Keywords per channel, checked in this order: a "999 call" is a citizen's report before it is a phone call, a
 * "phone call from a journalist" is the press, a "radio interview" is the press, not the radio net.
 */
const CHANNEL_KEYWORDS: readonly (readonly [ChannelId, readonly string[]])[] = [
  ["citizen-report", ["citizen", "citizen report", "999", "112", "911", "17", "18", "caller", "member of the public",
    "members of the public", "public", "witness", "bystander", "emergency call", "citoyen", "citoyens", "temoin",
    "appelant", "appel citoyen", "appel d urgence", "particulier"]],
  ["social-media", ["social", "social media", "twitter", "x", "tweet", "facebook", "instagram", "tiktok", "snapchat",
    "youtube", "whatsapp", "telegram", "reseaux sociaux", "reseau social", "rs", "post"]],
  ["press", ["press", "media", "journalist", "journalists", "reporter", "news", "newspaper", "tv", "television",
    "interview", "presse", "medias", "journaliste", "journalistes", "journal", "televise"]],
  ["cctv", ["cctv", "video", "camera", "cameras", "video feed", "live feed", "videoprotection", "video protection",
    "videosurveillance", "video surveillance", "csu", "image", "images", "footage"]],
  ["sensor", ["sensor", "sensors", "alarm", "alarms", "detector", "detection", "automatic alert", "capteur",
    "capteurs", "alarme", "detecteur"]],
  ["email", ["email", "e mail", "mail", "courriel", "mel", "message electronique"]],
  ["radio", ["radio", "airwave", "tetra", "talkgroup", "vhf", "uhf", "walkie talkie", "rubis", "antares", "pmr"]],
  ["phone", ["phone", "telephone", "tel", "call", "mobile", "landline", "sms", "text message", "appel", "portable",
    "ligne fixe"]],
  ["briefing", ["briefing", "brief", "in person", "face to face", "verbal", "meeting", "handout", "paper",
    "point de situation", "point", "reunion", "en personne", "oral", "verbalement", "face a face"]]
];

const LABELS: Record<string, Record<ChannelId, string>> = {
  en: {
    radio: "Radio",
    phone: "Phone",
    email: "Email",
    "social-media": "Social media",
    press: "Press",
    cctv: "CCTV",
    sensor: "Sensor",
    "citizen-report": "Citizen report",
    briefing: "Briefing"
  },
  fr: {
    radio: "Radio",
    phone: "Téléphone",
    email: "Courriel",
    "social-media": "Réseaux sociaux",
    press: "Presse",
    cctv: "Vidéoprotection",
    sensor: "Capteur",
    "citizen-report": "Appel citoyen",
    briefing: "Briefing"
  }
};

/** The channel a method cell names, or undefined when none of the keywords fits. */
export function channelFromText(text: string): ChannelId | undefined {
  const normalised = normaliseText(text);
  if (normalised === "") return undefined;
  const byId = CHANNELS.find((channel) => normaliseText(channel) === normalised);
  if (byId) return byId;
  // A cell that is exactly one keyword wins over the order ("Press" is never read as anything else).
  for (const [channel, keywords] of CHANNEL_KEYWORDS) {
    if (keywords.some((keyword) => normaliseText(keyword) === normalised)) return channel;
  }
  for (const [channel, keywords] of CHANNEL_KEYWORDS) {
    if (keywords.some((keyword) => containsPhrase(normalised, normaliseText(keyword)))) return channel;
  }
  return undefined;
}

/** The method label for an export in the given language (English when there is no translation). */
export function channelLabel(channel: ChannelId, language: string): string {
  return (LABELS[language] ?? LABELS.en)?.[channel] ?? channel;
}

/** Every method label, for error messages that list what is understood. */
export function knownChannelWords(): string {
  return CHANNELS.map((c) => channelLabel(c, "en").toLowerCase()).join(", ");
}
