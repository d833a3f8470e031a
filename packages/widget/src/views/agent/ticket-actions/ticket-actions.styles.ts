import { css } from 'lit';

export const styles = css`
  .actions {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .assignee {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .confirm {
    display: grid;
    gap: 0.4rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .actions > .btn.danger {
    justify-self: start;
  }
`;
