package org.gridgov.storage.jdbc;

import java.util.stream.Stream;

/** The databases parameterised tests run on. */
final class Databases {
  private Databases() {}

  static Stream<TestDatabase> all() {
    return Stream.of(TestDatabase.H2, TestDatabase.POSTGRESQL, TestDatabase.MARIADB);
  }
}
