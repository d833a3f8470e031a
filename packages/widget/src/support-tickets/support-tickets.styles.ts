import { css } from 'lit';

/**
 * The theme: public `--st-*` custom properties with fallbacks, turned into private `--_*`
 * ones that every nested view reads. `light-dark()` follows `prefers-color-scheme` through
 * `color-scheme: light dark`; a host can pin either (`support-tickets { color-scheme: dark }`)
 * or override any colour.
 *
 * Why (kept here, out of the CSS every page downloads):
 * - `.base { font-family }` (and the rest of its text styles): set here, inside the shadow root, so page styles
 *   on the host cannot reach the content.
 */
export const styles = css`
  :host {
    display: block;
    color-scheme: light dark;
    container-type: inline-size;
    --_accent: var(--st-accent, light-dark(#1d4ed8, #8ab4ff));
    --_accent-fg: var(--st-accent-fg, light-dark(#ffffff, #0b1220));
    --_link: var(--st-link, var(--_accent));
    --_bg: var(--st-bg, light-dark(#ffffff, #16181d));
    --_surface: var(--st-surface, light-dark(#f4f5f7, #1f232b));
    --_fg: var(--st-fg, light-dark(#1a1d23, #e9ebef));
    --_muted: var(--st-muted, light-dark(#576070, #a9b0bc));
    --_border: var(--st-border, light-dark(#dfe2e8, #323844));
    --_border-strong: var(--st-border-strong, light-dark(#8b93a1, #6b7382));
    --_danger: var(--st-danger, light-dark(#b42318, #ff9b91));
    --_danger-bg: var(--st-danger-bg, light-dark(#fdecea, #3a1d1b));
    --_warning: var(--st-warning, light-dark(#8a4b00, #f5c46b));
    --_warning-bg: var(--st-warning-bg, light-dark(#fff3df, #3a2d14));
    --_success: var(--st-success, light-dark(#17693a, #86dca0));
    --_success-bg: var(--st-success-bg, light-dark(#e7f6ec, #173022));
    --_info: var(--st-info, light-dark(#1e4fb8, #9cbcff));
    --_info-bg: var(--st-info-bg, light-dark(#e8f0fe, #1b2640));
    --_focus: var(--st-focus, var(--_accent));
    --_radius: var(--st-radius, 8px);
    --_gap: var(--st-gap, 1rem);
  }
  .base {
    font-family: var(--st-font, inherit);
    font-size: var(--st-font-size, 1rem);
    line-height: 1.5;
    color: var(--_fg);
    background: var(--_bg);
    border: var(--st-border-width, 1px) solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--st-padding, var(--_gap));
    min-block-size: var(--st-min-height, 24rem);
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    text-align: start;
    position: relative;
  }
  .base > * {
    flex: none;
  }
  .view {
    flex: 1 1 auto;
  }
  @container (max-width: 30rem) {
    .base {
      padding: calc(var(--_gap) * 0.75);
    }
  }
`;
