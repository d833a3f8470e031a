import { css } from 'lit';

export const styles = css`
  .name {
    font-size: 0.875em;
  }
  nav {
    flex-wrap: wrap;
  }
  @container (max-width: 30rem) {
    nav {
      inline-size: 100%;
    }
    .tab {
      flex: 1 1 auto;
      padding-inline: 0.4em;
    }
  }
`;
