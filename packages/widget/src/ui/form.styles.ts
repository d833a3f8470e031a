import { css } from 'lit';

/**
 * Choices in a form: fieldsets without a frame, options drawn as cards to pick from (a radio
 * with a label and a detail under it), and a checkbox beside its label.
 */
export const formStyles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin: 0;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .option input {
    margin: 0.3em 0 0;
    accent-color: var(--_accent);
  }
  .option-text {
    display: grid;
  }
  .option-label {
    font-weight: 600;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    cursor: pointer;
  }
  .check input {
    margin: 0;
    accent-color: var(--_accent);
  }
`;
