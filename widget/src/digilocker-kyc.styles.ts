// Styles of <digilocker-kyc>: every themable value is a --digilocker-kyc-* property with a fallback.
// The only motion is the busy spinner (spinner.styles.ts), still under prefers-reduced-motion; a
// theme that adds motion through ::part() should wrap it in that media query too.
//
// The focus ring's default, #1a56db, is 6.18:1 against white (WCAG relative luminance), over the
// 3:1 a focus indicator needs; its 2px offset keeps white between the ring and a button of the
// same colour. Empty live regions stay in the tree, so what is written into them is announced,
// but take no room. (No comments inside css``: the bundle would carry them.)
import { css } from './css-text.js';
import { spinnerStyles } from './spinner.styles.js';

export const styles = [
  spinnerStyles,
  css`
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
    outline: var(--digilocker-kyc-focus-ring, 3px solid #1a56db);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.55;
  }
  svg,
  [part='spinner'] {
    width: 1.25em;
    height: 1.25em;
    margin-right: 0.5em;
    vertical-align: -.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
  }
  [part='check'] {
    border-radius: 50%;
    background: var(--digilocker-kyc-success-color, #057a55);
    stroke: #fff;
  }
  p {
    margin: 0.5rem 0 0;
  }
  [part='share'] {
    margin: 0 0 0.5rem;
  }
  p:empty {
    margin: 0;
  }
  [part='error'] {
    color: var(--digilocker-kyc-error-color, #c81e1e);
  }
`,
];
