CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`author_role` text NOT NULL,
	`visibility` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_ticket_idx` ON `messages` (`ticket_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`plan_id` text NOT NULL,
	`custom_plan` text,
	`calendar` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `response_cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`due_at` integer,
	`responded_at` integer,
	`plan_id` text,
	`priority` text,
	`target_minutes` integer,
	`hours` text,
	`calendar` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `response_cycles_ticket_idx` ON `response_cycles` (`ticket_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `ticket_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` text NOT NULL,
	`org_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`actor_id` text,
	`actor_name` text,
	`from` text,
	`to` text,
	`internal` integer NOT NULL,
	`message_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_events_ticket_idx` ON `ticket_events` (`ticket_id`,`id`);--> statement-breakpoint
CREATE INDEX `ticket_events_org_idx` ON `ticket_events` (`org_id`,`id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`subject` text NOT NULL,
	`category` text NOT NULL,
	`priority` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_by_name` text NOT NULL,
	`assignee_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`due_at` integer,
	`auto_close_at` integer,
	`closed_at` integer,
	`closed_by` text,
	`version` integer DEFAULT 0 NOT NULL,
	`queue_rank` integer GENERATED ALWAYS AS (CASE WHEN status = 'closed' THEN 2 WHEN due_at IS NULL THEN 1 ELSE 0 END) VIRTUAL,
	`queue_at` integer GENERATED ALWAYS AS (CASE WHEN status = 'closed' THEN -coalesce(closed_at, 0) WHEN due_at IS NULL THEN created_at ELSE due_at END) VIRTUAL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tickets_customer_idx` ON `tickets` (`org_id`,`created_by`,`updated_at`);--> statement-breakpoint
CREATE INDEX `tickets_org_idx` ON `tickets` (`org_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `tickets_updated_idx` ON `tickets` (`updated_at`);--> statement-breakpoint
CREATE INDEX `tickets_queue_idx` ON `tickets` (`queue_rank`,`queue_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_status_due_idx` ON `tickets` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `tickets_auto_close_idx` ON `tickets` (`auto_close_at`);