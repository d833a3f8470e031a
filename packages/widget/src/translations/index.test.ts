import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the tables, as a page has them before English was asked for. */
async function fresh() {
  vi.resetModules();
  return import('./index');
}

describe('translations', () => {
  it('has Persian at once and downloads English once, however many ask', async () => {
    const { loadTranslation, translation } = await fresh();
    expect(translation('fa')?.dir).toBe('rtl');
    expect(translation('en')).toBeUndefined();
    const [first, second] = await Promise.all([loadTranslation('en'), loadTranslation('en')]);
    expect(first).toBe(second);
    expect(translation('en')).toBe(first);
    expect(first.loading).toBe('Loading…');
  });

  it('gives a language loaded later the refusal words a chunk added before it came', async () => {
    const { addReasons, loadTranslation, translation } = await fresh();
    addReasons({ fa: { attachment_unavailable: 'پرونده در دسترس نیست.' }, en: { attachment_unavailable: 'The file is gone.' } });
    expect(translation('fa')?.errors.reasons.attachment_unavailable).toBe('پرونده در دسترس نیست.');
    expect((await loadTranslation('en')).errors.reasons.attachment_unavailable).toBe('The file is gone.');
  });
});
