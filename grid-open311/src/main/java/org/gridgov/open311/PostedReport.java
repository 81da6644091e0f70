package org.gridgov.open311;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gridgov.core.Directory;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Source;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.governance.Report;

/**
 * Reads the form of {@code POST requests} into a {@link Report}: the service code into a category
 * of the catalogue, the location ({@code address_id}, a grid or micro-grid code, or {@code lat} and
 * {@code long} through the {@link Locator}) into a grid, the {@code account_id} into the reporter.
 * Every problem is collected, named by its form field.
 */
final class PostedReport {
  static final RuleId REQUIRED = RuleId.of("open311.required");
  static final RuleId UNKNOWN_SERVICE = RuleId.of("open311.unknown-service");
  static final RuleId LOCATION = RuleId.of("open311.location");
  static final RuleId ACCOUNT = RuleId.of("open311.account-id");

  /** What an area code can look like (the longest, a micro-grid's, has 17 digits). */
  private static final Pattern CODE = Pattern.compile("[0-9]{1,20}");

  /** What a coordinate can look like: a decimal number of degrees, such as {@code -122.42}. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]{1,3}(\\.[0-9]{0,20})?|\\.[0-9]{1,20})");

  /** The reporter of a request posted without an account id: the Open311 channel itself. */
  static final Actor CHANNEL = Actor.external("open311");

  private PostedReport() {}

  /** The report, or the violations that stop it (never both empty). */
  record Read(Optional<Report> report, List<Violation> violations) {}

  static Read read(
      Map<String, List<String>> form, Directory directory, Locator locator, Source source) {
    List<Violation> violations = new ArrayList<>();
    Category category = category(one(form, "service_code", violations), directory, violations);
    AreaCode[] place = place(form, directory, locator, violations);
    Actor actor = CHANNEL;
    String account = one(form, "account_id", violations);
    if (account != null && Sent.phoneLike(account)) {
      violations.add(
          Violation.of(
              "account_id",
              ACCOUNT,
              "must be a pseudonym, not a phone number" + " (the value sent is not shown)",
              null));
    } else if (account != null) {
      try {
        actor = Actor.resident(account);
      } catch (IllegalArgumentException e) {
        violations.add(
            Violation.of(
                "account_id",
                ACCOUNT,
                "must be an account token (letters, digits, '.', '_', ':' or '-', at most 64)",
                null));
      }
    }
    String description = one(form, "description", violations);
    if (!violations.isEmpty()) {
      return new Read(Optional.empty(), violations);
    }
    Report report =
        Report.by(actor)
            .source(source)
            .category(category.code())
            .emergency(category.emergency())
            .grid(place[0])
            .microGrid(place[1])
            .description(description == null ? "" : description)
            .build();
    return new Read(Optional.of(report), List.of());
  }

  private static Category category(String code, Directory directory, List<Violation> violations) {
    if (code == null) {
      if (!refused("service_code", violations)) { // given twice is refused once, not as missing
        violations.add(Violation.of("service_code", REQUIRED, "is required", null));
      }
      return null;
    }
    Optional<CategoryCode> parsed = RequestQuery.serviceCode(code);
    if (parsed.isEmpty()) {
      violations.add(RequestQuery.badServiceCode(code));
      return null;
    }
    Optional<Category> category = directory.catalogue().find(parsed.get());
    if (category.isEmpty()) {
      violations.add(
          Violation.of("service_code", UNKNOWN_SERVICE, "names no service of the catalogue", code));
      return null;
    }
    return category.get();
  }

  /** The grid and the micro-grid (null when not known), or null after adding a violation. */
  private static AreaCode[] place(
      Map<String, List<String>> form,
      Directory directory,
      Locator locator,
      List<Violation> violations) {
    String addressId = one(form, "address_id", violations);
    String lat = one(form, "lat", violations);
    String lon = one(form, "long", violations);
    if (refused("address_id", violations)
        || refused("lat", violations)
        || refused("long", violations)) {
      return null; // given twice: refused once, not also as missing or unpaired
    }
    if (addressId != null) {
      Optional<Area> area =
          directory
              .territory()
              .find(addressId)
              .filter(a -> a.level() == Level.GRID || a.level() == Level.MICRO_GRID);
      if (area.isEmpty()) {
        // a resident types this field: echo it only when it is a code, never free text
        boolean code = CODE.matcher(addressId).matches();
        violations.add(
            Sent.refusal(
                "address_id",
                LOCATION,
                "must be the code of a grid or micro-grid of this territory"
                    + (code ? "" : ", in digits"),
                code ? addressId : null));
        return null;
      }
      return inGrid(area.get());
    }
    if (lat == null && lon == null) {
      violations.add(
          Violation.of(
              "address_id",
              REQUIRED,
              one(form, "address_string", violations) == null
                  ? "is required (or lat and long)"
                  : "is required: gridgov places a case in a grid, not by address_string",
              null));
      return null;
    }
    if (lat == null || lon == null) {
      violations.add(
          Violation.of(
              lat == null ? "lat" : "long",
              REQUIRED,
              "is required with " + (lat == null ? "long" : "lat"),
              null));
      return null;
    }
    Double latitude = degrees("lat", lat, 90, violations);
    Double longitude = degrees("long", lon, 180, violations);
    if (latitude == null || longitude == null) {
      return null;
    }
    if (locator == null) {
      violations.add(
          Violation.of(
              "lat",
              LOCATION,
              "cannot be placed: this endpoint has no grid"
                  + " boundaries (send address_id, a grid code)",
              lat + "," + lon));
      return null;
    }
    Optional<Area> area =
        locator
            .locate(latitude, longitude)
            .flatMap(directory.territory()::find)
            .filter(a -> a.level() == Level.GRID || a.level() == Level.MICRO_GRID);
    if (area.isEmpty()) {
      violations.add(
          Violation.of("lat", LOCATION, "lies in no grid of this territory", lat + "," + lon));
      return null;
    }
    return inGrid(area.get());
  }

  private static AreaCode[] inGrid(Area area) {
    return area.level() == Level.GRID
        ? new AreaCode[] {area.code(), null}
        : new AreaCode[] {area.parent().orElseThrow(), area.code()};
  }

  private static Double degrees(
      String field, String text, double bound, List<Violation> violations) {
    boolean number = DECIMAL.matcher(text).matches();
    if (number) {
      double value = Double.parseDouble(text);
      if (Math.abs(value) <= bound) {
        return value;
      }
    }
    // a resident may type this field: echo it only when it is a number, never free text
    violations.add(
        Sent.refusal(
            field,
            LOCATION,
            "must be WGS84 degrees from -"
                + (int) bound
                + " to "
                + (int) bound
                + (number ? "" : ", a decimal number"),
            number ? text : null));
    return null;
  }

  /** Whether {@code field} already has a violation (given twice, see {@link #one}). */
  private static boolean refused(String field, List<Violation> violations) {
    return violations.stream().anyMatch(v -> v.path().equals(field));
  }

  /** The field's one value (blank: absent), or null after a violation when given twice. */
  private static String one(
      Map<String, List<String>> form, String name, List<Violation> violations) {
    List<String> given = Parameters.given(form, name);
    if (given.size() > 1) {
      violations.add(Violation.of(name, REQUIRED, "must be given once", given.size() + " values"));
      return null;
    }
    return given.isEmpty() ? null : given.get(0);
  }
}
