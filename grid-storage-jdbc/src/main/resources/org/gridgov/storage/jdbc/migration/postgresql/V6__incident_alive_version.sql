-- The version of the incident that alive_until was computed for. Every append and intake of this
-- release writes both in the same transaction. A node of an earlier release moves the version
-- without touching alive_version (and, before version 4, without touching alive_until), so a row
-- whose alive_version is not its version, or is NULL, counts as alive in every period, like a row
-- without alive_until: a rolling upgrade can make a period read more histories, never miss one.
-- Migration 7 (Java: it replays the histories) recomputes both for the rows stored before.
-- The period query now also matches rows by their versions, which no index on alive_until can
-- answer, so it walks the primary key (one pass over the table per period): the index of
-- version 4 goes, and appends stop paying for it.
ALTER TABLE ${prefix}gridgov_incident ADD COLUMN alive_version BIGINT;

DROP INDEX ${prefix}gridgov_incident_alive_ix;
