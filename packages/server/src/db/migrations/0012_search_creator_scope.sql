CREATE TABLE `search_creators` (
	`key` integer PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`created_by` text NOT NULL,
	`scope` text GENERATED ALWAYS AS (char(57344 + key % 6400, 57344 + key / 6400 % 6400) || 'c') VIRTUAL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_creators_person_idx` ON `search_creators` (`org_id`,`created_by`);--> statement-breakpoint
-- Hand-written: every customer who opened a ticket gets a search key (in the order their first
-- ticket came), their public texts already indexed carry it in their scope, and the triggers
-- give it to every new one (the customer's first ticket makes the key). Internal notes keep
-- the organisation's scope alone: no customer searches them.
INSERT INTO `search_creators` (org_id, created_by)
  SELECT org_id, created_by FROM `tickets` GROUP BY org_id, created_by ORDER BY min(created_at), min(id);--> statement-breakpoint
UPDATE `ticket_search` SET `scope` = `scope` || coalesce((
  SELECT c.scope FROM `tickets` t JOIN `search_creators` c ON c.org_id = t.org_id AND c.created_by = t.created_by WHERE t.id = `ticket_search`.ticket_id
), '') WHERE `scope` LIKE '%p';--> statement-breakpoint
DROP TRIGGER `ticket_search_subject`;--> statement-breakpoint
DROP TRIGGER `ticket_search_message`;--> statement-breakpoint
CREATE TRIGGER `ticket_search_subject` AFTER INSERT ON `tickets` BEGIN
  INSERT OR IGNORE INTO `search_creators` (org_id, created_by) VALUES (new.org_id, new.created_by);
  INSERT INTO `ticket_search` (body, scope, ticket_id, message_id)
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.subject, char(1610), char(1740)), char(1609), char(1740)), char(1603), char(1705)), char(1577), char(1607)), char(8204), ''), char(1600), ''), char(1776), char(48)), char(1777), char(49)), char(1778), char(50)), char(1779), char(51)), char(1780), char(52)), char(1781), char(53)), char(1782), char(54)), char(1783), char(55)), char(1784), char(56)), char(1785), char(57)), char(1632), char(48)), char(1633), char(49)), char(1634), char(50)), char(1635), char(51)), char(1636), char(52)), char(1637), char(53)), char(1638), char(54)), char(1639), char(55)), char(1640), char(56)), char(1641), char(57)), o.search_scope || 'p' || coalesce((SELECT c.scope FROM `search_creators` c WHERE c.org_id = new.org_id AND c.created_by = new.created_by), ''), new.id, NULL
  FROM `organisations` o WHERE o.id = new.org_id;
END;--> statement-breakpoint
CREATE TRIGGER `ticket_search_message` AFTER INSERT ON `messages` BEGIN
  INSERT INTO `ticket_search` (body, scope, ticket_id, message_id)
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body, char(1610), char(1740)), char(1609), char(1740)), char(1603), char(1705)), char(1577), char(1607)), char(8204), ''), char(1600), ''), char(1776), char(48)), char(1777), char(49)), char(1778), char(50)), char(1779), char(51)), char(1780), char(52)), char(1781), char(53)), char(1782), char(54)), char(1783), char(55)), char(1784), char(56)), char(1785), char(57)), char(1632), char(48)), char(1633), char(49)), char(1634), char(50)), char(1635), char(51)), char(1636), char(52)), char(1637), char(53)), char(1638), char(54)), char(1639), char(55)), char(1640), char(56)), char(1641), char(57)), o.search_scope || CASE new.visibility WHEN 'internal' THEN 'i' ELSE 'p' || coalesce((SELECT c.scope FROM `search_creators` c WHERE c.org_id = t.org_id AND c.created_by = t.created_by), '') END, new.ticket_id, new.id
  FROM `tickets` t JOIN `organisations` o ON o.id = t.org_id WHERE t.id = new.ticket_id;
END;
