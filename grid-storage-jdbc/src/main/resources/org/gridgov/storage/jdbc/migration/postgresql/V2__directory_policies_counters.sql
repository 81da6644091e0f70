-- The directory (every saved revision kept), policy versions and named counters (PostgreSQL).
CREATE TABLE ${prefix}gridgov_directory (
  revision       BIGINT NOT NULL,
  schema_version INT    NOT NULL,
  document       JSONB  NOT NULL,
  CONSTRAINT ${prefix}gridgov_directory_pk PRIMARY KEY (revision)
);

CREATE TABLE ${prefix}gridgov_policy (
  policy_id VARCHAR(64) COLLATE "C" NOT NULL,
  version   INT         NOT NULL,
  document  JSONB       NOT NULL,
  CONSTRAINT ${prefix}gridgov_policy_pk PRIMARY KEY (policy_id, version)
);

CREATE TABLE ${prefix}gridgov_counter (
  counter_key   VARCHAR(191) COLLATE "C" NOT NULL,
  counter_value BIGINT       NOT NULL,
  CONSTRAINT ${prefix}gridgov_counter_pk PRIMARY KEY (counter_key)
);
