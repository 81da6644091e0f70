package org.gridgov.scoring.policy;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.PolicyFiles;

/**
 * Loads a {@link ScoringPolicy} from YAML or JSON, like grid-core's {@code PolicyLoader}: the tree
 * is read field by field, then checked; a bad file fails with one {@link InvalidInputException}
 * listing every violation by path, such as {@code score: weights must add up to 1, was 0.9
 * [scoring.weight-sum]}; a key given twice in one object is one of them ({@code scoring.syntax}),
 * the rest of the file checked with the last value given for it.
 */
public final class ScoringPolicyLoader {
  private ScoringPolicyLoader() {}

  public static ScoringPolicy fromYaml(Reader reader, String sourceName) {
    return load(true, reader, sourceName);
  }

  public static ScoringPolicy fromJson(Reader reader, String sourceName) {
    return load(false, reader, sourceName);
  }

  /**
   * Reads {@code .yaml}/{@code .yml} as YAML and {@code .json} as JSON, in UTF-8, as {@code
   * PolicyLoader.fromPath} reads a dispatch policy.
   *
   * @throws InvalidInputException ({@link ScoringRules#SYNTAX}) for another extension or text that
   *     is not UTF-8, and as {@link #fromYaml} for a bad policy
   */
  public static ScoringPolicy fromPath(Path path) {
    PolicyFiles.Text file = PolicyFiles.read(path, "scoring policy", ScoringRules.SYNTAX);
    Reader reader = new StringReader(file.text());
    return file.yaml() ? fromYaml(reader, path.toString()) : fromJson(reader, path.toString());
  }

  /** Checks a policy built in code; returns it when valid, else throws listing every violation. */
  public static ScoringPolicy validate(ScoringPolicy policy) {
    List<Violation> violations = ScoringChecks.check(policy);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("scoring policy " + policy.id(), violations);
    }
    return policy;
  }

  /**
   * Checks indicator settings built in code (as {@link #validate(ScoringPolicy)} checks a policy's,
   * at the same {@code indicators.*} paths); returns them when valid, else throws listing every
   * violation.
   */
  public static IndicatorSettings validate(IndicatorSettings settings) {
    if (settings == null) {
      throw new InvalidInputException(
          "indicator settings",
          Violation.of("indicators", ScoringRules.REQUIRED, "is required", null));
    }
    List<Violation> violations = ScoringChecks.check(settings);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("indicator settings", violations);
    }
    return settings;
  }

  private static ScoringPolicy load(boolean yaml, Reader reader, String sourceName) {
    PolicyFiles.Tree file =
        PolicyFiles.tree(
            reader,
            yaml,
            sourceName,
            "scoring policy",
            ScoringRules.SYNTAX,
            "a scoring policy (id, version, ...)");
    ScoringTree tree = new ScoringTree();
    ScoringPolicy policy = tree.read(file.root());
    List<Violation> parsed = List.copyOf(tree.reader().violations());
    List<Violation> violations = new ArrayList<>(file.repeatedKeys());
    violations.addAll(parsed);
    if (policy != null) {
      for (Violation more : ScoringChecks.check(policy)) {
        if (parsed.stream().noneMatch(seen -> covers(seen.path(), more.path()))) {
          violations.add(more);
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("scoring policy " + sourceName, violations);
    }
    return policy;
  }

  private static boolean covers(String reported, String path) {
    return path.equals(reported)
        || path.startsWith(reported + ".")
        || reported.startsWith(path + ".")
        || reported.startsWith(path + "[");
  }
}
