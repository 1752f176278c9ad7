// Compile-only type tests of the public API: checked by `tsc --noEmit` (pnpm typecheck), never run.
import type { CompleteDetail, ErrorDetail, KycErrorCode } from '@digilocker-kyc/shared/protocol';
import type * as React from 'react';
import type { DigilockerKyc } from './define.js';
import { emit } from './emit.js';
import type { DigilockerKycJsxAttributes, DigilockerKycProps } from './react.js';

declare const el: HTMLElementTagNameMap['digilocker-kyc'];
const sameClass: DigilockerKyc = el;

el.addEventListener('digilocker-kyc-complete', (event) => {
  const reference: string = event.detail.reference_id;
  const token: string = event.detail.session_token;
  const verification: string | undefined = event.detail.verification_id;
  // @ts-expect-error: the complete detail carries no status, let alone personal data
  event.detail.status;
  // @ts-expect-error: documents are DocumentType[], not strings of any kind
  event.detail.documents.push('PASSPORT');
  return [reference, token, verification];
});

el.addEventListener('digilocker-kyc-error', (event) => {
  const code: KycErrorCode = event.detail.code;
  // @ts-expect-error: a code is a string from the table, not a number
  const status: number = event.detail.code;
  return [code, status];
});

el.addEventListener('digilocker-kyc-cancel', (event) => {
  const reason: 'denied' | 'closed' | 'expired' | 'cancelled' = event.detail.reason;
  return reason;
});

el.addEventListener('digilocker-kyc-start', (event) => {
  event.preventDefault();
  // @ts-expect-error: start's detail is { mode }, there is no reference yet
  event.detail.reference_id;
});

emit(el, 'digilocker-kyc-open', { reference_id: '1', mode: 'popup' });
// @ts-expect-error: a wrong detail value
emit(el, 'digilocker-kyc-open', { reference_id: '1', mode: 'tab' });
// @ts-expect-error: a wrong detail field
emit(el, 'digilocker-kyc-fallback', { why: 'popup_blocked' });
// @ts-expect-error: detail is required
emit(el, 'digilocker-kyc-cancel');
// @ts-expect-error: not an event of the element
emit(el, 'digilocker-kyc-done', {});

// @ts-expect-error: status is read-only
el.status = 'complete';
el.mode = 'redirect';
// @ts-expect-error: no such mode
el.mode = 'tab';

// The last result, narrowed by its type: the complete detail carries the token.
const last = el.result;
if (last?.type === 'digilocker-kyc-complete') last.detail.session_token.trim();
if (last?.type === 'digilocker-kyc-error') last.detail.retryable;
// @ts-expect-error: result is read-only
el.result = undefined;
el.settle({ ok: true });
el.settle({ ok: false, message: 'Aadhaar is not linked.', retry: true });
// @ts-expect-error: a verified outcome has no message
el.settle({ ok: true, message: 'Verified' });
// @ts-expect-error: ok is required
el.settle({ retry: true });

const props: DigilockerKycProps = {
  endpoint: '/kyc',
  documents: 'AADHAAR PAN',
  onComplete: (event: CustomEvent<CompleteDetail>) => event.detail.session_token,
  onError: (event) => event.detail.retryable,
};
const wrongHandler: DigilockerKycProps = {
  // @ts-expect-error: onComplete receives the complete event, not the error event
  onComplete: (event: CustomEvent<ErrorDetail>) => event.detail.code,
};

// The events bubble and are composed: document- and window-level listeners get typed details too.
document.addEventListener('digilocker-kyc-complete', (event) => {
  const reference: string = event.detail.reference_id;
  // @ts-expect-error: the complete detail carries no personal data
  event.detail.name;
  return reference;
});
window.addEventListener('digilocker-kyc-error', (event) => {
  const retryable: boolean = event.detail.retryable;
  // @ts-expect-error: a code is a string from the table, not a number
  const code: number = event.detail.code;
  return [retryable, code];
});
// @ts-expect-error: no such event on document, so no typed detail either
document.addEventListener('digilocker-kyc-done', (event: CustomEvent<{ x: 1 }>) => event);

// The raw tag in React JSX, declared by the React entry only.
const raw: React.JSX.IntrinsicElements['digilocker-kyc'] = { endpoint: '/kyc', mode: 'popup' };
const rawSame: DigilockerKycJsxAttributes = raw;
// @ts-expect-error: no such mode on the raw tag either
const rawWrong: React.JSX.IntrinsicElements['digilocker-kyc'] = { mode: 'tab' };

export { props, raw, rawSame, rawWrong, sameClass, wrongHandler };
