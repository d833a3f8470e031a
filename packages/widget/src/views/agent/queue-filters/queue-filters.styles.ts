import { css } from 'lit';

export const styles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10.5rem), 1fr));
    gap: 0.5rem 0.75rem;
    align-items: end;
  }
  .check {
    min-block-size: 2.5rem;
    font-weight: 600;
  }
  .check input {
    inline-size: 1.1rem;
    block-size: 1.1rem;
  }
  .more {
    grid-column: 1 / -1;
  }
  .more summary {
    cursor: pointer;
    color: var(--_link);
    font-weight: 600;
    min-block-size: 2rem;
  }
  .more .filters {
    margin-block-start: 0.5rem;
  }
`;
