ALTER TABLE `tickets` ADD `number` integer NOT NULL DEFAULT 0;--> statement-breakpoint
-- Existing tickets: numbered from 1001 in the order they were opened (UUIDv7 ids sort by creation).
UPDATE `tickets` SET `number` = 1000 + (SELECT count(*) FROM `tickets` t WHERE t.`id` <= `tickets`.`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_number_idx` ON `tickets` (`number`);
