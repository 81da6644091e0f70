package org.gridgov.storage.jdbc;

import java.util.stream.Stream;

/** The databases parameterised tests run on. */
final class Databases {
  private Databases() {}

  static Stream<TestDatabase> all() {
    return Stream.of(TestDatabase.H2, TestDatabase.POSTGRESQL, TestDatabase.MARIADB);
  }

  /** Those several application nodes may share: the ones claiming with {@code SKIP LOCKED}. */
  static Stream<TestDatabase> multiNode() {
    return Stream.of(TestDatabase.POSTGRESQL, TestDatabase.MARIADB);
  }
}
