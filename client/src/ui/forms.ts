/**
 * Form plumbing shared by every action form: labelled fields, role pickers, Enter-to-send in text areas, and the
 * send cycle (button disabled while the server answers, the form cleared and a confirmation shown on success,
 * kept as typed on a refusal, whose reason the notices show).
 */
import { t } from "../i18n/i18n.ts";
import type { ExerciseSession } from "../net/session.ts";
import type { RoleInfo } from "../model/view-model.ts";
import type { Notices } from "./notices.ts";
import { checkedValues, h, uid } from "./dom.ts";

/** A labelled control with an optional hint tied to it by aria-describedby. */
export function field(labelText: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid("f");
  control.id = id;
  const parts: HTMLElement[] = [h("label", { text: labelText, attrs: { for: id } }), control];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute("aria-describedby", hintId);
    parts.push(h("small", { class: "hint", id: hintId, text: hint }));
  }
  return h("div", { class: "field" }, ...parts);
}

/** A text area where Enter sends the form and Shift+Enter starts a new line. */
export function textArea(name: string, required = true, maxlength = 4000): HTMLTextAreaElement {
  const area = h("textarea", { attrs: { name, required, maxlength, rows: 3 } });
  area.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      area.form?.requestSubmit();
    }
  });
  return area;
}

export function textInput(name: string, required = true, maxlength = 300): HTMLInputElement {
  return h("input", { attrs: { type: "text", name, required, maxlength, autocomplete: "off" } });
}

/** A fieldset of checkboxes, one per role, all named `name`. */
export function rolePicker(legend: string, name: string, roles: readonly RoleInfo[], exclude?: string): HTMLFieldSetElement {
  const boxes = h("div", { class: "checks" });
  for (const role of roles) {
    if (role.id === exclude) continue;
    const box = h("input", { id: uid(`${name}-${role.id}`), attrs: { type: "checkbox", name, value: role.id } });
    boxes.appendChild(h("div", { class: "check" }, box, h("label", { text: role.name, attrs: { for: box.id } })));
  }
  return h("fieldset", {}, h("legend", { text: legend }), boxes);
}

export function pickedRoles(form: HTMLFormElement, name: string): string[] {
  return checkedValues(form, name);
}

export interface SendOptions {
  session: ExerciseSession;
  notices: Notices;
  /** Shown when the server accepts. */
  done?: string;
  /** Reset the form after success (default true). */
  reset?: boolean;
  /** Checks before sending; a returned text is shown and nothing is sent. */
  check?: () => string | undefined;
  afterSuccess?: () => void;
}

/**
 * Wires `form` to send `type` with the payload `build()` returns. The submit button is disabled while waiting,
 * so a double Enter does not act twice.
 */
export function sendOnSubmit(form: HTMLFormElement, type: string, build: () => object | undefined, options: SendOptions): void {
  const error = h("p", { class: "form-error", attrs: { role: "alert" } });
  form.appendChild(error);
  form.noValidate = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const problem = options.check?.();
    if (problem) {
      error.textContent = problem;
      return;
    }
    const invalid = firstMissing(form);
    if (invalid) {
      error.textContent = `${labelOf(invalid)}: ${t("form.required")}`;
      invalid.focus();
      return;
    }
    error.textContent = "";
    const payload = build();
    if (!payload) return;
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    void options.session.act(type, payload).then((answer) => {
      if (button) button.disabled = false;
      if (!answer.ok) return;
      if (options.reset !== false) form.reset();
      if (options.done) options.notices.info(options.done);
      options.afterSuccess?.();
    });
  });
}

/** The first required text control left empty (whitespace counts as empty). */
function firstMissing(form: HTMLFormElement): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | undefined {
  const controls = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input[required], textarea[required], select[required]");
  for (let i = 0; i < controls.length; i++) {
    const c = controls[i]!;
    if (c instanceof HTMLInputElement && (c.type === "checkbox" || c.type === "radio")) continue;
    if (c.value.trim() === "") return c;
  }
  return undefined;
}

function labelOf(control: HTMLElement): string {
  const label = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  return label?.textContent ?? control.getAttribute("name") ?? "";
}
