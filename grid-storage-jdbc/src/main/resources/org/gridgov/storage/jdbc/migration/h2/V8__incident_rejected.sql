-- Whether the incident was rejected at registration (invalid or a duplicate), for countReported
-- (the "found" figure of escalation quotas), which counted through a NOT EXISTS over each
-- incident's events. Every append and intake of this release writes it in the same transaction,
-- once the registration is settled: TRUE once rejected (Incident.rejection()), FALSE once
-- registered, NULL while the report waits in stage REPORTED. Both settled values are final: a
-- report is rejected from stage REPORTED only, and a rejected one stays REJECTED until ARCHIVED.
-- NULL is also every row a node of an earlier release writes, and it leaves the column as it
-- was when it appends (it does write alive_version = version, which therefore cannot tell its
-- rows from ours). So only a settled value is trusted, and NULL falls back to the stage: REPORTED
-- counts, REJECTED does not, any other stage asks the events as before. A node of an earlier
-- release can settle a report only on a row it finds NULL, so a rolling upgrade never counts a
-- rejected report nor misses one; its rows cost the events query until this release appends.
-- The rows stored before are filled here from their events (REPORTED ones stay NULL).
-- The grid index becomes (grid, reported_at, rejected), in place of (grid, reported_at): every
-- query it served it still serves, the settled rows of a period can be counted from the index
-- alone, and the entry changes once more per incident, when its registration is settled, in an
-- update that already rewrites the row.
ALTER TABLE ${prefix}gridgov_incident ADD COLUMN rejected BOOLEAN;

UPDATE ${prefix}gridgov_incident SET rejected = FALSE WHERE stage <> 'REPORTED';

UPDATE ${prefix}gridgov_incident i SET rejected = TRUE
 WHERE EXISTS (SELECT 1 FROM ${prefix}gridgov_event e
                WHERE e.incident_id = i.id AND e.event_type = 'incident.rejected');

DROP INDEX ${prefix}gridgov_incident_grid_ix;

CREATE INDEX ${prefix}gridgov_incident_grid_ix
  ON ${prefix}gridgov_incident (grid, reported_at, rejected);
