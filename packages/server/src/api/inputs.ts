import { checkText, describeTextProblem, type TextField, type TextProblem } from '@support-tickets/core';
import { z, type core } from 'zod';

export interface InputIssue {
  /** The field, dotted (`custom.responseMinutes.low`), or `input` for the whole input. */
  path: string;
  message: string;
  /** For a subject or body refused by core's rule: what is wrong, for wording it in another language. */
  textProblem: TextProblem | null;
}

/** A subject or body, judged by core's rule (the one `applyAction` applies), with its problem in the issue. */
export function textInput(field: TextField) {
  return z.string().superRefine((value, ctx) => {
    const problem = checkText(field, value);
    if (problem) ctx.addIssue({ code: 'custom', message: describeTextProblem(field, problem), params: { textProblem: problem } });
  });
}

/** zod's issues as the API sends them in `data.issues`. */
export function describeIssues(issues: readonly core.$ZodIssue[]): InputIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : 'input',
    message: issue.message,
    textProblem: issue.code === 'custom' ? ((issue.params?.['textProblem'] as TextProblem | undefined) ?? null) : null,
  }));
}
