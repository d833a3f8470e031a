import { en } from './en';
import { fa } from './fa';
import type { Translation } from './types';

export type Lang = 'fa' | 'en';
export type { ActorKind, Field, Translation } from './types';

export const TRANSLATIONS: Readonly<Record<Lang, Translation>> = { fa, en };

/** `fa` unless the attribute says `en` (Persian-first product). */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'fa';
}
