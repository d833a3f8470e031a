import type { I18n } from '../../i18n/localize';
import { addReasons, type Lang } from '../index';
import type { AgentTranslation, Translation } from '../types';
import { en } from './en';
import { fa } from './fa';

/** The agent workspace's table: the shared strings and its own, as one. */
export type AgentText = Translation & AgentTranslation;

const OWN: Readonly<Record<Lang, AgentTranslation>> = { fa, en };
const merged = new Map<Lang, AgentText>();

/** The workspace's words in the language on screen (whose shared table is here: `i18n.t`). */
export function agentText(i18n: I18n): AgentText {
  let text = merged.get(i18n.lang);
  if (!text) merged.set(i18n.lang, (text = { ...i18n.t, ...OWN[i18n.lang] }));
  return text;
}

// The team's refusals (an unknown agent, a ticket changed meanwhile) only meet agents: their
// words join the widget's refusal words when this chunk loads, as the other chunks' do.
addReasons({ fa: fa.team.reasons, en: en.team.reasons });
