-- Until when each incident is alive for a period (PostgreSQL): the later of its last event and
-- the latest reply deadline it set (Incident.aliveUntil), so that the incidents a scoring period
-- needs (reported before its end, alive until its start or later) are found from the projection
-- row. Every append and intake writes it in the same transaction. NULL means not known (a row
-- written before this version, or by a node still running an older release): such a row counts
-- as alive in every period. Migration 5 (Java: it replays the histories) fills the rows stored
-- before.
ALTER TABLE ${prefix}gridgov_incident ADD COLUMN alive_until TIMESTAMPTZ(6);

CREATE INDEX ${prefix}gridgov_incident_alive_ix ON ${prefix}gridgov_incident (alive_until, id);
