-- One row per stored policy: a save locks it, so versions of one policy saved at the same time
-- (by several nodes) are checked against each other (H2 2.x). Filled from the versions stored.
CREATE TABLE ${prefix}gridgov_policy_head (
  policy_id      VARCHAR(64) NOT NULL,
  latest_version INT         NOT NULL,
  CONSTRAINT ${prefix}gridgov_policy_head_pk PRIMARY KEY (policy_id)
);

INSERT INTO ${prefix}gridgov_policy_head (policy_id, latest_version)
  SELECT policy_id, MAX(version) FROM ${prefix}gridgov_policy GROUP BY policy_id;
