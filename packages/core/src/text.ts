// What a person may write: the limits of SPEC §4 and the problems of a text, as codes that a
// user interface words in its own language (the server's input schemas apply the same rule).

export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 20_000;

export type TextField = 'subject' | 'body';

/** How long a text may be, in UTF-16 code units (what `String.length` counts). */
export interface TextLimits {
  /** 0: may be empty; 1 or more: not empty, nor only white space, and at least this long. */
  min: number;
  max: number;
}

export const TEXT_LIMITS: Readonly<Record<TextField, TextLimits>> = {
  subject: { min: 1, max: SUBJECT_MAX_LENGTH },
  body: { min: 1, max: BODY_MAX_LENGTH },
};

/** The longest text each field takes. */
export const TEXT_MAX_LENGTH: Readonly<Record<TextField, number>> = { subject: TEXT_LIMITS.subject.max, body: TEXT_LIMITS.body.max };

/**
 * Why a text is refused: nothing but white space, shorter than `min`, longer than `max`, or a
 * character no text may hold: NUL (storage and C libraries end the text there, so the rest
 * would vanish on the way back) or half of a surrogate pair (not a character at all).
 */
export type TextProblem =
  | { code: 'empty' | 'too_long' | 'nul' | 'lone_surrogate'; max: number }
  | { code: 'too_short'; min: number; max: number };

// With the u flag a well-formed pair is one code point; only a lone half is a surrogate code point.
const LONE_SURROGATE = /\p{Cs}/u;

/** The problem of a text within limits, or null when it is acceptable. */
export function checkTextWithin(text: string, { min, max }: TextLimits): TextProblem | null {
  if (text.includes('\u0000')) return { code: 'nul', max };
  if (LONE_SURROGATE.test(text)) return { code: 'lone_surrogate', max };
  if (min > 0 && text.trim().length === 0) return { code: 'empty', max };
  if (text.length < min) return { code: 'too_short', min, max };
  if (text.length > max) return { code: 'too_long', max };
  return null;
}

/** The problem of a text for a field, or null when it is acceptable. */
export const checkText = (field: TextField, text: string): TextProblem | null => checkTextWithin(text, TEXT_LIMITS[field]);
export const checkSubject = (subject: string): TextProblem | null => checkText('subject', subject);
export const checkBody = (body: string): TextProblem | null => checkText('body', body);

/** The problem in English, for error messages meant for developers and logs; `field` null for any other text. */
export function describeTextProblem(field: TextField | null, problem: TextProblem): string {
  const name = field === 'subject' ? 'subject' : field === 'body' ? 'message' : 'text';
  switch (problem.code) {
    case 'empty':
      return `The ${name} is empty.`;
    case 'too_short':
      return `The ${name} is shorter than ${problem.min} characters.`;
    case 'too_long':
      return `The ${name} is longer than ${problem.max} characters.`;
    case 'nul':
      return `The ${name} contains a NUL character (U+0000), which cannot be stored; remove it.`;
    case 'lone_surrogate':
      return `The ${name} contains an unpaired UTF-16 surrogate (half of a character); send well-formed text.`;
  }
}
