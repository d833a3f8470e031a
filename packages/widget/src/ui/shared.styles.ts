import { css } from 'lit';

/**
 * Pieces every view shares: box model, controls, chips and states. The colours are the
 * private `--_*` properties the root element derives from the public `--st-*` ones; they
 * inherit into nested shadow roots.
 *
 * Why (kept here, out of the CSS every page downloads):
 * - `:host`: Every view lays itself out by its own width (container queries), not the page's.
 * - `.chip[data-tone='bad']`: Shape, not only colour: breached SLAs get a square marker.
 * - `.spread`: a row whose items go to both ends and wrap (a header, a heading with a note beside it).
 * - `.chip.status`: A ticket's status: outlined and quiet beside its coloured SLA chip.
 * - `.confirm`: "Close this ticket?" in a banner, with its answers.
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    container-type: inline-size;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
    line-height: 1.3;
  }
  h3 {
    font-size: 1em;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_link);
  }
  .muted {
    color: var(--_muted);
  }
  .spread {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  :is(button, input, select, textarea, a, [tabindex]):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 2.5rem;
    padding-block: 0.4em;
    padding-inline: 1em;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
  }
  .btn:hover {
    filter: brightness(1.08);
  }
  .btn:disabled {
    cursor: progress;
    opacity: 0.65;
    filter: none;
  }
  .btn.secondary {
    background: var(--_bg);
    color: var(--_fg);
    border-color: var(--_border);
  }
  .btn.danger {
    background: var(--_bg);
    color: var(--_danger);
    border-color: currentColor;
  }
  .btn.link {
    background: none;
    color: var(--_link);
    padding-inline: 0.25em;
    font-weight: 500;
  }

  label,
  .label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.3em;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  input[type='text'],
  input[type='search'],
  select,
  textarea {
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding-block: 0.45em;
    padding-inline: 0.7em;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  textarea {
    resize: vertical;
    line-height: 1.5;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding-block: 0.1em;
    padding-inline: 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_chip-border, transparent);
    background: var(--_chip-bg, var(--_surface));
    color: var(--_chip-fg, var(--_fg));
    font-size: 0.8125em;
    font-weight: 600;
    line-height: 1.6;
    white-space: nowrap;
  }
  .chip::before {
    content: '';
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: currentColor;
    flex: none;
  }
  .chip.plain::before {
    display: none;
  }
  .chip[data-tone='ok'] {
    --_chip-bg: var(--_success-bg);
    --_chip-fg: var(--_success);
  }
  .chip[data-tone='warn'] {
    --_chip-bg: var(--_warning-bg);
    --_chip-fg: var(--_warning);
  }
  .chip[data-tone='bad'] {
    --_chip-bg: var(--_danger-bg);
    --_chip-fg: var(--_danger);
  }
  .chip[data-tone='bad']::before {
    border-radius: 1px;
  }
  .chip[data-tone='info'] {
    --_chip-bg: var(--_info-bg);
    --_chip-fg: var(--_info);
  }
  .chip[data-tone='muted'] {
    --_chip-bg: var(--_surface);
    --_chip-fg: var(--_muted);
  }
  .chip[data-tone='muted']::before {
    background: none;
    border: 1px solid currentColor;
  }
  .chip.status {
    border-color: var(--_border);
    background: var(--_bg);
  }

  .state {
    display: grid;
    justify-items: center;
    gap: 0.6em;
    padding: 2em 1em;
    text-align: center;
    min-block-size: 10rem;
    align-content: center;
  }
  .state[data-kind='error'] {
    color: var(--_danger);
  }
  .state p {
    max-inline-size: 42ch;
  }
  .state .muted {
    color: var(--_muted);
  }
  .banner {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_info);
    background: var(--_info-bg);
  }
  .banner[data-tone='bad'] {
    border-inline-start-color: var(--_danger);
    background: var(--_danger-bg);
  }
  .confirm {
    display: grid;
    gap: 0.4rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface), var(--_border), var(--_surface));
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
