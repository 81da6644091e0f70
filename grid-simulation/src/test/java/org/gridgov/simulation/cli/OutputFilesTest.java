package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a run's files: all of the new report, or the previous one whole. */
class OutputFilesTest {
  @TempDir Path out;

  @Test
  void publish_replacesThePreviousReport_andLeavesNothingElse() throws IOException {
    Files.writeString(out.resolve("report.html"), "old");
    Files.writeString(out.resolve("compare-days.csv"), "old"); // a comparison the new run lacks
    Files.writeString(out.resolve("notes.txt"), "the user's");
    Path staging = OutputFiles.staging(out);
    Files.writeString(staging.resolve("report.html"), "new");
    Files.writeString(staging.resolve("days.csv"), "new");

    OutputFiles.publish(staging, out);

    assertThat(out.resolve("report.html")).hasContent("new");
    assertThat(out.resolve("days.csv")).hasContent("new");
    assertThat(out.resolve("compare-days.csv")).doesNotExist();
    assertThat(out.resolve("notes.txt")).hasContent("the user's");
    assertThat(names()).containsExactlyInAnyOrder("report.html", "days.csv", "notes.txt");
  }

  @Test
  void publish_aFileThatCannotBeMovedIn_leavesThePreviousReportWhole() throws IOException {
    Files.writeString(out.resolve("report.html"), "old");
    Files.writeString(out.resolve("days.csv"), "old");
    Files.createDirectories(out.resolve("extra/inside")); // not the report's: never moved aside
    Path staging = OutputFiles.staging(out);
    Files.writeString(staging.resolve("report.html"), "new");
    Files.createDirectories(staging.resolve("extra")); // cannot replace a non-empty directory

    // before the fix: the old files were deleted first, and the report was left half gone
    assertThatThrownBy(() -> OutputFiles.publish(staging, out))
        .isInstanceOf(DirectoryNotEmptyException.class);

    assertThat(out.resolve("report.html")).hasContent("old");
    assertThat(out.resolve("days.csv")).hasContent("old");
    assertThat(names()).filteredOn(name -> name.startsWith(".gridgov-previous-")).isEmpty();
  }

  @Test
  void staging_aDirectoryWhereTheReportWritesAFile_refusedBeforeTheRun() throws IOException {
    Files.createDirectories(out.resolve("workers.csv/x"));
    Files.writeString(out.resolve("report.html"), "old");

    assertThatThrownBy(() -> OutputFiles.staging(out))
        .isInstanceOf(IOException.class)
        .hasMessage("workers.csv in it is a directory, where a run writes a file");
    assertThat(out.resolve("report.html")).hasContent("old");
    assertThat(names()).containsExactlyInAnyOrder("workers.csv", "report.html");
  }

  @Test
  void onExit_aRunStoppedBeforePublishing_leavesNoStagingDirectoryBehind() throws Exception {
    // before the fix: each run stopped by Ctrl-C left a .gridgov-staging-* directory in --out
    Files.writeString(out.resolve("report.html"), "old");
    Path staging = OutputFiles.staging(out);
    Files.writeString(staging.resolve("report.html"), "half");
    Thread onExit = OutputFiles.onExit(staging, () -> {});

    onExit.start(); // as the JVM starts it when stopped
    onExit.join();

    assertThat(names()).containsExactly("report.html");
    assertThat(out.resolve("report.html")).hasContent("old");
  }

  @Test
  void onExit_afterPublishing_leavesThePublishedReport() throws Exception {
    Path staging = OutputFiles.staging(out);
    Files.writeString(staging.resolve("report.html"), "new");
    java.util.List<String> after = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread onExit = OutputFiles.onExit(staging, () -> after.add("ran"));
    OutputFiles.publish(staging, out);

    onExit.start();
    onExit.join();

    assertThat(names()).containsExactly("report.html");
    assertThat(out.resolve("report.html")).hasContent("new");
    assertThat(after).containsExactly("ran");
  }

  private java.util.List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }
}
