// The element's renderer: `h()` describes its few fixed-shape nodes, `render()` brings a container's DOM in line with them.
//
// Why not lit-html: the script-tag bundle must stay within 13 KB gzipped, self-contained, and
// lit-html alone is ~3 KB of it, for general templates this element does not have. Its view is a
// handful of fixed shapes (buttons, two status lines, two inline SVG marks) with text, attribute,
// boolean-attribute and click bindings. This renderer covers exactly that, and:
// - parses no HTML: nodes come from createElement/createElementNS and text from text nodes, so it
//   runs under a strict CSP and under Trusted Types (`require-trusted-types-for 'script'`) with no
//   policy at all, and writes no `style` attribute;
// - keeps nodes: a node is reused when the new view has a node of the same tag and `part` among
//   the same parent's children (text reuses text), and only what differs is written. Buttons keep
//   focus, and the role=status/alert lines persist for screen readers. Nodes it did not make (a
//   `<style>` ReactiveElement may add) are left alone.

/** A node of the view: a tag, its attributes and click listener, and its children. */
export interface ViewNode {
  t: string;
  a: Attrs;
  c: Child[];
}
/**
 * Attribute values: a string sets it, `true` sets it empty, `false`/`null`/`undefined` removes it.
 * `onclick` is the click listener (an event handler property, never an attribute).
 */
interface Attrs {
  onclick?: (event: MouseEvent) => void;
  [name: string]: string | boolean | null | undefined | ((event: MouseEvent) => void);
}
/** What may stand for a child: a node, text, nothing (`null`, `undefined`, `false`, `''`), or a list. */
export type Child = ViewNode | string | null | undefined | false | readonly Child[];

const SVG = 'http://www.w3.org/2000/svg';
/** The DOM nodes this renderer made: the only ones it updates, moves or removes. */
const made = new WeakSet<ChildNode>();

/** Describes an element: `h('button', { part: 'button', disabled }, 'Start')`. */
export const h = (t: string, a: Attrs | null, ...c: Child[]): ViewNode => ({ t, a: a ?? {}, c });

/** Flattens children to nodes and non-empty text. */
const list = (c: Child): (ViewNode | string)[] =>
  Array.isArray(c) ? c.flatMap(list) : c ? [c as ViewNode | string] : [];

/** Whether DOM node `n` can show `v`: text for text, else the same tag and `part`. */
const fits = (n: ChildNode, v: ViewNode | string) =>
  typeof v === 'string'
    ? n.nodeType === 3
    : (n as Element).localName === v.t &&
      (n as Element).getAttribute('part') === (v.a.part ?? null);

/** Makes `parent`'s children (the ones this renderer made) show `view`, reusing what fits. */
export function render(view: Child, parent: ParentNode & Node): void {
  const views = list(view);
  const old = [...parent.childNodes].filter((n) => made.has(n));
  const doc = parent.ownerDocument as Document;
  const nodes = views.map((v) => {
    const i = old.findIndex((n) => fits(n, v));
    if (i >= 0) return old.splice(i, 1)[0] as ChildNode;
    const n =
      typeof v === 'string'
        ? doc.createTextNode(v)
        : v.t === 'svg' || (parent as Element).namespaceURI === SVG
          ? doc.createElementNS(SVG, v.t)
          : doc.createElement(v.t);
    made.add(n);
    return n;
  });
  // Leftovers go first, so that a node which stays never moves (a moved node loses focus).
  for (const n of old) n.remove();
  // Placed from the last: each node right before the one that follows it.
  let next: ChildNode | null = null;
  for (let i = nodes.length; i--; ) {
    const n = nodes[i] as ChildNode;
    const v = views[i] as ViewNode | string;
    if (typeof v === 'string') {
      if ((n as Text).data !== v) (n as Text).data = v;
    } else {
      const el = n as Element & { onclick: unknown };
      for (const [name, value] of Object.entries(v.a)) {
        const text = value === true ? '' : value;
        if (name === 'onclick') el.onclick = value;
        else if (text == null || text === false) el.removeAttribute(name);
        else if (el.getAttribute(name) !== text) el.setAttribute(name, text as string);
      }
      render(v.c, el);
    }
    if (n.parentNode !== parent || n.nextSibling !== next) parent.insertBefore(n, next);
    next = n;
  }
}
