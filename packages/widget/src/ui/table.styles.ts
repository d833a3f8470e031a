import { css } from 'lit';

/** A table in a framed box that scrolls sideways when the box is too narrow for it. */
export const tableStyles = css`
  .scroll {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    border-block-start: 1px solid var(--_border);
    white-space: nowrap;
  }
`;
