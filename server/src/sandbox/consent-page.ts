// HTML of the simulated DigiLocker pages: the consent form and the "cannot continue" pages. Pure.

import type { DocumentType } from '@digilocker-kyc/shared';
import escapeHtmlText from 'escape-html';
import type { Persona } from './personas.js';

export const CONSENT_PATH = '/digilocker/consent';
const STYLESHEET_PATH = '/digilocker/sandbox.css';

const DOCUMENT_NAMES: Record<DocumentType, string> = {
  AADHAAR: 'Aadhaar card',
  PAN: 'PAN card',
  DRIVING_LICENSE: 'Driving licence',
};

const BANNER = 'SANDBOX — simulated DigiLocker, no real KYC';

/**
 * HTML-escapes text for element content and quoted attributes (the `escape-html` package).
 * Typed here, not re-exported, so the published .d.ts needs no @types/escape-html.
 */
export const escapeHtml: (text: string) => string = escapeHtmlText;

/**
 * The page's own policy: nothing inline, its stylesheet only, and forms may go to this origin
 * and to the merchant (browsers apply form-action to the 303 that follows the post).
 */
export function consentCsp(redirectOrigin?: string): string {
  const formAction = redirectOrigin ? `'self' ${redirectOrigin}` : "'self'";
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action ${formAction}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function page(title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<p class="banner" role="note"><strong>${BANNER}</strong>. Nothing here touches a real Aadhaar or DigiLocker account.</p>
<main>
${main}
</main>
</body>
</html>
`;
}

export interface ConsentPageInput {
  token: string;
  documents: readonly DocumentType[];
  /** Where the customer returns: shown so the tester sees which merchant asked. */
  redirectHost: string;
  expiresAt: Date;
  personas: readonly Persona[];
  defaultPersonaId: string;
}

export function renderConsentPage(input: ConsentPageInput): string {
  const documents = input.documents
    .map((type) => `<li>${escapeHtml(DOCUMENT_NAMES[type] ?? type)}</li>`)
    .join('\n');
  const personas = input.personas
    .map((persona) => {
      const id = `persona-${escapeHtml(persona.id)}`;
      const checked = persona.id === input.defaultPersonaId ? ' checked' : '';
      return `<div class="persona">
<input type="radio" name="persona" id="${id}" value="${escapeHtml(persona.id)}"${checked} aria-describedby="${id}-note">
<label for="${id}">${escapeHtml(persona.label)}</label>
<p class="note" id="${id}-note">${escapeHtml(persona.description)}</p>
</div>`;
    })
    .join('\n');
  return page(
    `${BANNER}: consent`,
    `<h1>Share your documents</h1>
<p><strong>${escapeHtml(input.redirectHost)}</strong> asks to see these documents from your DigiLocker:</p>
<ul class="documents">
${documents}
</ul>
<form method="post" action="${CONSENT_PATH}">
<input type="hidden" name="session" value="${escapeHtml(input.token)}">
<fieldset>
<legend>Sandbox test persona</legend>
${personas}
</fieldset>
<p class="note">This link works once and expires at <time datetime="${input.expiresAt.toISOString()}">${escapeHtml(input.expiresAt.toISOString().replace('T', ' ').slice(0, 19))} UTC</time>.</p>
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</div>
<p class="tester">Sandbox only: <button type="submit" name="decision" value="expire" class="link" aria-describedby="expire-note">Expire this link now</button></p>
<p class="note" id="expire-note">Ends this link's time at once, as if it had waited out its lifetime: the merchant's page then sees the attempt expire.</p>
</form>`,
  );
}

/** A page that explains why the journey cannot continue (expired, used, unknown, bad request). */
export function renderMessagePage(heading: string, explanation: string): string {
  return page(
    `${BANNER}: ${heading}`,
    `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(explanation)}</p>`,
  );
}

export const SANDBOX_CSS = `:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; background: #f4f6f8; color: #1b1f24; }
.banner { margin: 0; padding: 0.75rem 1rem; background: #ffd54f; color: #1b1f24; text-align: center; border-bottom: 3px solid #b38f00; }
main { max-width: 34rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgb(0 0 0 / 15%); }
h1 { margin-top: 0; font-size: 1.5rem; }
fieldset { border: 1px solid #c8d0d8; border-radius: 6px; margin: 1rem 0; padding: 0.5rem 1rem; }
.persona { margin: 0.5rem 0; }
.note { margin: 0.25rem 0 0.5rem 1.6rem; color: #4a5560; font-size: 0.9rem; }
.actions { display: flex; gap: 0.75rem; }
button { font: inherit; padding: 0.6rem 1.4rem; border-radius: 6px; border: 2px solid #0b5cad; background: #0b5cad; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #0b5cad; }
.tester { margin: 1.5rem 0 0; padding-top: 0.75rem; border-top: 1px dashed #c8d0d8; font-size: 0.9rem; }
.tester + .note { margin-left: 0; }
button.link { padding: 0; border: 0; background: none; color: #0b5cad; text-decoration: underline; }
button:focus-visible, input:focus-visible { outline: 3px solid #ff8f00; outline-offset: 2px; }
`;
