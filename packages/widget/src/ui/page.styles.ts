import { css } from 'lit';

/**
 * A page about one thing (a ticket, an organisation): a back link above its heading, then a main
 * column and a side one, side by side from the width each page sets in its own styles.
 */
export const pageStyles = css`
  .top {
    display: grid;
    gap: 0.25rem;
    justify-items: start;
  }
  .back {
    min-block-size: 2rem;
    padding-inline: 0;
  }
  :host(:dir(rtl)) .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }
  h2 {
    overflow-wrap: anywhere;
  }
  .layout {
    display: grid;
    gap: 1.25rem;
  }
  .main,
  .aside {
    display: grid;
    gap: 1rem;
    align-content: start;
    min-inline-size: 0;
  }
  h3 {
    margin-block-end: 0.5rem;
  }
`;
