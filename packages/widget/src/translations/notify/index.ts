import type { Lang } from '../index';
import { en, type NotifyText } from './en';
import { fa } from './fa';

export type { NotifyText };
export const NOTIFY_TRANSLATIONS: Readonly<Record<Lang, NotifyText>> = { fa, en };
