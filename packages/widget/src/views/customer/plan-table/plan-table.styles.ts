import { css } from 'lit';

/**
 * Why (kept here, out of the CSS every page downloads):
 * - `.scroll { position: relative }`: contains the visually hidden cell texts, which would otherwise widen the page.
 * - `th:first-child`: The priority column stays while the plans scroll beside it in a narrow box.
 */
export const styles = css`
  .plans {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
  }
  .scroll {
    position: relative;
  }
  table {
    font-size: 0.9375em;
  }
  .caption {
    font-size: 0.875em;
  }
  th,
  td {
    padding: 0.55rem 0.75rem;
    vertical-align: top;
  }
  thead th {
    border-block-start: 0;
    vertical-align: bottom;
  }
  tbody th {
    font-weight: 600;
  }
  th:first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_bg);
    box-shadow: inset -1px 0 0 var(--_border);
  }
  :host(:dir(rtl)) th:first-child {
    box-shadow: inset 1px 0 0 var(--_border);
  }
  .current {
    background: var(--_info-bg);
  }
  thead .current {
    box-shadow: inset 0 3px 0 var(--_accent);
  }
  .you {
    display: flex;
    inline-size: max-content;
    margin-block-start: 0.25rem;
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  /* Sentences, not figures: they wrap rather than widen the table. */
  td.guidance {
    white-space: normal;
    min-inline-size: 10rem;
  }
  .none {
    color: var(--_muted);
  }
  @container (max-width: 26rem) {
    th,
    td {
      padding: 0.45rem 0.5rem;
    }
  }
`;
