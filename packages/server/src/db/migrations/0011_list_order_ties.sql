DROP INDEX `response_cycles_ticket_idx`;--> statement-breakpoint
CREATE INDEX `response_cycles_ticket_idx` ON `response_cycles` (`ticket_id`,`started_at`,`id`);--> statement-breakpoint
DROP INDEX `tickets_customer_idx`;--> statement-breakpoint
DROP INDEX `tickets_org_idx`;--> statement-breakpoint
DROP INDEX `tickets_updated_idx`;--> statement-breakpoint
CREATE INDEX `tickets_customer_idx` ON `tickets` (`org_id`,`created_by`,`public_updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_org_idx` ON `tickets` (`org_id`,`public_updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_updated_idx` ON `tickets` (`updated_at`,`id`);