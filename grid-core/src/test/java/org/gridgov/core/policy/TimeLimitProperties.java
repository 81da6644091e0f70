package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.policy.TimeLimit.Grade;
import org.gridgov.core.territory.AreaKind;

/**
 * The resolution of a time-limit table against a plain reading of its rule: among the matching
 * rows, order by category prefix length, then line named, then source named, then grade named, then
 * area kind named, and take the first; a categoryDeadlines entry ranks as a row naming the whole
 * code; a row naming a category sets the limit, any other is capped by the catalogue's own limit.
 */
class TimeLimitProperties {
  private static final CategoryCatalogue CATALOGUE = CategoryCatalogue.standard();
  private static final List<String> PREFIXES =
      List.of("E", "E0", "E01", "E0101", "E06", "E0601", "P", "P01", "P0102");
  private static final List<String> CODES = List.of("E0101", "E0601", "E0602", "P0101", "P0102");
  private static final List<LineId> LINES =
      List.of(LineId.of("urban-management"), LineId.of("traffic-police"), LineId.of("water"));
  private static final Comparator<TimeLimit> MOST_SPECIFIC_FIRST =
      Comparator.comparingInt((TimeLimit r) -> r.category().map(String::length).orElse(0))
          .thenComparing(r -> r.line().isPresent())
          .thenComparing(r -> r.source().isPresent())
          .thenComparing(r -> r.grade().isPresent())
          .thenComparing(r -> r.areaKind().isPresent())
          .reversed();

  @Provide
  Arbitrary<List<TimeLimit>> tables() {
    Arbitrary<TimeLimit> row =
        Combinators.combine(
                Arbitraries.of(PREFIXES).optional(0.6),
                Arbitraries.of(LINES).optional(0.3),
                Arbitraries.of(Source.class).optional(0.3),
                Arbitraries.of(Grade.class).optional(0.5),
                Arbitraries.of(AreaKind.class).optional(0.5),
                Arbitraries.integers().between(1, 200))
            .as((c, l, s, g, k, h) -> new TimeLimit(c, l, s, g, k, Duration.ofHours(h)))
            .filter(r -> r.specificity() > 0);
    return row.list()
        .ofMaxSize(12)
        .map(
            rows -> {
              List<TimeLimit> distinct = new ArrayList<>();
              for (TimeLimit r : rows) {
                if (distinct.stream().noneMatch(d -> d.sameKeys(r))) {
                  distinct.add(r);
                }
              }
              return distinct;
            });
  }

  @Property(tries = 500)
  void theMostSpecificMatchingRowCounts(
      @ForAll("tables") List<TimeLimit> rows,
      @ForAll("codes") String code,
      @ForAll("lines") LineId line,
      @ForAll Source source,
      @ForAll Grade grade,
      @ForAll AreaKind kind,
      @ForAll boolean override) {
    Category category = CATALOGUE.require(CategoryCode.parse(code));
    ImmutableMap<CategoryCode, Duration> deadlines =
        override && rows.stream().noneMatch(r -> r.onlyFor(category.code()))
            ? ImmutableMap.of(category.code(), Duration.ofHours(321))
            : ImmutableMap.of();
    DispatchPolicy policy =
        new DispatchPolicy(
                Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(24), deadlines)
            .withTimeLimits(rows);

    List<TimeLimit> candidates =
        new ArrayList<>(
            rows.stream()
                .filter(r -> r.line().map(line::equals).orElse(true))
                .filter(r -> r.source().map(s -> s == source).orElse(true))
                .filter(r -> r.grade().map(g -> g == grade).orElse(true))
                .filter(r -> r.areaKind().map(k -> k == kind).orElse(true))
                .filter(r -> r.category().map(code::startsWith).orElse(true))
                .toList());
    deadlines.forEach(
        (c, d) ->
            candidates.add(
                new TimeLimit(Optional.of(c.toString()), Optional.empty(), Optional.empty(), d)));
    candidates.sort(MOST_SPECIFIC_FIRST);
    Duration own = category.handlingDeadline();
    Duration expected;
    if (candidates.isEmpty()) {
      expected = min(own, Duration.ofHours(72));
    } else if (candidates.get(0).category().isPresent()) {
      expected = candidates.get(0).replyWithin();
    } else {
      expected = min(own, candidates.get(0).replyWithin());
    }

    assertThat(policy.deadlineFor(category, line, source, grade, kind)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> codes() {
    return Arbitraries.of(CODES);
  }

  @Provide
  Arbitrary<LineId> lines() {
    return Arbitraries.of(LINES);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
