package org.gridgov.core.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import org.gridgov.core.InputRules;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class CodeSchemeTest {
  private static final AreaCode JINGFANG = AreaCode.parse("330102011002");

  @Test
  void grid_defaultScheme_zeroPadsToFifteenDigits() {
    assertThat(CodeScheme.DEFAULT.grid(JINGFANG, 7).value()).isEqualTo("330102011002007");
    assertThat(CodeScheme.DEFAULT.grid(JINGFANG, 999).value()).isEqualTo("330102011002999");
    assertThat(CodeScheme.DEFAULT.grid(JINGFANG, 1).level()).isEqualTo(Level.GRID);
  }

  @Test
  void grid_sequence1000_overflows() {
    Violation violation =
        refusal(
            () -> CodeScheme.DEFAULT.grid(JINGFANG, 1000),
            "GRID code under 330102011002",
            "sequence",
            InputRules.RANGE);
    assertThat(violation)
        .hasToString(
            "sequence: a GRID sequence runs from 1 to 999 under this scheme, was 1000 [input.range]");
  }

  @Test
  void grid_sequenceZero_isRefused() {
    assertThat(
            refusal(
                    () -> CodeScheme.DEFAULT.grid(JINGFANG, 0),
                    "GRID code under 330102011002",
                    "sequence",
                    InputRules.RANGE)
                .value())
        .isEqualTo("0");
  }

  @Test
  void grid_cjt213_usesTwoDigitsAndOverflowsAt100() {
    assertThat(CodeScheme.CJT_213.grid(JINGFANG, 7).value()).isEqualTo("33010201100207");
    assertThat(CodeScheme.CJT_213.length(Level.GRID)).isEqualTo(14);
    assertThat(CodeScheme.CJT_213.length(Level.MICRO_GRID)).isEqualTo(17);
    assertThat(
            refusal(
                    () -> CodeScheme.CJT_213.grid(JINGFANG, 100),
                    "GRID code under 330102011002",
                    "sequence",
                    InputRules.RANGE)
                .message())
        .contains("1 to 99 ");
    assertThat(
            refusal(
                    () -> CodeScheme.DEFAULT.microGrid(CodeScheme.DEFAULT.grid(JINGFANG, 1), 1000),
                    "MICRO_GRID code under 330102011002001",
                    "sequence",
                    InputRules.RANGE)
                .message())
        .contains("1 to 999 ");
  }

  @Test
  void grid_parentNotACommunity_isRefused() {
    Violation violation =
        refusal(
            () -> CodeScheme.DEFAULT.grid(AreaCode.parse("330102011"), 1),
            "GRID code under 330102011",
            "community",
            TerritoryRules.LEVEL_ORDER);
    assertThat(violation)
        .hasToString(
            "community: must be a COMMUNITY, was 330102011 (STREET) [territory.level-order]");
    refusal(
        () -> CodeScheme.DEFAULT.microGrid(JINGFANG, 1),
        "MICRO_GRID code under " + "330102011002",
        "grid",
        TerritoryRules.LEVEL_ORDER);
  }

  @Test
  void microGrid_defaultScheme_isEighteenDigits() {
    AreaCode grid = CodeScheme.DEFAULT.grid(JINGFANG, 1);

    assertThat(CodeScheme.DEFAULT.microGrid(grid, 3).value()).isEqualTo("330102011002001003");
    assertThat(CodeScheme.DEFAULT.problem(CodeScheme.DEFAULT.microGrid(grid, 3))).isEmpty();
  }

  @Test
  void microGrid_gridOfAnotherScheme_isRefusedNotGivenACodeTheSchemeRejects() {
    AreaCode fourteen = CodeScheme.CJT_213.grid(JINGFANG, 7);

    Violation violation =
        refusal(
            () -> CodeScheme.DEFAULT.microGrid(fourteen, 1),
            "MICRO_GRID code under 33010201100207",
            "grid",
            TerritoryRules.CODE_LENGTH);
    assertThat(violation.message())
        .isEqualTo(
            "must be a GRID of this scheme: a GRID code has 15 "
                + "digits under this scheme, was 14");
    assertThat(CodeScheme.CJT_213.microGrid(fourteen, 1).value()).isEqualTo("33010201100207001");
  }

  @Test
  void problem_lengthOfOtherScheme_isReported() {
    AreaCode fourteen = AreaCode.of("33010201100207", Level.GRID);

    assertThat(CodeScheme.DEFAULT.problem(fourteen))
        .hasValueSatisfying(p -> assertThat(p).contains("15 digits"));
    assertThat(CodeScheme.CJT_213.problem(fourteen)).isEmpty();
  }

  @Test
  void problem_microGridUnderZeroGrid_isReported() {
    AreaCode micro = AreaCode.of("330102011002000001", Level.MICRO_GRID);

    assertThat(CodeScheme.DEFAULT.problem(micro))
        .hasValueSatisfying(p -> assertThat(p).contains("must not be zero"));
  }

  @Test
  void problem_zeroMicroSequenceAfterThreeDigitGrid_isReportedByTheScheme() {
    AreaCode micro = AreaCode.of("330102011002001000", Level.MICRO_GRID);

    assertThat(CodeScheme.DEFAULT.problem(micro))
        .hasValueSatisfying(p -> assertThat(p).contains("must not be zero"));
  }

  @Test
  void new_gridDigitsOutOfRange_isRefusedWithRuleId() {
    assertThatThrownBy(() -> new CodeScheme(4, 3))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("[territory.code-scheme] gridDigits");
  }
}
