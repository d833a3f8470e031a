import type { Lang } from '../index';
import { TRANSLATIONS } from '../index';
import type { AgentTranslation, Translation } from '../types';
import { en } from './en';
import { fa } from './fa';

/** The agent workspace's table: the shared strings and its own, as one. */
export type AgentText = Translation & AgentTranslation;

export const AGENT_TRANSLATIONS: Readonly<Record<Lang, AgentText>> = {
  fa: { ...TRANSLATIONS.fa, ...fa },
  en: { ...TRANSLATIONS.en, ...en },
};

// The team's refusals (an unknown agent, a ticket changed meanwhile) only meet agents: their
// words join the widget's refusal words when this chunk loads, as the other chunks' do.
for (const [lang, own] of [['fa', fa], ['en', en]] as const) Object.assign(TRANSLATIONS[lang].errors.reasons, own.team.reasons);
