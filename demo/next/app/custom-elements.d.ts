// <digilocker-kyc> in this app's JSX: the attributes of the widget's HTML contract.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'digilocker-kyc': DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
        endpoint: string;
        documents?: string;
        mode?: 'auto' | 'popup' | 'redirect';
        'redirect-url'?: string;
        locale?: string;
        disabled?: boolean;
      };
    }
  }
}
