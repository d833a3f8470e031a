CREATE TABLE `macros` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `macros_title_idx` ON `macros` (lower("title"),`id`);--> statement-breakpoint
CREATE TABLE `presence` (
	`ticket_id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`state` text NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`ticket_id`, `user_id`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `presence_seen_idx` ON `presence` (`seen_at`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `number` integer NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE `tickets` ADD `follow_up_of` text REFERENCES tickets(id);--> statement-breakpoint
ALTER TABLE `tickets` ADD `resources` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `rating` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `rating_comment` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `rated_at` integer;--> statement-breakpoint
CREATE INDEX `tickets_follow_up_idx` ON `tickets` (`follow_up_of`);--> statement-breakpoint
CREATE INDEX `tickets_rated_idx` ON `tickets` (`rated_at`);--> statement-breakpoint
-- Existing tickets: numbered from 1001 in the order they were opened (UUIDv7 ids sort by creation),
-- before the unique index that guards the numbers from here on.
UPDATE `tickets` SET `number` = 1000 + (SELECT count(*) FROM `tickets` t WHERE t.`id` <= `tickets`.`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_number_idx` ON `tickets` (`number`);
