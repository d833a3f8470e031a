import { checkTextWithin, describeTextProblem, TEXT_LIMITS, type TextField } from '@support-tickets/core';
import { z } from 'zod';

/**
 * Every text the server takes in (inputs, token claims): `min`–`max` characters, and no NUL
 * nor lone surrogate, which storage would cut short or mangle. Judged by core's text rule;
 * the problem travels in the issue (`params.textProblem`) for wording it in any language.
 * `field` names a subject or body in the message.
 */
export function safeText(min: number, max: number, field: TextField | null = null) {
  return z.string().superRefine((value, ctx) => {
    const problem = checkTextWithin(value, { min, max });
    if (problem) ctx.addIssue({ code: 'custom', message: describeTextProblem(field, problem), params: { textProblem: problem } });
  });
}

/** A subject or body, within core's limits of the field (the rule `applyAction` applies). */
export const textInput = (field: TextField) => safeText(TEXT_LIMITS[field].min, TEXT_LIMITS[field].max, field);
