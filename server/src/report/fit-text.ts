/**
 * Fitting labels into SVG figures without a font to measure with: an estimate of a label's width from its
 * characters (generous, so labels never overflow) and truncation with an ellipsis. Figures size their margins
 * from these, and put the full text in a tooltip.
 */

/** Average advance of a character in the system sans-serif fonts, as a share of the font size (bold included). */
const CHAR_EM = 0.62;

export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * CHAR_EM);
}

/** The text cut to at most `maxChars` characters, ending in "…" when cut. */
export function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/** How many characters fit in `width` pixels at `fontSize`. */
export function charsIn(width: number, fontSize: number): number {
  return Math.max(4, Math.floor(width / (fontSize * CHAR_EM)));
}
