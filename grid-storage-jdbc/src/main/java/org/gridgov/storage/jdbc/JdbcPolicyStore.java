package org.gridgov.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.PolicyTimeline;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.PolicyStore;
import org.gridgov.storage.jdbc.json.PolicyCodec;

/** Policy versions as JSON policy documents, one row per (policy id, version). */
final class JdbcPolicyStore implements PolicyStore {
  private final Jdbc jdbc;
  private final String versions;
  private final String insert;
  private final String ids;

  JdbcPolicyStore(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.versions = jdbc.tables().render(PolicySql.VERSIONS);
    this.insert = jdbc.tables().render(PolicySql.INSERT);
    this.ids = jdbc.tables().render(PolicySql.IDS);
  }

  @Override
  public void save(PolicySet policy) {
    PolicyLoader.validate(policy);
    String document = PolicyCodec.write(policy);
    try {
      jdbc.inTransaction("saving policy " + policy.id(), c -> {
        List<PolicySet> all = versions(c, policy.id());
        if (all.stream().anyMatch(p -> p.version() == policy.version())) {
          throw duplicate(policy);
        }
        all.add(policy);
        PolicyTimeline.of(all);
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

  private static DuplicateException duplicate(PolicySet policy) {
    return new DuplicateException("policy", policy.id() + " v" + policy.version());
  }

  @Override
  public Optional<PolicyTimeline> timeline(String policyId) {
    return jdbc.inTransaction("loading policy " + policyId, c -> {
      List<PolicySet> all = versions(c, policyId);
      return all.isEmpty() ? Optional.empty() : Optional.of(PolicyTimeline.of(all));
    });
  }

  @Override
  public List<String> ids() {
    return jdbc.inTransaction("listing policies", c -> {
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
          result.add(PolicyCodec.read(rows.getString("document"),
              policyId + " v" + rows.getInt("version")));
        }
      }
    }
    return result;
  }
}
