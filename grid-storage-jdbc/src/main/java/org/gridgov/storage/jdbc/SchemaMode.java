package org.gridgov.storage.jdbc;

/** Who owns the schema: gridgov (its Flyway migrations) or the host application. */
public enum SchemaMode {
  /**
   * Applies gridgov's pending migrations on start (the default); a no-op when up to date. Tables
   * created without them (for {@link #NONE}) are refused on start, nothing changed, with a message
   * saying how to baseline them.
   */
  MIGRATE,
  /**
   * Checks that every gridgov migration was applied, and fails on start when not (tables created
   * for {@link #NONE} included, as {@link #MIGRATE} refuses them).
   */
  VALIDATE,
  /**
   * Touches nothing: the host application creates and upgrades the tables itself (from the shipped
   * SQL). To hand such tables to gridgov later, baseline its history table ({@code
   * <prefix>gridgov_schema_history}) with Flyway at the last version applied, then start with
   * {@link #MIGRATE}, which applies the rest (the Java backfills included).
   */
  NONE
}
