package org.gridgov.storage.jdbc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.Directory;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.line.Line;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;
import org.gridgov.core.people.Absence;
import org.gridgov.core.people.AbsenceKind;
import org.gridgov.core.people.Employment;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.CodeScheme;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.core.territory.TerritoryBuilder;

/**
 * A {@link Directory} as one JSON document: the code scheme and every area, the workers, the lines
 * and the categories, with a {@code schemaVersion}. Reading rebuilds and re-validates the
 * directory. Instants (absences) are kept to the microsecond.
 */
public final class DirectoryCodec {
  /** The schema version {@link #write} writes. */
  public static final int SCHEMA_VERSION = 1;

  private static final String DOC = "directory";

  private DirectoryCodec() {}

  public static String write(Directory directory) {
    Objects.requireNonNull(directory, "directory");
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    Territory territory = directory.territory();
    ObjectNode t = root.putObject("territory");
    t.put("gridDigits", territory.scheme().gridDigits());
    t.put("microGridDigits", territory.scheme().microGridDigits());
    ArrayNode areas = t.putArray("areas");
    for (Area area : territory.areas()) {
      JsonOut a =
          new JsonOut(areas.addObject())
              .text("code", area.code())
              .text("level", area.level())
              .text("name", area.name())
              .optional("parent", area.parent());
      ObjectNode attributes = a.node().putObject("attributes");
      area.attributes().forEach(attributes::put);
    }
    ArrayNode workers = root.putArray("workers");
    for (Worker w : directory.roster().workers()) {
      JsonOut o =
          new JsonOut(workers.addObject())
              .text("id", w.id())
              .text("name", w.name())
              .texts("roles", w.roles())
              .text("unit", w.unit())
              .texts("grids", w.grids())
              .texts("lines", w.lines())
              .text("employment", w.employment());
      ArrayNode absences = o.node().putArray("absences");
      w.absences()
          .forEach(
              ab ->
                  new JsonOut(absences.addObject())
                      .instant("from", ab.from())
                      .instant("until", ab.until())
                      .text("kind", ab.kind()));
    }
    ArrayNode lines = root.putArray("lines");
    directory
        .lines()
        .all()
        .forEach(
            l ->
                new JsonOut(lines.addObject())
                    .text("id", l.id())
                    .text("name", l.name())
                    .text("level", l.level())
                    .texts("categories", l.categories()));
    ArrayNode categories = root.putArray("categories");
    directory
        .catalogue()
        .all()
        .forEach(
            c ->
                new JsonOut(categories.addObject())
                    .text("code", c.code())
                    .text("name", c.name())
                    .text("majorName", c.majorName())
                    .text("defaultLine", c.defaultLine())
                    .flag("emergency", c.emergency())
                    .text("handlingDeadline", c.handlingDeadline())
                    .flag("local", c.local()));
    return Json.write(root);
  }

  /**
   * Reads a document written by {@link #write} (any schema version up to {@link #SCHEMA_VERSION}).
   *
   * @throws JsonFormatException when the document is malformed or no longer a valid directory
   */
  public static Directory read(String json) {
    JsonIn root = new JsonIn(Json.parse(Objects.requireNonNull(json, "json"), DOC), DOC);
    long version = root.number("schemaVersion");
    if (version < 1 || version > SCHEMA_VERSION) {
      throw new JsonFormatException(
          "directory schema version " + version + " is not 1 to " + SCHEMA_VERSION);
    }
    try {
      JsonIn t = root.object("territory");
      TerritoryBuilder builder =
          Territory.builder(new CodeScheme(t.integer("gridDigits"), t.integer("microGridDigits")));
      for (JsonIn a : t.objects("areas")) {
        Level level = a.enumValue("level", Level.class);
        builder.add(
            new Area(
                a.value("code", c -> AreaCode.of(c, level)),
                a.text("name"),
                a.optional("parent", DirectoryCodec::code),
                ImmutableMap.copyOf(a.textsByName("attributes"))),
            DOC);
      }
      List<Worker> workers = new ArrayList<>();
      for (JsonIn w : root.objects("workers")) {
        List<Absence> absences = new ArrayList<>();
        for (JsonIn ab : w.objects("absences")) {
          absences.add(
              new Absence(
                  ab.instant("from"),
                  ab.instant("until"),
                  ab.enumValue("kind", AbsenceKind.class)));
        }
        workers.add(
            new Worker(
                w.value("id", WorkerId::of),
                w.text("name"),
                ImmutableSet.copyOf(w.list("roles", Role::of)),
                w.value("unit", DirectoryCodec::code),
                ImmutableSet.copyOf(w.list("grids", DirectoryCodec::code)),
                ImmutableSet.copyOf(w.list("lines", LineId::of)),
                w.enumValue("employment", Employment.class),
                ImmutableList.copyOf(absences)));
      }
      List<Line> lines = new ArrayList<>();
      for (JsonIn l : root.objects("lines")) {
        lines.add(
            new Line(
                l.value("id", LineId::of),
                l.text("name"),
                l.enumValue("level", Level.class),
                ImmutableSet.copyOf(l.list("categories", CategoryCode::parse))));
      }
      List<Category> categories = new ArrayList<>();
      for (JsonIn c : root.objects("categories")) {
        categories.add(
            new Category(
                c.value("code", CategoryCode::parse),
                c.text("name"),
                c.text("majorName"),
                c.value("defaultLine", LineId::of),
                c.flag("emergency"),
                c.value("handlingDeadline", Duration::parse),
                c.flag("local")));
      }
      return new Directory(
          builder.build(), Roster.of(workers), Lines.of(lines), CategoryCatalogue.of(categories));
    } catch (IllegalArgumentException e) {
      throw new JsonFormatException(
          "the stored directory is no longer valid: " + e.getClass().getSimpleName(), e);
    }
  }

  /** A division code (6, 9 or 12 digits), a grid (14–15) or a micro-grid (16–20). */
  static AreaCode code(String text) {
    if (text.length() <= 12) {
      return AreaCode.parse(text);
    }
    return AreaCode.of(text, text.length() <= 15 ? Level.GRID : Level.MICRO_GRID);
  }
}
