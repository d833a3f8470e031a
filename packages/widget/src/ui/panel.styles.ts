import { css } from 'lit';

/** A framed box on a page: the facts, the timeline, the actions, a form beside the conversation. */
export const panelStyles = css`
  .box {
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
