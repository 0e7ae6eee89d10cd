/**
 * Sharing information with other roles: a free message (optionally relaying an inbox item), and the METHANE
 * report, the standard situation report every service understands.
 */
import { t } from "../../i18n/i18n.ts";
import type { RoomView } from "../../model/view-model.ts";
import { h, setOptions } from "../dom.ts";
import { field, pickedRoles, rolePicker, sendOnSubmit, textArea, textInput } from "../forms.ts";
import type { Panel, PanelContext } from "./context.ts";

export class SharePanel implements Panel {
  readonly element: HTMLElement;
  private readonly about: HTMLSelectElement;
  private readonly text: HTMLTextAreaElement;
  private readonly form: HTMLFormElement;

  constructor(ctx: PanelContext) {
    this.about = h("select", { id: "share-about", attrs: { name: "about" } });
    this.text = textArea("text");
    this.text.id = "share-text";
    const to = rolePicker(t("share.to"), "share-to", ctx.roles, ctx.role);
    this.form = h(
      "form",
      { id: "share-form" },
      h("h3", { text: t("share.title") }),
      to,
      field(t("share.text"), this.text, t("form.enterHint")),
      field(t("share.about"), this.about),
      h("button", { class: "button-primary", text: t("share.submit"), attrs: { type: "submit" } })
    );
    sendOnSubmit(
      this.form,
      "share",
      () => {
        const payload: Record<string, unknown> = { to: pickedRoles(this.form, "share-to"), text: this.text.value.trim() };
        if (this.about.value) payload.about = this.about.value;
        return payload;
      },
      {
        session: ctx.session,
        notices: ctx.notices,
        done: t("share.sent"),
        check: () => (pickedRoles(this.form, "share-to").length === 0 ? t("share.pickRole") : undefined)
      }
    );
    this.element = h("div", {}, this.form);
  }

  update(view: RoomView): void {
    setOptions(
      this.about,
      view.own.inbox.map((i) => ({ value: i.id, label: (i.title || i.text).slice(0, 80) })),
      t("share.aboutNone")
    );
  }

  /** Prefills the form to relay an inbox item and puts the cursor in the message. */
  relay(itemId: string, view: RoomView): void {
    this.update(view);
    this.about.value = itemId;
    const item = view.own.inbox.find((i) => i.id === itemId);
    if (item && this.text.value.trim() === "") this.text.value = [item.title, item.text].filter(Boolean).join(": ");
    this.text.focus();
  }
}

const METHANE_TEXT_FIELDS = ["exactLocation", "typeOfIncident", "hazards", "access", "numberOfCasualties", "emergencyServices"] as const;

export class MethanePanel implements Panel {
  readonly element: HTMLElement;

  constructor(ctx: PanelContext) {
    const to = rolePicker(t("methane.to"), "methane-to", ctx.roles, ctx.role);
    const yes = h("input", { id: "methane-major-yes", attrs: { type: "radio", name: "majorIncident", value: "yes", checked: true } });
    const no = h("input", { id: "methane-major-no", attrs: { type: "radio", name: "majorIncident", value: "no" } });
    const major = h(
      "fieldset",
      {},
      h("legend", { text: t("methane.majorIncident") }),
      h("div", { class: "checks" }, h("div", { class: "radio" }, yes, h("label", { text: t("methane.yes"), attrs: { for: yes.id } })), h("div", { class: "radio" }, no, h("label", { text: t("methane.no"), attrs: { for: no.id } })))
    );
    const inputs = new Map<string, HTMLInputElement>();
    const fields = METHANE_TEXT_FIELDS.map((key) => {
      const input = textInput(key, true, 4000);
      input.id = `methane-${key}`;
      inputs.set(key, input);
      return field(t(`methane.${key}`), input);
    });
    const form = h(
      "form",
      { id: "methane-form" },
      h("h3", { text: t("methane.title") }),
      to,
      major,
      ...fields,
      h("button", { class: "button-primary", text: t("methane.submit"), attrs: { type: "submit" } })
    );
    sendOnSubmit(
      form,
      "send-methane",
      () => {
        const report: Record<string, unknown> = { majorIncident: yes.checked };
        for (const key of METHANE_TEXT_FIELDS) report[key] = inputs.get(key)!.value.trim();
        return { to: pickedRoles(form, "methane-to"), report };
      },
      {
        session: ctx.session,
        notices: ctx.notices,
        done: t("methane.sent"),
        check: () => (pickedRoles(form, "methane-to").length === 0 ? t("share.pickRole") : undefined)
      }
    );
    this.element = h("div", {}, form);
  }

  update(): void {
    // The form does not depend on the situation.
  }
}
