import type { LitElement, ReactiveController, ReactiveControllerHost } from 'lit';
import type { FocusableView } from './navigation';

export interface ViewSwitchOptions {
  /** The view on screen. */
  current(): (LitElement & FocusableView) | null;
  /** Escape: goes back, and says whether there was anywhere to go. */
  back(): boolean;
}

/**
 * What switching between views means for the keyboard, in a workspace that routes between
 * them: Escape goes back, and after a switch focus moves into the view on screen once it has
 * drawn, to its heading or back where the person was. Never on first load: the host page keeps
 * its focus.
 */
export class ViewSwitch implements ReactiveController {
  private pending: 'heading' | 'return' | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ViewSwitchOptions,
  ) {
    host.addController(this);
  }

  /** The next update switches views: focus follows to the heading, or with `return` where the person was. */
  focusNext(kind: 'heading' | 'return' = 'heading') {
    this.pending = kind;
  }

  hostConnected() {
    this.host.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected() {
    this.host.removeEventListener('keydown', this.onKeydown);
  }

  async hostUpdated() {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const view = this.options.current();
    if (!view) return;
    await view.updateComplete;
    if (pending === 'return' && view.focusReturn?.()) return;
    view.focusHeading();
  }

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.options.back()) event.preventDefault();
  };
}
