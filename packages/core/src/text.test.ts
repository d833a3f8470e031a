import { describe, expect, it } from 'vitest';
import { BODY_MAX_LENGTH, checkBody, checkSubject, checkTextWithin, describeTextProblem, SUBJECT_MAX_LENGTH } from './text';

describe('text problems', () => {
  it('accepts text up to the limit, and refuses blank or longer text with a code and the limit', () => {
    expect(checkSubject('VM down')).toBeNull();
    expect(checkSubject('s'.repeat(SUBJECT_MAX_LENGTH))).toBeNull();
    expect(checkSubject('s'.repeat(SUBJECT_MAX_LENGTH + 1))).toEqual({ code: 'too_long', max: SUBJECT_MAX_LENGTH });
    expect(checkSubject(' \n\t')).toEqual({ code: 'empty', max: SUBJECT_MAX_LENGTH });
    expect(checkBody('')).toEqual({ code: 'empty', max: BODY_MAX_LENGTH });
    expect(checkBody('b'.repeat(BODY_MAX_LENGTH))).toBeNull();
    expect(checkBody('b'.repeat(BODY_MAX_LENGTH + 1))).toEqual({ code: 'too_long', max: BODY_MAX_LENGTH });
  });

  it('says the problem in English for developers', () => {
    expect(describeTextProblem('body', { code: 'empty', max: BODY_MAX_LENGTH })).toBe('The message is empty.');
    expect(describeTextProblem('subject', { code: 'too_long', max: 200 })).toBe('The subject is longer than 200 characters.');
  });

  it('refuses a NUL and a lone surrogate anywhere, whatever the limits; keeps surrogate pairs', () => {
    const limits = { min: 0, max: 100 };
    expect(checkTextWithin('', limits)).toBeNull();
    expect(checkTextWithin('a\u0000b', limits)).toEqual({ code: 'nul', max: 100 });
    expect(checkTextWithin('\u0000', { min: 1, max: 100 })).toEqual({ code: 'nul', max: 100 });
    for (const lone of ['\uD800', 'x\uDBFFy', '\uDC00', 'end\uD83D']) expect(checkTextWithin(lone, limits)).toEqual({ code: 'lone_surrogate', max: 100 });
    expect(checkTextWithin('😀 𝔘 \uD83D\uDE00', limits)).toBeNull();
    expect(checkTextWithin('ab', { min: 3, max: 100 })).toEqual({ code: 'too_short', min: 3, max: 100 });
    expect(describeTextProblem(null, { code: 'nul', max: 100 })).toMatch(/^The text contains a NUL character/);
    expect(describeTextProblem('body', { code: 'lone_surrogate', max: 100 })).toMatch(/^The message contains an unpaired UTF-16 surrogate/);
  });
});
