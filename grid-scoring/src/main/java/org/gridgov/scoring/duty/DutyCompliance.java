package org.gridgov.scoring.duty;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.scoring.indicator.Rate;

/**
 * One unit's compliance with one duty over a period: the slots due (days, or weeks named by their
 * Monday), the slots done (enough records filed), and the slots missed in date order.
 */
public record DutyCompliance(
    String duty, AreaCode unit, int due, int done, ImmutableList<LocalDate> missing) {
  public DutyCompliance {
    missing = ImmutableList.copyOf(missing);
  }

  /** done ÷ due. */
  public Rate rate() {
    return Rate.of(done, due);
  }
}
