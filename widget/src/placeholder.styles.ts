// Look of the placeholder window shown while the DigiLocker link is made: calm text, a spinner.
// Adopted as a constructed stylesheet (see popup.ts): the window is about:blank of the merchant's
// origin, so the merchant page's CSP applies there, and a strict `style-src` refuses a <style>.
import { css } from './css-text.js';
import { spinnerStyles } from './spinner.styles.js';

export const placeholderStyles = css`
  body {
    padding-top: 38vh;
    text-align: center;
    font: 1.125rem system-ui, sans-serif;
    color: #1a56db;
  }
  ${spinnerStyles}
`;
