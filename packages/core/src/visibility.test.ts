import { describe, expect, it } from 'vitest';
import { canSeeTicket, seesInternal } from './visibility';

const ticket = { orgId: 'acme', createdBy: 'c1' };

describe('canSeeTicket', () => {
  it('lets a customer see their own tickets, an org admin their organisation’s, agents and the system all', () => {
    expect(canSeeTicket({ role: 'customer', userId: 'c1', orgId: 'acme' }, ticket)).toBe(true);
    expect(canSeeTicket({ role: 'customer', userId: 'c2', orgId: 'acme' }, ticket)).toBe(false);
    expect(canSeeTicket({ role: 'customer', userId: 'c1', orgId: 'other' }, ticket)).toBe(false);
    expect(canSeeTicket({ role: 'org_admin', userId: 'o1', orgId: 'acme' }, ticket)).toBe(true);
    expect(canSeeTicket({ role: 'org_admin', userId: 'o1', orgId: 'other' }, ticket)).toBe(false);
    expect(canSeeTicket({ role: 'agent', userId: 'a1', orgId: null }, ticket)).toBe(true);
    expect(canSeeTicket({ role: 'system', userId: null, orgId: null }, ticket)).toBe(true);
  });

  it('shows internal notes to agents only', () => {
    expect(['customer', 'org_admin', 'agent', 'system'].filter((role) => seesInternal({ role: role as 'agent' }))).toEqual(['agent']);
  });
});
