package org.gridgov.scoring.indicator;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;
import org.gridgov.scoring.policy.IndicatorSettings;

/** The indicators of every unit seen in one period, in unit order (kind, then id). */
public record IndicatorReport(
    Period period, IndicatorSettings settings, ImmutableSortedMap<UnitRef, UnitIndicators> units) {

  /** The unit's indicators; all zero when the unit was not seen. */
  public UnitIndicators unit(UnitRef unit) {
    UnitIndicators found = units.get(unit);
    return found != null ? found : UnitIndicators.empty(unit, settings.lateReplyCredit());
  }

  public UnitIndicators worker(WorkerId worker) {
    return unit(UnitRef.worker(worker));
  }

  /** A grid, community or street by its code. */
  public UnitIndicators area(AreaCode area) {
    return unit(UnitRef.area(area));
  }

  public UnitIndicators line(LineId line) {
    return unit(UnitRef.line(line));
  }

  /** Every unit of {@code kind}, by id. */
  public ImmutableList<UnitIndicators> of(UnitKind kind) {
    return units.values().stream()
        .filter(u -> u.unit().kind() == kind)
        .collect(ImmutableList.toImmutableList());
  }
}
