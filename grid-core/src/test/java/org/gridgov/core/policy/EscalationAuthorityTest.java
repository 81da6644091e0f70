package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

class EscalationAuthorityTest {
  private static final String POLICY =
      """
      id: t
      version: 1
      effectiveFrom: 2024-01-01
      zone: Asia/Shanghai
      source: test
      dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
      returns: { bounceLimit: 2 }
      verification: { maxReworks: 3 }
      escalation:
        mode: HARD
        quota: { GRID: 0.1 }
        authority:
          GRID: %s
      """;

  private static PolicySet load(String gridAuthority) {
    return PolicyLoader.fromYaml(new StringReader(POLICY.formatted(gridAuthority)), "t.yaml");
  }

  @Test
  void mayClose_gridListsPrefixes_onlyThoseCategoriesCloseAtTheGrid() {
    EscalationPolicy escalation = load("[E06, P0113]").escalation();

    assertThat(escalation.mayClose(Level.GRID, CategoryCode.parse("E0601"))).isTrue();
    assertThat(escalation.mayClose(Level.GRID, CategoryCode.parse("P0113"))).isTrue();
    assertThat(escalation.mayClose(Level.GRID, CategoryCode.parse("P0114"))).isFalse();
    assertThat(escalation.mayClose(Level.GRID, CategoryCode.parse("E0501"))).isFalse();
    assertThat(escalation.mayClose(Level.COMMUNITY, CategoryCode.parse("E0501")))
        .as("a level without an entry may close everything")
        .isTrue();
  }

  @Test
  void load_badPrefixOrType_listsEveryViolationByPath() {
    assertThatThrownBy(() -> load("[E06, X1, E0]"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("escalation.authority.GRID[1]: must be a category code prefix")
        .hasMessageContaining("escalation.authority.GRID[2]: must be a category code prefix");
    assertThatThrownBy(() -> load("E06"))
        .hasMessageContaining(
            "escalation.authority.GRID: must be a list of category code prefixes");
  }

  @Test
  void presets_haveNoClosingRestrictions() {
    assertThat(Presets.kaixuan().escalation().authority()).isEmpty();
  }
}
