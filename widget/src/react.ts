// @digilocker-kyc/widget/react: <DigilockerKyc> for React, with typed onComplete/onCancel/... props.
import type {
  CancelDetail,
  CompleteDetail,
  ErrorDetail,
  FallbackDetail,
  KycMode,
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

/**
 * The raw tag's attributes in JSX (`<digilocker-kyc endpoint="/kyc">`), for apps that render the
 * element itself rather than the wrapper. Listen through a ref: React 19 forwards `on*` props of
 * custom elements as events, older versions do not.
 */
export interface DigilockerKycJsxAttributes
  extends React.HTMLAttributes<DigilockerKycElement>,
    React.RefAttributes<DigilockerKycElement> {
  endpoint?: string;
  documents?: string;
  mode?: KycMode;
  'redirect-url'?: string;
  locale?: string;
  merchant?: string;
  disabled?: boolean;
}

// Declared here, not in the main entry, so apps without React need no @types/react.
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'digilocker-kyc': DigilockerKycJsxAttributes;
    }
  }
}
