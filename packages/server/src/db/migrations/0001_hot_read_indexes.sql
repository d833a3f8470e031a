CREATE INDEX `organisations_name_idx` ON `organisations` (lower("name"),`id`);--> statement-breakpoint
CREATE INDEX `response_cycles_due_idx` ON `response_cycles` (`due_at`);--> statement-breakpoint
CREATE INDEX `response_cycles_responded_idx` ON `response_cycles` (`responded_at`);--> statement-breakpoint
CREATE INDEX `tickets_status_queue_idx` ON `tickets` (`status`,`queue_rank`,`queue_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_closed_idx` ON `tickets` (`closed_at`);