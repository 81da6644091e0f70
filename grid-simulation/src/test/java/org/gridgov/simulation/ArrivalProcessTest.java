package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArrivalProcessTest {
  /**
   * The local hour and weekday the thinning uses agree with the zone's date-time for any instant:
   * before 1970 too, and across daylight-saving changes (Beijing kept them from 1986 to 1991).
   */
  @ParameterizedTest
  @ValueSource(strings = {"Asia/Shanghai", "Europe/Berlin", "America/St_Johns", "UTC"})
  void localSlot_agreesWithTheZonesDateTime(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    SplittableRandom random = new SplittableRandom(zoneId.hashCode());
    long from = Instant.parse("1950-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
      ZonedDateTime local = t.atZone(zone);
      int slot = ArrivalProcess.localSlot(zone.getRules(), t);
      assertThat(slot % 24).as("hour of %s", t).isEqualTo(local.getHour());
      assertThat(slot / 24).as("weekday of %s", t)
          .isEqualTo(local.getDayOfWeek().getValue() - 1);
    }
  }
}
