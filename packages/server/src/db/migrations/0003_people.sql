CREATE TABLE `people` (
	`id` text NOT NULL,
	`org_id` text NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`locale` text NOT NULL,
	`email_enabled` integer DEFAULT true NOT NULL,
	`last_seen_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `people_role_idx` ON `people` (`role`,`name`);