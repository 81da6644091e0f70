-- gridgov event store (H2 2.x). ${prefix} is the optional table prefix.
-- Events are append-only; the primary key (incident_id, version) makes a double append impossible.
-- The incident row is a projection of the events, updated in the same transaction as each append.
CREATE TABLE ${prefix}gridgov_incident (
  id              VARCHAR(64) NOT NULL,
  version         BIGINT                  NOT NULL,
  stage           VARCHAR(16)             NOT NULL,
  grid            VARCHAR(20) NOT NULL,
  assignee        VARCHAR(64),
  is_open         BOOLEAN                 NOT NULL,
  next_timer_at   TIMESTAMP(6) WITH TIME ZONE,
  lease_owner     VARCHAR(128),
  lease_until     TIMESTAMP(6) WITH TIME ZONE,
  external_system VARCHAR(64),
  external_id     VARCHAR(64),
  reported_at     TIMESTAMP(6) WITH TIME ZONE          NOT NULL,
  CONSTRAINT ${prefix}gridgov_incident_pk PRIMARY KEY (id),
  CONSTRAINT ${prefix}gridgov_incident_external_uq UNIQUE (external_system, external_id)
);

CREATE TABLE ${prefix}gridgov_event (
  incident_id    VARCHAR(64) NOT NULL,
  version        BIGINT         NOT NULL,
  event_type     VARCHAR(64)    NOT NULL,
  schema_version INT            NOT NULL,
  payload        JSON           NOT NULL,
  occurred_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT ${prefix}gridgov_event_pk PRIMARY KEY (incident_id, version),
  CONSTRAINT ${prefix}gridgov_event_incident_fk FOREIGN KEY (incident_id)
    REFERENCES ${prefix}gridgov_incident (id)
);

CREATE INDEX ${prefix}gridgov_incident_grid_ix ON ${prefix}gridgov_incident (grid, reported_at);
CREATE INDEX ${prefix}gridgov_incident_assignee_ix ON ${prefix}gridgov_incident (assignee);
CREATE INDEX ${prefix}gridgov_incident_stage_ix ON ${prefix}gridgov_incident (stage);
CREATE INDEX ${prefix}gridgov_incident_timer_ix ON ${prefix}gridgov_incident (next_timer_at, id);
