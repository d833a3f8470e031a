import { css } from 'lit';

export const styles = css`
  .org {
    font-size: 0.875em;
  }
`;
