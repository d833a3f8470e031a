import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding-block-end: 0.75rem;
    border-block-end: 1px solid var(--_border);
    margin-block-end: var(--_gap);
  }
  .brand {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    min-inline-size: 0;
  }
  .title {
    font-weight: 700;
    font-size: 1.1em;
  }
  .name {
    font-size: 0.875em;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .tab {
    min-block-size: 2.5rem;
    padding-inline: 0.75em;
    border: 0;
    border-block-end: 2px solid transparent;
    background: none;
    color: var(--_muted);
    font-weight: 600;
    cursor: pointer;
  }
  .tab[aria-current='page'] {
    color: var(--_fg);
    border-block-end-color: var(--_accent);
  }
  .tab:hover {
    color: var(--_fg);
  }
  @container (max-width: 30rem) {
    nav {
      inline-size: 100%;
    }
    .tab {
      flex: 1 1 auto;
      padding-inline: 0.4em;
    }
  }
`;
