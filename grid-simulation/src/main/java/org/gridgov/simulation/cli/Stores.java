package org.gridgov.simulation.cli;

import java.nio.file.Path;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.storage.memory.InMemoryGridStorage;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The storage a run uses, from the {@code --store} option. */
final class Stores {
  private final String kind;

  private Stores(String kind) {
    this.kind = kind;
  }

  static Stores parse(String value, Path out, CommandLine line) {
    if (value.equals("memory")) {
      return new Stores(value);
    }
    throw new ParameterException(line, "--store must be memory, was " + value);
  }

  /** A fresh store for one run. */
  GridStorage open(String run) {
    return InMemoryGridStorage.create();
  }
}
