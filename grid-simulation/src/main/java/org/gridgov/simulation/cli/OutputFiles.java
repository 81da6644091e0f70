package org.gridgov.simulation.cli;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gridgov.simulation.report.ResultFiles;

/**
 * A run's files are written to a staging directory inside the output directory and moved into
 * place together, replacing the previous run's: a failed run leaves the previous report whole, and
 * a run without a comparison (or without replications) leaves no {@code compare-*} (or {@code
 * replications.*}) file of an earlier one behind.
 */
final class OutputFiles {
  private static final String STAGING = ".gridgov-staging-";
  /** What a run writes (the H2 store's files, kept next to them, are not the report's). */
  private static final List<String> REPORT_FILES = ImmutableList.<String>builder()
      .add("report.html", "setup.yaml").addAll(ResultFiles.FILES).build();
  /** What a comparison on several seeds adds. */
  private static final String[] REPLICATION_FILES = {"replications.csv", "replications.json",
      "sweep.csv"};

  private OutputFiles() {}

  static Path staging(Path out) throws IOException {
    return Files.createTempDirectory(out, STAGING);
  }

  /** Replaces the report files in {@code out} with those in {@code staging}, then removes it. */
  static void publish(Path staging, Path out) throws IOException {
    for (String name : REPORT_FILES) {
      Files.deleteIfExists(out.resolve(name));
      Files.deleteIfExists(out.resolve("compare-" + name));
    }
    for (String name : REPLICATION_FILES) {
      Files.deleteIfExists(out.resolve(name));
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
      for (Path file : files) {
        Files.move(file, out.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.delete(staging);
  }

  /** Removes a staging directory and whatever was written to it. */
  static void discard(Path staging) {
    try (Stream<Path> all = Files.walk(staging)) {
      all.sorted(Comparator.reverseOrder()).forEach(path -> {
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
