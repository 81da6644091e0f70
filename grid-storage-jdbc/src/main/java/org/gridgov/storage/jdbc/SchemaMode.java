package org.gridgov.storage.jdbc;

/** Who owns the schema: gridgov (its Flyway migrations) or the host application. */
public enum SchemaMode {
  /** Applies gridgov's pending migrations on start (the default); a no-op when up to date. */
  MIGRATE,
  /** Checks that every gridgov migration was applied, and fails on start when not. */
  VALIDATE,
  /** Touches nothing: the host application creates and upgrades the tables itself. */
  NONE
}
