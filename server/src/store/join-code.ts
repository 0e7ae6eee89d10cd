/**
 * Join codes: what a facilitator reads aloud or writes on a whiteboard, and players type on a tablet. Eight
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as two groups: "K7QX-M4TR". 31^8 ≈ 8.5e11
 * codes: unguessable by trying, short enough to type.
 */
import { customAlphabet } from "nanoid";

export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

const generate = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);

export function newJoinCode(): string {
  return format(generate());
}

function format(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/**
 * The canonical form of what someone typed ("k7qx m4tr", "K7QXM4TR", " k7qx-m4tr ") or undefined if it cannot be
 * a join code at all. Letters that are not in the alphabet are not guessed at: a code with an "O" is simply wrong.
 */
export function normaliseJoinCode(input: unknown): string | undefined {
  if (typeof input !== "string" || input.length > 40) return undefined;
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  if (raw.length !== JOIN_CODE_LENGTH) return undefined;
  for (const ch of raw) if (!JOIN_CODE_ALPHABET.includes(ch)) return undefined;
  return format(raw);
}
