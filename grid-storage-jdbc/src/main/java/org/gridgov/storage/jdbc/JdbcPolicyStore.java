package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.PolicyTimeline;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.PolicyStore;
import org.gridgov.storage.jdbc.json.PolicyCodec;

/**
 * Policy versions as JSON policy documents, one row per (policy id, version). A save locks the
 * policy's head row first, so saves of one policy by several nodes run one after the other and each
 * checks the timeline with the versions saved before it.
 */
final class JdbcPolicyStore implements PolicyStore {
  private final Jdbc jdbc;
  private final String versions;
  private final String insert;
  private final String insertHead;
  private final String lockHead;
  private final String updateHead;
  private final String count;
  private final String ids;

  JdbcPolicyStore(Jdbc jdbc) {
    Tables tables = jdbc.tables();
    this.jdbc = jdbc;
    this.versions = tables.render(PolicySql.VERSIONS);
    this.insert = tables.render(PolicySql.INSERT);
    this.insertHead = jdbc.dialect().insertPolicyHeadIfAbsent(tables.policyHead());
    this.lockHead = tables.render(PolicySql.LOCK_HEAD);
    this.updateHead = tables.render(PolicySql.UPDATE_HEAD);
    this.count = tables.render(PolicySql.COUNT);
    this.ids = tables.render(PolicySql.IDS);
  }

  @Override
  public void save(PolicySet policy) {
    PolicyLoader.validate(Objects.requireNonNull(policy, "policy"));
    String document = PolicyCodec.write(policy);
    try {
      jdbc.inTransaction(
          "saving policy " + policy.id(),
          c -> {
            lockHead(c, policy.id());
            List<PolicySet> all = versions(c, policy.id());
            if (all.stream().anyMatch(p -> p.version() == policy.version())) {
              throw duplicate(policy);
            }
            all.add(policy);
            PolicyTimeline timeline = PolicyTimeline.of(all);
            try (PreparedStatement head = c.prepareStatement(updateHead)) {
              head.setInt(1, timeline.latest().version());
              head.setString(2, policy.id());
              head.executeUpdate();
            }
            try (PreparedStatement statement = c.prepareStatement(insert)) {
              statement.setString(1, policy.id());
              statement.setInt(2, policy.version());
              statement.setString(3, document);
              statement.executeUpdate();
            } catch (SQLException e) {
              if (jdbc.dialect().isUniqueViolation(e)) {
                throw new UniqueViolation(e);
              }
              throw e;
            }
            return null;
          });
    } catch (UniqueViolation raced) {
      throw duplicate(policy);
    }
  }

  /**
   * Holds the lock of the policy's head row until the transaction ends, creating the row for a new
   * policy. The row is locked before anything else is asked of it: an insert that finds the key
   * first takes a shared lock on InnoDB, and two of those waiting to lock the row would deadlock. A
   * racing insert waits for the other's transaction (PostgreSQL, MariaDB) or fails as a duplicate
   * (H2's MERGE, which leaves the transaction usable); either way the row is there.
   */
  private void lockHead(Connection c, String policyId) throws SQLException {
    if (lockedHead(c, policyId)) {
      return;
    }
    try (PreparedStatement create = c.prepareStatement(insertHead)) {
      create.setString(1, policyId);
      create.executeUpdate();
    } catch (SQLException e) {
      if (!jdbc.dialect().isUniqueViolation(e)) {
        throw e;
      }
    }
    if (!lockedHead(c, policyId)) {
      throw new SQLException("the head row of policy " + policyId + " is missing");
    }
  }

  private boolean lockedHead(Connection c, String policyId) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(lockHead)) {
      lock.setString(1, policyId);
      try (ResultSet row = lock.executeQuery()) {
        return row.next();
      }
    }
  }

  private static DuplicateException duplicate(PolicySet policy) {
    return new DuplicateException("policy", policy.id() + " v" + policy.version());
  }

  @Override
  public Optional<PolicyTimeline> timeline(String policyId) {
    PolicyStore.checkId(policyId);
    return jdbc.read(
        "loading policy " + policyId,
        c -> {
          List<PolicySet> all = versions(c, policyId);
          return all.isEmpty() ? Optional.empty() : Optional.of(PolicyTimeline.of(all));
        });
  }

  /** A count over the primary key's prefix; no document is read. */
  @Override
  public int versionCount(String policyId) {
    PolicyStore.checkId(policyId);
    return jdbc.read(
        "counting versions of policy " + policyId,
        c -> {
          try (PreparedStatement select = c.prepareStatement(count)) {
            select.setString(1, policyId);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return rows.getInt(1);
            }
          }
        });
  }

  @Override
  public List<String> ids() {
    return jdbc.read(
        "listing policies",
        c -> {
          List<String> result = new ArrayList<>();
          try (PreparedStatement select = c.prepareStatement(ids);
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              result.add(rows.getString(1));
            }
          }
          result.sort(null);
          return List.copyOf(result);
        });
  }

  private List<PolicySet> versions(Connection c, String policyId) throws SQLException {
    List<PolicySet> result = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(versions)) {
      select.setString(1, policyId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          result.add(
              PolicyCodec.read(
                  rows.getString("document"), policyId + " v" + rows.getInt("version")));
        }
      }
    }
    return result;
  }
}
