// The busy spinner, one rule set for the element and the placeholder window (the bundle carries it
// once). It stops under prefers-reduced-motion: the still ring stays beside the words.
import { css } from 'lit';

export const spinnerStyles = css`
  [part='spinner'] {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation: none;
    }
  }
`;
