package org.gridgov.core.people;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import org.gridgov.core.territory.AreaCode;

/** Every staffing gap found against one template, ordered by {@link StaffingGap#ORDER}. */
public record StaffingReport(String templateId, ImmutableList<StaffingGap> gaps) {
  public StaffingReport {
    Objects.requireNonNull(templateId, "templateId");
    gaps = ImmutableList.sortedCopyOf(StaffingGap.ORDER, gaps);
  }

  /** True when no gap was found. */
  public boolean isComplete() {
    return gaps.isEmpty();
  }

  public ImmutableList<StaffingGap> gapsIn(AreaCode grid) {
    return gaps.stream()
        .filter(g -> g.grid().equals(grid))
        .collect(ImmutableList.toImmutableList());
  }

  public ImmutableList<StaffingGap> gaps(GapKind kind) {
    return gaps.stream().filter(g -> g.kind() == kind).collect(ImmutableList.toImmutableList());
  }
}
