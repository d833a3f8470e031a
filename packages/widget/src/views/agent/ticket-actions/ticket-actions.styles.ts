import { css } from 'lit';

export const styles = css`
  .actions {
    display: grid;
    gap: 0.75rem;
  }
  .assignee {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .actions > .btn.danger {
    justify-self: start;
  }
`;
