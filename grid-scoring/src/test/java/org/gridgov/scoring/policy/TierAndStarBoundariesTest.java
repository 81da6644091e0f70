package org.gridgov.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The scores and points where a pay tier or a star level changes: tiers are half-open [min, max)
 * but the last also holds 100; a star level is reached at its minPoints.
 */
class TierAndStarBoundariesTest {
  private static final GradedPayPolicy THREE_TIERS =
      new GradedPayPolicy(
          new BigDecimal("0.40"),
          ImmutableList.of(
              Tier.factor("0", "60", "0.5"),
              Tier.factor("60", "80", "1.0"),
              Tier.factor("80", "100", "1.2")));

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  @Test
  void holds_minInclusive_maxExclusiveUnlessLast() {
    Tier tier = Tier.factor("60", "80", "1.0");

    assertThat(tier.holds(dec("60"), false)).isTrue();
    assertThat(tier.holds(dec("59.99"), false)).isFalse();
    assertThat(tier.holds(dec("79.99"), false)).isTrue();
    assertThat(tier.holds(dec("80"), false)).isFalse();
    assertThat(tier.holds(dec("80"), true)).as("the top tier holds its max").isTrue();
    assertThat(tier.holds(dec("80.01"), true)).isFalse();
    assertThat(tier.holds(dec("59.99"), true)).isFalse();
  }

  @Test
  void tierOf_eachBoundaryInTheTierItOpens_hundredInTheLast() {
    assertThat(THREE_TIERS.tierOf(dec("0"))).isZero();
    assertThat(THREE_TIERS.tierOf(dec("59.99"))).isZero();
    assertThat(THREE_TIERS.tierOf(dec("60"))).isEqualTo(1);
    assertThat(THREE_TIERS.tierOf(dec("80"))).isEqualTo(2);
    assertThat(THREE_TIERS.tierOf(dec("100"))).isEqualTo(2);
    assertThat(THREE_TIERS.tierOf(dec("100.00"))).isEqualTo(2);
    assertThatThrownBy(() -> THREE_TIERS.tierOf(dec("100.01")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("graded pay tiers");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("score");
                        assertThat(v.rule()).isEqualTo("scoring.tier-gap");
                        assertThat(v.value()).isEqualTo("100.01");
                      });
            });
  }

  @Test
  void tierOf_scoreInAGapOfTiersBuiltInCode_refusedAsTheGap() {
    GradedPayPolicy gap =
        new GradedPayPolicy(
            new BigDecimal("0.40"),
            ImmutableList.of(Tier.factor("0", "60", "0.5"), Tier.factor("70", "100", "1.0")));

    assertThatThrownBy(() -> gap.tierOf(dec("65")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("score");
                          assertThat(v.rule()).isEqualTo("scoring.tier-gap");
                          assertThat(v.message()).isEqualTo("is held by no pay tier");
                        }));
  }

  @Test
  void starsFor_levelReachedAtItsMinimum() {
    PointsPolicy points =
        new PointsPolicy(
            ImmutableMap.of(),
            ImmutableMap.of(),
            ImmutableList.of(new StarLevel(1, 20), new StarLevel(2, 50), new StarLevel(3, 100)));

    assertThat(points.starsFor(0)).isZero();
    assertThat(points.starsFor(19)).isZero();
    assertThat(points.starsFor(20)).isEqualTo(1);
    assertThat(points.starsFor(49)).isEqualTo(1);
    assertThat(points.starsFor(50)).isEqualTo(2);
    assertThat(points.starsFor(100)).isEqualTo(3);
    assertThat(points.starsFor(1_000)).isEqualTo(3);
  }
}
