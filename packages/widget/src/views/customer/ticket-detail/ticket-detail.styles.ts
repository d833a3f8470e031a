import { css } from 'lit';

export const styles = css`
  .detail {
    display: grid;
    gap: 1rem;
  }
  .banner p + .btn,
  .unsent + .btn {
    margin-block-start: 0.6rem;
  }
  .unsent {
    margin: 0.35rem 0 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border-strong);
  }
  .composer {
    display: grid;
    gap: 0.35rem;
  }
  .buttons {
    margin-block-start: 0.35rem;
  }
  .composer .buttons {
    justify-content: space-between;
  }
  @container (min-width: 46rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(15rem, 19rem);
      align-items: start;
    }
  }
`;
