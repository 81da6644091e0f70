package org.gridgov.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Source;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.internal.TreeReader;
import org.gridgov.core.internal.WorkingTimeTree;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.core.territory.Level;

/** Maps the policy tree (from YAML or JSON) onto {@link PolicySet}, collecting parse violations. */
final class PolicyTree {
  /** Policy files' rule ids; a whole number too large for an int is of the wrong type here. */
  private static final TreeReader.Rules RULES =
      new TreeReader.Rules(
          PolicyRules.REQUIRED,
          PolicyRules.UNKNOWN_FIELD,
          PolicyRules.TYPE,
          PolicyRules.TYPE,
          PolicyRules.DURATION,
          PolicyRules.MONEY,
          PolicyRules.ENUM,
          PolicyRules.MONEY,
          0,
          0,
          null);

  private final TreeReader r = new TreeReader(RULES);

  TreeReader reader() {
    return r;
  }

  /** The policy read from {@code root}; null when the root is not an object. */
  PolicySet read(JsonNode root) {
    JsonNode n =
        r.object(
            root,
            "",
            true,
            "id",
            "version",
            "effectiveFrom",
            "zone",
            "source",
            "dispatch",
            "returns",
            "verification",
            "escalation",
            "targets",
            "pay",
            "callback",
            "extension",
            "suspension");
    if (n == null) {
      return null;
    }
    String id = r.text(n.get("id"), "id", true);
    int version = r.integer(n.get("version"), "version");
    String effectiveFrom = r.text(n.get("effectiveFrom"), "effectiveFrom", true);
    ZoneId zone = zone(r.text(n.get("zone"), "zone", true));
    return new PolicySet(
        id,
        version,
        instant(effectiveFrom, zone),
        zone,
        r.text(n.get("source"), "source", true),
        dispatch(n.get("dispatch")),
        returns(n.get("returns")),
        verification(n.get("verification")),
        escalation(n.get("escalation")),
        r.map(n.get("targets"), "targets", this::level, this::range),
        Optional.ofNullable(pay(n.get("pay"))),
        callback(n.get("callback")),
        extension(n.get("extension")),
        suspension(n.get("suspension")));
  }

  /** The optional {@code extension} section; none when absent. */
  private ExtensionPolicy extension(JsonNode node) {
    JsonNode n = r.object(node, "extension", false, "limit", "longest", "beforeDeadline");
    if (n == null) {
      return ExtensionPolicy.none();
    }
    return new ExtensionPolicy(
        optionalInteger(n.get("limit"), "extension.limit"),
        Optional.ofNullable(r.duration(n.get("longest"), "extension.longest", false)),
        r.flag(n.get("beforeDeadline"), "extension.beforeDeadline"));
  }

  /** The optional {@code suspension} section; none when absent. */
  private SuspensionPolicy suspension(JsonNode node) {
    JsonNode n = r.object(node, "suspension", false, "limit", "longest");
    if (n == null) {
      return SuspensionPolicy.none();
    }
    return new SuspensionPolicy(
        optionalInteger(n.get("limit"), "suspension.limit"),
        Optional.ofNullable(r.duration(n.get("longest"), "suspension.longest", false)));
  }

  private Optional<Integer> optionalInteger(JsonNode node, String path) {
    return TreeReader.absent(node) ? Optional.empty() : Optional.of(r.integer(node, path));
  }

  /** The optional {@code callback} section; none when absent. */
  private CallbackPolicy callback(JsonNode node) {
    JsonNode n = r.object(node, "callback", false, "reopenLimit", "reopenWithin");
    if (n == null) {
      return CallbackPolicy.none();
    }
    return new CallbackPolicy(
        optionalInteger(n.get("reopenLimit"), "callback.reopenLimit"),
        Optional.ofNullable(r.duration(n.get("reopenWithin"), "callback.reopenWithin", false)));
  }

  private DispatchPolicy dispatch(JsonNode node) {
    JsonNode n =
        r.object(
            node,
            "dispatch",
            true,
            "claimWindow",
            "replyWithin",
            "supervisionAfter",
            "categoryDeadlines",
            "workingTime",
            "timeLimits",
            "registerWithin");
    if (n == null) {
      return null;
    }
    Duration claimWindow = r.duration(n.get("claimWindow"), "dispatch.claimWindow", true);
    Duration replyWithin = r.duration(n.get("replyWithin"), "dispatch.replyWithin", true);
    Duration supervisionAfter =
        r.duration(n.get("supervisionAfter"), "dispatch.supervisionAfter", true);
    var categoryDeadlines =
        r.map(
            n.get("categoryDeadlines"),
            "dispatch.categoryDeadlines",
            this::code,
            (v, p) -> r.duration(v, p, true));
    return new DispatchPolicy(
        claimWindow,
        replyWithin,
        supervisionAfter,
        categoryDeadlines,
        Optional.ofNullable(workingTime(n.get("workingTime"))),
        timeLimits(
            n.get("timeLimits"), categoryDeadlines == null ? Set.of() : categoryDeadlines.keySet()),
        r.durationsBy(n.get("registerWithin"), "dispatch.registerWithin", TimeLimit.Grade.class));
  }

  /**
   * The rows at {@code dispatch.timeLimits}: empty when absent, and when any row is bad (already
   * reported), so that the later checks never see a row at another index than the file's; the rows
   * that parsed are then checked here, at their own indices, as the later checks would (a positive
   * limit, something named, no two alike, no clash with {@code categoryDeadlines}), so that one bad
   * row does not hide the others' problems.
   */
  private ImmutableList<TimeLimit> timeLimits(JsonNode node, Set<CategoryCode> categoryDeadlines) {
    String path = "dispatch.timeLimits";
    if (TreeReader.absent(node)) {
      return ImmutableList.of();
    }
    if (!node.isArray()) {
      return r.fail(path, PolicyRules.TYPE, "must be a list", node.getNodeType());
    }
    ImmutableList.Builder<TimeLimit> rows = ImmutableList.builder();
    List<Integer> indices = new ArrayList<>();
    int before = r.violations().size();
    for (int i = 0; i < node.size(); i++) {
      int rowBefore = r.violations().size();
      String at = path + "[" + i + "]";
      JsonNode row =
          r.object(
              node.get(i),
              at,
              true,
              "category",
              "line",
              "source",
              "grade",
              "areaKind",
              "replyWithin");
      if (row == null) {
        continue;
      }
      String category = r.text(row.get("category"), at + ".category", false);
      if (category != null && !TimeLimit.isPrefix(category)) {
        r.fail(
            at + ".category",
            PolicyRules.ENUM,
            "must be a category code or prefix such as E, E05 or P0113",
            category);
      }
      String line = r.text(row.get("line"), at + ".line", false);
      if (line != null && !Ids.isToken(line)) {
        r.fail(
            at + ".line", PolicyRules.ID, "must be a line id (letters, digits and . _ : -)", line);
      }
      String source = r.text(row.get("source"), at + ".source", false);
      Source s = source == null ? null : r.enumValue(source, at + ".source", Source.class);
      String grade = r.text(row.get("grade"), at + ".grade", false);
      TimeLimit.Grade g =
          grade == null ? null : r.enumValue(grade, at + ".grade", TimeLimit.Grade.class);
      String kind = r.text(row.get("areaKind"), at + ".areaKind", false);
      AreaKind k = kind == null ? null : r.enumValue(kind, at + ".areaKind", AreaKind.class);
      Duration limit = r.duration(row.get("replyWithin"), at + ".replyWithin", true);
      if (r.violations().size() == rowBefore) {
        rows.add(
            new TimeLimit(
                Optional.ofNullable(category),
                Optional.ofNullable(line).map(LineId::of),
                Optional.ofNullable(s),
                Optional.ofNullable(g),
                Optional.ofNullable(k),
                limit));
        indices.add(i);
      }
    }
    if (r.violations().size() == before) {
      return rows.build();
    }
    List<TimeLimit> parsed = rows.build();
    for (int i = 0; i < parsed.size(); i++) {
      Duration limit = parsed.get(i).replyWithin();
      if (limit.isZero() || limit.isNegative()) {
        r.fail(
            path + "[" + indices.get(i) + "].replyWithin",
            PolicyRules.DURATION,
            "must be positive",
            limit);
      }
    }
    PolicyChecks.timeLimits(r.violations(), parsed, indices, categoryDeadlines);
    return ImmutableList.of();
  }

  /** The working time at {@code dispatch.workingTime}; null when absent or when any part is bad. */
  private WorkingTime workingTime(JsonNode node) {
    Map<String, WorkingTime.Limit> limits = new LinkedHashMap<>();
    for (WorkingTime.Limit limit : WorkingTime.Limit.values()) {
      limits.put(limit.field(), limit);
    }
    return WorkingTimeTree.read(r, node, "dispatch.workingTime", limits);
  }

  private ReturnPolicy returns(JsonNode node) {
    JsonNode n = r.object(node, "returns", true, "bounceLimit");
    return n == null
        ? null
        : new ReturnPolicy(r.integer(n.get("bounceLimit"), "returns.bounceLimit"));
  }

  private VerificationPolicy verification(JsonNode node) {
    JsonNode n = r.object(node, "verification", true, "maxReworks", "within", "verifiers");
    if (n == null) {
      return null;
    }
    String verifiers = r.text(n.get("verifiers"), "verification.verifiers", false);
    return new VerificationPolicy(
        r.integer(n.get("maxReworks"), "verification.maxReworks"),
        r.durationsBy(n.get("within"), "verification.within", AreaKind.class),
        verifiers == null
            ? VerificationPolicy.Verifiers.ANY_OTHER_WORKER
            : r.enumValue(verifiers, "verification.verifiers", VerificationPolicy.Verifiers.class));
  }

  private EscalationPolicy escalation(JsonNode node) {
    JsonNode n = r.object(node, "escalation", true, "mode", "quota", "authority", "quotaBasis");
    if (n == null) {
      return null;
    }
    String mode = r.text(n.get("mode"), "escalation.mode", true);
    ImmutableMap<Level, BigDecimal> quota =
        r.map(n.get("quota"), "escalation.quota", this::level, (v, p) -> r.decimal(v, p, true));
    ImmutableMap<Level, ImmutableSet<String>> authority =
        r.map(n.get("authority"), "escalation.authority", this::level, this::prefixes);
    String basis = r.text(n.get("quotaBasis"), "escalation.quotaBasis", false);
    return new EscalationPolicy(
        mode == null ? null : r.enumValue(mode, "escalation.mode", QuotaMode.class),
        quota,
        authority,
        basis == null
            ? QuotaBasis.MONTH_SO_FAR
            : r.enumValue(basis, "escalation.quotaBasis", QuotaBasis.class));
  }

  /** A list of category code prefixes: P or E, then 2 to 5 digits. */
  private ImmutableSet<String> prefixes(JsonNode node, String path) {
    if (!node.isArray()) {
      return r.fail(path, PolicyRules.TYPE, "must be a list of category code prefixes", node);
    }
    ImmutableSet.Builder<String> result = ImmutableSet.builder();
    for (int i = 0; i < node.size(); i++) {
      String prefix = r.text(node.get(i), path + "[" + i + "]", true);
      if (prefix != null && !prefix.matches("[PE][0-9]{2,5}")) {
        r.fail(
            path + "[" + i + "]",
            PolicyRules.ENUM,
            "must be a category code prefix such as E04 or P0113",
            prefix);
      } else if (prefix != null) {
        result.add(prefix);
      }
    }
    return result.build();
  }

  private ShareRange range(JsonNode node, String path) {
    JsonNode n = r.object(node, path, true, "min", "max");
    return n == null
        ? null
        : new ShareRange(
            r.decimal(n.get("min"), path + ".min", true),
            r.decimal(n.get("max"), path + ".max", true));
  }

  private PayPolicy pay(JsonNode node) {
    JsonNode n = r.object(node, "pay", false, "gradedPayShare", "pieceRates", "allowance");
    if (n == null) {
      return null;
    }
    JsonNode rates =
        r.object(
            n.get("pieceRates"),
            "pay.pieceRates",
            false,
            "qualityReport",
            "majorEventMin",
            "majorEventMax");
    JsonNode allowance =
        r.object(
            n.get("allowance"), "pay.allowance", false, "monthly", "basicShare", "assessedShare");
    return new PayPolicy(
        Optional.ofNullable(r.decimal(n.get("gradedPayShare"), "pay.gradedPayShare", false)),
        Optional.ofNullable(
            rates == null
                ? null
                : new PieceRates(
                    r.money(rates.get("qualityReport"), "pay.pieceRates.qualityReport", true),
                    r.money(rates.get("majorEventMin"), "pay.pieceRates.majorEventMin", true),
                    r.money(rates.get("majorEventMax"), "pay.pieceRates.majorEventMax", true))),
        Optional.ofNullable(
            allowance == null
                ? null
                : new Allowance(
                    r.money(allowance.get("monthly"), "pay.allowance.monthly", true),
                    r.decimal(allowance.get("basicShare"), "pay.allowance.basicShare", true),
                    r.decimal(
                        allowance.get("assessedShare"), "pay.allowance.assessedShare", true))));
  }

  private Level level(String key, String path) {
    return r.enumValue(key, path, Level.class);
  }

  private CategoryCode code(String key, String path) {
    try {
      return CategoryCode.parse(key);
    } catch (IllegalArgumentException e) {
      return r.fail(path, PolicyRules.ENUM, "must be a category code such as E0501", key);
    }
  }

  private ZoneId zone(String text) {
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      return r.fail("zone", PolicyRules.ZONE, "must be a zone id such as Asia/Shanghai", text);
    }
  }

  private Instant instant(String text, ZoneId zone) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        LocalDate date = LocalDate.parse(text);
        // with the zone already refused, UTC stands in so that effectiveFrom is not also
        // reported missing: the policy is refused for its zone alone
        return date.atStartOfDay(zone == null ? java.time.ZoneOffset.UTC : zone).toInstant();
      } catch (DateTimeParseException notDate) {
        return r.fail(
            "effectiveFrom",
            PolicyRules.INSTANT,
            "must be an ISO offset date-time such as 2015-01-01T00:00:00+08:00 or a date",
            text);
      }
    }
  }
}
