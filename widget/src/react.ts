// @digilocker-kyc/widget/react: <DigilockerKyc> for React, with typed onComplete/onCancel/... props.
import type {
  CancelDetail,
  CompleteDetail,
  ErrorDetail,
  FallbackDetail,
  OpenDetail,
  StartDetail,
} from '@digilocker-kyc/shared/protocol';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { DigilockerKyc as DigilockerKycElement, TAG_NAME } from './define.js';

/**
 * The element as a React component. Attributes are props (`endpoint`, `documents`, `mode`,
 * `redirectUrl`, `locale`, `disabled`, `strings`, `timings`); each event is an `on*` prop whose
 * argument is the typed CustomEvent. One attempt per element survives StrictMode's double effects.
 */
export const DigilockerKyc = createComponent({
  react: React,
  tagName: TAG_NAME,
  elementClass: DigilockerKycElement,
  displayName: 'DigilockerKyc',
  events: {
    onStart: 'digilocker-kyc-start' as EventName<CustomEvent<StartDetail>>,
    onOpen: 'digilocker-kyc-open' as EventName<CustomEvent<OpenDetail>>,
    onFallback: 'digilocker-kyc-fallback' as EventName<CustomEvent<FallbackDetail>>,
    onComplete: 'digilocker-kyc-complete' as EventName<CustomEvent<CompleteDetail>>,
    onCancel: 'digilocker-kyc-cancel' as EventName<CustomEvent<CancelDetail>>,
    onError: 'digilocker-kyc-error' as EventName<CustomEvent<ErrorDetail>>,
  },
});

export type DigilockerKycProps = React.ComponentProps<typeof DigilockerKyc>;
