// Styles of <digilocker-kyc>: every themable value is a --digilocker-kyc-* property with a fallback.
// Nothing here moves (no transitions or animations), so prefers-reduced-motion is met by design;
// a theme that adds motion through ::part() should wrap it in that media query.
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font-family: var(--digilocker-kyc-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  div {
    display: flex;
    flex-wrap: wrap;
    gap: var(--digilocker-kyc-gap, 0.5rem);
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: var(--digilocker-kyc-padding, 0.625rem 1.25rem);
    border-radius: var(--digilocker-kyc-radius, 0.5rem);
    border: 1px solid var(--digilocker-kyc-accent, #1a56db);
    background: none;
    color: var(--digilocker-kyc-accent, #1a56db);
  }
  [part='button'],
  [part='continue-button'] {
    background: var(--digilocker-kyc-accent, #1a56db);
    color: var(--digilocker-kyc-accent-text, #fff);
    font-weight: 600;
  }
  [part='button']:hover:not(:disabled) {
    background: var(--digilocker-kyc-accent-hover, #1e429f);
  }
  button:focus-visible {
    outline: var(--digilocker-kyc-focus-ring, 3px solid #76a9fa);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.55;
  }
  p {
    margin: 0.5rem 0 0;
  }
  p:empty {
    display: none;
  }
  [part='error'] {
    color: var(--digilocker-kyc-error-color, #c81e1e);
  }
`;
