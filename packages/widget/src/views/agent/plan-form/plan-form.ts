import { html, nothing, type PropertyValues } from 'lit';
import { checkCustomPlan, PLAN_IDS, PLANS, PRIORITIES, samePlan, type Plan, type PlanId, type Priority, type SupportHours } from '@support-tickets/core';
import type { Org, PlanChange } from '../../../api/types';
import type { I18n } from '../../../i18n/localize';
import type { Translation } from '../../../translations/index';
import { keepingFocus } from '../../../ui/focus';
import { formStyles } from '../../../ui/form.styles';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { errorText } from '../../../ui/states';
import { OrgUpdatedEvent } from '../agent-store';
import { AgentElement } from '../agent-element';
import { styles } from './plan-form.styles';

type Unit = 'min' | 'h';
interface Target {
  offered: boolean;
  value: string;
  unit: Unit;
}
type Targets = Record<Priority, Target>;

/**
 * Moves an organisation to another plan of the table, or gives it a custom plan: a response
 * target per priority (minutes or hours; a priority left out is not offered) and 24/7 or
 * business hours. The server's refusal is shown as it says it. "Save plan" waits for a change
 * (core's `samePlan`); targets may be typed in Persian or Arabic digits.
 *
 * @summary Change an organisation's support plan.
 * @tag support-tickets-plan-form
 * @csspart plan-form - The form.
 * @csspart submit - The save button.
 */
export class PlanForm extends AgentElement {
  static override styles = [sharedStyles, panelStyles, formStyles, styles];

  static override properties = {
    org: { attribute: false },
    choice: { state: true },
    targets: { state: true },
    hours: { state: true },
    saving: { state: true },
    error: { state: true },
    invalid: { state: true },
    saved: { state: true },
  };

  declare org: Org;
  declare private choice: PlanId | 'custom';
  declare private targets: Targets;
  declare private hours: SupportHours;
  declare private saving: boolean;
  declare private error: string;
  /** Priorities whose target is not a whole number above zero. */
  declare private invalid: Priority[];
  declare private saved: string;

  private formFor = '';

  constructor() {
    super();
    this.choice = 'developer';
    this.targets = targetsOf({});
    this.hours = '24/7';
    this.saving = false;
    this.error = '';
    this.invalid = [];
    this.saved = '';
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // A new organisation (not a refresh of the same one) starts the form from its plan.
    if (changed.has('org') && this.org && this.org.id !== this.formFor) {
      this.start(this.org);
      this.error = '';
      this.saved = '';
    }
  }

  /** The form as it opens on `org`: its plan chosen, the custom fields prefilled from its plan's targets. */
  private start(org: Org) {
    this.formFor = org.id;
    this.choice = org.plan.id;
    this.targets = targetsOf(org.plan.responseMinutes);
    this.hours = org.plan.hours;
  }

  private setTarget(priority: Priority, change: Partial<Target>) {
    this.targets = { ...this.targets, [priority]: { ...this.targets[priority], ...change } };
    this.invalid = this.invalid.filter((p) => p !== priority);
    this.saved = '';
  }

  /** The custom plan as typed, checked by core: the change to send, or null with its problems shown. */
  private change(): PlanChange | null {
    if (this.choice !== 'custom') return { orgId: this.org.id, plan: this.choice };
    const responseMinutes = this.customMinutes();
    const problems = checkCustomPlan({ responseMinutes });
    const { labels } = this.i18n;
    this.invalid = problems.flatMap((problem) => ('priority' in problem ? [problem.priority] : []));
    this.error = problems
      .map((problem) => this.t.planProblem[problem.code]('priority' in problem ? labels.priority[problem.priority] : '', this.i18n.number('max' in problem ? problem.max : 0)))
      .join(' ');
    return problems.length > 0 ? null : { orgId: this.org.id, custom: { responseMinutes, hours: this.hours } };
  }

  private async onSubmit(event: Event) {
    event.preventDefault();
    if (this.saving) return;
    this.error = '';
    this.saved = '';
    const change = this.change();
    if (!change) return;
    this.saving = true;
    await keepingFocus(
      this,
      async () => {
        try {
          const org = await this.ctx.api.call('org.setPlan', (client) => client.org.setPlan.mutate(change));
          // From now on the saved plan is the one to start from, custom targets included.
          this.start(org);
          this.saved = this.t.org.saved(this.i18n.labels.plan[org.plan.id]);
          this.dispatchEvent(new OrgUpdatedEvent(org));
        } catch (error) {
          this.error = `${this.t.org.notSaved} ${errorText(error, this.i18n)}`;
        } finally {
          this.saving = false;
        }
      },
      // Saved, the button waits for the next change (disabled): focus goes to the form's heading.
      () => this.renderRoot.querySelector<HTMLElement>('[part="submit"]:enabled') ?? this.renderRoot.querySelector<HTMLElement>('#plan-form-heading'),
    );
  }

  protected override render() {
    const { i18n, t } = this;
    const { labels } = i18n;
    const o = t.org;
    const radio = (value: PlanId | 'custom', label: string, detail: string) =>
      html`<label class="option">
        <input type="radio" name="plan" value=${value} .checked=${this.choice === value} @change=${() => ((this.choice = value), (this.saved = ''))} />
        <span class="option-text"><span class="option-label">${label}</span><span class="muted detail">${detail}</span></span>
      </label>`;
    return html`<form class="plan-form box" part="plan-form" novalidate aria-busy=${this.saving ? 'true' : 'false'} @submit=${this.onSubmit}>
      <h3 id="plan-form-heading" tabindex="-1">${o.change}</h3>
      <fieldset class="plans">
        <legend class="label">${o.choosePlan}</legend>
        ${PLAN_IDS.map((id) => radio(id, labels.plan[id], summary(PLANS[id].responseMinutes, PLANS[id].hours, t, i18n)))}
        ${radio('custom', o.custom, this.choice === 'custom' ? '' : summary(this.customMinutes(), this.hours, t, i18n))}
      </fieldset>
      ${this.choice === 'custom' ? this.renderCustom() : nothing}
      <p class="hint">${o.appliesNote}</p>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${this.saved ? html`<p class="saved" role="status">${this.saved}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="btn" part="submit" ?disabled=${this.saving || samePlan(this.formPlan(), this.org.plan)}>${this.saving ? t.saving : o.save}</button>
      </div>
    </form>`;
  }

  /** The targets of the offered priorities, in minutes, as typed (not a number when not one). */
  private customMinutes(): Partial<Record<Priority, number>> {
    return Object.fromEntries(
      PRIORITIES.flatMap((priority) => {
        const { offered, value, unit } = this.targets[priority];
        return offered ? [[priority, Number(latinDigits(value.trim()) || NaN) * (unit === 'h' ? 60 : 1)]] : [];
      }),
    );
  }

  /** The plan as the form stands: what saving would ask for. */
  private formPlan(): Plan {
    return this.choice === 'custom' ? { id: 'custom', responseMinutes: this.customMinutes(), hours: this.hours } : PLANS[this.choice];
  }

  private renderCustom() {
    const { t, i18n } = this;
    const { labels } = i18n;
    const o = t.org;
    return html`<fieldset class="targets">
        <legend class="label">${o.targets}</legend>
        ${PRIORITIES.map((priority) => {
          const target = this.targets[priority];
          const label = labels.priority[priority];
          const bad = this.invalid.includes(priority);
          return html`<div class="target" data-priority=${priority}>
            <label class="check">
              <input
                type="checkbox"
                .checked=${target.offered}
                @change=${(e: Event) => this.setTarget(priority, { offered: (e.target as HTMLInputElement).checked })}
              />
              <span>${o.offer(label)}</span>
            </label>
            <input
              type="text"
              inputmode="numeric"
              dir="ltr"
              .value=${target.value}
              ?disabled=${!target.offered}
              aria-label=${o.target(label)}
              aria-invalid=${bad ? 'true' : 'false'}
              @input=${(e: Event) => this.setTarget(priority, { value: (e.target as HTMLInputElement).value })}
            />
            <select
              aria-label=${`${o.target(label)}: ${o.unit}`}
              ?disabled=${!target.offered}
              @change=${(e: Event) => this.setTarget(priority, { unit: (e.target as HTMLSelectElement).value as Unit })}
            >
              <option value="min" ?selected=${target.unit === 'min'}>${o.minutes}</option>
              <option value="h" ?selected=${target.unit === 'h'}>${o.hoursUnit}</option>
            </select>
          </div>`;
        })}
      </fieldset>
      <fieldset class="hours">
        <legend class="label">${o.hours}</legend>
        ${(['24/7', 'business'] as const).map(
          (hours) => html`<label class="check">
            <input type="radio" name="hours" value=${hours} .checked=${this.hours === hours} @change=${() => (this.hours = hours)} />
            <span>${t.hours[hours]}</span>
          </label>`,
        )}
      </fieldset>`;
  }
}

/** "Critical < 30 min · Urgent < 1 h · … · 24/7": a plan in one line (joined with a comma in Persian). */
export function summary(minutes: Partial<Record<Priority, number>>, hours: SupportHours, t: Translation, i18n: I18n): string {
  const targets = PRIORITIES.flatMap((p) => {
    const m = minutes[p];
    return m && m > 0 ? [`${i18n.labels.priority[p]} ${t.target(i18n.duration(m))}`] : [];
  });
  return [...targets, t.hours[hours]].join(t.joiner);
}

function targetsOf(minutes: Partial<Record<Priority, number>>): Targets {
  const entries = PRIORITIES.map((priority): [Priority, Target] => {
    const m = minutes[priority];
    if (!m) return [priority, { offered: false, value: '', unit: 'h' }];
    return [priority, m % 60 === 0 ? { offered: true, value: String(m / 60), unit: 'h' } : { offered: true, value: String(m), unit: 'min' }];
  });
  return Object.fromEntries(entries) as Targets;
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as Latin ones, so a target typed either way reads as a number. */
function latinDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}
