// What a person may write: the limits of SPEC §4 and the problems of a text, as codes that a
// user interface words in its own language (the server's zod schemas use the same limits).

export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 20_000;

export type TextField = 'subject' | 'body';

/** The longest text each field takes, in UTF-16 code units (what `String.length` counts). */
export const TEXT_MAX_LENGTH: Readonly<Record<TextField, number>> = { subject: SUBJECT_MAX_LENGTH, body: BODY_MAX_LENGTH };

/** Why a text is refused: nothing but white space, or longer than `max`. */
export interface TextProblem {
  code: 'empty' | 'too_long';
  max: number;
}

/** The problem of a text for a field, or null when it is acceptable. */
export function checkText(field: TextField, text: string): TextProblem | null {
  const max = TEXT_MAX_LENGTH[field];
  if (text.trim().length === 0) return { code: 'empty', max };
  if (text.length > max) return { code: 'too_long', max };
  return null;
}

export const checkSubject = (subject: string): TextProblem | null => checkText('subject', subject);
export const checkBody = (body: string): TextProblem | null => checkText('body', body);

/** The problem in English, for error messages meant for developers and logs. */
export function describeTextProblem(field: TextField, problem: TextProblem): string {
  const name = field === 'subject' ? 'subject' : 'message';
  return problem.code === 'empty' ? `The ${name} is empty.` : `The ${name} is longer than ${problem.max} characters.`;
}
