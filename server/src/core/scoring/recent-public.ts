/**
 * The public messages with a topic that a new public message can still contradict: those within the
 * contradiction window, kept per topic so that a new message is compared only with messages on its own topic or
 * an opposing one (a busy exercise publishes on a few topics, many times an hour, from several roles).
 */
import type { ContactBook } from "./contact-book.ts";
import type { PublicMessageOutcome } from "./scorecard.ts";

/** The messages on one topic, in log order; those before `start` have left the window. */
interface TopicWindow {
  messages: PublicMessageOutcome[];
  /** Role index of each message's publisher. */
  roles: number[];
  start: number;
}

export class RecentPublicMessages {
  private readonly windowMs: number;
  private readonly byTopic = new Map<string, TopicWindow>();
  /** topic → the other topics it opposes (either way round). */
  private readonly opposites = new Map<string, string[]>();

  constructor(windowMs: number, opposingTopics: readonly (readonly [string, string])[]) {
    this.windowMs = windowMs;
    for (const [p, q] of opposingTopics) {
      if (p === q) continue; // the same topic is compared anyway
      this.oppose(p, q);
      this.oppose(q, p);
    }
  }

  /**
   * The earliest message still in the window (at exercise ms `x`) that a message by role `role` on `topic`
   * contradicts: another role's, on the same or an opposing topic, with no message between the two roles within
   * the window. null if there is none.
   */
  contradicted(topic: string, x: number, role: number, contacts: ContactBook): PublicMessageOutcome | null {
    let earliest: PublicMessageOutcome | null = null;
    const found = this.firstContradicted(topic, x, role, contacts);
    if (found) earliest = found;
    for (const other of this.opposites.get(topic) ?? []) {
      const candidate = this.firstContradicted(other, x, role, contacts);
      if (candidate && (earliest === null || candidate.event.seq < earliest.event.seq)) earliest = candidate;
    }
    return earliest;
  }

  add(message: PublicMessageOutcome, topic: string, role: number): void {
    let window = this.byTopic.get(topic);
    if (!window) {
      window = { messages: [], roles: [], start: 0 };
      this.byTopic.set(topic, window);
    }
    window.messages.push(message);
    window.roles.push(role);
  }

  private firstContradicted(topic: string, x: number, role: number, contacts: ContactBook): PublicMessageOutcome | null {
    const window = this.byTopic.get(topic);
    if (!window) return null;
    const { messages, roles } = window;
    // x never decreases: a message that has left the window never comes back into it.
    while (window.start < messages.length && x - messages[window.start]!.event.x > this.windowMs) window.start++;
    for (let i = window.start; i < messages.length; i++) {
      const earlierRole = roles[i]!;
      if (earlierRole === role) continue;
      if (contacts.lastContactX(earlierRole, role) >= x - this.windowMs) continue;
      return messages[i]!;
    }
    return null;
  }

  private oppose(topic: string, other: string): void {
    const list = this.opposites.get(topic);
    if (!list) this.opposites.set(topic, [other]);
    else if (!list.includes(other)) list.push(other);
  }
}
