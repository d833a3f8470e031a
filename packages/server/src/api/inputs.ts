import type { TextProblem } from '@support-tickets/core';
import type { core } from 'zod';

export interface InputIssue {
  /** The field, dotted (`custom.responseMinutes.low`), or `input` for the whole input. */
  path: string;
  message: string;
  /** For a text refused by core's text rule: what is wrong, for wording it in another language. */
  textProblem: TextProblem | null;
}

/** zod's issues as the API sends them in `data.issues`. */
export function describeIssues(issues: readonly core.$ZodIssue[]): InputIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : 'input',
    message: issue.message,
    textProblem: issue.code === 'custom' ? ((issue.params?.['textProblem'] as TextProblem | undefined) ?? null) : null,
  }));
}
