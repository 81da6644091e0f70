package org.gridgov.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.Source;
import org.gridgov.core.internal.Durations;
import org.gridgov.core.internal.PolicyFiles;
import org.gridgov.core.internal.TreeReader;
import org.gridgov.core.internal.WorkingTimeTree;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;
import org.gridgov.core.people.Role;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.Level;

/**
 * Reads a setup file: the parts of a {@link SimulationConfig} that describe the simulated district
 * rather than the run (its staffing, arrivals, behaviour, an overloaded department, household
 * visits, the timer tick and the base salary), as YAML or JSON, laid over a base config. Every
 * section and every field is optional: what the file leaves out keeps the base's value, so a file
 * holds only what a study changes:
 *
 * <pre>{@code
 * staffing:
 *   perStreetLine: 6          # department workers per street line (default 4)
 *   departmentLevels: {utilities: STREET}   # a district department's staff in every street
 * behaviour:
 *   claimShare: 0.7           # shares are numbers from 0 to 1
 *   gridWork: 90m             # durations as 90s, 30m, 24h, 2d or ISO-8601 (PT1H30M)
 * overload:                   # Baoshan's pattern: one line takes most of the cases
 *   workers: 3                # line and share default to urban-management and 0.8
 * visiting:
 *   perRole: {police-officer: 0.2, judicial-worker: 0}   # a role's own visits a working day
 * }</pre>
 *
 * <p>A list or a map (hourly and weekly weights, the category and source mixes, a role's lines)
 * replaces the base's whole. An optional {@code name} becomes {@link SimulationConfig#setup()},
 * which names the side in a comparison of two setups; by default it is the file's name without its
 * extension. {@code paidRoles} lists the role ids whose holders the pay scheme pays. An optional
 * {@code extends} names another setup file (relative to this one's directory; to the working
 * directory for a setup read from text) laid over the base first, so that a variant holds only what
 * it changes; chains of them are read in turn, up to {@value #MAX_EXTENDS} files, and a cycle is
 * refused. The run itself (seed, period, zone) and the scoring policy are not part of a setup: they
 * come from the caller (the command line's options). A bad file fails with one {@link
 * InvalidInputException} listing its violations by path, such as {@code behaviour.claimShare: must
 * be between 0 and 1, was 1.5 [simulation.behaviour]}: the syntax (a key given twice, at its path,
 * the rest read with the last value given), unknown fields, wrong types, unknown roles, lines and
 * sources, then each section's own checks (its record's rule, the first value it refuses). A rate
 * by role ({@code visiting.perRole}) for a role the run's staffing template lacks is refused at its
 * path under {@code simulation.visiting}, by the config, which alone knows the template.
 */
public final class SimulationSetup {
  /** The file is not YAML or JSON, is empty, or is not an object. */
  public static final RuleId SYNTAX = RuleId.of("simulation.setup.syntax");

  /** A field no section has: usually a typo, which would otherwise leave a default in place. */
  public static final RuleId UNKNOWN_FIELD = RuleId.of("simulation.setup.unknown-field");

  /** A field a section cannot do without: an overload's workers when the base has none. */
  public static final RuleId REQUIRED = RuleId.of("simulation.setup.required");

  /** A value of the wrong kind: text where a number is expected, a list where a map is. */
  public static final RuleId TYPE = RuleId.of("simulation.setup.type");

  /** A value of the right kind that names nothing known: a role, a line, a source, a duration. */
  public static final RuleId UNKNOWN_VALUE = RuleId.of("simulation.setup.unknown-value");

  /** An {@code extends} that cannot be followed: a missing file, a cycle, too long a chain. */
  public static final RuleId EXTENDS = RuleId.of("simulation.setup.extends");

  /** The most files a chain of {@code extends} may hold, this one included. */
  public static final int MAX_EXTENDS = 8;

  /** How a schedule's parts are read: as a policy's working time is, with this file's rules. */
  private static final TreeReader.Rules TREE_RULES =
      new TreeReader.Rules(
          REQUIRED, UNKNOWN_FIELD, TYPE, TYPE, TYPE, TYPE, UNKNOWN_VALUE, null, 0, 0, null);

  private static final YAMLMapper WRITER =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build();

  /** The levels a line's department workers may sit at ({@link Staffing#departmentLevels}). */
  private static final List<Level> DEPARTMENT_LEVELS = List.of(Level.STREET, Level.DISTRICT);

  /** What a map of weights must be, in a message. */
  private static final String WEIGHTS = "a map of weights";

  private static final Map<Class<?>, RuleId> RULES =
      Map.of(
          Staffing.class,
          Staffing.ID,
          Arrivals.class,
          Arrivals.ID,
          Behaviour.class,
          Behaviour.ID,
          Overload.class,
          Overload.ID,
          Visiting.class,
          Visiting.ID);
  private static final List<String> SECTIONS =
      List.of(
          "name",
          "extends",
          "staffing",
          "arrivals",
          "behaviour",
          "overload",
          "visiting",
          "tick",
          "baseSalary",
          "paidRoles");

  private SimulationSetup() {}

  /** {@code base} with the setup in {@code file} (.yaml, .yml or .json, UTF-8) laid over it. */
  public static SimulationConfig fromPath(Path file, SimulationConfig base) {
    Objects.requireNonNull(file, "file");
    return fromPath(file, base, new ArrayList<>());
  }

  /** {@link #fromPath}, {@code chain} holding the files that extend this one, outermost first. */
  private static SimulationConfig fromPath(Path file, SimulationConfig base, List<Path> chain) {
    PolicyFiles.Text text = PolicyFiles.read(file, "simulation setup", SYNTAX);
    Path normal = file.toAbsolutePath().normalize();
    Path dir = normal.getParent();
    chain.add(normal);
    return load(
        text.yaml(),
        new StringReader(text.text()),
        file.toString(),
        base,
        dir == null ? Path.of("") : dir,
        chain);
  }

  public static SimulationConfig fromYaml(Reader reader, String sourceName, SimulationConfig base) {
    return load(true, reader, sourceName, base, Path.of(""), new ArrayList<>());
  }

  public static SimulationConfig fromJson(Reader reader, String sourceName, SimulationConfig base) {
    return load(false, reader, sourceName, base, Path.of(""), new ArrayList<>());
  }

  private static SimulationConfig load(
      boolean yaml,
      Reader reader,
      String sourceName,
      SimulationConfig base,
      Path dir,
      List<Path> chain) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(base, "base");
    PolicyFiles.Tree file =
        PolicyFiles.tree(
            reader, yaml, sourceName, "simulation setup", SYNTAX, "one or more of " + SECTIONS);
    JsonNode root = file.root();
    if (!root.isObject()) {
      throw refused(
          sourceName,
          List.of(
              Violation.of(
                  sourceName,
                  SYNTAX,
                  "must be an object with one or more of " + SECTIONS,
                  root.getNodeType())));
    }
    JsonNode extended = root.get("extends");
    if (extended != null && !extended.isNull()) {
      base = extended(extended, sourceName, base, dir, chain, file.repeatedKeys());
    }
    Setup setup = new Setup(sourceName);
    setup.violations.addAll(file.repeatedKeys());
    SimulationConfig config = setup.apply(root, base);
    if (!setup.violations.isEmpty()) {
      throw refused(sourceName, setup.violations);
    }
    return config;
  }

  /**
   * {@code base} with the file {@code node} names laid over it, or why it cannot be, after the keys
   * this file gives twice ({@code repeated}).
   */
  private static SimulationConfig extended(
      JsonNode node,
      String sourceName,
      SimulationConfig base,
      Path dir,
      List<Path> chain,
      List<Violation> repeated) {
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw refused(
          sourceName,
          repeated,
          Violation.of(
              "extends", TYPE, "must name a setup file, relative to this one", node.getNodeType()));
    }
    Path file = dir.resolve(node.textValue());
    Path normal = file.toAbsolutePath().normalize();
    if (chain.contains(normal)) {
      throw refused(
          sourceName,
          repeated,
          Violation.of(
              "extends",
              EXTENDS,
              "makes a cycle: " + node.textValue() + " extends this file again",
              null));
    }
    if (chain.size() >= MAX_EXTENDS) {
      throw refused(
          sourceName,
          repeated,
          Violation.of(
              "extends", EXTENDS, "makes a chain of more than " + MAX_EXTENDS + " files", null));
    }
    if (!Files.isRegularFile(file)) {
      throw refused(
          sourceName,
          repeated,
          Violation.of("extends", EXTENDS, "names no readable file: " + node.textValue(), null));
    }
    return fromPath(file, base, chain);
  }

  private static InvalidInputException refused(
      String sourceName, List<Violation> repeated, Violation violation) {
    List<Violation> all = new ArrayList<>(repeated);
    all.add(violation);
    return refused(sourceName, all);
  }

  /**
   * {@code config}'s setup as a file {@link #fromYaml} reads back: its name and every section,
   * every field written out (durations in ISO-8601, the base salary in yuan), so that a run's
   * output says exactly what district it simulated and {@code --setup} runs it again. Laid over
   * {@link SimulationConfig#defaults()} it gives {@code config} back but for the seed, the period,
   * the zone and the scoring policy, which are not part of a setup; a config without an overloaded
   * department writes no {@code overload} section.
   */
  public static String toYaml(SimulationConfig config) {
    Objects.requireNonNull(config, "config");
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (!config.setup().isEmpty()) {
      root.put("name", config.setup());
    }
    root.set("staffing", tree(config.staffing()));
    root.set("arrivals", tree(config.arrivals()));
    root.set("behaviour", tree(config.behaviour()));
    config.overload().ifPresent(overload -> root.set("overload", tree(overload)));
    root.set("visiting", tree(config.visiting()));
    root.put("tick", config.tick().toString());
    root.put("baseSalary", config.baseSalary().yuan());
    root.set("paidRoles", value(config.paidRoles()));
    try {
      return WRITER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the setup of " + config.setup(), e);
    }
  }

  /**
   * A section's record as the reader reads it: each component by its type, an optional one only
   * when present.
   */
  private static ObjectNode tree(Record section) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (RecordComponent component : section.getClass().getRecordComponents()) {
      Object value = get(component, section);
      if (value instanceof Optional<?> optional) {
        optional.ifPresent(present -> node.set(component.getName(), value(present)));
      } else {
        node.set(component.getName(), value(value));
      }
    }
    return node;
  }

  private static JsonNode value(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof Double d) {
      return f.numberNode(d);
    }
    if (value instanceof Integer i) {
      return f.numberNode(i);
    }
    if (value instanceof Duration d) {
      return f.textNode(d.toString());
    }
    if (value instanceof Schedule schedule) { // as the reader takes it
      if (schedule.everyDay()) { // 08:30-17:30
        return f.textNode(schedule.hours().get(0).toString());
      }
      ObjectNode object = f.objectNode();
      object.set("hours", value(schedule.hours().stream().map(Object::toString).toList()));
      object.set("workdays", value(schedule.workdays()));
      if (!schedule.holidays().isEmpty()) {
        object.set("holidays", value(schedule.holidays().stream().map(Object::toString).toList()));
      }
      if (!schedule.extraWorkdays().isEmpty()) {
        object.set(
            "extraWorkdays",
            value(schedule.extraWorkdays().stream().map(Object::toString).toList()));
      }
      return object;
    }
    if (value instanceof Collection<?> elements) { // hourly weights, a role's lines, paid roles
      ArrayNode array = f.arrayNode();
      elements.forEach(element -> array.add(value(element)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = f.objectNode();
      map.forEach(
          (key, v) ->
              object.set(
                  key instanceof Role role
                      ? role.id()
                      : key instanceof Enum<?> e ? e.name() : key.toString(),
                  value(v)));
      return object;
    }
    if (value instanceof LineId line) {
      return f.textNode(line.value());
    }
    if (value instanceof Role role) {
      return f.textNode(role.id());
    }
    if (value instanceof Enum<?> constant) { // a department's level
      return f.textNode(constant.name());
    }
    if (value instanceof String text) {
      return f.textNode(text);
    }
    throw new IllegalStateException("no setup form for " + value.getClass());
  }

  private static InvalidInputException refused(String sourceName, List<Violation> violations) {
    return new InvalidInputException("simulation setup " + sourceName, violations);
  }

  /** One file's reading: the config so far and every violation found on the way. */
  private static final class Setup {
    final List<Violation> violations = new ArrayList<>();

    /**
     * The name a file without a {@code name} field gets: its file name without the extension, each
     * character a setup name cannot hold made a dash ("setup" when none is left).
     */
    private final String defaultName;

    Setup(String sourceName) {
      String file =
          sourceName.substring(
              Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
      int dot = file.lastIndexOf('.');
      String stem =
          (dot > 0 ? file.substring(0, dot) : file)
              .replaceAll("[^A-Za-z0-9._-]", "-")
              .replaceFirst("^[._-]+", "");
      stem = stem.substring(0, Math.min(stem.length(), 64));
      this.defaultName = SimulationConfig.isSetupName(stem) ? stem : "setup";
    }

    SimulationConfig apply(JsonNode root, SimulationConfig base) {
      unknownFields(root, "", SECTIONS);
      SimulationConfig config = base;
      // each section read over the base's: the first value its record refuses is a violation
      Staffing staffing =
          section(
              root.get("staffing"),
              "staffing",
              Staffing.class,
              base.staffing(),
              Map.of("roleLines", this::roleLines, "departmentLevels", this::departmentLevels));
      // a file giving its own rates by role may name its new template's roles: the staffing is
      // laid without the base's rates, which the file's replace (a file that changes the
      // template and keeps the base's rates has them checked against the new template)
      JsonNode visiting = root.get("visiting");
      boolean ratesByRole =
          present(visiting) && visiting.isObject() && present(visiting.get("perRole"));
      // so may a file naming its paid roles: the staffing is laid with them added to the base's,
      // which they replace at the end (the base's alone are checked against the new template)
      ImmutableSet<Role> paidRoles =
          present(root.get("paidRoles")) ? roles(root.get("paidRoles"), "paidRoles") : null;
      config =
          laid(
              config,
              staffing,
              (c, s) -> {
                SimulationConfig rated =
                    ratesByRole ? c.withVisiting(c.visiting().withPerRole(Map.of())) : c;
                SimulationConfig paid =
                    paidRoles == null
                        ? rated
                        : rated.withPaidRoles(Sets.union(rated.paidRoles(), paidRoles));
                return paid.withStaffing(s);
              });
      config =
          laid(
              config,
              section(
                  root.get("arrivals"),
                  "arrivals",
                  Arrivals.class,
                  base.arrivals(),
                  Map.of(
                      "hourly",
                      this::weights,
                      "weekly",
                      this::weights,
                      "monthly",
                      this::weights,
                      "categories",
                      (node, path) -> map(node, path, WEIGHTS, (key, at) -> key, this::number),
                      "sources",
                      (node, path) -> map(node, path, WEIGHTS, this::source, this::number),
                      "sourceHourly",
                      (node, path) ->
                          map(
                              node,
                              path,
                              "a map from sources to 24 hourly weights",
                              this::source,
                              this::weights),
                      "categoryHourly",
                      (node, path) ->
                          map(
                              node,
                              path,
                              "a map from category classes to 24 hourly weights",
                              (key, at) -> key,
                              this::weights),
                      "dates",
                      (node, path) -> map(node, path, WEIGHTS, this::date, this::number))),
              SimulationConfig::withArrivals);
      config =
          laid(
              config,
              section(
                  root.get("behaviour"),
                  "behaviour",
                  Behaviour.class,
                  base.behaviour(),
                  Map.of(
                      "departmentHours",
                      (node, path) -> {
                        Schedule hours = schedule(node, path);
                        return hours == null ? null : Optional.of(hours);
                      },
                      "lineHours",
                      this::lineHours)),
              SimulationConfig::withBehaviour);
      JsonNode overload = root.get("overload");
      if (present(overload)
          && base.overload().isEmpty()
          && overload.isObject()
          && !overload.has("workers")) {
        fail(
            "overload.workers",
            "is required when the base has no overloaded department",
            null,
            REQUIRED);
      } else {
        config =
            laid(
                config,
                section(
                    overload,
                    "overload",
                    Overload.class,
                    base.overload().orElse(Overload.baoshan(1)),
                    Map.of("line", this::line)),
                SimulationConfig::withOverload);
      }
      config =
          laid(
              config,
              section(
                  visiting,
                  "visiting",
                  Visiting.class,
                  base.visiting(),
                  Map.of(
                      "perRole",
                      (node, path) ->
                          map(
                              node,
                              path,
                              "a map from role ids to visits a working day",
                              this::roleKey,
                              this::number))),
              SimulationConfig::withVisiting);
      Duration tick = present(root.get("tick")) ? duration(root.get("tick"), "tick") : null;
      Money salary =
          present(root.get("baseSalary")) ? money(root.get("baseSalary"), "baseSalary") : null;
      String name = present(root.get("name")) ? text(root.get("name"), "name") : defaultName;
      if (name != null && !SimulationConfig.isSetupName(name)) {
        name =
            fail("name", "must be " + SimulationConfig.SETUP_NAME_RULE, name, SimulationConfig.ID);
      }
      SimulationConfig sections = config;
      String setupName = name;
      return build(
          SimulationConfig.ID,
          "",
          () -> {
            SimulationConfig c = tick == null ? sections : sections.withTick(tick);
            c = salary == null ? c : c.withBaseSalary(salary);
            c = paidRoles == null ? c : c.withPaidRoles(paidRoles);
            return setupName == null ? c : c.withSetup(setupName);
          },
          sections);
    }

    /**
     * The record {@code type} with the fields {@code node} gives read over {@code base}'s (by the
     * field's type, or by the reader {@code special} names for it); null when the section is absent
     * or not usable, with why in the violations.
     */
    <R extends Record> R section(
        JsonNode node,
        String path,
        Class<R> type,
        R base,
        Map<String, BiFunction<JsonNode, String, Object>> special) {
      if (!present(node)) {
        return null;
      }
      if (!node.isObject()) {
        wrongType(path, "must be an object", node);
        return null;
      }
      RecordComponent[] components = type.getRecordComponents();
      List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
      unknownFields(node, path, names);
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      int before = violations.size();
      for (int i = 0; i < components.length; i++) {
        RecordComponent component = components[i];
        types[i] = component.getType();
        values[i] = get(component, base);
        JsonNode field = node.get(component.getName());
        if (!present(field)) {
          continue;
        }
        String at = path + "." + component.getName();
        BiFunction<JsonNode, String, Object> reader = special.get(component.getName());
        Object value = reader != null ? reader.apply(field, at) : simple(component, field, at);
        if (value != null) {
          values[i] = value;
        }
      }
      if (violations.size() > before) {
        return null; // its own checks would only repeat what was not read
      }
      return build(
          ruleOf(type),
          path,
          () -> {
            try {
              return type.getDeclaredConstructor(types).newInstance(values);
            } catch (InvocationTargetException e) {
              if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
              }
              throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
            }
          },
          null);
    }

    /** A field of a plain type: a number, a whole number, a duration or text. */
    private Object simple(RecordComponent component, JsonNode node, String path) {
      Class<?> type = component.getType();
      if (type == double.class) {
        return number(node, path);
      }
      if (type == int.class) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
          return wrongType(path, "must be a whole number", node);
        }
        return node.intValue();
      }
      if (type == Duration.class) {
        return duration(node, path);
      }
      if (type == String.class) {
        return text(node, path);
      }
      if (type == Schedule.class) {
        return schedule(node, path);
      }
      throw new IllegalStateException("no reader for " + path + " of " + type);
    }

    private String text(JsonNode node, String path) {
      return node.isTextual() ? node.textValue() : wrongType(path, "must be text", node);
    }

    /**
     * When people work: hours of a day such as 08:30-17:30 (24:00 the end of the day), every day;
     * or the hours, workdays, holidays and make-up workdays, as a policy's working time gives them
     * (without the limits it applies to).
     */
    private Schedule schedule(JsonNode node, String path) {
      if (node.isObject()) {
        TreeReader reader = new TreeReader(TREE_RULES);
        WorkingTime time =
            WorkingTimeTree.readDays(reader, node, path, EnumSet.allOf(WorkingTime.Limit.class));
        violations.addAll(reader.violations());
        return time == null ? null : Schedule.of(time);
      }
      if (!node.isTextual()) {
        return wrongType(
            path,
            "must be hours of a day such as 08:30-17:30, or an object of"
                + " hours, workdays, holidays and extraWorkdays",
            node);
      }
      return WorkingTime.Period.parse(node.textValue())
          .map(Schedule::daily)
          .orElseGet(
              () ->
                  fail(
                      path,
                      "must be hours of a day such as 08:30-17:30 that end after they start"
                          + " (00:00-24:00: all day)",
                      node.textValue(),
                      UNKNOWN_VALUE));
    }

    private Double number(JsonNode node, String path) {
      return node.isNumber() ? node.doubleValue() : wrongType(path, "must be a number", node);
    }

    private Duration duration(JsonNode node, String path) {
      if (!node.isTextual()) {
        return wrongType(path, "must be a duration such as 90s, 30m, 24h, 2d or PT24H", node);
      }
      try {
        return Durations.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        return fail(
            path,
            "must be a duration such as 90s, 30m, 24h, 2d or PT24H",
            node.textValue(),
            UNKNOWN_VALUE);
      }
    }

    private Money money(JsonNode node, String path) {
      if (!node.isNumber()) {
        return wrongType(path, "must be an amount in yuan", node);
      }
      BigDecimal yuan = node.decimalValue();
      return build(SimulationConfig.ID, path, () -> Money.ofYuan(yuan), null);
    }

    private ImmutableList<Double> weights(JsonNode node, String path) {
      if (!node.isArray()) {
        return wrongType(path, "must be a list of numbers", node);
      }
      List<Double> weights = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        weights.add(number(node.get(i), path + "[" + i + "]"));
      }
      return weights.contains(null) ? null : ImmutableList.copyOf(weights);
    }

    /**
     * A map whose keys {@code key} reads from their text and whose values {@code value} reads, each
     * at its path ({@code a map of weights}: {@code what} it must be, in a message); null when any
     * entry is bad, each bad one reported.
     */
    private <K, V> ImmutableMap<K, V> map(
        JsonNode node,
        String path,
        String what,
        BiFunction<String, String, K> key,
        BiFunction<JsonNode, String, V> value) {
      if (!node.isObject()) {
        return wrongType(path, "must be " + what, node);
      }
      Map<K, V> read = new LinkedHashMap<>();
      boolean all = true;
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String at = path + "." + entry.getKey();
        K k = key.apply(entry.getKey(), at);
        V v = value.apply(entry.getValue(), at);
        all &= k != null && v != null;
        if (all) {
          read.put(k, v);
        }
      }
      return all ? ImmutableMap.copyOf(read) : null;
    }

    private LocalDate date(String text, String path) {
      try {
        return LocalDate.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        return fail(path, "is not a date such as 2024-10-01", text, TYPE);
      }
    }

    private Source source(String name, String path) {
      try {
        return Source.valueOf(name);
      } catch (IllegalArgumentException e) {
        return fail(
            path,
            "is not a source, expected one of " + Arrays.toString(Source.values()),
            name,
            UNKNOWN_VALUE);
      }
    }

    private LineId line(JsonNode node, String path) {
      if (!node.isTextual()) {
        return wrongType(path, "must be a line id", node);
      }
      Optional<LineId> line =
          Lines.standard().all().stream()
              .map(l -> l.id())
              .filter(id -> id.value().equals(node.textValue()))
              .findFirst();
      return line.orElseGet(
          () ->
              fail(
                  path,
                  "is not a standard line, expected one of "
                      + Lines.standard().all().stream().map(l -> l.id().value()).toList(),
                  node.textValue(),
                  UNKNOWN_VALUE));
    }

    /**
     * {@code config} with {@code value} laid over it by {@code with} (as it was when null); a
     * refusal of the whole config, such as paid roles the new template lacks, is a violation.
     */
    private <T> SimulationConfig laid(
        SimulationConfig config, T value, BiFunction<SimulationConfig, T, SimulationConfig> with) {
      return value == null
          ? config
          : build(SimulationConfig.ID, "", () -> with.apply(config, value), config);
    }

    /** A list of role ids, each a role of some staffing template. */
    private ImmutableSet<Role> roles(JsonNode node, String path) {
      if (!node.isArray()) {
        return wrongType(path, "must be a list of role ids", node);
      }
      ImmutableSet.Builder<Role> roles = ImmutableSet.builder();
      boolean read = true;
      for (int i = 0; i < node.size(); i++) {
        String at = path + "[" + i + "]";
        String id = text(node.get(i), at);
        Role role =
            id == null ? null : known(build(UNKNOWN_VALUE, at, () -> Role.of(id), null), at);
        read &= role != null;
        if (role != null) {
          roles.add(role);
        }
      }
      return read ? roles.build() : null;
    }

    /** {@code role} when some staffing template has it, else null and a violation at path. */
    private Role known(Role role, String path) {
      if (role == null || SimulationConfig.TEMPLATE_ROLES.contains(role)) {
        return role;
      }
      return fail(
          path,
          "is not a role of any staffing template, expected one of "
              + SimulationConfig.TEMPLATE_ROLES.stream().map(Role::id).toList(),
          role.id(),
          UNKNOWN_VALUE);
    }

    /**
     * A role id, a map's key, in the form a role takes; whether the run's staffing has it is the
     * config's check ({@code visiting.perRole}).
     */
    private Role roleKey(String id, String path) {
      return build(UNKNOWN_VALUE, path, () -> Role.of(id), null);
    }

    /** Role id to the lines it acts for: a role left out acts for none, as in the record. */
    private ImmutableMap<Role, ImmutableSet<LineId>> roleLines(JsonNode node, String path) {
      if (!node.isObject()) {
        return wrongType(path, "must be a map from role ids to lists of line ids", node);
      }
      Map<Role, ImmutableSet<LineId>> roles = new LinkedHashMap<>();
      boolean read = true;
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String at = path + "." + entry.getKey();
        // lines given to a role no staffing template has would staff nobody: a typo (another
        // template's role is not: the default lines name every template's roles)
        Role role = known(build(UNKNOWN_VALUE, at, () -> Role.of(entry.getKey()), null), at);
        JsonNode lines = entry.getValue();
        if (!lines.isArray()) {
          wrongType(at, "must be a list of line ids", lines);
          read = false;
          continue;
        }
        ImmutableSet.Builder<LineId> set = ImmutableSet.builder();
        for (int i = 0; i < lines.size(); i++) {
          LineId line = line(lines.get(i), at + "[" + i + "]");
          read &= line != null;
          if (line != null) {
            set.add(line);
          }
        }
        read &= role != null;
        if (role != null) {
          roles.put(role, set.build());
        }
      }
      return read ? ImmutableMap.copyOf(roles) : null;
    }

    /** A line to the schedule its department staff keep. */
    private ImmutableMap<LineId, Schedule> lineHours(JsonNode node, String path) {
      return map(node, path, "a map from line ids to schedules", this::lineKey, this::schedule);
    }

    /**
     * Line id to the level its department workers sit at ({@code STREET} or {@code DISTRICT}); the
     * record refuses a line no department staffs.
     */
    private ImmutableMap<LineId, Level> departmentLevels(JsonNode node, String path) {
      return map(
          node,
          path,
          "a map from line ids to STREET or DISTRICT",
          this::lineKey,
          this::departmentLevel);
    }

    private Level departmentLevel(JsonNode node, String path) {
      String name = text(node, path);
      return name == null
          ? null
          : DEPARTMENT_LEVELS.stream()
              .filter(l -> l.name().equals(name))
              .findFirst()
              .orElseGet(
                  () ->
                      fail(
                          path,
                          "is not a level a department sits at, expected one of "
                              + DEPARTMENT_LEVELS,
                          name,
                          UNKNOWN_VALUE));
    }

    /** A standard line id, a map's key: {@link #line} of its text. */
    private LineId lineKey(String id, String path) {
      return line(JsonNodeFactory.instance.textNode(id), path);
    }

    /**
     * Builds with {@code build}; a value its record refuses becomes a violation at the refused
     * field under {@code path}, and {@code fallback} is returned.
     */
    private <T> T build(
        RuleId rule, String path, java.util.function.Supplier<T> build, T fallback) {
      try {
        return build.get();
      } catch (RuleConfigurationException e) {
        String prefix = "[" + e.ruleId() + "] " + e.field() + " ";
        String message =
            e.getMessage().startsWith(prefix)
                ? e.getMessage().substring(prefix.length())
                : e.getMessage();
        String at = path.isEmpty() ? e.field() : path + "." + e.field();
        violations.add(Violation.of(at, e.ruleId(), message, null));
        return fallback;
      } catch (InvalidInputException e) { // its rules, at this path (the config's: its own)
        for (Violation v : e.violations()) {
          violations.add(
              new Violation(path.isEmpty() ? v.path() : path, v.rule(), v.message(), v.value()));
        }
        return fallback;
      } catch (IllegalArgumentException e) {
        violations.add(Violation.of(path, rule, e.getMessage(), null));
        return fallback;
      }
    }

    private void unknownFields(JsonNode node, String path, List<String> known) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        if (!known.contains(property.getKey())) {
          fail(
              path.isEmpty() ? property.getKey() : path + "." + property.getKey(),
              "is not a known field, expected one of " + known,
              null,
              UNKNOWN_FIELD);
        }
      }
    }

    private <T> T wrongType(String path, String message, JsonNode node) {
      return fail(path, message, node.isContainerNode() ? node.getNodeType() : node.asText(), TYPE);
    }

    private <T> T fail(String path, String message, Object value, RuleId rule) {
      violations.add(Violation.of(path, rule, message, value));
      return null;
    }
  }

  private static boolean present(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  private static Object get(RecordComponent component, Record base) {
    try {
      return component.getAccessor().invoke(base);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  /** The rule id each section's record checks its fields under. */
  private static RuleId ruleOf(Class<?> type) {
    return RULES.get(type);
  }
}
