-- The instant of each incident's last event, so that the incidents alive in a period (reported
-- before its end, last changed at or after its start) are found from the projection row (H2 2.x).
-- Filled from the events already stored; every append and intake keeps it in the same transaction.
ALTER TABLE ${prefix}gridgov_incident ADD COLUMN last_event_at TIMESTAMP(6) WITH TIME ZONE;

UPDATE ${prefix}gridgov_incident i SET last_event_at =
  (SELECT MAX(e.occurred_at) FROM ${prefix}gridgov_event e WHERE e.incident_id = i.id);

ALTER TABLE ${prefix}gridgov_incident ALTER COLUMN last_event_at SET NOT NULL;

CREATE INDEX ${prefix}gridgov_incident_alive_ix ON ${prefix}gridgov_incident (last_event_at, id);
