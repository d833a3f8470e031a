DROP INDEX `messages_ticket_idx`;--> statement-breakpoint
CREATE INDEX `messages_ticket_idx` ON `messages` (`ticket_id`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `tickets_customer_idx`;--> statement-breakpoint
DROP INDEX `tickets_org_idx`;--> statement-breakpoint
ALTER TABLE `tickets` ADD `public_updated_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
-- Existing tickets: the time of their last change a customer sees (an event that is not internal).
UPDATE `tickets` SET `public_updated_at` = coalesce(
  (SELECT max(e.`at`) FROM `ticket_events` e WHERE e.`ticket_id` = `tickets`.`id` AND e.`internal` = 0),
  `created_at`
);--> statement-breakpoint
CREATE INDEX `tickets_customer_idx` ON `tickets` (`org_id`,`created_by`,`public_updated_at`);--> statement-breakpoint
CREATE INDEX `tickets_org_idx` ON `tickets` (`org_id`,`public_updated_at`);--> statement-breakpoint
ALTER TABLE `ticket_events` ADD `seq` integer NOT NULL DEFAULT 0;--> statement-breakpoint
-- Existing events: numbered 1, 2, 3… within their ticket, in the order they were written.
UPDATE `ticket_events` SET `seq` = (
  SELECT count(*) FROM `ticket_events` e WHERE e.`ticket_id` = `ticket_events`.`ticket_id` AND e.`id` <= `ticket_events`.`id`
);--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_events_seq_idx` ON `ticket_events` (`ticket_id`,`seq`);