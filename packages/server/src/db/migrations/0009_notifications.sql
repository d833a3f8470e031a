CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`outbox_id` integer NOT NULL,
	`channel` text NOT NULL,
	`endpoint_id` text,
	`recipient_org_id` text,
	`recipient_id` text,
	`destination` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`lease_until` integer,
	`lease_token` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`endpoint_id`) REFERENCES `webhook_endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deliveries_due_idx` ON `deliveries` (`next_attempt_at`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `deliveries_endpoint_idx` ON `deliveries` (`endpoint_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_destination_idx` ON `deliveries` (`outbox_id`,`destination`);--> statement-breakpoint
CREATE TABLE `delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`at` integer NOT NULL,
	`status_code` integer,
	`duration_ms` integer NOT NULL,
	`error` text,
	`next_retry_at` integer,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_delivery_idx` ON `delivery_attempts` (`delivery_id`,`id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`type` text NOT NULL,
	`org_id` text,
	`ticket_id` text,
	`ticket_message_id` text,
	`internal` integer NOT NULL,
	`actor_id` text,
	`endpoint_id` text,
	`at` integer NOT NULL,
	`fanned_out_at` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`endpoint_id`) REFERENCES `webhook_endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`id`) WHERE fanned_out_at IS NULL;--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`events` text,
	`org_id` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	`disabled_reason` text,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
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
