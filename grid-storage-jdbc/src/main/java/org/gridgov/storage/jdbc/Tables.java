package org.gridgov.storage.jdbc;

import java.util.List;
import java.util.regex.Pattern;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.storage.jdbc.dialect.SqlDialect;

/** The table names under one prefix, and the rendering of SQL templates that name them. */
record Tables(String prefix, SqlDialect dialect) {
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,15}|");

  Tables {
    checkPrefix(prefix);
  }

  /**
   * Returns {@code prefix} when it is empty or a valid table prefix, else throws an {@link
   * InvalidInputException} at {@code tablePrefix}, the builder's option ({@link
   * InputRules#FORMAT}).
   */
  static String checkPrefix(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new InvalidInputException(
          "JDBC storage",
          Violation.of(
              "tablePrefix",
              InputRules.FORMAT,
              "must be empty or 1-16 lower-case letters, digits and _ starting" + " with a letter",
              prefix));
    }
    return prefix;
  }

  String incident() {
    return prefix + "gridgov_incident";
  }

  /** The incident table's index on (next_timer_at, id), which due timers are read from. */
  String timerIndex() {
    return incident() + "_timer_ix";
  }

  String event() {
    return prefix + "gridgov_event";
  }

  String directory() {
    return prefix + "gridgov_directory";
  }

  String policy() {
    return prefix + "gridgov_policy";
  }

  String counter() {
    return prefix + "gridgov_counter";
  }

  String policyHead() {
    return prefix + "gridgov_policy_head";
  }

  String history() {
    return prefix + "gridgov_schema_history";
  }

  /** Every table holding data, children first (the order to empty them in). */
  List<String> all() {
    return List.of(event(), incident(), directory(), policy(), policyHead(), counter());
  }

  /**
   * {@code sql} with {@code {incident}}, {@code {event}}…, {@code {json}} and {@code {claim_scan}}
   * (the dialect's {@link SqlDialect#claimScanHint}) filled in.
   */
  String render(String sql) {
    return sql.replace("{claim_scan}", dialect.claimScanHint(timerIndex()))
        .replace("{incident}", incident())
        .replace("{event}", event())
        .replace("{directory}", directory())
        .replace("{policy}", policy())
        .replace("{policy_head}", policyHead())
        .replace("{counter}", counter())
        .replace("{json}", dialect.jsonParameter());
  }
}
