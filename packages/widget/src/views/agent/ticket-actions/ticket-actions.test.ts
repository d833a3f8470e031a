import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../../api/types';
import { $, cleanup, installFetch, makeContext, mount, text } from '../../../testing/dom';
import { AGENT, DEVELOPER_ORG, ENTERPRISE_ORG, FakeApi, detail, fakeToken } from '../../../testing/fake-api';
import type { TicketActions } from './ticket-actions';
import '../index';

beforeEach(() => installFetch(new FakeApi()));
afterEach(cleanup);

const actions = (ticket: TicketDetail, org: unknown = ENTERPRISE_ORG) =>
  mount<TicketActions>('support-tickets-agent-actions', { ctx: makeContext(fakeToken(AGENT)), ticket, org });

describe('ticket actions', () => {
  it('offers every priority of the plan, each with its target', async () => {
    const el = await actions(detail({ priority: 'high' }));
    const options = [...$<HTMLSelectElement>(el, '#priority')!.options];
    expect(options.map((o) => o.textContent?.trim())).toEqual([
      'Critical (< 30 min)',
      'Urgent (< 1 h)',
      'High (< 4 h)',
      'Normal (< 12 h)',
      'Low (< 24 h)',
    ]);
    expect($<HTMLSelectElement>(el, '#priority')!.value).toBe('high');
  });

  it('keeps a priority the plan no longer offers visible but not selectable', async () => {
    const el = await actions(detail({ priority: 'urgent' }), DEVELOPER_ORG);
    const options = [...$<HTMLSelectElement>(el, '#priority')!.options];
    expect(options.map((o) => [o.value, o.disabled, o.textContent?.trim()])).toEqual([
      ['urgent', true, 'Urgent (not in the plan)'],
      ['normal', false, 'Normal (< 24 h)'],
      ['low', false, 'Low (< 48 h)'],
    ]);
  });

  it('offers to take over a ticket another agent has, and nothing to accept once it is yours', async () => {
    let el = await actions(detail({ status: 'in_progress', assigneeId: 'agent-2' }));
    expect(text($(el, '[part="accept"]'))).toBe('Take over');
    expect(text($(el, '.assignee'))).toContain('Assigned to another agent');
    cleanup();
    installFetch(new FakeApi());
    el = await actions(detail({ status: 'in_progress', assigneeId: AGENT.sub }));
    expect($(el, '[part="accept"]')).toBeNull();
  });

  it('offers nothing to change on a closed ticket', async () => {
    const el = await actions(detail({ status: 'closed', sla: 'met', dueAt: null }));
    expect($<HTMLSelectElement>(el, '#priority')!.disabled).toBe(true);
    expect($(el, '[part="close"]')).toBeNull();
    expect($(el, '[part="accept"]')).toBeNull();
  });
});
