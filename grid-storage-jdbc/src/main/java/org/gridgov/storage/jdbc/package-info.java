/**
 * The JDBC storage adapter: {@link org.gridgov.storage.jdbc.JdbcGridStorage} over a {@code
 * DataSource}, with its schema from Flyway migrations. Only {@code JdbcGridStorage}, {@code
 * JdbcIncidentStore} and {@code SchemaMode} are public; the stores and SQL are internal.
 */
package org.gridgov.storage.jdbc;
