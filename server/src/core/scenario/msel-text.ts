/**
 * Text helpers for reading free text typed by facilitators in English or French: comparisons ignore case, accents
 * and punctuation, and phrases match whole words ("met" matches "Met Police", not "metro").
 */

/** Lower case, accents removed, every run of non-alphanumeric characters turned into one space. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Whether `phrase` occurs in `text` as whole words, both already normalised. */
export function containsPhrase(normalisedText: string, normalisedPhrase: string): boolean {
  if (normalisedPhrase === "") return false;
  return ` ${normalisedText} `.includes(` ${normalisedPhrase} `);
}

/** A scenario id from free text: "Police Gold" → "police-gold"; empty when nothing usable is left. */
export function slugify(text: string, maxLength = 48): string {
  return normaliseText(text).replace(/ /g, "-").slice(0, maxLength).replace(/-+$/, "");
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** "market-square" → "Market square": a readable placeholder name for an id met without a name. */
export function humaniseId(id: string): string {
  const words = id.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Splits a list cell ("police; fire-ems", "a, b", one per line) into trimmed, non-empty items. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;,\n\r|]+/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * Splits text at separators that are not inside parentheses or brackets: "Police (national police, event
 * commander); Fire" is two names, not three. `separator` must be a sticky (`y`) regular expression.
 */
export function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const match = separator.exec(text);
      if (match && match[0].length > 0) {
        parts.push(text.slice(start, i));
        start = i + match[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}
