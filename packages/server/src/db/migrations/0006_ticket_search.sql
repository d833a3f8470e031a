-- Full-text search over subjects and message bodies (FTS5, trigram: finds any run of three or
-- more characters, so Persian words and parts of words are found without a Persian stemmer).
-- What is indexed is the search form of the text (core's SEARCH_FOLDS: Arabic ي/ك as Persian
-- ی/ک, no zero-width non-joiner, no tatweel, Latin digits), written by triggers so every writer
-- in every process keeps the index whole. `scope` says whose text it is: the organisation, and
-- `p` (public) or `i` (internal note), so a customer's search asks the index for their own
-- organisation's public text only.
CREATE VIRTUAL TABLE `ticket_search` USING fts5(
  body, scope, ticket_id UNINDEXED, message_id UNINDEXED,
  tokenize = 'trigram remove_diacritics 1'
);--> statement-breakpoint
CREATE TRIGGER `ticket_search_subject` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO `ticket_search` (body, scope, ticket_id, message_id)
  VALUES (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.subject, char(1610), char(1740)), char(1609), char(1740)), char(1603), char(1705)), char(1577), char(1607)), char(8204), ''), char(1600), ''), char(1776), char(48)), char(1777), char(49)), char(1778), char(50)), char(1779), char(51)), char(1780), char(52)), char(1781), char(53)), char(1782), char(54)), char(1783), char(55)), char(1784), char(56)), char(1785), char(57)), char(1632), char(48)), char(1633), char(49)), char(1634), char(50)), char(1635), char(51)), char(1636), char(52)), char(1637), char(53)), char(1638), char(54)), char(1639), char(55)), char(1640), char(56)), char(1641), char(57)), '⟦' || new.org_id || '|p⟧', new.id, NULL);
END;--> statement-breakpoint
CREATE TRIGGER `ticket_search_message` AFTER INSERT ON `messages` BEGIN
  INSERT INTO `ticket_search` (body, scope, ticket_id, message_id)
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body, char(1610), char(1740)), char(1609), char(1740)), char(1603), char(1705)), char(1577), char(1607)), char(8204), ''), char(1600), ''), char(1776), char(48)), char(1777), char(49)), char(1778), char(50)), char(1779), char(51)), char(1780), char(52)), char(1781), char(53)), char(1782), char(54)), char(1783), char(55)), char(1784), char(56)), char(1785), char(57)), char(1632), char(48)), char(1633), char(49)), char(1634), char(50)), char(1635), char(51)), char(1636), char(52)), char(1637), char(53)), char(1638), char(54)), char(1639), char(55)), char(1640), char(56)), char(1641), char(57)), '⟦' || t.org_id || '|' || CASE new.visibility WHEN 'internal' THEN 'i' ELSE 'p' END || '⟧', new.ticket_id, new.id
  FROM `tickets` t WHERE t.id = new.ticket_id;
END;--> statement-breakpoint
-- Existing tickets and messages.
INSERT INTO `ticket_search` (body, scope, ticket_id, message_id)
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t.subject, char(1610), char(1740)), char(1609), char(1740)), char(1603), char(1705)), char(1577), char(1607)), char(8204), ''), char(1600), ''), char(1776), char(48)), char(1777), char(49)), char(1778), char(50)), char(1779), char(51)), char(1780), char(52)), char(1781), char(53)), char(1782), char(54)), char(1783), char(55)), char(1784), char(56)), char(1785), char(57)), char(1632), char(48)), char(1633), char(49)), char(1634), char(50)), char(1635), char(51)), char(1636), char(52)), char(1637), char(53)), char(1638), char(54)), char(1639), char(55)), char(1640), char(56)), char(1641), char(57)), '⟦' || t.org_id || '|p⟧', t.id, NULL FROM `tickets` t;--> statement-breakpoint
INSERT INTO `ticket_search` (body, scope, ticket_id, message_id)
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(m.body, char(1610), char(1740)), char(1609), char(1740)), char(1603), char(1705)), char(1577), char(1607)), char(8204), ''), char(1600), ''), char(1776), char(48)), char(1777), char(49)), char(1778), char(50)), char(1779), char(51)), char(1780), char(52)), char(1781), char(53)), char(1782), char(54)), char(1783), char(55)), char(1784), char(56)), char(1785), char(57)), char(1632), char(48)), char(1633), char(49)), char(1634), char(50)), char(1635), char(51)), char(1636), char(52)), char(1637), char(53)), char(1638), char(54)), char(1639), char(55)), char(1640), char(56)), char(1641), char(57)), '⟦' || t.org_id || '|' || CASE m.visibility WHEN 'internal' THEN 'i' ELSE 'p' END || '⟧', m.ticket_id, m.id
  FROM `messages` m JOIN `tickets` t ON t.id = m.ticket_id;
