/**
 * Facilitator secrets: 32 random URL-safe characters (~190 bits), given once to whoever creates the exercise.
 * Only a SHA-256 digest is stored — a slow hash adds nothing for a secret this long — and comparisons run in
 * constant time so response timing reveals nothing about a guess.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { nanoid } from "nanoid";

export function newSecret(): string {
  return nanoid(32);
}

export function hashSecret(secret: string): string {
  return "sha256:" + createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretMatches(secret: unknown, storedHash: string): boolean {
  if (typeof secret !== "string" || secret.length === 0 || secret.length > 200) return false;
  const given = Buffer.from(hashSecret(secret), "utf8");
  const stored = Buffer.from(storedHash, "utf8");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
