import { css } from 'lit';

/**
 * What several agent views share: a heading row with something beside it (a hint, when the
 * figures were read; with `.spread`), and a coloured edge that says how a row or a figure stands, besides its
 * words (`data-tone`).
 */
export const agentStyles = css`
  .top {
    align-items: baseline;
    gap: 0.25rem 1rem;
  }
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
