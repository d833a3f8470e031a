import { css } from 'lit';

export const styles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    padding-block-end: 0.75rem;
    border-block-end: 1px solid var(--_border);
    margin-block-end: var(--_gap);
  }
  .title {
    font-weight: 700;
    font-size: 1.1em;
  }
`;
