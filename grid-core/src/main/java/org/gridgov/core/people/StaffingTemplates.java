package org.gridgov.core.people;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.internal.ParseErrors;

/**
 * The staffing templates shipped in {@code org/gridgov/core/people/staffing-templates.yaml}, and a
 * loader for a user's own file of the same shape:
 *
 * <pre>
 * templates:
 *   - id: kaixuan            # letters, digits, . _ : -
 *     name: 一格五员
 *     source: Kaixuan street, Shangcheng, Hangzhou
 *     gridsWithinUnit: true  # optional, default true
 *     requirements:
 *       - { role: social-worker, minimumPerGrid: 2 }
 * </pre>
 */
public final class StaffingTemplates {
  public static final RuleId SYNTAX = RuleId.of("staffing.syntax");
  public static final RuleId UNKNOWN_FIELD = RuleId.of("staffing.unknown-field");
  public static final RuleId MISSING_FIELD = RuleId.of("staffing.missing-field");
  public static final RuleId INVALID_VALUE = RuleId.of("staffing.invalid-value");
  public static final RuleId NEGATIVE_MINIMUM = RuleId.of("staffing.negative-minimum");
  public static final RuleId DUPLICATE_ROLE = RuleId.of("staffing.duplicate-role");
  public static final RuleId DUPLICATE_TEMPLATE = RuleId.of("staffing.duplicate-template");

  /** Refuses a key given twice (the last would silently win). */
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ImmutableList<StaffingTemplate> SHIPPED = shipped();

  private StaffingTemplates() {}

  /** Kaixuan's 一格五员, with at least two social workers a grid. */
  public static StaffingTemplate kaixuan() {
    return byId("kaixuan");
  }

  /** Dongcheng's 7 + X, with at least two social workers a grid. */
  public static StaffingTemplate dongcheng() {
    return byId("dongcheng");
  }

  /** Yangling's one full-time grid worker and at least two information officers a grid. */
  public static StaffingTemplate yangling() {
    return byId("yangling");
  }

  public static ImmutableList<StaffingTemplate> all() {
    return SHIPPED;
  }

  /**
   * Reads a templates file.
   *
   * @throws InvalidInputException listing every problem (path such as {@code
   *     templates[0].requirements[2].minimumPerGrid}); no template is returned
   */
  public static ImmutableList<StaffingTemplate> load(Reader reader) {
    Objects.requireNonNull(reader, "reader");
    JsonNode root;
    try {
      root = YAML.readTree(reader);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "staffing templates",
          Violation.of(
              "line " + ParseErrors.line(e),
              SYNTAX,
              "malformed YAML: " + ParseErrors.message(e),
              null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read staffing templates", e);
    }
    List<Violation> violations = new ArrayList<>();
    List<StaffingTemplate> templates = new ArrayList<>();
    if (root == null || !root.isObject()) {
      violations.add(
          Violation.of("templates", MISSING_FIELD, "expected a map with 'templates'", null));
    } else {
      unknownFields(root, "", Set.of("templates"), violations);
      JsonNode list = root.path("templates");
      if (!list.isArray()) {
        violations.add(
            Violation.of("templates", MISSING_FIELD, "must be a list of templates", null));
      } else {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          templates.add(
              StaffingTemplateReader.read(list.get(i), "templates[" + i + "]", violations));
          String id = list.get(i).path("id").asText("").strip();
          if (!id.isEmpty() && !ids.add(id)) {
            violations.add(
                Violation.of(
                    "templates[" + i + "].id", DUPLICATE_TEMPLATE, "template id used twice", id));
          }
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("staffing templates", violations);
    }
    return ImmutableList.copyOf(templates);
  }

  static void unknownFields(JsonNode node, String path, Set<String> known, List<Violation> out) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        out.add(
            Violation.of(
                path.isEmpty() ? name : path + "." + name,
                UNKNOWN_FIELD,
                "unknown field; known: " + known.stream().sorted().toList(),
                null));
      }
    }
  }

  static boolean isToken(String value) {
    return Ids.isToken(value);
  }

  private static StaffingTemplate byId(String id) {
    return SHIPPED.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private static ImmutableList<StaffingTemplate> shipped() {
    InputStream in = StaffingTemplates.class.getResourceAsStream("staffing-templates.yaml");
    if (in == null) {
      throw new IllegalStateException("missing resource staffing-templates.yaml");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
