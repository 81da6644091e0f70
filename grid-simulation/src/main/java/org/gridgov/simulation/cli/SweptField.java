package org.gridgov.simulation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.simulation.SimulationConfig;
import org.gridgov.simulation.SimulationSetup;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * One field of a setup or a policy and the values a sweep gives it ({@code --sweep-field
 * staffing.perStreetLine=2,4,8}, {@code --sweep-policy-field dispatch.claimWindow=12h,24h}). Each
 * value is laid over the base as a file of that one field would be, and read by the setup or policy
 * reader, so a field or value it refuses is refused naming its path.
 *
 * @param option the option's name, for messages
 * @param field the field's path, its parts joined by dots
 * @param values the values, 2 to 20 (the sweep's own check)
 */
record SweptField(String option, String field, List<String> values) {
  /** A value: one YAML scalar, a number or a word (no quotes, lists or maps). */
  private static final Pattern VALUE = Pattern.compile("-?\\.?[A-Za-z0-9][A-Za-z0-9._+-]*");

  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * Parses {@code text}, {@code FIELD=V1,V2,...}: the field must match {@code fields} (described by
   * {@code example}) and each value be one number or word; else a bad option.
   */
  static SweptField parse(
      String option, String text, Pattern fields, String example, CommandLine commandLine) {
    int equals = text.indexOf('=');
    String field = equals < 0 ? "" : text.substring(0, equals);
    if (!fields.matcher(field).matches()) {
      throw new ParameterException(
          commandLine, option + " must be FIELD=V1,V2,... with FIELD " + example + ", was " + text);
    }
    List<String> values = List.of(text.substring(equals + 1).split(",", -1));
    for (String value : values) {
      // null would read as no value at all: the field would silently keep the base's
      if (!VALUE.matcher(value).matches() || value.equalsIgnoreCase("null")) {
        throw new ParameterException(
            commandLine,
            option
                + " "
                + field
                + ": each value must be"
                + " one number or word (a duration, a line, a level), was '"
                + value
                + "'");
      }
    }
    checkOnce(commandLine, option + " " + field, values);
    return new SweptField(option, field, values);
  }

  /**
   * Refuses a value {@code values} repeats, naming {@code what} (the option, and the field when
   * there is one): it would run twice under one label.
   */
  static void checkOnce(CommandLine commandLine, String what, List<String> values) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String value : values) {
      if (!seen.add(value)) {
        throw new ParameterException(
            commandLine, what + ": each value must be given once, was '" + value + "' twice");
      }
    }
  }

  /**
   * The name of {@code value}'s variant: the field without its section and the value ({@code
   * perStreetLine-8}, {@code quota.GRID-0.05}), after {@code prefix} and a dot when there is one,
   * cut to 64 characters, each character a name cannot hold made an underscore.
   */
  String name(String prefix, String value) {
    String leaf = field.substring(field.indexOf('.') + 1);
    String name =
        (prefix.isEmpty() ? "" : prefix + ".")
            + leaf
            + "-"
            + value.replaceAll("[^A-Za-z0-9._-]", "_");
    return name.substring(0, Math.min(name.length(), 64));
  }

  /**
   * {@code base} with the field set to {@code value}, named after the base's setup and both. A
   * map's entry ({@code visiting.perRole.police-officer}) is set in a copy of the base's whole map,
   * since a setup file's map replaces the base's: the other entries keep their values.
   */
  SimulationConfig setup(SimulationConfig base, String value) {
    ObjectNode root = YAML.createObjectNode();
    root.put("name", name(base.setup(), value));
    String[] parts = field.split("\\.");
    if (parts.length == 3) {
      JsonNode map = read(SimulationSetup.toYaml(base)).path(parts[0]).path(parts[1]);
      if (map.isObject()) { // else not a map: the reader refuses the field by its path
        root.putObject(parts[0]).set(parts[1], map.deepCopy());
      }
    }
    set(root, value);
    return SimulationSetup.fromYaml(new StringReader(write(root)), option + " " + field, base);
  }

  /**
   * The policy {@code baseText} (the YAML or JSON of a valid policy whose id is {@code baseId})
   * with the field set to {@code value}, its id {@code kaixuan.claimWindow-12h}, so that each
   * variant is told apart.
   */
  PolicySet policy(String baseText, String baseId, String value) {
    ObjectNode root;
    try {
      root = (ObjectNode) YAML.readTree(baseText);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the policy " + baseId + " read once and not again", e);
    }
    root.put("id", name(baseId, value));
    set(root, value);
    return PolicyLoader.fromYaml(new StringReader(write(root)), option + " " + field);
  }

  /** Sets the field under {@code root}, making the sections on its path as needed. */
  private void set(ObjectNode root, String value) {
    String[] parts = field.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      // a part that is not a section is replaced by one: the reader refuses it by its path
      node = child instanceof ObjectNode section ? section : node.putObject(parts[i]);
    }
    try {
      node.set(parts[parts.length - 1], YAML.readTree(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checked value did not read as YAML: " + value, e);
    }
  }

  private static JsonNode read(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a setup written by SimulationSetup did not read back", e);
    }
  }

  private static String write(JsonNode root) {
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a swept field's file", e);
    }
  }
}
