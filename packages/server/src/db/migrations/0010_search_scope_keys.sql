ALTER TABLE `organisations` ADD `search_key` integer;--> statement-breakpoint
ALTER TABLE `organisations` ADD `search_scope` text GENERATED ALWAYS AS (char(57344 + search_key % 6400, 57344 + search_key / 6400 % 6400)) VIRTUAL;--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_search_key_idx` ON `organisations` (`search_key`);--> statement-breakpoint
-- Hand-written: every organisation gets its search key (max + 1 on insert; existing ones in the
-- order they came), and the search index's scope becomes the organisation's two rare characters
-- and the visibility's letter (one trigram), for texts already indexed and for every new one.
UPDATE `organisations` SET `search_key` = k.n FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM `organisations`) AS k WHERE k.id = `organisations`.id;--> statement-breakpoint
CREATE TRIGGER `organisations_search_key` AFTER INSERT ON `organisations` WHEN new.search_key IS NULL BEGIN
  UPDATE `organisations` SET `search_key` = (SELECT coalesce(max(`search_key`), 0) + 1 FROM `organisations`) WHERE id = new.id;
END;--> statement-breakpoint
UPDATE `ticket_search` SET `scope` = (
  SELECT o.search_scope FROM `tickets` t JOIN `organisations` o ON o.id = t.org_id WHERE t.id = `ticket_search`.ticket_id
) || CASE WHEN `scope` LIKE '%|i⟧' THEN 'i' ELSE 'p' END;--> statement-breakpoint
DROP TRIGGER `ticket_search_subject`;--> statement-breakpoint
DROP TRIGGER `ticket_search_message`;--> statement-breakpoint
CREATE TRIGGER `ticket_search_subject` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO `ticket_search` (body, scope, ticket_id, message_id)
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.subject, char(1610), char(1740)), char(1609), char(1740)), char(1603), char(1705)), char(1577), char(1607)), char(8204), ''), char(1600), ''), char(1776), char(48)), char(1777), char(49)), char(1778), char(50)), char(1779), char(51)), char(1780), char(52)), char(1781), char(53)), char(1782), char(54)), char(1783), char(55)), char(1784), char(56)), char(1785), char(57)), char(1632), char(48)), char(1633), char(49)), char(1634), char(50)), char(1635), char(51)), char(1636), char(52)), char(1637), char(53)), char(1638), char(54)), char(1639), char(55)), char(1640), char(56)), char(1641), char(57)), o.search_scope || 'p', new.id, NULL
  FROM `organisations` o WHERE o.id = new.org_id;
END;--> statement-breakpoint
CREATE TRIGGER `ticket_search_message` AFTER INSERT ON `messages` BEGIN
  INSERT INTO `ticket_search` (body, scope, ticket_id, message_id)
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body, char(1610), char(1740)), char(1609), char(1740)), char(1603), char(1705)), char(1577), char(1607)), char(8204), ''), char(1600), ''), char(1776), char(48)), char(1777), char(49)), char(1778), char(50)), char(1779), char(51)), char(1780), char(52)), char(1781), char(53)), char(1782), char(54)), char(1783), char(55)), char(1784), char(56)), char(1785), char(57)), char(1632), char(48)), char(1633), char(49)), char(1634), char(50)), char(1635), char(51)), char(1636), char(52)), char(1637), char(53)), char(1638), char(54)), char(1639), char(55)), char(1640), char(56)), char(1641), char(57)), o.search_scope || CASE new.visibility WHEN 'internal' THEN 'i' ELSE 'p' END, new.ticket_id, new.id
  FROM `tickets` t JOIN `organisations` o ON o.id = t.org_id WHERE t.id = new.ticket_id;
END;
