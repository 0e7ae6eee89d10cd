/**
 * The interface language: English or French, chosen by the user (remembered) or else from the browser's preferred
 * languages. `t(key, params)` is the only way UI code gets a text, so every string exists in both languages.
 */
import { en } from "./en.ts";
import type { MessageKey } from "./en.ts";
import { fr } from "./fr.ts";

export type { MessageKey } from "./en.ts";

export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, fr };
const STORAGE_KEY = "cordon.language";

let current: Language = "en";
const listeners = new Set<(language: Language) => void>();

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The first supported language among the browser's preferences (`fr-CA` counts as `fr`), else English. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

/** Picks the starting language: the remembered choice, else the browser's. Call once at start-up. */
export function initLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, policies): the browser's preference will do.
  }
  const chosen = isLanguage(stored) ? stored : detectLanguage(navigator.languages ?? [navigator.language]);
  applyLanguage(chosen);
  return chosen;
}

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  if (next === current) return;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but still applied.
  }
  applyLanguage(next);
  for (const listener of listeners) listener(next);
}

function applyLanguage(next: Language): void {
  current = next;
  if (typeof document !== "undefined") document.documentElement.lang = next;
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Params = Record<string, string | number>;

/** The text for `key` in the current language, `{name}` placeholders replaced from `params`. */
export function t(key: MessageKey, params?: Params, lang: Language = current): string {
  const template = CATALOGUES[lang][key];
  if (!params) return template;
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The label for an open-ended value (a zone state, a channel...) under `prefix.`, or a readable form of the value
 * itself when the catalogue has no entry (scenarios may bring unit types and topics of their own).
 */
export function label(prefix: string, value: string, lang: Language = current): string {
  const key = `${prefix}.${value}`;
  const catalogue = CATALOGUES[lang] as Record<string, string>;
  return catalogue[key] ?? humanise(value);
}

export function hasLabel(prefix: string, value: string): boolean {
  return Object.hasOwn(CATALOGUES.en, `${prefix}.${value}`);
}

/** `armed-response` -> `armed response`. */
export function humanise(id: string): string {
  return id.replace(/[-_]+/g, " ").trim();
}

/** Exercise milliseconds as H:MM:SS (or MM:SS under an hour), the way exercise clocks are read out. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Exercise minutes as a short label: T+12 min. */
export function formatMinutes(ms: number): string {
  return `T+${Math.round(ms / 60_000)} min`;
}

/** A list of names joined the way the language does ("police, fire and municipality"). */
export function formatList(items: readonly string[], lang: Language = current): string {
  if (items.length === 0) return "";
  try {
    return new Intl.ListFormat(lang, { style: "long", type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}
