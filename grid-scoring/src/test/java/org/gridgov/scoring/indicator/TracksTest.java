package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.IncidentId;
import org.junit.jupiter.api.Test;

class TracksTest {

  private static IncidentTrack track(String id) {
    return new IncidentTrack(IncidentId.of(id), new Tally[0], false, true, null);
  }

  private static List<IncidentTrack> all(Tracks tracks) {
    List<IncidentTrack> all = new ArrayList<>();
    tracks.forEach(all::add);
    return all;
  }

  @Test
  void add_fiveThousand_eachFoundByAnEqualIdThroughTheGrowths() {
    Tracks tracks = new Tracks();
    List<IncidentTrack> added = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      IncidentTrack k = track("I" + i);
      assertThat(tracks.add(k)).isTrue();
      added.add(k);
    }

    for (int i = 0; i < 5000; i++) {
      assertThat(tracks.get(IncidentId.of("I" + i))).isSameAs(added.get(i));
    }
    assertThat(tracks.get(IncidentId.of("I5000"))).isNull();
    assertThat(all(tracks)).containsExactlyInAnyOrderElementsOf(added);
  }

  @Test
  void add_sameIncidentTwice_keepsTheFirst() {
    Tracks tracks = new Tracks();
    IncidentTrack first = track("I1");
    tracks.add(first);

    assertThat(tracks.add(track("I1"))).isFalse();
    assertThat(tracks.get(IncidentId.of("I1"))).isSameAs(first);
    assertThat(all(tracks)).containsExactly(first);
  }

  @Test
  void remove_headMiddleAndTailOfOneChain_leavesTheOthers() {
    // "Aa" and "BB" have the same String hash, so these four ids share one slot.
    Tracks tracks = new Tracks();
    IncidentTrack a = track("AaAa");
    IncidentTrack b = track("AaBB");
    IncidentTrack c = track("BBAa");
    IncidentTrack d = track("BBBB");
    List.of(a, b, c, d).forEach(tracks::add);

    tracks.remove(c);
    tracks.remove(d);
    tracks.remove(a);

    assertThat(tracks.get(IncidentId.of("AaAa"))).isNull();
    assertThat(tracks.get(IncidentId.of("BBAa"))).isNull();
    assertThat(tracks.get(IncidentId.of("BBBB"))).isNull();
    assertThat(tracks.get(IncidentId.of("AaBB"))).isSameAs(b);
    assertThat(all(tracks)).containsExactly(b);
    assertThat(tracks.add(track("BBAa"))).as("a removed incident may be filed again").isTrue();
  }

  @Test
  void clear_forgetsEveryTrack() {
    Tracks tracks = new Tracks();
    for (int i = 0; i < 2000; i++) {
      tracks.add(track("I" + i));
    }

    tracks.clear();

    assertThat(all(tracks)).isEmpty();
    assertThat(tracks.get(IncidentId.of("I7"))).isNull();
  }
}
