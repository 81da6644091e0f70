package org.gridgov.scoring.duty;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.scoring.Period;

/** Compliance of every unit with every duty of the policy over a period, by duty then unit. */
public record DutyReport(Period period, ImmutableList<DutyCompliance> compliance) {
  public DutyReport {
    compliance = ImmutableList.copyOf(compliance);
  }

  public Optional<DutyCompliance> find(String duty, AreaCode unit) {
    return compliance.stream()
        .filter(c -> c.duty().equals(duty) && c.unit().equals(unit))
        .findFirst();
  }

  public ImmutableList<DutyCompliance> of(String duty) {
    return compliance.stream()
        .filter(c -> c.duty().equals(duty))
        .collect(ImmutableList.toImmutableList());
  }
}
