import { css } from 'lit';

export const styles = css`
  .form-view {
    display: grid;
    gap: 1rem;
    max-inline-size: 48rem;
  }
  .intro {
    display: grid;
    gap: 0.25rem;
  }
  form {
    display: grid;
    gap: 1.1rem;
  }
  .req {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .counter {
    margin-inline-start: 0.5em;
    font-variant-numeric: tabular-nums;
  }
  legend {
    padding: 0;
  }
  .options {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: 0.5rem;
    margin-block-start: 0.4rem;
  }
  .target {
    font-size: 0.875em;
  }
  .form-error {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_danger-bg);
    color: var(--_danger);
    font-weight: 600;
  }
  @container (max-width: 24rem) {
    .buttons .btn {
      flex: 1 1 100%;
    }
  }
`;
