/** Tiny DOM helpers. Text is always set through text nodes: log content never becomes markup. */

/** Attributes for `h`: `class`, `title`, data-*, aria-*, role, type, tabindex… (all set as strings). */
export type Attrs = Record<string, string | number | boolean | undefined>;

/** A child: an element, or text (set as a text node, never parsed). */
export type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children, text as text nodes. */
export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces all children of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A codicon glyph (decorative). */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name} ${extraClass}`.trim(), 'aria-hidden': 'true' });
}

/** A toolbar button with a codicon and an accessible label. */
export function iconButton(name: string, label: string, extraClass = ''): HTMLButtonElement {
  return h('button', { class: `icon-button ${extraClass}`.trim(), type: 'button', title: label, 'aria-label': label }, icon(name));
}

/** The element with `id`, which the page is known to contain. */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

/** The value of a VS Code theme CSS variable (e.g. `--vscode-foreground`), with a fallback. */
export function themeColor(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}
