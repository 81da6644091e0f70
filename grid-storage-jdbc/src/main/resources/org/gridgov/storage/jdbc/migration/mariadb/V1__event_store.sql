-- gridgov event store (MariaDB 10.6+). ${prefix} is the optional table prefix.
-- Instants are DATETIME(6) in UTC (TIMESTAMP would end in 2038 and follow the session zone);
-- text is utf8mb4_bin so that ids compare exactly and any Unicode is kept.
-- Events are append-only; the primary key (incident_id, version) makes a double append impossible.
CREATE TABLE ${prefix}gridgov_incident (
  id              VARCHAR(64)  NOT NULL,
  version         BIGINT       NOT NULL,
  stage           VARCHAR(16)  NOT NULL,
  grid            VARCHAR(20)  NOT NULL,
  assignee        VARCHAR(64),
  is_open         BOOLEAN      NOT NULL,
  next_timer_at   DATETIME(6),
  lease_owner     VARCHAR(128),
  lease_until     DATETIME(6),
  external_system VARCHAR(64),
  external_id     VARCHAR(64),
  reported_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ${prefix}gridgov_incident_external_uq (external_system, external_id),
  KEY ${prefix}gridgov_incident_grid_ix (grid, reported_at),
  KEY ${prefix}gridgov_incident_assignee_ix (assignee),
  KEY ${prefix}gridgov_incident_stage_ix (stage),
  KEY ${prefix}gridgov_incident_timer_ix (next_timer_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}gridgov_event (
  incident_id    VARCHAR(64) NOT NULL,
  version        BIGINT      NOT NULL,
  event_type     VARCHAR(64) NOT NULL,
  schema_version INT         NOT NULL,
  payload        JSON        NOT NULL,
  occurred_at    DATETIME(6) NOT NULL,
  PRIMARY KEY (incident_id, version),
  CONSTRAINT ${prefix}gridgov_event_incident_fk FOREIGN KEY (incident_id)
    REFERENCES ${prefix}gridgov_incident (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
