import { describe, expect, it } from 'vitest';
import { timelineEvent } from './lifecycle-types';
import {
  endpointReceives,
  judgeAttempt,
  mailRecipients,
  notificationsOf,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_MS,
} from './notifications';

const at = new Date('2026-05-20T06:00:00Z');
const agent = { role: 'agent', userId: 'a1' } as const;

describe('notificationsOf', () => {
  it('maps an agent reply to an assignment, the reply and the status change', () => {
    const events = [
      timelineEvent('assigned', agent, at, { to: 'a1' }),
      timelineEvent('replied', agent, at),
      timelineEvent('status_changed', agent, at, { from: 'awaiting_response', to: 'awaiting_customer' }),
    ];
    expect(notificationsOf(events).map((n) => n.type)).toEqual(['ticket.assigned', 'ticket.replied', 'ticket.status_changed']);
  });

  it('marks a note internal and leaves category and plan changes out', () => {
    expect(notificationsOf([timelineEvent('note_added', agent, at, { internal: true })])).toEqual([
      { type: 'ticket.note_added', internal: true },
    ]);
    expect(notificationsOf([timelineEvent('category_changed', agent, at), timelineEvent('plan_changed', agent, at)])).toEqual([]);
  });

  it('counts accepting as an assignment only when the assignee changes', () => {
    expect(notificationsOf([timelineEvent('accepted', agent, at, { from: null, to: 'a1' })])).toEqual([
      { type: 'ticket.assigned', internal: false },
    ]);
    expect(notificationsOf([timelineEvent('accepted', agent, at, { from: 'a1', to: 'a1' })])).toEqual([]);
  });
});

describe('endpointReceives', () => {
  const reply = { type: 'ticket.replied', internal: false, orgId: 'acme' } as const;
  const note = { type: 'ticket.note_added', internal: true, orgId: 'acme' } as const;

  it('gives the provider’s endpoints everything they subscribed to, notes included', () => {
    expect(endpointReceives({ orgId: null, events: null }, note)).toBe(true);
    expect(endpointReceives({ orgId: null, events: ['ticket.created'] }, reply)).toBe(false);
  });

  it('gives an organisation’s endpoint only its own public notifications', () => {
    expect(endpointReceives({ orgId: 'acme', events: null }, reply)).toBe(true);
    expect(endpointReceives({ orgId: 'acme', events: null }, note)).toBe(false);
    expect(endpointReceives({ orgId: 'globex', events: null }, reply)).toBe(false);
  });
});

describe('judgeAttempt', () => {
  it('delivers on 2xx and disables on 410', () => {
    expect(judgeAttempt(204, 1, 0.5)).toEqual({ outcome: 'delivered' });
    expect(judgeAttempt(410, 3, 0.5)).toEqual({ outcome: 'disable' });
  });

  it('retries the first failure within 10 s, backs off, and keeps trying for more than a day', () => {
    const first = judgeAttempt(500, 1, 0.999);
    expect(first.outcome === 'retry' && first.delayMs <= 10_000).toBe(true);
    const waits = WEBHOOK_RETRY_DELAYS_MS.map((_, i) => judgeAttempt(null, i + 1, 0));
    const shortest = waits.reduce((sum, v) => sum + (v.outcome === 'retry' ? v.delayMs : 0), 0);
    expect(shortest).toBeGreaterThan(24 * 3_600_000);
    for (let i = 1; i < waits.length; i++) {
      const [a, b] = [waits[i - 1], waits[i]];
      expect(a?.outcome === 'retry' && b?.outcome === 'retry' && b.delayMs > a.delayMs).toBe(true);
    }
    expect(judgeAttempt(503, WEBHOOK_MAX_ATTEMPTS, 0.5)).toEqual({ outcome: 'failed' });
  });

  it('spreads retries by jitter within ±20 %', () => {
    const low = judgeAttempt(500, 2, 0);
    const high = judgeAttempt(500, 2, 1);
    expect([low, high]).toEqual([
      { outcome: 'retry', delayMs: 24_000 },
      { outcome: 'retry', delayMs: 36_000 },
    ]);
  });
});

describe('mailRecipients', () => {
  const ticket = { createdBy: 'c1', assigneeId: 'a1' };
  const n = (type: any, over: object = {}) => ({ type, internal: false, actorId: null, ...over });

  it('mails the creator of agent replies, the warning and closing; the assignee of customer replies and SLA alerts', () => {
    expect(mailRecipients(n('ticket.replied', { actorId: 'a1', authorRole: 'agent' }), ticket)).toEqual([{ role: 'creator', userId: 'c1' }]);
    expect(mailRecipients(n('ticket.replied', { actorId: 'c1', authorRole: 'customer' }), ticket)).toEqual([{ role: 'assignee', userId: 'a1' }]);
    expect(mailRecipients(n('ticket.auto_close_warning'), ticket)).toEqual([{ role: 'creator', userId: 'c1' }]);
    expect(mailRecipients(n('ticket.closed', { actorId: 'a1' }), ticket)).toEqual([{ role: 'creator', userId: 'c1' }]);
    expect(mailRecipients(n('sla.breached'), ticket)).toEqual([{ role: 'assignee', userId: 'a1' }]);
    expect(mailRecipients(n('ticket.assigned', { actorId: 'a2' }), ticket)).toEqual([{ role: 'assignee', userId: 'a1' }]);
  });

  it('mails nobody about an assignment to themself or to nobody', () => {
    expect(mailRecipients(n('ticket.assigned', { actorId: 'a1' }), ticket)).toEqual([]);
    expect(mailRecipients(n('ticket.assigned', { actorId: 'a2' }), { createdBy: 'c1', assigneeId: null })).toEqual([]);
  });

  it('mails nobody about notes, their own acts, an unassigned ticket’s alerts, or other types', () => {
    expect(mailRecipients(n('ticket.note_added', { internal: true }), ticket)).toEqual([]);
    expect(mailRecipients(n('ticket.closed', { actorId: 'c1' }), ticket)).toEqual([]);
    expect(mailRecipients(n('sla.at_risk'), { createdBy: 'c1', assigneeId: null })).toEqual([]);
    expect(mailRecipients(n('ticket.created', { actorId: 'c1' }), ticket)).toEqual([]);
  });
});
