import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .orgs {
    display: grid;
    gap: 0.75rem;
  }
  .top {
    display: grid;
    gap: 0.75rem;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.75rem;
    inline-size: 100%;
    padding: 0.6rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    text-align: start;
    font: inherit;
    cursor: pointer;
  }
  .row:hover {
    background: var(--_surface);
    border-color: var(--_border-strong);
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
