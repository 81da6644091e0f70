package org.gridgov.open311;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.IncidentId;

/**
 * The filters of {@code GET requests}. When {@link #ids} is not empty it overrides the others, as
 * the specification says. Otherwise the requests reported in {@code [start, end]} (both inclusive)
 * are chosen, of the given service codes and statuses (empty: all); a missing bound is the other
 * one moved by the export's window (90 days by default), and with neither the window ends now.
 *
 * @param ids the incidents asked for by id ({@code service_request_id})
 * @param serviceCodes the category codes asked for ({@code service_code}); empty for all
 * @param start the earliest report instant ({@code start_date})
 * @param end the latest report instant ({@code end_date})
 * @param statuses the statuses asked for ({@code status}); empty for both
 */
public record RequestQuery(
    ImmutableList<IncidentId> ids,
    ImmutableSet<CategoryCode> serviceCodes,
    Optional<Instant> start,
    Optional<Instant> end,
    ImmutableSet<RequestStatus> statuses) {
  public static final RuleId DATETIME = RuleId.of("open311.datetime");
  public static final RuleId WINDOW = RuleId.of("open311.window");
  public static final RuleId STATUS = RuleId.of("open311.status");
  public static final RuleId SERVICE_CODE = RuleId.of("open311.service-code");
  public static final RuleId REQUEST_ID = RuleId.of("open311.service-request-id");

  private static final String SUBJECT = "open311.requests";

  public RequestQuery {
    ids = ImmutableList.copyOf(Objects.requireNonNull(ids, "ids"));
    serviceCodes = ImmutableSet.copyOf(Objects.requireNonNull(serviceCodes, "serviceCodes"));
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    statuses = ImmutableSet.copyOf(Objects.requireNonNull(statuses, "statuses"));
  }

  /** Every request of the window that ends now. */
  public static RequestQuery all() {
    return new RequestQuery(
        ImmutableList.of(),
        ImmutableSet.of(),
        Optional.empty(),
        Optional.empty(),
        ImmutableSet.of());
  }

  /** These incidents only, whatever the other filters say. */
  public RequestQuery withIds(Collection<IncidentId> value) {
    return new RequestQuery(ImmutableList.copyOf(value), serviceCodes, start, end, statuses);
  }

  public RequestQuery withServiceCodes(Collection<CategoryCode> value) {
    return new RequestQuery(ids, ImmutableSet.copyOf(value), start, end, statuses);
  }

  /** The requests reported from {@code from} to {@code to}, both inclusive. */
  public RequestQuery between(Instant from, Instant to) {
    return new RequestQuery(ids, serviceCodes, Optional.of(from), Optional.of(to), statuses);
  }

  public RequestQuery withStatuses(Collection<RequestStatus> value) {
    return new RequestQuery(ids, serviceCodes, start, end, ImmutableSet.copyOf(value));
  }

  /**
   * Reads the query parameters of {@code GET requests}: {@code service_request_id}, {@code
   * service_code}, {@code start_date}, {@code end_date} and {@code status}, each possibly given
   * several times or as a comma list; an empty value counts as absent, and other parameters ({@code
   * jurisdiction_id}, {@code api_key} …) are ignored. When {@code service_request_id} is given it
   * overrides the rest, as the specification says: they are neither read nor checked.
   *
   * @throws InvalidInputException naming every bad parameter, its rule and its value (unless the
   *     value could be a resident's text: see the module's README): a malformed request id; without
   *     one, a datetime without a zone or not in the W3C format, a status other than open or
   *     closed, a malformed service code
   */
  public static RequestQuery parse(Map<String, List<String>> parameters) {
    Objects.requireNonNull(parameters, "parameters");
    List<Violation> violations = new ArrayList<>();
    List<IncidentId> ids = new ArrayList<>();
    for (String value : values(parameters, "service_request_id")) {
      try {
        ids.add(IncidentId.of(value));
      } catch (IllegalArgumentException e) {
        violations.add(
            Sent.refusal(
                "service_request_id",
                REQUEST_ID,
                "must be an incident id (letters, digits, '.', '_', ':' or '-')",
                value));
      }
    }
    if (!values(parameters, "service_request_id").isEmpty()) {
      // "this overrides all other arguments": the rest are not read, so not refused either
      if (!violations.isEmpty()) {
        throw new InvalidInputException(SUBJECT, violations);
      }
      return all().withIds(ids);
    }
    List<CategoryCode> codes = new ArrayList<>();
    for (String value : values(parameters, "service_code")) {
      serviceCode(value).ifPresentOrElse(codes::add, () -> violations.add(badServiceCode(value)));
    }
    List<RequestStatus> statuses = new ArrayList<>();
    for (String value : values(parameters, "status")) {
      RequestStatus.parse(value)
          .ifPresentOrElse(
              statuses::add,
              () ->
                  violations.add(Sent.refusal("status", STATUS, "must be open or closed", value)));
    }
    Optional<Instant> start = datetime(parameters, "start_date", violations);
    Optional<Instant> end = datetime(parameters, "end_date", violations);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(SUBJECT, violations);
    }
    return new RequestQuery(
        ImmutableList.copyOf(ids),
        ImmutableSet.copyOf(codes),
        start,
        end,
        ImmutableSet.copyOf(statuses));
  }

  /**
   * The report instants asked for, both inclusive: the given bounds, a missing one filled in from
   * the other and {@code window}, both missing the window ending {@code now}.
   *
   * @throws InvalidInputException when the end is before the start or they span more than {@code
   *     window}
   */
  Instant[] window(Instant now, Duration window) {
    Instant to = end.orElseGet(() -> start.map(s -> s.plus(window)).orElse(now));
    Instant from = start.orElseGet(() -> to.minus(window));
    if (to.isBefore(from)) {
      throw new InvalidInputException(
          SUBJECT, Violation.of("end_date", WINDOW, "must not be before start_date " + from, to));
    }
    if (Duration.between(from, to).compareTo(window) > 0) {
      throw new InvalidInputException(
          SUBJECT,
          Violation.of(
              "end_date",
              WINDOW,
              "may not be more than " + span(window) + " after start_date " + from,
              to));
    }
    return new Instant[] {from, to};
  }

  /** The category code {@code text} names, or empty when it is not one (a service code). */
  static Optional<CategoryCode> serviceCode(String text) {
    try {
      return Optional.of(CategoryCode.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The violation of a {@code service_code} that is no category code. */
  static Violation badServiceCode(String text) {
    return Sent.refusal(
        "service_code", SERVICE_CODE, "must be a category code such as P0113 or E0402", text);
  }

  /** {@code 90 days}, {@code 36 hours}, or the ISO form when neither is whole. */
  private static String span(Duration window) {
    if (window.toSeconds() % 86_400 == 0 && window.getNano() == 0) {
      return window.toDays() + " days";
    }
    if (window.toSeconds() % 3_600 == 0 && window.getNano() == 0) {
      return window.toHours() + " hours";
    }
    return window.toString();
  }

  private static Optional<Instant> datetime(
      Map<String, List<String>> parameters, String name, List<Violation> violations) {
    List<String> values = values(parameters, name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      violations.add(Sent.refusal(name, DATETIME, "must be given once", String.join(",", values)));
      return Optional.empty();
    }
    String value = values.get(0);
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      violations.add(
          Sent.refusal(
              name,
              DATETIME,
              "must be a W3C datetime with a zone, such as 2010-01-01T00:00:00Z"
                  + (lostPlus(value)
                      ? " (the + of its offset must be encoded as %2B: a bare + in a"
                          + " query is read as a space)"
                      : ""),
              value));
      return Optional.empty();
    }
  }

  /**
   * Whether {@code value} is a datetime but for one space where its offset's {@code +} would be:
   * the sign sent unencoded and decoded as a space, as a query's {@code +} is. Still refused, not
   * mended: a space might be something else, and the client has to learn to encode it.
   */
  private static boolean lostPlus(String value) {
    int space = value.indexOf(' ');
    if (space < 0 || space != value.lastIndexOf(' ')) {
      return false;
    }
    try {
      OffsetDateTime.parse(value.substring(0, space) + '+' + value.substring(space + 1));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The parameter's values, each split at commas, stripped, blanks left out. */
  private static List<String> values(Map<String, List<String>> parameters, String name) {
    List<String> values = new ArrayList<>();
    for (String value : Parameters.given(parameters, name)) {
      for (String part : value.split(",", -1)) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    return values;
  }
}
