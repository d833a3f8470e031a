import { defineElements } from '../base/define';
import { addReasons } from '../translations/index';
import { AttachTray } from './attach-tray';
import { MessageFiles } from './message-files';
import { ATTACH_WORDS } from './words';

// Attachments, a chunk of their own: loaded when a composer or a message with files first shows.

// The refusals of a message's files (which only happen once files were attached, so after
// this chunk loaded) join the widget's refusal words here rather than weighing on its main file.
addReasons({ fa: ATTACH_WORDS.fa.reasons, en: ATTACH_WORDS.en.reasons });

defineElements([
  ['st-attach', AttachTray],
  ['st-files', MessageFiles],
]);

declare global {
  interface HTMLElementTagNameMap {
    'st-attach': AttachTray;
    'st-files': MessageFiles;
  }
}
