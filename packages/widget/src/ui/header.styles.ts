import { css } from 'lit';

/**
 * The workspace's header, the customer's and the agent's: the widget's name with whom or which
 * organisation it shows, and the tabs of its views. Each view adds how it folds in a narrow box.
 */
export const headerStyles = css`
  .header {
    align-items: center;
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
  nav {
    display: flex;
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
  .actions {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  @container (max-width: 30rem) {
    .actions {
      inline-size: 100%;
      justify-content: space-between;
    }
  }
`;
