package org.gridgov.core.spi;

/** What an adapter supports beyond the SPI's base promises; contract tests ask for these. */
public enum StorageCapability {
  /** Data survives a restart of the JVM. */
  DURABLE,
  /**
   * Several JVMs (application nodes) may share one store safely: incidents, leases, counters, the
   * directory and the policies, each seen by every node.
   */
  MULTI_NODE,
  /**
   * Due work is taken with {@code SELECT … FOR UPDATE SKIP LOCKED} or an equivalent. Informational
   * only: no contract test asks for it and gridgov does not read it.
   */
  SKIP_LOCKED_CLAIM
}
