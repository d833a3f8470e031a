import { describe, expect, it } from 'vitest';
import { linkify } from './message-body';

describe('linkify', () => {
  it('turns http(s) URLs into links and leaves the sentence’s punctuation outside', () => {
    expect(linkify('See https://kubit.ir/docs. Then (https://x.io/a_(b)) ok')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://kubit.ir/docs', href: 'https://kubit.ir/docs' },
      { kind: 'text', text: '. Then (' },
      { kind: 'link', text: 'https://x.io/a_(b)', href: 'https://x.io/a_(b)' },
      { kind: 'text', text: ') ok' },
    ]);
  });

  it('stops at Persian punctuation', () => {
    expect(linkify('لینک: https://kubit.ir/fa، لطفا')).toEqual([
      { kind: 'text', text: 'لینک: ' },
      { kind: 'link', text: 'https://kubit.ir/fa', href: 'https://kubit.ir/fa' },
      { kind: 'text', text: '، لطفا' },
    ]);
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,x ftp://a')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x ftp://a' },
    ]);
  });

  it('keeps line breaks in the text runs', () => {
    expect(linkify('a\nb\n\nc')).toEqual([{ kind: 'text', text: 'a\nb\n\nc' }]);
  });
});
