package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.core.Directory;
import org.gridgov.core.spi.DirectoryStore;
import org.gridgov.core.spi.Revision;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.core.territory.Level;
import org.gridgov.tck.assertions.GridgovAssertions;
import org.gridgov.tck.fixtures.Directories;
import org.junit.jupiter.api.Test;

/** The directory as one snapshot, saved compare-and-set on its revision. */
public abstract class DirectoryStoreContract extends StorageContract {

  private DirectoryStore directory() {
    return storage.directory();
  }

  @Test
  void load_beforeTheFirstSave_empty() {
    assertThat(directory().load()).isEmpty();
    assertThat(directory().revision()).isZero();
  }

  @Test
  void revision_followsTheSaves_andARefusedSaveLeavesIt() {
    directory().save(Directories.jingfang(), 0);
    assertThat(directory().revision()).isEqualTo(1);
    directory().save(Directories.everyField(), 1);

    assertThatThrownBy(() -> directory().save(Directories.jingfang(), 1))
        .isInstanceOf(StaleVersionException.class);
    assertThat(directory().revision())
        .isEqualTo(2)
        .isEqualTo(directory().load().orElseThrow().revision());
  }

  @Test
  void save_thenLoad_sameDirectoryAtRevisionOne() {
    Directory saved = Directories.jingfang();

    assertThat(directory().save(saved, 0)).isEqualTo(1);

    Revision<Directory> loaded = directory().load().orElseThrow();
    assertThat(loaded.revision()).isEqualTo(1);
    GridgovAssertions.assertThat(loaded.value()).isEquivalentTo(saved);
  }

  @Test
  void save_everyFieldAndUnicodeNames_roundTrip() {
    directory().save(Directories.everyField(), 0);

    Directory loaded = directory().load().orElseThrow().value();
    GridgovAssertions.assertThat(loaded).isEquivalentTo(Directories.everyField());
    assertThat(loaded.territory().kindOf(AreaCode.of("330102011002099", Level.GRID)))
        .as("an area kind read back")
        .isEqualTo(AreaKind.FRINGE);
  }

  @Test
  void save_staleRevision_conflictAndNothingWritten() {
    directory().save(Directories.jingfang(), 0);

    assertThatThrownBy(() -> directory().save(Directories.everyField(), 0))
        .isInstanceOf(StaleVersionException.class)
        .hasMessage("directory directory is at version 1, the writer expected 0");
    assertThatThrownBy(() -> directory().save(Directories.everyField(), 2))
        .isInstanceOf(StaleVersionException.class);
    GridgovAssertions.assertThat(directory().load().orElseThrow().value())
        .isEquivalentTo(Directories.jingfang());

    assertThat(directory().save(Directories.everyField(), 1)).isEqualTo(2);
    Revision<Directory> latest = directory().load().orElseThrow();
    assertThat(latest.revision()).isEqualTo(2);
    GridgovAssertions.assertThat(latest.value()).isEquivalentTo(Directories.everyField());
  }

  @Test
  void save_eightAdministratorsAtOnce_oneWinsPerRevision() throws Exception {
    Directory directory = Directories.jingfang();
    AtomicInteger wins = new AtomicInteger();
    Races.run(
        8,
        1,
        (thread, i) -> {
          try {
            directory().save(directory, 0);
            wins.incrementAndGet();
          } catch (StaleVersionException expected) {
            assertThat(expected.actualVersion()).isEqualTo(1);
          }
        });

    assertThat(wins.get()).isEqualTo(1);
    assertThat(directory().load().orElseThrow().revision()).isEqualTo(1);
  }
}
