package org.gridgov.open311;

import com.google.common.collect.Comparators;
import com.google.common.collect.ImmutableList;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.gridgov.core.Directory;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.category.CategoryKind;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ActorKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.line.Line;
import org.gridgov.core.line.LineId;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.governance.CommandRefusedException;
import org.gridgov.governance.GridGovernance;

/**
 * gridgov as an Open311 GeoReport v2 endpoint: the service list from the directory's category
 * catalogue, the service requests from the case histories in the store (so every node sharing it
 * answers alike), in XML or JSON. {@link #get} answers the specification's GET methods for any HTTP
 * server, and {@link #post} takes reports when the builder allows it ({@link
 * Builder#acceptReports}):
 *
 * <pre>{@code
 * Open311 open311 = Open311.builder(governance).jurisdiction("dongcheng.gov.cn").build();
 * Open311Response response = open311.get("/requests.json", Map.of("status", List.of("open")));
 * // send response.status(), response.contentType() and response.body()
 * }</pre>
 *
 * <p>Free text stays out unless asked for ({@link Builder#freeText}): what residents write may name
 * people, phones and addresses, so by default a request shows its category, grid, line, times and
 * stage, and no description or reason. A store that drops archived incidents (the memory store's
 * {@code keepArchived(false)}) answers only for those it still holds.
 */
public final class Open311 {
  public static final RuleId LIMIT = RuleId.of("open311.limit");
  public static final RuleId WINDOW_LENGTH = RuleId.of("open311.window-length");
  public static final RuleId JURISDICTION = RuleId.of("open311.jurisdiction");
  public static final RuleId RESOURCE = RuleId.of("open311.resource");
  public static final RuleId API_KEY = RuleId.of("open311.api-key");
  public static final RuleId ENCODING = RuleId.of("open311.encoding");

  private final GridGovernance governance;
  private final String jurisdiction;
  private final boolean freeText;
  private final Duration window;
  private final int limit;
  private final ZoneId zone;
  private final Predicate<String> apiKeys;
  private final Locator locator;
  private final Source source;
  private final Discovery discovery;

  private Open311(Builder builder) {
    this.governance = builder.governance;
    this.jurisdiction = builder.jurisdiction;
    this.freeText = builder.freeText;
    this.window = builder.window;
    this.limit = builder.limit;
    this.zone = builder.zone;
    this.apiKeys = builder.apiKeys;
    this.locator = builder.locator;
    this.source = builder.source;
    this.discovery = builder.discovery;
  }

  public static Builder builder(GridGovernance governance) {
    return new Builder(governance);
  }

  /** Every category of the directory's catalogue, in code order. */
  public List<Service> services() {
    Directory directory = governance.directory();
    return directory.catalogue().all().stream()
        .sorted(Comparator.comparing(Category::code))
        .map(category -> service(category, directory))
        .collect(ImmutableList.toImmutableList());
  }

  /** The service of {@code code}, or empty when the code is malformed or not in the catalogue. */
  public Optional<Service> service(String code) {
    Objects.requireNonNull(code, "code");
    Directory directory = governance.directory();
    return RequestQuery.serviceCode(code)
        .flatMap(directory.catalogue()::find)
        .map(category -> service(category, directory));
  }

  /**
   * The requests {@code query} asks for: the named ones in the order named, or those reported in
   * its window, the most recently reported first (ties by id), at most the export's limit. None
   * before the policy's first version takes effect: the facade takes no report until then, so the
   * store is not read.
   *
   * @throws InvalidInputException when the query's window ends before it starts or is longer than
   *     the export's window, or it names more requests than the limit; nothing is read
   */
  public List<ServiceRequest> requests(RequestQuery query) {
    Objects.requireNonNull(query, "query");
    Instant now = governance.clock().instant();
    LinkedHashSet<IncidentId> ids = new LinkedHashSet<>(query.ids());
    if (ids.size() > limit) {
      throw new InvalidInputException(
          "open311.requests",
          Violation.of(
              "service_request_id",
              LIMIT,
              "may name at most " + limit + " requests",
              ids.size() + " ids"));
    }
    // the ids override the window, which is then not checked (nor read)
    Instant[] bounds = ids.isEmpty() ? query.window(now, window) : null;
    Optional<ZoneId> inForce = zoneInForce(now);
    if (inForce.isEmpty()) {
      return List.of();
    }
    Directory directory = governance.directory();
    ZoneId zone = inForce.get();
    if (!ids.isEmpty()) {
      List<ServiceRequest> found = new ArrayList<>();
      for (IncidentId id : ids) {
        stored(id, directory, zone).ifPresent(found::add);
      }
      return List.copyOf(found);
    }
    List<Map.Entry<Incident, List<IncidentEvent>>> chosen =
        recentFirst(query, bounds[0], bounds[1]);
    return chosen.stream()
        .map(e -> request(e.getKey(), e.getValue(), directory, zone))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The cases reported in {@code [from, to]} that pass the query's filters, the most recent first,
   * at most {@link #limit}. Read backwards from {@code to} in spans of a day, then two, four …:
   * once a span has brought the limit, the older spans cannot hold any of the most recent, so a
   * query without filters on a busy district reads about a day of histories rather than 90. Each
   * span reads the cases alive in it, older ones still open too; only those reported in it count.
   */
  private List<Map.Entry<Incident, List<IncidentEvent>>> recentFirst(
      RequestQuery query, Instant from, Instant to) {
    List<Map.Entry<Incident, List<IncidentEvent>>> chosen = new ArrayList<>();
    Instant upper = to.plusNanos(1);
    Duration span = Duration.ofDays(1);
    while (upper.isAfter(from) && chosen.size() < limit) {
      Instant lower = upper.minus(span).isAfter(from) ? upper.minus(span) : from;
      for (List<IncidentEvent> history : governance.histories(lower, upper)) {
        Instant reported = history.get(0).at();
        if (reported.isBefore(lower) || !reported.isBefore(upper)) {
          continue;
        }
        Incident incident = Incident.replay(history);
        if (!query.serviceCodes().isEmpty() && !query.serviceCodes().contains(incident.category())
            || !query.statuses().isEmpty()
                && !query.statuses().contains(RequestStatus.of(incident.stage()))) {
          continue;
        }
        chosen.add(Map.entry(incident, history));
      }
      upper = lower;
      span = span.multipliedBy(2);
    }
    Comparator<Map.Entry<Incident, List<IncidentEvent>>> recentFirst =
        Comparator.comparing(
                (Map.Entry<Incident, List<IncidentEvent>> e) -> e.getKey().reportedAt())
            .reversed()
            .thenComparing(e -> e.getKey().id());
    return chosen.stream().collect(Comparators.least(limit, recentFirst));
  }

  /**
   * The request of incident {@code id}, or empty when the store holds no such incident, or before
   * the policy's first version takes effect (as {@link #requests} answers none then).
   */
  public Optional<ServiceRequest> request(IncidentId id) {
    Objects.requireNonNull(id, "id");
    return zoneInForce(governance.clock().instant())
        .flatMap(zone -> stored(id, governance.directory(), zone));
  }

  /**
   * The request of incident {@code id} as stored, or empty when the store holds no such incident.
   */
  private Optional<ServiceRequest> stored(IncidentId id, Directory directory, ZoneId zone) {
    return stored(id).map(history -> request(Incident.replay(history), history, directory, zone));
  }

  /** The incident's history, read once, or empty when the store holds no such incident. */
  private Optional<List<IncidentEvent>> stored(IncidentId id) {
    try {
      return Optional.of(governance.history(id));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Answers a GeoReport v2 GET: {@code services.xml}, {@code services/{service_code}.json}, {@code
   * requests.xml} with its filters, {@code requests/{service_request_id}.json}, and {@code
   * discovery.json} when the builder was given a {@link Discovery} (a leading slash and a base path
   * before these are the server's business: pass the part after the base). The format is the
   * suffix; a path without {@code .xml} or {@code .json} is 404 in XML, the required format, an
   * unknown resource 404 in the format it asks for. A bad filter is 400 with one error per problem;
   * an unknown service or request is 404; a {@code jurisdiction_id} other than the one served is
   * 404.
   *
   * @param path the resource, such as {@code requests.json} or {@code /services/P0113.xml}
   * @param parameters the query parameters, each with its values as given
   */
  public Open311Response get(String path, Map<String, List<String>> parameters) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(parameters, "parameters");
    Optional<Resource> resource = Resource.of(path);
    if (resource.isEmpty()) {
      return error(
          Format.XML,
          404,
          Sent.refusal(
              "path",
              RESOURCE,
              "must be services, services/{code}, requests or requests/{id}, ending .xml or .json",
              path));
    }
    Format format = resource.get().format();
    String name = resource.get().name();
    Optional<Open311Response> elsewhere = otherJurisdiction(format, parameters);
    if (elsewhere.isPresent()) {
      return elsewhere.get();
    }
    if (name.equals("services")) {
      return new Open311Response(200, format, format.services(services()));
    }
    if (name.equals("discovery") && discovery != null) {
      return new Open311Response(200, format, format.discovery(discovery, changeset()));
    }
    if (name.equals("requests")) {
      try {
        return new Open311Response(
            200, format, format.requests(requests(RequestQuery.parse(parameters))));
      } catch (InvalidInputException e) {
        return Open311Response.errors(format, 400, e.violations());
      }
    }
    if (name.startsWith("services/")) {
      String code = name.substring("services/".length());
      return service(code)
          .map(s -> new Open311Response(200, format, format.serviceDefinition(s)))
          .orElseGet(
              () ->
                  error(
                      format,
                      404,
                      Sent.refusal(
                          "service_code", RESOURCE, "names no service of the catalogue", code)));
    }
    if (name.startsWith("requests/")) {
      String id = name.substring("requests/".length());
      Optional<ServiceRequest> request =
          Ids.isToken(id) ? request(IncidentId.of(id)) : Optional.empty();
      return request
          .map(r -> new Open311Response(200, format, format.requests(List.of(r))))
          .orElseGet(
              () ->
                  error(
                      format,
                      404,
                      Sent.refusal(
                          "service_request_id", RESOURCE, "names no request held here", id)));
    }
    return error(
        format,
        404,
        Sent.refusal(
            "path",
            RESOURCE,
            "must be services, services/{code}, requests or requests/{id}",
            path));
  }

  /**
   * Answers {@code POST requests.{xml,json}} (a form, {@code application/x-www-form-urlencoded},
   * read by the server into {@code form}): reports a case through {@link GridGovernance#report} and
   * answers its id. Only when the builder was given {@link Builder#acceptReports} and the form's
   * {@code api_key} passes it; else 403 (the key is never echoed). The case is placed by {@code
   * address_id}, the code of a grid or micro-grid, or by {@code lat} and {@code long} through the
   * builder's {@link Locator}; {@code address_string} alone cannot place it. {@code account_id},
   * when given, is stored as the reporter's account token (send a pseudonym: one written as a
   * mainland mobile or fixed-line number with its area code is refused); without it the reporter is
   * the channel, {@code external:open311}. The person's {@code email}, {@code first_name}, {@code
   * last_name}, {@code phone}, {@code device_id}, {@code media_url} and {@code attribute[...]} are
   * not stored. A service code not in the catalogue is 404; any other problem is 400 with one error
   * per problem, named by its form field, and a report the facade refuses (no version of the policy
   * in force yet) is 400 too; nothing is stored then.
   */
  public Open311Response post(String path, Map<String, List<String>> form) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(form, "form");
    Optional<Resource> resource = Resource.of(path);
    if (resource.isEmpty() || !resource.get().name().equals("requests")) {
      return error(
          resource.map(Resource::format).orElse(Format.XML),
          404,
          Sent.refusal(
              "path", RESOURCE, "must be requests.xml or requests.json to post a report", path));
    }
    Format format = resource.get().format();
    Optional<Open311Response> elsewhere = otherJurisdiction(format, form);
    if (elsewhere.isPresent()) {
      return elsewhere.get();
    }
    String key = Parameters.given(form, "api_key").stream().findFirst().orElse(null);
    if (apiKeys == null) {
      return error(
          format,
          403,
          Violation.of(
              "api_key", API_KEY, "cannot be accepted: this endpoint takes no reports", null));
    }
    if (key == null || !apiKeys.test(key.strip())) {
      return error(
          format,
          403,
          Violation.of(
              "api_key",
              API_KEY,
              key == null ? "is required to post a report" : "is not a valid key",
              null));
    }
    Directory directory = governance.directory();
    PostedReport.Read read = PostedReport.read(form, directory, locator, source);
    List<Violation> violations = read.violations();
    if (read.report().isPresent()) {
      try {
        IncidentId id = governance.report(read.report().get()).incident().id();
        return new Open311Response(
            200,
            format,
            format.created(
                id.value(),
                Optional.of(read.report().get().actor())
                    .filter(a -> a.kind() == ActorKind.RESIDENT)
                    .map(Actor::id)));
      } catch (InvalidInputException e) {
        violations = e.violations().stream().map(Open311::asFormField).toList();
      } catch (CommandRefusedException e) {
        // the specification keeps 403 for the api_key; a report refused by the facade (no
        // version of the policy in force yet) is a general service error, 400
        return error(
            format,
            400,
            Violation.of(
                "service_request",
                e.refusal().rule(),
                "cannot be taken: " + e.code() + ", " + e.refusal().message(),
                null));
      }
    }
    // a service code naming no service of the catalogue, whatever its form, is 404 as in GET
    // services/{code}: to a client it is an opaque id; any other problem makes it 400
    boolean allUnknown =
        violations.stream()
            .allMatch(
                v ->
                    v.rule().equals(PostedReport.UNKNOWN_SERVICE.value())
                        || v.rule().equals(RequestQuery.SERVICE_CODE.value()));
    return Open311Response.errors(format, allUnknown ? 404 : 400, violations);
  }

  /**
   * The parameters of a URL query or of a form body ({@code application/x-www-form-urlencoded}),
   * decoded as UTF-8, each name with its values in the order given: what {@link #get} and {@link
   * #post} take, for a server that hands over the raw text. Null or empty text gives no parameters.
   *
   * @throws InvalidInputException naming the parameter whose percent-encoding is broken
   */
  public static Map<String, List<String>> parameters(String encoded) {
    Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return parameters;
    }
    List<Violation> violations = new ArrayList<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
      String name = decoded(rawName);
      String value = decoded(rawValue);
      if (name != null && value != null) {
        parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else if (Sent.showable(name)) { // the value is broken, under a name a client would send
        violations.add(Violation.of(name, ENCODING, "has a broken %-escape", null));
      } else {
        violations.add(
            Violation.of("parameter", ENCODING, "has a broken %-escape" + Sent.NOT_SHOWN, null));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("open311.parameters", violations);
    }
    return parameters;
  }

  /** A violation of the facade's report, named by the form field it came from. */
  private static Violation asFormField(Violation violation) {
    String field =
        switch (violation.path()) {
          case "category" -> "service_code";
          case "grid", "microGrid" -> "address_id";
          case "actor" -> "account_id";
          default -> violation.path();
        };
    return new Violation(field, violation.rule(), violation.message(), violation.value());
  }

  /** {@code raw} decoded as UTF-8, or null when a %-escape in it is broken. */
  private static String decoded(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** 404 when the parameters name a jurisdiction other than the one served. */
  private Optional<Open311Response> otherJurisdiction(
      Format format, Map<String, List<String>> parameters) {
    for (String value : Parameters.given(parameters, "jurisdiction_id")) {
      if (jurisdiction != null
          && !value.strip().equalsIgnoreCase(jurisdiction)) { // a domain's case is no matter
        return Optional.of(
            error(
                format,
                404,
                Sent.refusal(
                    "jurisdiction_id",
                    JURISDICTION,
                    "is not served here (this endpoint serves " + jurisdiction + ")",
                    value)));
      }
    }
    return Optional.empty();
  }

  /** A resource path cut into its name ({@code requests/123}) and its format (the suffix). */
  private record Resource(String name, Format format) {
    /** The path without a leading slash, split at its last dot; empty without a known suffix. */
    static Optional<Resource> of(String path) {
      String resource = path.startsWith("/") ? path.substring(1) : path;
      int dot = resource.lastIndexOf('.');
      if (dot < 0 || dot < resource.lastIndexOf('/')) {
        return Optional.empty();
      }
      return Format.ofExtension(resource.substring(dot + 1))
          .map(format -> new Resource(resource.substring(0, dot), format));
    }
  }

  private static Open311Response error(Format format, int status, Violation violation) {
    return Open311Response.errors(format, status, List.of(violation));
  }

  /**
   * The discovery document's changeset: the directory's revision, zero-padded so that it sorts,
   * since the service list is the directory's catalogue.
   */
  private String changeset() {
    return String.format(Locale.ROOT, "revision-%012d", governance.directoryRevision());
  }

  /**
   * The zone requests are shown in at {@code now}: the builder's, else the policy's in force; empty
   * before the policy's first version takes effect, when the node's timeline (in memory) has taken
   * no report, so there is no request to show.
   */
  private Optional<ZoneId> zoneInForce(Instant now) {
    return governance.policy().at(now).map(policy -> zone != null ? zone : policy.zone());
  }

  private static Service service(Category category, Directory directory) {
    String kind = category.kind() == CategoryKind.PART ? "部件" : "事件";
    String line = lineName(category.defaultLine(), directory);
    return new Service(
        category.code().toString(),
        category.name(),
        category.name() + " (" + category.majorName() + ")",
        kind + ", " + line,
        category.majorName());
  }

  private static String lineName(LineId line, Directory directory) {
    return directory.lines().find(line).map(Line::name).orElse(line.value());
  }

  /** {@code incident} as a request; {@code history} is the history it was replayed from. */
  private ServiceRequest request(
      Incident incident, List<IncidentEvent> history, Directory directory, ZoneId zone) {
    IncidentReported reported = (IncidentReported) history.get(0);
    RequestStatus status = RequestStatus.of(incident.stage());
    IncidentEvent settled = null;
    for (IncidentEvent event : history) {
      if (event instanceof IncidentClosed || event instanceof IncidentRejected) {
        settled = event;
      }
    }
    String notes;
    Instant updated;
    if (status == RequestStatus.CLOSED && settled != null) {
      updated = settled.at();
      if (freeText && !settled.reason().isBlank()) {
        notes = settled.reason();
      } else if (settled instanceof IncidentRejected rejected) {
        notes = "rejected as " + rejected.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      } else {
        notes = "closed";
      }
    } else {
      updated = incident.lastChangedAt();
      notes =
          incident.stage() == Stage.REGISTERED && incident.awaitsCentre()
              ? "referred"
              : incident.stage().name().toLowerCase(Locale.ROOT);
    }
    CategoryCode code = incident.category();
    AreaCode grid = incident.grid();
    return new ServiceRequest(
        incident.id().value(),
        status,
        notes,
        code.toString(),
        directory.catalogue().find(code).map(Category::name).orElse(code.toString()),
        // a report without a description has none to show: left out, as every valueless field
        freeText ? Optional.of(reported.description()).filter(d -> !d.isBlank()) : Optional.empty(),
        incident.line().map(line -> lineName(line, directory)),
        OffsetDateTime.ofInstant(incident.reportedAt(), zone),
        OffsetDateTime.ofInstant(updated, zone),
        incident.replyBy().map(at -> OffsetDateTime.ofInstant(at, zone)),
        address(grid, directory),
        incident.microGrid().orElse(grid).value());
  }

  /** The names of the grid and of the areas above it, most specific first. */
  private static String address(AreaCode grid, Directory directory) {
    Optional<Area> area = directory.territory().find(grid);
    if (area.isEmpty()) {
      return grid.value();
    }
    List<String> names = new ArrayList<>();
    names.add(area.get().name());
    directory.territory().ancestors(grid).forEach(a -> names.add(a.name()));
    return String.join(", ", names);
  }

  /** Builds an {@link Open311}; every setting but the governance has a default. */
  public static final class Builder {
    private final GridGovernance governance;
    private String jurisdiction;
    private boolean freeText;
    private Duration window = Duration.ofDays(90);
    private int limit = 1000;
    private ZoneId zone;
    private Predicate<String> apiKeys;
    private Locator locator;
    private Source source = Source.APP;
    private Discovery discovery;

    private Builder(GridGovernance governance) {
      this.governance = Objects.requireNonNull(governance, "governance");
    }

    /**
     * The {@code jurisdiction_id} served (the specification suggests the city's web domain): a
     * request naming another is answered 404, one that differs in case only is served, as domain
     * names ignore case. Unset, the parameter is ignored.
     */
    public Builder jurisdiction(String value) {
      this.jurisdiction = Checks.notBlank(JURISDICTION, "jurisdiction", value).strip();
      return this;
    }

    /**
     * Whether requests show free text: the reporter's description, and the reason given when the
     * case was closed or rejected as its status notes. Off by default, since residents' words may
     * name people, phones and addresses; turn it on only where they are fit to publish.
     */
    public Builder freeText(boolean value) {
      this.freeText = value;
      return this;
    }

    /**
     * The longest span of report times one query may ask for, and the span a query without bounds
     * covers, ending now. The specification's default is 90 days.
     */
    public Builder window(Duration value) {
      this.window = Checks.positive(WINDOW_LENGTH, "window", value);
      return this;
    }

    /** The most requests one answer holds: the specification's default is 1,000. */
    public Builder limit(int value) {
      this.limit = Checks.atLeast(LIMIT, "limit", 1, value);
      return this;
    }

    /** The zone of the times written; by default the zone of the policy in force. */
    public Builder zone(ZoneId value) {
      this.zone = Objects.requireNonNull(value, "zone");
      return this;
    }

    /**
     * Takes reports by {@code POST requests} from clients whose {@code api_key} passes {@code
     * keys}; without it every post is refused (403).
     */
    public Builder acceptReports(Predicate<String> keys) {
      this.apiKeys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /** Places reports posted with {@code lat} and {@code long} in a grid. */
    public Builder locator(Locator value) {
      this.locator = Objects.requireNonNull(value, "locator");
      return this;
    }

    /** The source posted reports are stored with: {@link Source#APP} by default. */
    public Builder reportSource(Source value) {
      this.source = Objects.requireNonNull(value, "reportSource");
      return this;
    }

    /** Serves {@code discovery.xml} and {@code discovery.json}; without it they are 404. */
    public Builder discovery(Discovery value) {
      this.discovery = Objects.requireNonNull(value, "discovery");
      return this;
    }

    public Open311 build() {
      return new Open311(this);
    }
  }
}
