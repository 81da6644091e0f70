package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.junit.jupiter.api.Test;

/** The staffing's bounds, each accepted on it and refused past it by field. */
class StaffingTest {
  private static final Staffing DONGCHENG = Staffing.dongcheng();

  private static Staffing grids(int min, int max) {
    return new Staffing(min, max, "dongcheng", DONGCHENG.roleLines(), 4, 6, ImmutableMap.of());
  }

  @Test
  void maxGrids_fromMinGridsTo999_elseRefusedByField() {
    assertThat(grids(3, 3).maxGrids()).isEqualTo(3);
    assertThat(grids(1, 999).maxGrids()).isEqualTo(999);

    assertThatThrownBy(() -> grids(3, 2))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.staffing] maxGrids must be between minGrids and 999, was 2");
    assertThatThrownBy(() -> grids(1, 1000))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.staffing] maxGrids must be between minGrids and 999, was 1000");
  }

  @Test
  void withRoleLines_replacesEveryRolesLines_keepingTheRest() {
    LineId fire = LineId.of("fire");
    Staffing staffing = DONGCHENG.withRoleLines(Map.of(Role.GRID_MANAGER, Set.of(fire)));

    assertThat(staffing.roleLines()).containsOnlyKeys(Role.GRID_MANAGER);
    assertThat(staffing.roleLines().get(Role.GRID_MANAGER)).containsExactly(fire);
    assertThat(staffing.withRoleLines(Map.of()).roleLines()).isEmpty();
    assertThat(staffing)
        .usingRecursiveComparison()
        .ignoringFields("roleLines")
        .isEqualTo(DONGCHENG);
  }
}
