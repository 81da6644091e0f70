package org.gridgov.core.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.Directory;
import org.gridgov.core.Violation;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.line.Lines;
import org.gridgov.core.territory.Level;

/**
 * The places where a policy names lines and categories a directory does not hold. A policy file is
 * read on its own, so its reader can check a line id's form and a category code's shape, not that
 * the district has them; a row naming a line nobody has, or a category prefix no category starts
 * with, then never applies, and a study of the policy finds it has no effect. Checked against a
 * directory: a time-limit row's line and category, a per-category deadline's code and a level's
 * closing authority's prefixes.
 *
 * <p>Whether such a reference is an error depends on where the policy is used: a policy shared by
 * districts whose catalogues differ may name categories one of them lacks. The governance facade
 * logs them as warnings, when built and when it takes up a directory revision or a policy version;
 * the simulator, whose districts have the standard lines and catalogue, refuses them.
 */
public final class PolicyReferences {
  private PolicyReferences() {}

  /**
   * Every line and category {@code policy} names that {@code directory} lacks, as violations by
   * policy path ({@code dispatch.timeLimits[2].line}) with {@link PolicyRules#UNKNOWN_LINE} or
   * {@link PolicyRules#UNKNOWN_CATEGORY}; empty when all are known.
   */
  public static ImmutableList<Violation> unknownIn(PolicySet policy, Directory directory) {
    Objects.requireNonNull(directory, "directory");
    return unknownIn(policy, directory.lines(), directory.catalogue());
  }

  /** As {@link #unknownIn(PolicySet, Directory)}, against {@code lines} and {@code catalogue}. */
  public static ImmutableList<Violation> unknownIn(
      PolicySet policy, Lines lines, CategoryCatalogue catalogue) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(catalogue, "catalogue");
    List<Violation> unknown = new ArrayList<>();
    DispatchPolicy dispatch = policy.dispatch();
    for (CategoryCode code : dispatch.categoryDeadlines().keySet()) {
      if (catalogue.find(code).isEmpty()) {
        unknown.add(
            Violation.of(
                "dispatch.categoryDeadlines." + code,
                PolicyRules.UNKNOWN_CATEGORY,
                "is not a category of the directory's catalogue",
                code));
      }
    }
    for (int i = 0; i < dispatch.timeLimits().size(); i++) {
      TimeLimit row = dispatch.timeLimits().get(i);
      String at = "dispatch.timeLimits[" + i + "]";
      row.category()
          .filter(prefix -> !startsAny(catalogue, prefix))
          .ifPresent(
              prefix ->
                  unknown.add(
                      Violation.of(
                          at + ".category",
                          PolicyRules.UNKNOWN_CATEGORY,
                          "starts no category of the directory's catalogue",
                          prefix)));
      row.line()
          .filter(line -> lines.find(line).isEmpty())
          .ifPresent(
              line ->
                  unknown.add(
                      Violation.of(
                          at + ".line",
                          PolicyRules.UNKNOWN_LINE,
                          "is not a line of the directory",
                          line)));
    }
    for (Map.Entry<Level, ImmutableSet<String>> entry :
        policy.escalation().authority().entrySet()) {
      int j = 0;
      for (String prefix : entry.getValue()) {
        if (!startsAny(catalogue, prefix)) {
          unknown.add(
              Violation.of(
                  "escalation.authority." + entry.getKey() + "[" + j + "]",
                  PolicyRules.UNKNOWN_CATEGORY,
                  "starts no category of the directory's catalogue",
                  prefix));
        }
        j++;
      }
    }
    return ImmutableList.copyOf(unknown);
  }

  private static boolean startsAny(CategoryCatalogue catalogue, String prefix) {
    for (Category category : catalogue.all()) {
      if (category.code().toString().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
