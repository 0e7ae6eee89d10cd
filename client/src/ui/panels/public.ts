/**
 * Speaking to the public: the statement composer (channel, topic, text) and the public media feed, where the
 * role's statements appear next to what the press and social media are saying.
 */
import { formatClock, label, t } from "../../i18n/i18n.ts";
import type { RoleInfo, RoomView, TaskView } from "../../model/view-model.ts";
import { roleName } from "../../model/view-model.ts";
import { PUBLIC_CHANNELS, PUBLIC_TOPICS, topicId } from "../../model/vocabulary.ts";
import type { WireMediaItem } from "../../net/wire.ts";
import { h, syncList } from "../dom.ts";
import { field, sendOnSubmit, textArea, textInput } from "../forms.ts";
import type { Panel, PanelContext } from "./context.ts";

/** One media item: a statement by a role, or a press / social-media inject. */
export function renderMediaItem(item: WireMediaItem, roles: readonly RoleInfo[]): HTMLElement {
  const source = item.kind === "public-message" ? t("media.statement", { role: roleName(roles, item.role) }) : item.from;
  return h(
    "li",
    { class: "item", dataset: { kind: item.kind } },
    h(
      "div",
      { class: "item-head" },
      h("span", { class: "time", text: formatClock(item.at) }),
      h("span", { class: "chan", text: label("channel", item.channel) }),
      source ? h("span", { text: source }) : null
    ),
    item.title ? h("p", { class: "item-title", text: item.title }) : null,
    h("p", { class: "item-text", text: item.text })
  );
}

export class MediaFeed {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly roles: readonly RoleInfo[];
  private readonly limit: number;

  constructor(roles: readonly RoleInfo[], limit = 200) {
    this.roles = roles;
    this.limit = limit;
    this.list = h("ul", { class: "items media-list", attrs: { "aria-label": t("media.title") } });
    this.empty = h("p", { class: "muted", text: t("media.empty") });
    this.element = h("div", { class: "media-feed" }, this.empty, this.list);
  }

  update(view: RoomView): void {
    const items = view.media.slice(0, this.limit);
    this.empty.hidden = items.length > 0;
    syncList(
      this.list,
      items,
      (i) => i.id,
      (i) => `${i.at}`,
      (i) => renderMediaItem(i, this.roles)
    );
  }
}

export class PublicPanel implements Panel {
  readonly element: HTMLElement;
  private readonly feed: MediaFeed;
  private readonly topic: HTMLInputElement;
  private readonly text: HTMLTextAreaElement;

  constructor(ctx: PanelContext) {
    const channel = h("select", { id: "public-channel", attrs: { name: "channel" } });
    for (const c of PUBLIC_CHANNELS) channel.appendChild(h("option", { text: label("channel", c), attrs: { value: c } }));
    const topic = textInput("topic", false, 64);
    topic.id = "public-topic";
    topic.setAttribute("list", "public-topics");
    const topics = h("datalist", { id: "public-topics" });
    for (const id of PUBLIC_TOPICS) topics.appendChild(h("option", { text: label("topic", id), attrs: { value: id } }));
    const text = textArea("text");
    text.id = "public-text";
    const form = h(
      "form",
      { id: "public-form" },
      h("h3", { text: t("public.title") }),
      field(t("public.channel"), channel),
      field(t("public.topic"), topic),
      topics,
      field(t("public.text"), text, t("form.enterHint")),
      h("button", { class: "button-primary", text: t("public.submit"), attrs: { type: "submit" } })
    );
    sendOnSubmit(
      form,
      "publish",
      () => {
        const payload: Record<string, unknown> = { channel: channel.value, text: text.value.trim() };
        const id = topicId(topic.value);
        if (id) payload.topic = id;
        return payload;
      },
      { session: ctx.session, notices: ctx.notices, done: t("public.published") }
    );
    this.topic = topic;
    this.text = text;
    this.feed = new MediaFeed(ctx.roles);
    this.element = h(
      "div",
      {},
      h("section", { class: "panel-section" }, form),
      h("section", { class: "panel-section" }, h("h3", { text: t("media.title") }), this.feed.element)
    );
  }

  /** Fills the statement form for a public-message task: the topic it expects. */
  prefill(task: TaskView): void {
    if (task.topic) this.topic.value = task.topic;
    this.text.focus();
  }

  update(view: RoomView): void {
    this.feed.update(view);
  }
}
