ALTER TABLE `response_cycles` ADD `at_risk_at` integer;--> statement-breakpoint
ALTER TABLE `response_cycles` ADD `at_risk_notified_at` integer;--> statement-breakpoint
ALTER TABLE `response_cycles` ADD `breach_notified_at` integer;--> statement-breakpoint
CREATE INDEX `response_cycles_at_risk_idx` ON `response_cycles` (`at_risk_at`) WHERE at_risk_notified_at IS NULL AND responded_at IS NULL;--> statement-breakpoint
CREATE INDEX `response_cycles_breach_idx` ON `response_cycles` (`due_at`) WHERE breach_notified_at IS NULL AND responded_at IS NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `auto_close_warned_for` integer;--> statement-breakpoint
-- Hand-written backfill: cycles open before SLA alerts existed get their at-risk time from the
-- stored due time and target (a quarter of the target before due: exact around the clock, and
-- close on business hours), so they are alerted like new ones.
UPDATE `response_cycles` SET `at_risk_at` = `due_at` - `target_minutes` * 15000 WHERE `responded_at` IS NULL AND `due_at` IS NOT NULL AND `target_minutes` IS NOT NULL;
