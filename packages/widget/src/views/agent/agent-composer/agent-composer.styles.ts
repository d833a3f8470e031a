import { css } from 'lit';

/**
 * Why (kept here, out of the CSS agents download):
 * - `.composer[data-mode='note']`: An internal note must never pass for a reply: dashed amber box, its own label and button.
 */
export const styles = css`
  .composer {
    display: grid;
    gap: 0.35rem;
  }
  .composer[data-mode='note'] {
    border: 2px dashed var(--_warning);
    background: var(--_warning-bg);
  }
  .composer[data-mode='note'] textarea {
    border-style: dashed;
    border-color: var(--_warning);
  }
  .modes {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0 0 0.25rem;
    padding: 0;
    border: 0;
  }
  .mode {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    margin: 0;
    min-block-size: 2.25rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    font-weight: 600;
    cursor: pointer;
  }
  .mode input {
    margin: 0;
    accent-color: var(--_accent);
  }
  .mode:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .mode[data-mode='note']:has(input:checked) {
    border-color: var(--_warning);
    box-shadow: inset 0 0 0 1px var(--_warning);
    color: var(--_warning);
  }
  .mode:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .note-warning {
    color: var(--_warning);
    font-weight: 700;
    font-size: 0.875em;
  }
  .buttons {
    margin-block-start: 0.35rem;
  }
  .btn.note {
    background: var(--_warning);
    color: var(--_bg);
  }
`;

/** The collision notice: what changed while the agent wrote. */
export const conflictStyles = css`
  .conflict {
    border-color: var(--_warning);
    background: var(--_warning-bg);
    margin-block-end: 0.5rem;
  }
  .conflict h3:focus {
    outline: none;
  }
`;
