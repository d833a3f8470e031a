import { css } from 'lit';

export const styles = css`
  .overview {
    display: grid;
    gap: 1rem;
  }
  .generated {
    font-size: 0.875em;
  }
  h3 {
    margin-block-end: 0.5rem;
  }
  .compliance {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: 0.75rem;
  }
  .stat-title {
    font-weight: 600;
    font-size: 0.875em;
  }
  .share {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.3;
  }
  table {
    font-size: 0.875em;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding: 0.6rem 0.75rem 0.3rem;
  }
  th,
  td {
    padding: 0.25rem 0.75rem;
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
  }
  tbody th {
    font-weight: 500;
  }
  th[scope='rowgroup'] {
    font-weight: 700;
    vertical-align: top;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  td[data-tone='zero'] {
    color: var(--_muted);
  }
  td[data-tone='bad'] {
    color: var(--_danger);
    font-weight: 700;
  }
  td[data-tone='warn'] {
    color: var(--_warning);
    font-weight: 700;
  }
  td[data-tone='ok'] {
    color: var(--_success);
    font-weight: 600;
  }
  .total {
    font-weight: 700;
  }
`;
