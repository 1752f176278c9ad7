// The element's renderer: the DOM it builds, the nodes it keeps across renders, and no HTML parsing (Trusted Types).
import { expect } from '@open-wc/testing';
import { checkMark, lockMark } from './marks.js';
import { type Child, h, render } from './render.js';

// Node identity is checked with `===`: a failed chai comparison of two DOM nodes can take the
// test browser down instead of reporting.

/** What a test added to the page (removed after it). */
const added: Element[] = [];

/** A fresh container in the page, for one test. */
function container(): HTMLElement {
  const div = document.createElement('div');
  document.body.append(div);
  added.push(div);
  return div;
}

/** The mutations `run` causes in `root`'s subtree (taken before the observer's callback runs). */
function mutations(root: Node, run: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  run();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

/** Popup-mode actions, as the element draws them: Continue only when `unconfirmed`. */
const actions = (unconfirmed: boolean, label = 'Reopen DigiLocker'): Child =>
  h(
    'div',
    { lang: 'en' },
    unconfirmed && h('button', { part: 'continue-button' }, 'Continue'),
    h('button', { part: 'reopen-button' }, label),
    h('button', { part: 'cancel-button' }, 'Cancel'),
  );

describe('render', () => {
  afterEach(() => {
    for (const node of added.splice(0)) node.remove();
  });

  it('builds elements, attributes, boolean attributes, text and nested lists, in order', () => {
    const root = container();
    render(
      [
        h('p', { part: 'share', lang: 'hi' }, 'a', ['b', null, false, '', [h('b', null, 'c')]]),
        h('button', { part: 'button', disabled: true, hidden: false, title: null }),
        null,
      ],
      root,
    );
    expect(root.innerHTML).to.equal(
      '<p part="share" lang="hi">ab<b>c</b></p><button part="button" disabled=""></button>',
    );
  });

  it('draws the marks in the SVG namespace, viewBox spelled as SVG needs it', () => {
    const root = container();
    render([lockMark, checkMark], root);
    const [lock, check] = root.querySelectorAll('svg');
    expect(lock?.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(lock?.firstElementChild?.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(lock?.getAttribute('viewBox')).to.equal('0 0 16 16');
    expect(lock?.getAttribute('part')).to.equal('mark');
    expect(check?.getAttribute('part')).to.equal('check');
    expect(check?.getAttribute('aria-hidden')).to.equal('true');
    // An SVG with a viewBox and a path has a size: the browser read it as SVG, not as unknown tags.
    expect(lock?.viewBox.baseVal.width).to.equal(16);
    expect(lock?.querySelector('path')?.getTotalLength()).to.be.greaterThan(0);
  });

  it('writes nothing when the view is unchanged, and only what changed otherwise', async () => {
    const root = container();
    const view = (text: string, disabled: boolean) => [
      h('button', { part: 'button', disabled }, lockMark, h('slot', null, text)),
      h('p', { id: 'status', role: 'status' }, text),
    ];
    render(view('Start', false), root);
    const button = root.querySelector('button');
    const status = root.querySelector('p');
    const text = status?.firstChild;
    expect(mutations(root, () => render(view('Start', false), root)).length).to.equal(0);
    const changed = mutations(root, () => render(view('Try again', true), root));
    expect(changed.map((record) => record.type).sort()).to.deep.equal([
      'attributes',
      'characterData',
      'characterData',
    ]);
    expect(root.querySelector('button') === button, 'same button').to.equal(true);
    expect(root.querySelector('p') === status, 'same status line').to.equal(true);
    expect(status?.firstChild === text, 'same text node').to.equal(true);
    expect(button?.disabled).to.equal(true);
    expect(root.textContent).to.equal('Try againTry again');
  });

  it('keeps a focused button in place when a node comes and goes before it', async () => {
    const root = container();
    render(actions(false), root);
    const reopen = root.querySelector<HTMLButtonElement>('[part=reopen-button]');
    const cancel = root.querySelector('[part=cancel-button]');
    reopen?.focus();
    render(actions(true, 'Reopen'), root);
    expect(root.querySelector('div')?.children[0]?.getAttribute('part')).to.equal(
      'continue-button',
    );
    expect(root.querySelector('[part=reopen-button]') === reopen, 'same Reopen').to.equal(true);
    expect(root.querySelector('[part=cancel-button]') === cancel, 'same Cancel').to.equal(true);
    expect(reopen?.textContent).to.equal('Reopen');
    expect(document.activeElement === reopen, 'focus stays').to.equal(true);
    const removed = mutations(root, () => render(actions(false, 'Reopen'), root));
    // Continue leaves; nothing else is moved (a moved node would be a removal and an insertion).
    expect(removed.length).to.equal(1);
    expect(removed[0]?.removedNodes.length).to.equal(1);
    expect(removed[0]?.addedNodes.length).to.equal(0);
    expect(document.activeElement === reopen, 'focus stays').to.equal(true);
  });

  it('replaces a node whose tag or part differs, and removes what the view no longer has', () => {
    const root = container();
    render([h('span', { part: 'spinner' }), 'Checking…'], root);
    const text = root.lastChild;
    render([h('span', { part: 'next' }, 'Next'), 'Done'], root);
    expect(root.innerHTML).to.equal('<span part="next">Next</span>Done');
    expect(root.lastChild === text, 'text reuses text').to.equal(true);
    render('Only text', root);
    expect(root.innerHTML).to.equal('Only text');
    render(null, root);
    expect(root.childNodes).to.have.length(0);
  });

  it('leaves nodes it did not make where they are', () => {
    const root = container();
    const style = document.createElement('style');
    root.append(style);
    render([h('p', null, 'one')], root);
    render([h('b', null), h('p', null, 'two')], root);
    render([h('p', null, 'three')], root);
    expect(root.firstChild === style, 'the same <style>, first').to.equal(true);
    expect(root.innerHTML).to.equal('<style></style><p>three</p>');
  });

  it('calls the latest click listener only', () => {
    const root = container();
    const calls: string[] = [];
    render(h('button', { onclick: () => calls.push('first') }), root);
    const button = root.querySelector('button');
    render(h('button', { onclick: () => calls.push('second') }), root);
    button?.click();
    expect(calls).to.deep.equal(['second']);
    expect(button?.hasAttribute('onclick'), 'a property, not an attribute').to.equal(false);
  });

  it('runs under Trusted Types with no policy, and writes no style attribute', async () => {
    const frame = document.createElement('iframe');
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types 'none'"><body>`;
    document.body.append(frame);
    added.push(frame);
    await loaded;
    const win = frame.contentWindow as Window;
    const violations: string[] = [];
    win.document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.violatedDirective),
    );
    const root = win.document.body;
    // Negative control: the frame really refuses a string in an HTML sink.
    expect(() => {
      root.innerHTML = '<b>x</b>';
    }).to.throw();
    const view = (unconfirmed: boolean) => [
      actions(unconfirmed),
      h('button', { part: 'button', disabled: unconfirmed }, lockMark, h('slot', null, 'Start')),
      h('p', { role: 'status' }, unconfirmed && [checkMark, h('b', null, 'Verified')]),
    ];
    render(view(false), root);
    render(view(true), root);
    render(view(false), root);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(violations, 'only the control').to.deep.equal(['require-trusted-types-for']);
    expect(root.querySelectorAll('button')).to.have.length(3);
    expect(root.querySelector('svg')?.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(root.querySelector('[style]')).to.equal(null);
  });
});
