import { describe, expect, it } from 'vitest';
import { BODY_MAX_LENGTH, checkBody, checkSubject, describeTextProblem, SUBJECT_MAX_LENGTH } from './text';

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
});
