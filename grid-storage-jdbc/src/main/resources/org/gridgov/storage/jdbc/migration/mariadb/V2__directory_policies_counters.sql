-- The directory (every saved revision kept), policy versions and named counters (MariaDB).
CREATE TABLE ${prefix}gridgov_directory (
  revision       BIGINT NOT NULL,
  schema_version INT    NOT NULL,
  document       JSON   NOT NULL,
  PRIMARY KEY (revision)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}gridgov_policy (
  policy_id VARCHAR(64) NOT NULL,
  version   INT         NOT NULL,
  document  JSON        NOT NULL,
  PRIMARY KEY (policy_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}gridgov_counter (
  counter_key   VARCHAR(191) NOT NULL,
  counter_value BIGINT       NOT NULL,
  PRIMARY KEY (counter_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
