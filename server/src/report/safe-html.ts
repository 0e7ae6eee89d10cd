/**
 * Safe HTML by construction: the report is assembled only with the `html` tagged template, which escapes every
 * interpolated value unless it is itself SafeHtml. Scenario texts, player messages and notes can therefore never
 * inject markup, whichever section shows them. The same escaping is valid XML, so SVG is built the same way.
 */

export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in element content and in quoted attribute values (HTML and SVG alike). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Marks trusted markup (the report's own CSS and fixed fragments) as safe. Never pass data through this. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Renders one interpolated value: SafeHtml as is, lists joined, null/undefined/false as nothing, the rest escaped. */
function renderValue(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => renderValue(v)).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += renderValue(values[i]!) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}
