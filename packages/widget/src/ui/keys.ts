import type { Translation } from '../translations/index';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** A keydown listener that sends on Ctrl+Enter (⌘+Enter on a Mac, either anywhere). */
export function sendOnCtrlEnter(send: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    send();
  };
}

/** "Ctrl+Enter sends", with the key this keyboard has. */
export const sendHint = (t: Translation) => (IS_MAC ? t.composer.hintMac : t.composer.hint);
