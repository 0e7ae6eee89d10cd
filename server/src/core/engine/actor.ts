/** Who issued a command: the adapter authenticates the seat; the engine only checks what that seat may do. */
export type Actor =
  | { kind: "facilitator" }
  | { kind: "evaluator"; name: string }
  | { kind: "observer"; name: string }
  | { kind: "player"; role: string; name: string }
  | { kind: "system" };

/** The role a player acts for, or undefined for every other seat. */
export function actorRole(actor: Actor): string | undefined {
  return actor.kind === "player" ? actor.role : undefined;
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "facilitator":
      return "facilitator";
    case "system":
      return "system";
    case "player":
      return `${actor.role}:${actor.name}`;
    default:
      return `${actor.kind}:${actor.name}`;
  }
}
