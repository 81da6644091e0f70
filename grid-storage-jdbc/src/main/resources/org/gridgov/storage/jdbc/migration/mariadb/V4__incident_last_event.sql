-- The instant of each incident's last event, so that the incidents alive in a period (reported
-- before its end, last changed at or after its start) are found from the projection row
-- (MariaDB). Filled from the events already stored; every append and intake keeps it in the same
-- transaction.
ALTER TABLE ${prefix}gridgov_incident ADD COLUMN last_event_at DATETIME(6);

UPDATE ${prefix}gridgov_incident i
  JOIN (SELECT incident_id, MAX(occurred_at) AS latest FROM ${prefix}gridgov_event
         GROUP BY incident_id) e ON e.incident_id = i.id
   SET i.last_event_at = e.latest;

ALTER TABLE ${prefix}gridgov_incident MODIFY last_event_at DATETIME(6) NOT NULL,
  ADD KEY ${prefix}gridgov_incident_alive_ix (last_event_at, id);
