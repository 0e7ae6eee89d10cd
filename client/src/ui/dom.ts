/**
 * A few DOM helpers in place of a UI framework. Text always goes in as text (never as HTML), so player-typed
 * content cannot inject markup. Lists are updated by key, keeping the elements (and the focus) of unchanged items,
 * so a patch arriving while someone tabs through the inbox does not throw them back to the top.
 */

type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  /** Attributes set as given (aria-*, role, for, type, name...); `false`/`undefined` leave them out. */
  attrs?: Record<string, string | number | boolean | undefined>;
  dataset?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (value === undefined || value === false) continue;
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  if (props.dataset) for (const [k, v] of Object.entries(props.dataset)) el.dataset[k] = v;
  if (props.on) {
    for (const [type, handler] of Object.entries(props.on)) el.addEventListener(type, handler as EventListener);
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child as readonly Child[]);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

let idCounter = 0;
/** A page-unique id for label/control pairs. */
export function uid(prefix: string): string {
  idCounter++;
  return `${prefix}-${idCounter}`;
}

/**
 * Brings `container`'s children in line with `items`: an item whose signature has not changed keeps its element;
 * a changed one is re-rendered in place (and, if it held the focus, the control with the same `data-focus` key in
 * the new element gets it back); vanished ones are removed.
 */
export function syncList<T>(
  container: HTMLElement,
  items: readonly T[],
  key: (item: T) => string,
  signature: (item: T) => string,
  render: (item: T) => HTMLElement
): void {
  const existing = new Map<string, HTMLElement>();
  for (let i = 0; i < container.children.length; i++) {
    const child = container.children[i] as HTMLElement;
    if (child.dataset.key !== undefined) existing.set(child.dataset.key, child);
  }
  const active = document.activeElement;
  let cursor: Element | null = container.firstElementChild;
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    seen.add(k);
    const sig = signature(item);
    let el = existing.get(k);
    if (el && el.dataset.sig !== sig) {
      const focusKey = active instanceof HTMLElement && el.contains(active) ? active.dataset.focus : undefined;
      const fresh = render(item);
      fresh.dataset.key = k;
      fresh.dataset.sig = sig;
      el.replaceWith(fresh);
      if (cursor === el) cursor = fresh;
      el = fresh;
      if (focusKey) fresh.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
    }
    if (!el) {
      el = render(item);
      el.dataset.key = k;
      el.dataset.sig = sig;
    }
    if (cursor !== el) container.insertBefore(el, cursor);
    else cursor = cursor.nextElementSibling;
    existing.delete(k);
  }
  for (const [k, el] of existing) if (!seen.has(k)) el.remove();
}

/** Replaces `el`'s text only when it changed (no layout work, no screen-reader chatter otherwise). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** The options of a <select>, rebuilt only when they changed; the selection is kept when still offered. */
export function setOptions(select: HTMLSelectElement, options: readonly { value: string; label: string }[], placeholder?: string): void {
  const wanted = (placeholder !== undefined ? [{ value: "", label: placeholder }, ...options] : options).map((o) => `${o.value}\u0000${o.label}`).join("\u0001");
  if (select.dataset.options === wanted) return;
  const previous = select.value;
  clear(select);
  if (placeholder !== undefined) select.appendChild(h("option", { text: placeholder, attrs: { value: "" } }));
  for (const o of options) select.appendChild(h("option", { text: o.label, attrs: { value: o.value } }));
  select.dataset.options = wanted;
  if (options.some((o) => o.value === previous)) select.value = previous;
}

/** The values of the checked boxes named `name` inside `root`. */
export function checkedValues(root: ParentNode, name: string): string[] {
  const boxes = root.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${CSS.escape(name)}"]`);
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) if (boxes[i]!.checked) out.push(boxes[i]!.value);
  return out;
}
