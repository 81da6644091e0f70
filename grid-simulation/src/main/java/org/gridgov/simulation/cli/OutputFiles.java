package org.gridgov.simulation.cli;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gridgov.simulation.report.ResultFiles;

/**
 * A run's files are written to a staging directory inside the output directory and moved into place
 * together, replacing the previous run's: a failed run leaves the previous report whole, and a run
 * without a comparison (or without replications) leaves no {@code compare-*} (or {@code
 * replications.*}) file of an earlier one behind.
 */
final class OutputFiles {
  private static final String STAGING = ".gridgov-staging-";

  /** Where the previous run's files wait while the new ones are moved in. */
  private static final String PREVIOUS = ".gridgov-previous-";

  /** What a run writes (the H2 store's files, kept next to them, are not the report's). */
  private static final List<String> REPORT_FILES =
      ImmutableList.<String>builder()
          .add("report.html", "setup.yaml")
          .addAll(ResultFiles.FILES)
          .build();

  /** What a comparison on several seeds adds. */
  private static final String[] REPLICATION_FILES = {
    "replications.csv", "replications.json", "sweep.csv"
  };

  private OutputFiles() {}

  static Path staging(Path out) throws IOException {
    Path taken = inTheWay(out);
    if (taken != null) {
      throw new IOException(
          taken.getFileName() + " in it is a directory, where a run writes a" + " file");
    }
    return Files.createTempDirectory(out, STAGING);
  }

  /** A name a run writes a file to that is a directory in {@code out}, or null when none is. */
  private static Path inTheWay(Path out) {
    for (String name : names()) {
      Path path = out.resolve(name);
      if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return path;
      }
    }
    return null;
  }

  /** Every name a run may write in the output directory. */
  private static List<String> names() {
    ImmutableList.Builder<String> names = ImmutableList.builder();
    for (String name : REPORT_FILES) {
      names.add(name, "compare-" + name);
    }
    return names.add(REPLICATION_FILES).build();
  }

  /**
   * Replaces the report files in {@code out} with those in {@code staging}, then removes it. The
   * previous run's files are first moved aside into a directory of their own in {@code out}, and
   * moved back if a new file cannot be moved in: the output directory then holds the previous
   * report, whole, and the exception says why.
   */
  static void publish(Path staging, Path out) throws IOException {
    synchronized (PUBLISHING) { // a stop waits for the files being moved, not half of them
      publishNow(staging, out);
    }
  }

  /** Held while a run's files are moved in, and by {@link #onExit} while it cleans up. */
  private static final Object PUBLISHING = new Object();

  /**
   * What the JVM runs when stopped (Ctrl-C) before the run's files are published: removes {@code
   * staging}, whatever was written to it, then runs {@code andThen}; the command registers it as a
   * shutdown hook for the run and removes it once done. After publishing, it finds no staging
   * directory left.
   */
  static Thread onExit(Path staging, Runnable andThen) {
    return new Thread(
        () -> {
          synchronized (PUBLISHING) {
            if (Files.exists(staging)) {
              discard(staging);
            }
          }
          andThen.run();
        },
        "gridgov-simulate-stopped");
  }

  private static void publishNow(Path staging, Path out) throws IOException {
    Path previous = Files.createTempDirectory(out, PREVIOUS);
    List<String> kept = new ArrayList<>();
    List<Path> placed = new ArrayList<>();
    try {
      for (String name : names()) {
        Path old = out.resolve(name);
        if (Files.exists(old, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.move(old, previous.resolve(name));
          kept.add(name);
        }
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
        for (Path file : files) {
          Path target = out.resolve(file.getFileName());
          Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
          placed.add(target);
        }
      }
    } catch (IOException | RuntimeException failed) {
      try {
        for (Path target : placed) {
          Files.deleteIfExists(target);
        }
        for (String name : kept) {
          Files.move(previous.resolve(name), out.resolve(name));
        }
        Files.delete(previous);
      } catch (IOException | RuntimeException restoring) {
        failed.addSuppressed(restoring); // the previous files are left where this names
      }
      throw failed;
    }
    discard(previous);
    Files.delete(staging);
  }

  /** Removes a staging directory and whatever was written to it. */
  static void discard(Path staging) {
    try (Stream<Path> all = Files.walk(staging)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover staging directory is named for what it is
    }
  }
}
