package org.gridgov.storage.jdbc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.policy.PayPolicy;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.QuotaBasis;
import org.gridgov.core.policy.TimeLimit;
import org.gridgov.core.policy.VerificationPolicy;
import org.gridgov.core.policy.WorkingTime;

/**
 * A {@link PolicySet} as the JSON policy document {@link PolicyLoader#fromJson} reads, so a stored
 * policy is also a valid policy file. Durations are ISO-8601, amounts in yuan, shares as exact
 * decimals; reading validates the policy again.
 */
public final class PolicyCodec {
  private PolicyCodec() {}

  public static String write(PolicySet p) {
    Objects.requireNonNull(p, "policy");
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("id", p.id());
    root.put("version", p.version());
    root.put("effectiveFrom", p.effectiveFrom().toString());
    root.put("zone", p.zone().getId());
    root.put("source", p.source());
    ObjectNode dispatch = root.putObject("dispatch");
    dispatch.put("claimWindow", p.dispatch().claimWindow().toString());
    dispatch.put("replyWithin", p.dispatch().replyWithin().toString());
    dispatch.put("supervisionAfter", p.dispatch().supervisionAfter().toString());
    durations(dispatch.putObject("categoryDeadlines"), p.dispatch().categoryDeadlines());
    p.dispatch().workingTime().ifPresent(w -> workingTime(dispatch.putObject("workingTime"), w));
    if (!p.dispatch().registerWithin().isEmpty()) {
      durations(dispatch.putObject("registerWithin"), p.dispatch().registerWithin());
    }
    if (!p.dispatch().timeLimits().isEmpty()) {
      ArrayNode rows = dispatch.putArray("timeLimits");
      for (TimeLimit limit : p.dispatch().timeLimits()) {
        ObjectNode row = rows.addObject();
        limit.category().ifPresent(c -> row.put("category", c));
        limit.line().ifPresent(l -> row.put("line", l.value()));
        limit.source().ifPresent(s -> row.put("source", s.name()));
        limit.grade().ifPresent(g -> row.put("grade", g.name()));
        limit.areaKind().ifPresent(k -> row.put("areaKind", k.name()));
        row.put("replyWithin", limit.replyWithin().toString());
      }
    }
    root.putObject("returns").put("bounceLimit", p.returns().bounceLimit());
    ObjectNode verification =
        root.putObject("verification").put("maxReworks", p.verification().maxReworks());
    if (!p.verification().within().isEmpty()) {
      durations(verification.putObject("within"), p.verification().within());
    }
    // written only when not the default, so a policy stored before the field reads the same
    if (p.verification().verifiers() != VerificationPolicy.Verifiers.ANY_OTHER_WORKER) {
      verification.put("verifiers", p.verification().verifiers().name());
    }
    ObjectNode escalation = root.putObject("escalation");
    escalation.put("mode", p.escalation().mode().name());
    decimals(escalation.putObject("quota"), p.escalation().quota());
    if (p.escalation().quotaBasis()
        != QuotaBasis.MONTH_SO_FAR) { // as verifiers: only when not default
      escalation.put("quotaBasis", p.escalation().quotaBasis().name());
    }
    if (!p.escalation().authority().isEmpty()) {
      ObjectNode authority = escalation.putObject("authority");
      p.escalation()
          .authority()
          .forEach(
              (level, prefixes) -> {
                ArrayNode list = authority.putArray(level.name());
                prefixes.forEach(list::add);
              });
    }
    ObjectNode targets = root.putObject("targets");
    p.targets()
        .forEach(
            (level, range) ->
                targets.putObject(level.name()).put("min", range.min()).put("max", range.max()));
    p.pay().ifPresent(pay -> pay(root.putObject("pay"), pay));
    if (p.callback().limitsReopening()) {
      ObjectNode callback = root.putObject("callback");
      p.callback().reopenLimit().ifPresent(limit -> callback.put("reopenLimit", limit));
      p.callback()
          .reopenWithin()
          .ifPresent(within -> callback.put("reopenWithin", within.toString()));
    }
    if (p.extension().limitsExtension()) {
      ObjectNode extension = root.putObject("extension");
      p.extension().limit().ifPresent(limit -> extension.put("limit", limit));
      p.extension().longest().ifPresent(longest -> extension.put("longest", longest.toString()));
      if (p.extension().beforeDeadline()) {
        extension.put("beforeDeadline", true);
      }
    }
    if (p.suspension().limitsSuspension()) {
      ObjectNode suspension = root.putObject("suspension");
      p.suspension().limit().ifPresent(limit -> suspension.put("limit", limit));
      p.suspension().longest().ifPresent(longest -> suspension.put("longest", longest.toString()));
    }
    return Json.write(root);
  }

  /** Writes each of {@code limits} into {@code node}: its key as text, its duration ISO-8601. */
  private static void durations(ObjectNode node, Map<?, Duration> limits) {
    limits.forEach((key, limit) -> node.put(key.toString(), limit.toString()));
  }

  /**
   * Reads a document written by {@link #write}.
   *
   * @throws JsonFormatException when the document is no longer a valid policy
   */
  public static PolicySet read(String json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    try {
      return PolicyLoader.fromJson(new StringReader(json), sourceName);
    } catch (InvalidInputException e) {
      throw new JsonFormatException(
          "the stored policy "
              + sourceName
              + " is no longer valid: "
              + e.violations().size()
              + " violation(s)",
          e);
    }
  }

  private static void workingTime(ObjectNode node, WorkingTime working) {
    ArrayNode hours = node.putArray("hours");
    working.hours().forEach(period -> hours.add(period.toString()));
    ArrayNode workdays = node.putArray("workdays");
    working.workdays().forEach(day -> workdays.add(day.name()));
    ArrayNode holidays = node.putArray("holidays");
    working.holidays().forEach(date -> holidays.add(date.toString()));
    ArrayNode extra = node.putArray("extraWorkdays");
    working.extraWorkdays().forEach(date -> extra.add(date.toString()));
    ArrayNode appliesTo = node.putArray("appliesTo");
    working.appliesTo().forEach(limit -> appliesTo.add(limit.field()));
  }

  private static void pay(ObjectNode node, PayPolicy pay) {
    pay.gradedPayShare().ifPresent(share -> node.put("gradedPayShare", share));
    pay.pieceRates()
        .ifPresent(
            r ->
                node.putObject("pieceRates")
                    .put("qualityReport", yuan(r.qualityReport()))
                    .put("majorEventMin", yuan(r.majorEventMin()))
                    .put("majorEventMax", yuan(r.majorEventMax())));
    pay.allowance()
        .ifPresent(
            a ->
                node.putObject("allowance")
                    .put("monthly", yuan(a.monthly()))
                    .put("basicShare", a.basicShare())
                    .put("assessedShare", a.assessedShare()));
  }

  private static void decimals(ObjectNode node, Map<? extends Enum<?>, BigDecimal> values) {
    values.forEach((key, value) -> node.put(key.name(), value));
  }

  private static BigDecimal yuan(Money money) {
    return money.yuan();
  }
}
