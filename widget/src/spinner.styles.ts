// The busy spinner, one rule set for the element and the placeholder window (the bundle carries it
// once). It turns only for those who have not asked for reduced motion: for them the ring stays,
// still, beside the words that say what is happening.
import { css } from './css-text.js';

export const spinnerStyles = css`
  [part='spinner'] {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid;
    border-right-color: #0000;
    border-radius: 50%;
  }
  @media (prefers-reduced-motion: no-preference) {
    [part='spinner'] {
      animation: spin 0.8s linear infinite;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
`;
