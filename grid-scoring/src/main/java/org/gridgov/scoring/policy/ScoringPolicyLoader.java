package org.gridgov.scoring.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
 * [scoring.weight-sum]}.
 */
public final class ScoringPolicyLoader {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private ScoringPolicyLoader() {}

  public static ScoringPolicy fromYaml(Reader reader, String sourceName) {
    return load(YAML, reader, sourceName);
  }

  public static ScoringPolicy fromJson(Reader reader, String sourceName) {
    return load(JSON, reader, sourceName);
  }

  /**
   * Reads {@code .yaml}/{@code .yml} as YAML and {@code .json} as JSON, in UTF-8, as {@code
   * PolicyLoader.fromPath} reads a dispatch policy.
   *
   * @throws InvalidInputException ({@link ScoringRules#SYNTAX}) for another extension or text
   *     that is not UTF-8, and as {@link #fromYaml} for a bad policy
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
      throw new InvalidInputException("indicator settings", Violation.of("indicators",
          ScoringRules.REQUIRED, "is required", null));
    }
    List<Violation> violations = ScoringChecks.check(settings);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("indicator settings", violations);
    }
    return settings;
  }

  private static ScoringPolicy load(ObjectMapper mapper, Reader reader, String sourceName) {
    JsonNode root;
    try {
      root = mapper.readTree(reader);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InvalidInputException("scoring policy " + sourceName, Violation.of(
          sourceName + ":" + line, ScoringRules.SYNTAX, "is not valid: " + e.getOriginalMessage(), null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceName, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidInputException("scoring policy " + sourceName, Violation.of(sourceName,
          ScoringRules.SYNTAX, "is empty, expected a scoring policy (id, version, ...)", null));
    }
    ScoringTree tree = new ScoringTree();
    ScoringPolicy policy = tree.read(root);
    List<Violation> violations = new ArrayList<>(tree.reader().violations());
    if (policy != null) {
      List<Violation> parsed = List.copyOf(violations);
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
    return path.equals(reported) || path.startsWith(reported + ".") || reported.startsWith(path + ".")
        || reported.startsWith(path + "[");
  }
}
