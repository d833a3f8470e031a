// Tests render both languages synchronously: English (a chunk on demand in the page) is loaded first.
import { loadTranslation } from '../translations/index';

await loadTranslation('en');
