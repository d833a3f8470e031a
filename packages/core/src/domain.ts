/** Ticket statuses in lifecycle order (SPEC §2). */
export const STATUSES = ['awaiting_response', 'in_progress', 'awaiting_customer', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
/** Every status but `closed`: the tickets still being worked. */
export const OPEN_STATUSES = ['awaiting_response', 'in_progress', 'awaiting_customer'] as const satisfies readonly Status[];

/** Priorities from most to least urgent. */
export const PRIORITIES = ['critical', 'urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DEFAULT_PRIORITY: Priority = 'normal';

export const CATEGORIES = ['activation', 'technical', 'financial', 'sales'] as const;
export type Category = (typeof CATEGORIES)[number];

export const PLAN_IDS = ['enterprise', 'sme', 'business', 'developer'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/** A new organisation starts on this plan. */
export const DEFAULT_PLAN_ID: PlanId = 'developer';

export const ROLES = ['customer', 'org_admin', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** Who performs a lifecycle action: a signed-in role, or the scheduler. */
export type Actor = Role | 'system';

export type SupportHours = '24/7' | 'business';

/**
 * A support plan: response targets in minutes per priority (a missing priority is not
 * offered by the plan) and the hours during which the SLA clock runs.
 */
export interface Plan {
  id: PlanId | 'custom';
  responseMinutes: Partial<Record<Priority, number>>;
  hours: SupportHours;
}

export function isStatus(value: unknown): value is Status {
  return (STATUSES as readonly unknown[]).includes(value);
}
export function isPriority(value: unknown): value is Priority {
  return (PRIORITIES as readonly unknown[]).includes(value);
}
export function isCategory(value: unknown): value is Category {
  return (CATEGORIES as readonly unknown[]).includes(value);
}
export function isPlanId(value: unknown): value is PlanId {
  return (PLAN_IDS as readonly unknown[]).includes(value);
}

/**
 * The order of the list a customer or org admin reads (`sort: 'attention'`), highest band
 * first: what waits on them, then what support is working on, then what is closed; newest
 * change first within a band.
 */
export const ATTENTION_BANDS: Readonly<Record<Status, number>> = {
  awaiting_customer: 2,
  awaiting_response: 1,
  in_progress: 1,
  closed: 0,
};
