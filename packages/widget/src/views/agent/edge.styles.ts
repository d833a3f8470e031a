import { css } from 'lit';

/** A coloured edge that says how a row or a figure stands, besides its words (`data-tone`). */
export const edgeStyles = css`
  .edge {
    border-inline-start-width: 4px;
  }
  .edge[data-tone='bad'] {
    border-inline-start-color: var(--_danger);
  }
  .edge[data-tone='warn'] {
    border-inline-start-color: var(--_warning);
  }
  .edge[data-tone='ok'] {
    border-inline-start-color: var(--_success);
  }
`;
