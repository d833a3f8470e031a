import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10.5rem), 1fr));
    gap: 0.5rem 0.75rem;
    align-items: end;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.5rem;
    margin: 0;
    font-weight: 600;
    cursor: pointer;
  }
  .check input {
    inline-size: 1.1rem;
    block-size: 1.1rem;
    margin: 0;
    accent-color: var(--_accent);
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
