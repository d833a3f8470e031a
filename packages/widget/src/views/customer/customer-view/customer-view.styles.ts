import { css } from 'lit';

export const styles = css`
  .org {
    font-size: 0.875em;
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
