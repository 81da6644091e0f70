package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.storage.jdbc.dialect.H2Dialect;
import org.gridgov.storage.jdbc.dialect.MariaDbDialect;
import org.gridgov.storage.jdbc.dialect.PostgresDialect;
import org.junit.jupiter.api.Test;

/** The table names under a prefix, and SQL templates filled in with them and the dialect's JSON. */
class TablesTest {

  @Test
  void names_prefixedGridgovTables_flywaysHistoryToo() {
    Tables tables = new Tables("city_", new H2Dialect());

    assertThat(tables.history()).isEqualTo("city_gridgov_schema_history");
    assertThat(tables.all())
        .containsExactly(
            "city_gridgov_event",
            "city_gridgov_incident",
            "city_gridgov_directory",
            "city_gridgov_policy",
            "city_gridgov_policy_head",
            "city_gridgov_counter");
    assertThat(new Tables("", new H2Dialect()).incident()).isEqualTo("gridgov_incident");
  }

  @Test
  void render_everyPlaceholder_theJsonParameterAsTheDialectReadsIt() {
    String sql = "{incident} {event} {directory} {policy} {policy_head} {counter} {json}";

    assertThat(new Tables("c_", new PostgresDialect()).render(sql))
        .isEqualTo(
            "c_gridgov_incident"
                + " c_gridgov_event c_gridgov_directory c_gridgov_policy c_gridgov_policy_head"
                + " c_gridgov_counter CAST(? AS JSONB)");
    assertThat(new Tables("", new H2Dialect()).render("{json}")).isEqualTo("? FORMAT JSON");
    assertThat(new Tables("", new MariaDbDialect()).render("{json}")).isEqualTo("?");
  }

  @Test
  void render_claimScan_mariaDbReadsTheTimerIndexTheOthersChooseTheirPlan() {
    String sql = "FROM {incident}{claim_scan} WHERE";

    assertThat(new Tables("c_", new MariaDbDialect()).render(sql))
        .isEqualTo("FROM c_gridgov_incident FORCE INDEX (c_gridgov_incident_timer_ix) WHERE");
    assertThat(new Tables("c_", new PostgresDialect()).render(sql))
        .isEqualTo("FROM c_gridgov_incident WHERE");
    assertThat(new Tables("c_", new H2Dialect()).render(sql))
        .isEqualTo("FROM c_gridgov_incident WHERE");
  }
}
