import type { SupportApi } from '../../api/client';
import type { MeOutput } from '../../api/types';
import { NOTIFY_TRANSLATIONS } from '../../translations/notify/index';
import type { NotifyKit } from './kit';

/**
 * The person's mail preference (`me.notifications`): a switch saying where mail goes, or that
 * no address is known. Part: `email-toggle`.
 */
export const emailToggle = ({ WidgetElement, Task, html, css, nothing, errorText, sharedStyles }: NotifyKit): CustomElementConstructor =>
  class EmailToggle extends WidgetElement {
    static override styles = [
      sharedStyles,
      css`:host { display: block; } label { display: flex; gap: 0.5rem; align-items: center; font-weight: 600; } input { inline-size: 1.1rem; block-size: 1.1rem; accent-color: var(--st-accent, #2563eb); }`,
    ];
    static override properties = { saving: { state: true }, error: { state: true }, saved: { state: true } };

    declare saving: boolean;
    declare error: string;
    /** The answer of the last change, newer than what was loaded. */
    declare saved: MeOutput | undefined;

    readonly me: InstanceType<typeof Task<readonly [SupportApi], MeOutput>> = new Task(this, {
      task: ([api]: readonly [SupportApi], { signal }: { signal: AbortSignal }) => api.run('me.get', (client) => client.me.get.query(undefined, { signal }), signal),
      args: () => [this.ctx.api] as const,
    });

    constructor() {
      super();
      this.saving = false;
      this.error = '';
    }

    get words() {
      return NOTIFY_TRANSLATIONS[this.i18n.lang].email;
    }

    async toggle(email: boolean) {
      this.saving = true;
      this.error = '';
      try {
        this.saved = await this.ctx.api.run('me.notifications', (client) => client.me.notifications.mutate({ email }));
      } catch (error) {
        this.error = `${this.words.failed} ${errorText(error, this.i18n)}`;
      } finally {
        this.saving = false;
      }
    }

    protected override render() {
      const me = this.saved ?? this.me.value;
      const words = this.words;
      if (!me) return nothing;
      const on = me.notifications.email;
      return html`<section class="box" aria-labelledby="email-heading">
        <label id="email-heading">
          <input type="checkbox" role="switch" part="email-toggle" .checked=${on} ?disabled=${this.saving || !me.email} aria-describedby="email-note"
            @change=${(event: Event) => void this.toggle((event.target as HTMLInputElement).checked)} />
          ${words.label}
        </label>
        <p class="muted" id="email-note" dir="auto">${!me.email ? words.none : on ? words.on(me.email) : words.off}</p>
        ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      </section>`;
    }
  };
