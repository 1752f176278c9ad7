// Look of the signing server's own pages (the return page, and any page like it): one small
// stylesheet inlined in a <style> element and allowed by its hash in the page's CSP.
//
// Why a hash and not a stylesheet file: the page stays one response (its first paint is styled,
// even while DigiLocker's redirect is still settling) and the CSP still allows no inline style
// but exactly this one: `style-src 'sha256-…'`, never 'unsafe-inline'.
import { createHash } from 'node:crypto';

// The spinner is the first line's ::before, shown only where scripts run (the script is what
// finishes the page) and only until the script marks the page done with data-done.
// The colours match the widget's defaults; #1f2937 text on white is 14.7:1.
const PAGE_CSS = [
  'body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f3f4f6;color:#1f2937;font:1.125rem/1.5 system-ui,sans-serif}',
  'main{box-sizing:border-box;max-width:28rem;margin:1rem;padding:2rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 3px rgb(0 0 0/.12);text-align:center}',
  'p{margin:0}',
  '@media (scripting:enabled){html:not([data-done]) [role=status]::before{content:"";display:block;width:2rem;height:2rem;margin:0 auto 1rem;border:3px solid #1a56db;border-right-color:transparent;border-radius:50%;animation:dlkyc-spin .8s linear infinite}}',
  '@keyframes dlkyc-spin{to{transform:rotate(1turn)}}',
  '@media (prefers-reduced-motion:reduce){[role=status]::before{animation:none!important}}',
].join('');

/** The CSP source that allows exactly PAGE_STYLE and no other inline style. */
export const PAGE_STYLE_SRC = `'sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}'`;

/** The <style> element for a page's <head>; its text must stay byte-for-byte PAGE_CSS. */
export const PAGE_STYLE = `<style>${PAGE_CSS}</style>`;
