import { css } from 'lit';

export const styles = css`
  .orgs {
    display: grid;
    gap: 0.75rem;
  }
  .top {
    display: grid;
    gap: 0.75rem;
  }
  .list {
    gap: 0.4rem;
  }
  .row {
    gap: 0.35rem 0.75rem;
    padding: 0.6rem 0.9rem;
  }
  .name {
    flex: 1 1 12rem;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .open {
    font-size: 0.875em;
  }
  @container (min-width: 34rem) {
    .top {
      grid-template-columns: auto 1fr;
      align-items: end;
    }
    .search {
      justify-self: end;
      inline-size: min(100%, 20rem);
    }
  }
`;
