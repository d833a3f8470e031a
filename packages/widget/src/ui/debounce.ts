import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long typing must pause before what was typed is searched for. */
export const TYPING_DELAY_MS = 300;

/**
 * Runs only the last of calls made in quick succession, once they pause (a search while the
 * person types); nothing runs once the element has left the page.
 */
export class Debounce implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly delayMs = TYPING_DELAY_MS,
  ) {
    host.addController(this);
  }

  run(action: () => void) {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      action();
    }, this.delayMs);
  }

  cancel() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  hostDisconnected() {
    this.cancel();
  }
}
