import type { LocalisedText } from "./schema.ts";

/** The text in `language`, falling back to English, then to the first language given. */
export function localise(text: LocalisedText | undefined, language: string): string {
  if (!text) return "";
  return text[language] ?? text.en ?? Object.values(text)[0] ?? "";
}
