import { describe, expect, it } from 'vitest';
import { defineElements } from './define';

describe('defineElements', () => {
  it('keeps what a page defined first under a tag, as when a host loads the script twice or two versions of it', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    class Other extends HTMLElement {}
    defineElements([['st-define-test', First]]);
    expect(() => defineElements([['st-define-test', Second], ['st-define-other', Other]])).not.toThrow();
    expect(customElements.get('st-define-test')).toBe(First);
    expect(customElements.get('st-define-other')).toBe(Other);
  });
});
