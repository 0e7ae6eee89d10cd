/**
 * The MSEL "trigger" column: how an inject that has no time is released. Common triggers have a compact form a
 * facilitator can type — `facilitator`, `onMissed:expectation-id+2` (two minutes after the expectation is missed),
 * `onBranch:branch-id` — and any trigger can be written as the JSON of the scenario format.
 */
import type { Trigger as TriggerType } from "./schema.ts";
import { Trigger } from "./schema.ts";

export type TriggerReading = { ok: true; trigger: TriggerType } | { ok: false; message: string };

const ON_MISSED = /^on\s*missed\s*:\s*([a-z0-9][a-z0-9-]*)\s*(?:\+\s*(\d+(?:[.,]\d+)?)\s*(?:min\w*|m)?)?$/i;
const ON_BRANCH = /^on\s*branch\s*:\s*([a-z0-9][a-z0-9-]*)$/i;
const FACILITATOR = /^(facilitator|manual|controller|on demand|animateur|manuel|a la demande|à la demande)$/i;

/** The compact text of a trigger, or its JSON when it has no compact form. */
export function formatTrigger(trigger: TriggerType): string {
  if ("onMissed" in trigger) {
    return trigger.delay > 0 ? `onMissed:${trigger.onMissed}+${trigger.delay}` : `onMissed:${trigger.onMissed}`;
  }
  if ("onBranch" in trigger) return `onBranch:${trigger.onBranch}`;
  if ("facilitator" in trigger) return "facilitator";
  return JSON.stringify(trigger);
}

export function parseTrigger(text: string): TriggerReading {
  const trimmed = text.trim();
  if (FACILITATOR.test(trimmed)) return { ok: true, trigger: { facilitator: true } };
  const missed = ON_MISSED.exec(trimmed);
  if (missed) {
    const delay = missed[2] === undefined ? 0 : Number(missed[2].replace(",", "."));
    return { ok: true, trigger: { onMissed: missed[1] as string, delay } };
  }
  const branch = ON_BRANCH.exec(trimmed);
  if (branch) return { ok: true, trigger: { onBranch: branch[1] as string } };
  if (trimmed.startsWith("{")) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return { ok: false, message: `the trigger is not valid JSON (${(error as Error).message})` };
    }
    const parsed = Trigger.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, message: `the trigger JSON is not a trigger: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim() };
    }
    return { ok: true, trigger: parsed.data };
  }
  return {
    ok: false,
    message: `"${trimmed}" is not a trigger (write facilitator, onMissed:<expectation id>+<minutes>, onBranch:<branch id>, or the trigger's JSON)`
  };
}
