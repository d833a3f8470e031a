import { fa } from './fa';
import type { Translation } from './types';

export type Lang = 'fa' | 'en';
export type { ActorKind, Field, Translation } from './types';

// Persian is the default (`lang="fa"`, SPEC §4): its table stays in the main file, so the default
// first render has its words at once, with no second request and no flash. English is a chunk of
// its own (support-tickets-en-[hash].js), loaded when an element first asks for it: most pages
// never do. Loading both on demand would shrink the main file by another ~3 KB gzipped but make
// every page wait for a second download before its first word.
const loaded: Partial<Record<Lang, Translation>> = { fa };
const loaders: Record<Lang, () => Promise<Translation>> = {
  fa: async () => fa,
  en: async () => (await import('./en')).en,
};
const pending = new Map<Lang, Promise<Translation>>();
/** Words the on-demand chunks add to every language's refusal words, kept for a language still to come. */
const extraReasons: Array<Partial<Record<Lang, object>>> = [];

/** The language's table when it is here, else `undefined` (see `loadTranslation`). */
export function translation(lang: Lang): Translation | undefined {
  return loaded[lang];
}

/** The language's table, downloaded once however many ask; a failed download may be asked again. */
export function loadTranslation(lang: Lang): Promise<Translation> {
  const here = loaded[lang];
  if (here) return Promise.resolve(here);
  let loading = pending.get(lang);
  if (!loading) {
    loading = loaders[lang]().then(
      (table) => {
        for (const words of extraReasons) Object.assign(table.errors.reasons, words[lang]);
        loaded[lang] = table;
        return table;
      },
      (error: unknown) => {
        pending.delete(lang);
        throw error;
      },
    );
    pending.set(lang, loading);
  }
  return loading;
}

/**
 * Refusals only an on-demand chunk's forms can meet are worded by that chunk: its words join
 * each language's refusal words when it loads, and a language loaded later gets them too.
 */
export function addReasons(words: Record<Lang, object>) {
  extraReasons.push(words);
  for (const [lang, table] of Object.entries(loaded) as Array<[Lang, Translation]>) Object.assign(table.errors.reasons, words[lang]);
}

/** `fa` unless the attribute says `en` (Persian-first product). */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'fa';
}
