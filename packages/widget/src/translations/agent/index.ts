import type { I18n } from '../../i18n/localize';
import type { Lang } from '../index';
import type { AgentTranslation } from '../types';
import { en } from './en';
import { fa } from './fa';

const AGENT_TRANSLATIONS: Readonly<Record<Lang, AgentTranslation>> = { fa, en };

/** The agent workspace's strings in the widget's language. */
export function agentText(i18n: I18n): AgentTranslation {
  return AGENT_TRANSLATIONS[i18n.lang];
}
