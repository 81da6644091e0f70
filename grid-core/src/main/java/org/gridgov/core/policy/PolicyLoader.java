package org.gridgov.core.policy;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.PolicyFiles;

/**
 * Loads a {@link PolicySet} from YAML or JSON. The file is parsed with Jackson into a tree, mapped
 * field by field (unknown fields, wrong types, bad durations, levels and dates become violations),
 * then checked with Jakarta Validation and the cross-field rules. A bad file fails with one {@link
 * InvalidInputException} listing every violation, such as {@code escalation.quota.STREET: must be
 * between 0 and 1, was 1.5 [policy.share]}. A key given twice in one object is one of them ({@code
 * escalation.quota.STREET: is given more than once (again on line 15) [policy.syntax]}); the rest
 * of the file is checked with the last value given for it.
 */
public final class PolicyLoader {
  private PolicyLoader() {}

  public static PolicySet fromYaml(Reader reader, String sourceName) {
    return load(true, Objects.requireNonNull(reader, "reader"), sourceName);
  }

  public static PolicySet fromJson(Reader reader, String sourceName) {
    return load(false, Objects.requireNonNull(reader, "reader"), sourceName);
  }

  /** Reads {@code .yaml}/{@code .yml} as YAML and {@code .json} as JSON, in UTF-8. */
  public static PolicySet fromPath(Path path) {
    PolicyFiles.Text file = PolicyFiles.read(path, "policy", PolicyRules.SYNTAX);
    Reader reader = new StringReader(file.text());
    return file.yaml() ? fromYaml(reader, path.toString()) : fromJson(reader, path.toString());
  }

  /** Checks a policy built in code; returns it when valid, else throws listing every violation. */
  public static PolicySet validate(PolicySet policy) {
    List<Violation> violations = new ArrayList<>();
    check(policy, List.of(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("policy " + policy.id(), violations);
    }
    return policy;
  }

  private static PolicySet load(boolean yaml, Reader reader, String sourceName) {
    PolicyFiles.Tree file =
        PolicyFiles.tree(
            reader,
            yaml,
            sourceName,
            "policy",
            PolicyRules.SYNTAX,
            "a policy (id, version, effectiveFrom, ...)");
    PolicyTree tree = new PolicyTree();
    PolicySet policy = tree.read(file.root());
    List<Violation> unread = tree.reader().violations();
    List<Violation> violations = new ArrayList<>(file.repeatedKeys());
    violations.addAll(unread);
    if (policy != null) {
      check(policy, unread, violations);
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("policy " + sourceName, violations);
    }
    return policy;
  }

  /**
   * Adds to {@code violations} the constraint and cross-field ones at paths not in {@code unread},
   * the paths that failed to parse (a key given twice is checked with its last value).
   */
  private static void check(PolicySet policy, List<Violation> unread, List<Violation> violations) {
    List<Violation> more = new ArrayList<>(PolicyValidation.constraintViolations(policy));
    more.addAll(PolicyChecks.crossField(policy));
    List<Violation> parsed = List.copyOf(unread);
    for (Violation v : more) {
      if (parsed.stream().noneMatch(seen -> covers(seen.path(), v.path()))) {
        violations.add(v);
      }
    }
  }

  private static boolean covers(String reported, String path) {
    return path.equals(reported) || path.startsWith(reported + ".");
  }
}
