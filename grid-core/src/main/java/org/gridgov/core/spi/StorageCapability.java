package org.gridgov.core.spi;

/** What an adapter supports beyond the SPI's base promises; contract tests ask for these. */
public enum StorageCapability {
  /** Data survives a restart of the JVM. */
  DURABLE,
  /** Several JVMs (application nodes) may share one store safely. */
  MULTI_NODE,
  /** Due work is taken with {@code SELECT … FOR UPDATE SKIP LOCKED} or an equivalent. */
  SKIP_LOCKED_CLAIM
}
