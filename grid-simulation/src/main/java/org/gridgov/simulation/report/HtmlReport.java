package org.gridgov.simulation.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.gridgov.core.Money;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.ShareRange;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.escalation.SettlementReport;
import org.gridgov.rules.escalation.SettlementReport.TargetCheck;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.indicator.Percentiles;
import org.gridgov.scoring.indicator.UnitIndicators;
import org.gridgov.scoring.pay.PayLine;
import org.gridgov.scoring.pay.PayStatement;
import org.gridgov.scoring.ranking.RankedEntry;
import org.gridgov.scoring.ranking.Ranking;
import org.gridgov.simulation.Arrivals;
import org.gridgov.simulation.Behaviour;
import org.gridgov.simulation.Comparison;
import org.gridgov.simulation.LineLoad;
import org.gridgov.simulation.Replications;
import org.gridgov.simulation.Schedule;
import org.gridgov.simulation.Scores;
import org.gridgov.simulation.SimulationConfig;
import org.gridgov.simulation.SimulationResult;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.UnitScore;
import org.gridgov.simulation.report.Svg.Series;

/**
 * One self-contained HTML page for a run (and optionally a second policy on the same seed): tables
 * and inline SVG charts, no script and no external resource.
 */
public final class HtmlReport {
  /** The upper bounds of the time-to-close chart's ranges, in hours; result.json counts alike. */
  static final int[] CLOSURE_BUCKETS_HOURS = {4, 8, 24, 48, 72, 120, 168};

  private static final int TOP = 10;

  private HtmlReport() {}

  /**
   * The page for {@code result}; {@code targets} is the policy's target split (empty: Dongcheng's
   * is shown for reference); {@code other} a second policy's run on the same seed, judged by the
   * same targets (see {@link #render(String, SimulationResult, Map, Optional, Map, Optional,
   * Optional)} for a second policy with targets of its own).
   */
  public static String render(
      String title,
      SimulationResult result,
      Map<Level, ShareRange> targets,
      Optional<SimulationResult> other) {
    return render(title, result, targets, other, Optional.empty());
  }

  /**
   * The page as {@link #render(String, SimulationResult, Map, Optional)}, with {@code study}'s
   * estimates over several seeds after the summary; its first replication is {@code result} against
   * {@code other}.
   */
  public static String render(
      String title,
      SimulationResult result,
      Map<Level, ShareRange> targets,
      Optional<SimulationResult> other,
      Optional<Replications> study) {
    return render(title, result, targets, other, study, Optional.empty());
  }

  /**
   * The page as {@link #render(String, SimulationResult, Map, Optional, Optional)}, with {@code
   * sweep}'s scenarios side by side after the summary; {@code result} is its first scenario's run
   * on the sweep's first seed.
   */
  public static String render(
      String title,
      SimulationResult result,
      Map<Level, ShareRange> targets,
      Optional<SimulationResult> other,
      Optional<Replications> study,
      Optional<Sweep> sweep) {
    return render(title, result, targets, other, targets, study, sweep);
  }

  /**
   * The page for {@code result}, judged by its policy's {@code targets}, and for {@code other}, a
   * second policy's run on the same seed, judged by that policy's {@code otherTargets} (each empty:
   * Dongcheng's are shown for reference); {@code study} and {@code sweep} as in {@link
   * #render(String, SimulationResult, Map, Optional, Optional, Optional)}. With a second run, every
   * section of one run's figures shows both, each under its policy's name, their charts on one
   * scale.
   */
  public static String render(
      String title,
      SimulationResult result,
      Map<Level, ShareRange> targets,
      Optional<SimulationResult> other,
      Map<Level, ShareRange> otherTargets,
      Optional<Replications> study,
      Optional<Sweep> sweep) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>")
        .append(Svg.escape(title))
        .append("</title><style>")
        .append("body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#1a202c}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #cbd5e0;")
        .append("padding:3px 8px;text-align:right}th{background:#edf2f7}td:first-child,")
        .append("th:first-child{text-align:left}h2{margin-top:2em}</style></head><body>\n");
    List<Run> runs =
        other
            .map(
                b -> {
                  Comparison both = new Comparison(result, b);
                  return List.of(
                      new Run(both.labelA(), result, targets),
                      new Run(both.labelB(), b, otherTargets));
                })
            .orElse(List.of(new Run(result.policy(), result, targets)));
    String labelA = runs.get(0).label();
    html.append("<h1>")
        .append(Svg.escape(title))
        .append("</h1>\n<p>Policy <b>")
        .append(Svg.escape(labelA))
        .append("</b>, seed ")
        .append(result.seed())
        .append(", ")
        .append(result.days().get(0).day())
        .append(" to ")
        .append(result.days().get(result.days().size() - 1).day())
        .append(" (")
        .append(result.days().size())
        .append(" days), ")
        .append(Svg.format(result.grids()))
        .append(" grids, ")
        .append(Svg.format(result.workers()))
        .append(" workers");
    // --compare-setup may staff the district otherwise
    other
        .filter(b -> b.grids() != result.grids() || b.workers() != result.workers())
        .ifPresent(
            b ->
                html.append(" (the second run's: ")
                    .append(Svg.format(b.grids()))
                    .append(" grids, ")
                    .append(Svg.format(b.workers()))
                    .append(" workers)"));
    html.append(".</p>\n");
    String setup = setup(result.config());
    html.append("<p>Setup ")
        .append(setup)
        .append(" (<code>setup.yaml</code> holds every setting).</p>\n");
    other
        .map(b -> setup(b.config()))
        .filter(second -> !second.equals(setup))
        .ifPresent(
            second ->
                html.append("<p>The second run's setup ")
                    .append(second)
                    .append(" (<code>compare-setup.yaml</code>).</p>\n"));
    if (runs.size() > 1) {
      html.append("<p>Compared with policy <b>")
          .append(Svg.escape(runs.get(1).label()))
          .append("</b> on the same seed: the summary puts the two side by side, and each ")
          .append("section of one run's figures shows both runs, each under its policy's name, <b>")
          .append(Svg.escape(labelA))
          .append("</b> first, their charts on one scale (the ")
          .append("second run's files are the <code>compare-*</code> ones).</p>\n");
    }
    summary(html, result, other);
    study.ifPresent(r -> replications(html, r));
    sweep.ifPresent(w -> sweep(html, w));
    days(html, runs);
    hours(html, runs);
    closureTimes(html, runs);
    settlement(html, runs);
    lines(html, runs);
    units(html, "Grids", runs, SimulationResult::gridScores);
    // grid workers and department staff do different work: each is ranked among its own kind
    units(html, "Grid workers", runs, r -> workers(r, true));
    units(html, "Department staff", runs, r -> workers(r, false));
    streets(html, runs);
    rankings(html, runs);
    pay(html, runs);
    html.append(
        "<p style='color:#718096'>Made by gridgov's simulation. Synthetic grids and staff on "
            + "a real division ladder; every figure depends on the seed and the documented behaviour "
            + "defaults.</p></body></html>\n");
    return html.toString();
  }

  /** One run the page shows: its name there, its result, and the targets its split is judged by. */
  private record Run(String label, SimulationResult result, Map<Level, ShareRange> targets) {}

  /**
   * Each run's part of a section: the one run's as it is, or each run's under a heading naming its
   * policy (the first run's first).
   */
  private static void eachRun(StringBuilder html, List<Run> runs, Consumer<Run> part) {
    for (Run run : runs) {
      if (runs.size() > 1) {
        html.append("<h3>").append(Svg.escape(run.label())).append("</h3>\n");
      }
      part.accept(run);
    }
  }

  /** A chart's title: with a second run, naming the run it is of. */
  private static String chart(String title, List<Run> runs, Run run) {
    return runs.size() > 1 ? title + ", " + run.label() : title;
  }

  /**
   * The level of the headings inside one run's part of a section: 3 for the one run, 4 under the
   * heading naming a run's policy.
   */
  private static int level(List<Run> runs) {
    return runs.size() > 1 ? 4 : 3;
  }

  private static String heading(int level, String text) {
    return "<h" + level + ">" + Svg.escape(text) + "</h" + level + ">\n";
  }

  /**
   * The largest of {@code values} over every run, the least top their charts share; 0 for one run,
   * whose charts each keep their own scale.
   */
  private static double top(List<Run> runs, Function<SimulationResult, DoubleStream> values) {
    return runs.size() == 1
        ? 0
        : runs.stream().flatMapToDouble(r -> values.apply(r.result())).max().orElse(0);
  }

  /**
   * {@code result}'s grid workers (those its scoring ranks) or its department staff (the others),
   * in rank order.
   */
  private static List<UnitScore> workers(SimulationResult result, boolean grid) {
    Set<String> gridWorkers =
        result.scores().get(0).ranking(UnitKind.WORKER).entries().stream()
            .map(e -> e.unit().id())
            .collect(Collectors.toSet());
    return result.workerScores().stream()
        .filter(s -> gridWorkers.contains(s.id()) == grid)
        .toList();
  }

  /** The cases reported and closed a day, then the cases open at the end of each day. */
  private static void days(StringBuilder html, List<Run> runs) {
    String open =
        "<p>Open at the end of each day: reported and neither closed nor refused yet."
            + " A backlog that keeps growing is a district that cannot keep up.</p>\n";
    double cases =
        top(runs, r -> r.days().stream().mapToDouble(d -> Math.max(d.reported(), d.closed())));
    double backlog = top(runs, r -> r.days().stream().mapToDouble(d -> d.open()));
    html.append("<h2>Cases a day</h2>\n");
    if (runs.size() > 1) {
      html.append(open);
    }
    eachRun(
        html,
        runs,
        run -> {
          List<String> days =
              run.result().days().stream().map(d -> d.day().toString().substring(5)).toList();
          html.append(
              Svg.bars(
                  chart("Cases a day", runs, run),
                  days,
                  List.of(
                      new Series(
                          "reported",
                          run.result().days().stream().map(d -> (double) d.reported()).toList()),
                      new Series(
                          "closed",
                          run.result().days().stream().map(d -> (double) d.closed()).toList())),
                  "cases",
                  cases));
          if (runs.size() == 1) {
            html.append(open);
          }
          html.append(
              Svg.bars(
                  chart("Open cases at the end of each day", runs, run),
                  days,
                  List.of(
                      new Series(
                          "open",
                          run.result().days().stream().map(d -> (double) d.open()).toList())),
                  "cases",
                  backlog));
        });
  }

  /**
   * The setup a run simulated, as far as a reader of its figures needs it: its name, the load, and
   * when the centre, the grid workers and the department staff work.
   */
  @SuppressWarnings("UnnecessaryStringBuilder") // the appends read as the sentence they build
  private static String setup(SimulationConfig config) {
    Behaviour b = config.behaviour();
    return new StringBuilder("<b>")
        .append(Svg.escape(config.setup().isEmpty() ? "default" : config.setup()))
        .append("</b>: ")
        .append(rate(config.arrivals().perGridPerDay()))
        .append(" problems a grid a day")
        .append(ownHours(config.arrivals()))
        .append(
            config.arrivals().dates().isEmpty()
                ? ""
                : " (" + config.arrivals().dates().size() + " dates weighted apart)")
        .append("; the centre works ")
        .append(when(b.centreHours()))
        .append(", grid workers ")
        .append(when(b.workerHours()))
        .append(
            b.workerRestDays() == 0
                ? ""
                : ", each resting "
                    + b.workerRestDays()
                    + (b.workerRestDays() == 1 ? " day" : " days")
                    + " a week by rota")
        .append(", department staff ")
        .append(when(b.departmentSchedule()))
        .append(
            b.lineHours().entrySet().stream()
                .map(e -> ", " + Svg.escape(e.getKey().value()) + " staff " + when(e.getValue()))
                .collect(Collectors.joining()))
        .append(
            config
                .overload()
                .map(
                    o ->
                        "; "
                            + Svg.format(o.workers())
                            + " department workers on "
                            + Svg.escape(o.line().value())
                            + ", which gets "
                            + Math.round(o.share() * 100)
                            + " % of the problems")
                .orElse(""))
        .toString();
  }

  /**
   * A rate of problems a grid a day: to the hundredth ("0.30"), or to two significant digits below
   * that, so that a rate of 0.001 does not read as none ("0.00").
   */
  static String rate(double perGridPerDay) {
    return perGridPerDay >= 0.01
        ? String.format(Locale.ROOT, "%.2f", perGridPerDay)
        : new BigDecimal(perGridPerDay)
            .round(new MathContext(2))
            .stripTrailingZeros()
            .toPlainString();
  }

  /** The sources or classes of categories that arrive on hours of their own, if any. */
  private static String ownHours(Arrivals arrivals) {
    List<String> own = new java.util.ArrayList<>();
    arrivals.sourceHourly().keySet().forEach(source -> own.add(source.name()));
    own.addAll(arrivals.categoryHourly().keySet());
    return own.isEmpty()
        ? ""
        : ", "
            + Svg.escape(String.join(", ", own))
            + " on hours of "
            + (own.size() == 1 ? "its" : "their")
            + " own";
  }

  /** A schedule in words: around the clock, or its hours on its days. */
  private static String when(Schedule schedule) {
    if (schedule.always()) {
      return "around the clock";
    }
    String hours =
        schedule.hours().stream().map(Object::toString).collect(Collectors.joining(" and "));
    if (schedule.everyDay()) {
      return hours + " every day";
    }
    String days =
        schedule.workdays().size() == 7
            ? "every day"
            : schedule.workdays().stream()
                .sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    StringBuilder text = new StringBuilder(hours).append(" on ").append(days);
    if (!schedule.holidays().isEmpty()) {
      text.append(", ").append(schedule.holidays().size()).append(" holidays off");
    }
    if (!schedule.extraWorkdays().isEmpty()) {
      text.append(", ").append(schedule.extraWorkdays().size()).append(" make-up days worked");
    }
    return text.toString();
  }

  /** The run's steps by local hour of the day: the people's working hours show here. */
  private static void hours(StringBuilder html, List<Run> runs) {
    double most =
        top(
            runs,
            r ->
                r.hours().stream()
                    .flatMapToDouble(
                        h ->
                            DoubleStream.of(
                                h.reported(), h.registered(), h.replied(), h.closed())));
    html.append(
        "<h2>Cases by hour of day</h2>\n<p>Reports come at any hour; registrations and"
            + " closings are the centre's steps and replies the handlers', so when the centre or the"
            + " workers keep working hours their steps gather in them (local time, over the whole"
            + " run).</p>\n");
    eachRun(
        html,
        runs,
        run -> {
          SimulationResult result = run.result();
          List<String> hours =
              result.hours().stream().map(h -> (h.hour() < 10 ? "0" : "") + h.hour()).toList();
          html.append(
              Svg.bars(
                  chart("Cases by hour of day", runs, run),
                  hours,
                  List.of(
                      new Series(
                          "reported",
                          result.hours().stream().map(h -> (double) h.reported()).toList()),
                      new Series(
                          "registered",
                          result.hours().stream().map(h -> (double) h.registered()).toList()),
                      new Series(
                          "replied",
                          result.hours().stream().map(h -> (double) h.replied()).toList()),
                      new Series(
                          "closed",
                          result.hours().stream().map(h -> (double) h.closed()).toList())),
                  "cases",
                  most));
        });
  }

  private static void summary(
      StringBuilder html, SimulationResult a, Optional<SimulationResult> other) {
    Comparison both = new Comparison(a, other.orElse(a));
    html.append("<h2>Summary</h2>\n<table><tr><th>indicator</th><th>")
        .append(Svg.escape(both.labelA()))
        .append("</th>");
    other.ifPresent(
        b ->
            html.append("<th>")
                .append(Svg.escape(both.labelB()))
                .append("</th><th>change, second − first</th>"));
    html.append("</tr>\n");
    for (Comparison.Row row : both.rows()) {
      String name = row.indicator();
      html.append("<tr><td>")
          .append(name)
          .append("</td><td>")
          .append(value(name, row.a()))
          .append("</td>");
      other.ifPresent(
          x ->
              html.append("<td>")
                  .append(value(name, row.b()))
                  .append("</td><td>")
                  .append(
                      row.delta().isPresent()
                          ? shownChange(name, row.a().getAsDouble(), row.b().getAsDouble())
                          : "–")
                  .append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void replications(StringBuilder html, Replications study) {
    int n = study.seeds().size();
    Comparison first = study.first();
    List<Replications.Estimate> estimates = study.estimates();
    boolean fewer = estimates.stream().anyMatch(e -> e.replications() < n);
    html.append("<h2>Over ")
        .append(n)
        .append(" seeds</h2>\n<p>The comparison repeated on ")
        .append(n)
        .append(" seeds (")
        .append(study.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")))
        .append("), both policies on each: the means, the")
        .append(" mean change ")
        .append(Svg.escape(first.labelB()))
        .append(" − ")
        .append(Svg.escape(first.labelA()))
        .append(" and its ")
        .append(Math.round(Replications.DEFAULT_CONFIDENCE * 100))
        .append(" % confidence")
        .append(" interval (Student's t, ")
        .append(n - 1)
        .append(n == 2 ? " degree" : " degrees")
        .append(" of freedom). Where the interval leaves out zero, the change is the policy's")
        .append(" rather than one seed's. ")
        .append(byChance(estimates.size(), "indicator"));
    if (fewer) {
      html.append(" A seed where either run has no value of an indicator (nothing closed,")
          .append(" rated or settled) is left out of that indicator's row: the seeds column")
          .append(" says how many it is over (its degrees of freedom one fewer), and under ")
          .append(Replications.MIN_REPLICATIONS)
          .append(" there is no interval.");
    }
    html.append("</p>\n<table><tr><th>indicator</th><th>")
        .append(Svg.escape(first.labelA()))
        .append("</th><th>")
        .append(Svg.escape(first.labelB()))
        .append("</th><th>mean change</th><th>interval</th><th>beyond chance</th>")
        .append(fewer ? "<th>seeds</th>" : "")
        .append("</tr>\n");
    for (Replications.Estimate e : estimates) {
      String name = e.indicator();
      html.append("<tr><td>")
          .append(name)
          .append("</td><td>")
          .append(value(name, e.meanA()))
          .append("</td><td>")
          .append(value(name, e.meanB()))
          .append("</td><td>")
          .append(fineChange(name, e.meanDelta()))
          .append("</td><td>")
          .append(interval(name, e))
          .append("</td><td>")
          .append(e.low().isEmpty() ? "–" : e.significant() ? "yes" : "no")
          .append("</td>");
      if (fewer) {
        html.append("<td>").append(e.replications()).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  /**
   * What {@code intervals} intervals at {@link Replications#DEFAULT_CONFIDENCE}, each for its own
   * {@code each}, mean read together: where nothing changes, about one in 20 leaves out zero by
   * chance, so among a table of them a lone change beyond chance may be luck.
   */
  private static String byChance(int intervals, String each) {
    return "Each of the "
        + intervals
        + " intervals is for its own "
        + each
        + ": where nothing changes, about 1 in "
        + Math.round(1 / (1 - Replications.DEFAULT_CONFIDENCE))
        + " leaves out zero by chance, so a lone small change beyond chance wants more seeds"
        + " before it is trusted.";
  }

  /** An estimate's interval of the change ("+1.20 pp to +3.40 pp"), "–" without one. */
  private static String interval(String indicator, Replications.Estimate e) {
    return e.low().isEmpty()
        ? "–"
        : fineChange(indicator, e.low().getAsDouble())
            + " to "
            + fineChange(indicator, e.high().getAsDouble());
  }

  private static void sweep(StringBuilder html, Sweep sweep) {
    int n = sweep.seeds().size();
    List<String> labels = sweep.labels();
    html.append("<h2>Sweep over ")
        .append(labels.size())
        .append(" scenarios</h2>\n<p>Each ")
        .append("scenario on the same ")
        .append(n == 1 ? "seed" : n + " seeds")
        .append(" (")
        .append(sweep.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")))
        .append("), with common random numbers: the mean of each indicator");
    if (n >= Replications.MIN_REPLICATIONS) {
      html.append(", then each scenario's mean change from the first, <b>")
          .append(Svg.escape(labels.get(0)))
          .append("</b>, with its ")
          .append(Math.round(Replications.DEFAULT_CONFIDENCE * 100))
          .append(" % interval (bold where it leaves out zero)");
    }
    if (Sweep.indicators().stream()
        .anyMatch(i -> sweep.seedsWith(i).stream().anyMatch(seeds -> seeds < n))) {
      html.append(". A run without a value of an indicator (nothing closed, rated or settled)")
          .append(" leaves its seed out of that mean");
      if (n >= Replications.MIN_REPLICATIONS) {
        html.append(", and of that change; the seeds such a figure is over follow it, a mean")
            .append(" over none is \"–\", and a change over fewer than ")
            .append(Replications.MIN_REPLICATIONS)
            .append(" seeds has no interval");
      } else {
        html.append(": a mean over none is \"–\"");
      }
    }
    html.append(".");
    if (n >= Replications.MIN_REPLICATIONS) {
      html.append(" ")
          .append(
              byChance(Sweep.indicators().size() * (labels.size() - 1), "indicator and scenario"));
    }
    html.append(" Every section after this one shows <b>")
        .append(Svg.escape(labels.get(0)))
        .append("</b> on the first seed.</p>\n");
    html.append(
        Svg.bars(
            "Closure, timeliness and self-claims by scenario",
            labels,
            List.of(
                percents("closure rate", sweep),
                percents("closed on time", sweep),
                percents("self-claim rate", sweep)),
            "%"));
    html.append(
        Svg.bars(
            "Hours to close by scenario",
            labels,
            List.of(
                series("median", sweep.means("median closure hours"), 1),
                series("90th percentile", sweep.means("90th percentile closure hours"), 1)),
            "hours"));
    html.append("<table><tr><th>indicator</th>");
    labels.forEach(label -> html.append("<th>").append(Svg.escape(label)).append("</th>"));
    html.append("</tr>\n");
    for (String indicator : Sweep.indicators()) {
      html.append("<tr><td>").append(indicator).append("</td>");
      List<OptionalDouble> means = sweep.means(indicator);
      List<Integer> with = sweep.seedsWith(indicator);
      for (int s = 0; s < means.size(); s++) {
        html.append("<td>")
            .append(value(indicator, means.get(s)))
            .append(with.get(s) > 0 && with.get(s) < n ? " (" + seeds(with.get(s)) + ")" : "")
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
    if (n < Replications.MIN_REPLICATIONS) {
      return;
    }
    html.append("<table><tr><th>change from the first</th>");
    labels
        .subList(1, labels.size())
        .forEach(label -> html.append("<th>").append(Svg.escape(label)).append("</th>"));
    html.append("</tr>\n");
    for (String indicator : Sweep.indicators()) {
      html.append("<tr><td>").append(indicator).append("</td>");
      for (int s = 1; s < labels.size(); s++) {
        Replications.Estimate e = sweep.against(s, indicator);
        String cell =
            e.meanDelta().isEmpty()
                ? "–"
                : fineChange(indicator, e.meanDelta())
                    + " ("
                    + interval(indicator, e)
                    + ")"
                    + (e.replications() < n ? " over " + seeds(e.replications()) : "");
        html.append("<td>").append(e.significant() ? "<b>" + cell + "</b>" : cell).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  /** A share indicator's means across a sweep's scenarios, as percentages. */
  private static Series percents(String indicator, Sweep sweep) {
    return series(indicator, sweep.means(indicator), 100);
  }

  /** Means times {@code scale}; a scenario with none draws no bar ({@link Svg#bars}'s NaN). */
  private static Series series(String name, List<OptionalDouble> means, double scale) {
    return new Series(
        name,
        means.stream().map(m -> m.isPresent() ? m.getAsDouble() * scale : Double.NaN).toList());
  }

  /** A rate as a percentage, "–" when there is none. */
  private static String percent(OptionalDouble rate) {
    return rate.isPresent() ? Svg.percent(rate.getAsDouble()) : "–";
  }

  private static String seeds(int n) {
    return n + (n == 1 ? " seed" : " seeds");
  }

  private static String value(String indicator, double v) {
    return isShare(indicator) ? Svg.percent(v) : Svg.format(v);
  }

  /** {@code v} as {@link #value(String, double)} shows it, "–" when there is none. */
  private static String value(String indicator, OptionalDouble v) {
    return v.isPresent() ? value(indicator, v.getAsDouble()) : "–";
  }

  /** {@link #fineChange(String, double)}, "–" when there is none. */
  private static String fineChange(String indicator, OptionalDouble delta) {
    return delta.isPresent() ? fineChange(indicator, delta.getAsDouble()) : "–";
  }

  /**
   * The second policy's value minus the first's, signed: a change of shares in percentage points
   * ("-0.4 pp"), since "-0.4 %" would read as a relative change. A change too small to show at that
   * precision shows as zero, unsigned ("0.0 pp", not "-0.0 pp").
   */
  static String change(String indicator, double delta) {
    return isShare(indicator)
        ? signed(String.format(Locale.ROOT, "%+.1f", delta * 100)) + " pp"
        : signed((delta > 0 ? "+" : "") + Svg.format(delta));
  }

  /**
   * The change between two values as the table shows them ({@link #value}: shares to a tenth of a
   * point, other figures to a hundredth), so that the change agrees with the two figures beside it:
   * 72.7 % and 83.1 % change by +10.4 pp, not by the +10.5 pp of their unrounded difference.
   */
  static String shownChange(String indicator, double a, double b) {
    boolean share = isShare(indicator);
    BigDecimal delta = shown(share, b).subtract(shown(share, a));
    return change(indicator, share ? delta.doubleValue() / 100 : delta.doubleValue());
  }

  /**
   * {@code v} rounded as {@link #value} writes it: a share in percent to a tenth, another figure to
   * a hundredth, half up on the double's shortest decimal form, as {@code String.format} rounds
   * (2.675 shows as 2.68, though the double lies just below it).
   */
  private static BigDecimal shown(boolean share, double v) {
    return share
        ? BigDecimal.valueOf(v * 100).setScale(1, RoundingMode.HALF_UP)
        : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * A change over replications: shares to a hundredth of a point, since a policy's effect on a rate
   * is often a fraction of one and its interval narrower still.
   */
  static String fineChange(String indicator, double delta) {
    return isShare(indicator)
        ? signed(String.format(Locale.ROOT, "%+.2f", delta * 100)) + " pp"
        : change(indicator, delta);
  }

  /** {@code number} as formatted, without its sign when it shows as zero ("-0.00": "0.00"). */
  private static String signed(String number) {
    boolean sign = number.startsWith("+") || number.startsWith("-");
    return sign && number.substring(1).chars().allMatch(c -> c == '0' || c == '.' || c == ',')
        ? number.substring(1)
        : number;
  }

  private static boolean isShare(String indicator) {
    return indicator.endsWith("rate") || indicator.endsWith("time");
  }

  /**
   * The closings in each range of {@link #CLOSURE_BUCKETS_HOURS} (a range holds its lower bound,
   * not its upper), then those past the last bound.
   */
  static List<Double> closureCounts(SimulationResult result) {
    List<Double> counts = new ArrayList<>();
    for (int i = 0; i <= CLOSURE_BUCKETS_HOURS.length; i++) {
      counts.add(0.0);
    }
    result
        .closureMinutes()
        .forEach(
            minutes -> {
              int bucket = 0;
              while (bucket < CLOSURE_BUCKETS_HOURS.length
                  && minutes >= CLOSURE_BUCKETS_HOURS[bucket] * 60) {
                bucket++;
              }
              counts.set(bucket, counts.get(bucket) + 1);
            });
    return counts;
  }

  private static void closureTimes(StringBuilder html, List<Run> runs) {
    List<String> labels = new ArrayList<>();
    int from = 0;
    for (int bound : CLOSURE_BUCKETS_HOURS) {
      labels.add(from + "–" + bound + " h");
      from = bound;
    }
    labels.add("> " + from + " h");
    double most = top(runs, r -> closureCounts(r).stream().mapToDouble(Double::doubleValue));
    html.append("<h2>Time to close</h2>\n");
    eachRun(
        html,
        runs,
        run -> {
          SimulationResult result = run.result();
          html.append("<p>");
          if (result.closureMinutes().isEmpty()) {
            html.append("No case was closed.</p>\n");
            return;
          }
          html.append("From the report to the closing, over ")
              .append(Svg.format(result.closureMinutes().length()))
              .append(
                  result.reopened() > 0
                      ? " closings (a case reopened after the callback and"
                          + " closed again counts each time)"
                      : " closings")
              .append(": median ")
              .append(hours(result.closureTime(50).toMinutes()))
              .append(", 90th percentile ")
              .append(hours(result.closureTime(90).toMinutes()))
              .append(".</p>\n")
              .append(
                  Svg.bars(
                      chart("Time to close", runs, run),
                      labels,
                      List.of(new Series("closings", closureCounts(result))),
                      "closings",
                      most));
        });
  }

  /**
   * Where cases were settled against the target split; with a second run, its split too, each
   * against its own policy's targets, saying once when the two policies' are the same.
   */
  private static void settlement(StringBuilder html, List<Run> runs) {
    html.append("<h2>Where cases were settled</h2>\n");
    if (runs.size() == 1) {
      Run run = runs.get(0);
      settlement(
          html,
          runs,
          run,
          run.targets().isEmpty()
              ? "Dongcheng's target split, for reference"
              : "the policy's targets",
          "target");
      return;
    }
    boolean same = sameTargets(runs.get(0).targets(), runs.get(1).targets());
    if (same) {
      html.append(
          runs.get(0).targets().isEmpty()
              ? "<p>Neither policy sets targets: both splits are shown against Dongcheng's target"
                  + " split, for reference.</p>\n"
              : "<p>Both policies set the same targets, so both splits are judged by them.</p>\n");
    } else {
      html.append("<p>The two policies set different targets: each split is judged by its own")
          .append(" policy's (Dongcheng's, for reference, where a policy sets none), and each")
          .append(" table names them.</p>\n");
    }
    eachRun(
        html,
        runs,
        run -> {
          if (same) {
            settlement(html, runs, run, "", "target");
          } else if (run.targets().isEmpty()) {
            settlement(
                html,
                runs,
                run,
                "Dongcheng's target split, for reference, as <b>"
                    + Svg.escape(run.label())
                    + "</b> sets none",
                "target, Dongcheng's for reference");
          } else {
            settlement(
                html,
                runs,
                run,
                "<b>" + Svg.escape(run.label()) + "</b>'s targets",
                "target, " + Svg.escape(run.label()) + "'s");
          }
        });
  }

  /**
   * Whether two policies set the same targets: the same levels, each the same range (0.1 = 0.10).
   */
  private static boolean sameTargets(Map<Level, ShareRange> a, Map<Level, ShareRange> b) {
    return a.keySet().equals(b.keySet())
        && a.entrySet().stream()
            .allMatch(
                e -> {
                  ShareRange other = b.get(e.getKey());
                  return e.getValue().min().compareTo(other.min()) == 0
                      && e.getValue().max().compareTo(other.max()) == 0;
                });
  }

  /**
   * One run's split against its targets: {@code yardstick} says what they are in the text (empty:
   * said once above), {@code column} heads the table's targets.
   */
  private static void settlement(
      StringBuilder html, List<Run> runs, Run run, String yardstick, String column) {
    SimulationResult result = run.result();
    Map<Level, ShareRange> shown =
        run.targets().isEmpty() ? Presets.dongcheng().targets() : run.targets();
    long settled = result.settlement().settled();
    List<String> labels = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    List<double[]> ranges = new ArrayList<>();
    for (Level level : List.of(Level.COMMUNITY, Level.STREET, Level.DISTRICT)) {
      labels.add(level.name().toLowerCase(Locale.ROOT));
      actual.add(result.settledShare(level));
      ShareRange range = shown.get(level);
      ranges.add(
          range == null
              ? null
              : new double[] {range.min().doubleValue(), range.max().doubleValue()});
    }
    html.append("<p>Share of the ")
        .append(Svg.format(result.settlement().settled()))
        .append(" closed cases settled at each level (the ")
        .append("grid counts toward the community)")
        .append(yardstick.isEmpty() ? "" : ", against " + yardstick)
        .append(". Escalations: ")
        .append(escalations(result))
        .append(".</p>\n")
        .append(
            settled == 0
                ? "<p>No case was closed, so no level settled any: the targets are"
                    + " not judged.</p>\n"
                : Svg.targets(chart("Settled per level", runs, run), labels, actual, ranges))
        .append("<table><tr><th>level</th><th>settled</th><th>share</th><th>")
        .append(column)
        .append("</th><th>met</th></tr>\n");
    List<TargetCheck> checks =
        SettlementReport.ofCounts(result.settlement().counts(), shown).checks().stream()
            .sorted(Comparator.comparing(TargetCheck::level).reversed())
            .toList();
    for (TargetCheck check : checks) { // community, street, district: as the chart
      html.append("<tr><td>")
          .append(check.level().name().toLowerCase(Locale.ROOT))
          .append("</td><td>")
          .append(Svg.format(result.settlement().counts().getOrDefault(check.level(), 0L)))
          .append("</td><td>")
          .append(settled == 0 ? "–" : Svg.percent(result.settledShare(check.level())))
          .append("</td><td>")
          .append(Svg.percent(check.target().min().doubleValue()))
          .append(" – ")
          .append(Svg.percent(check.target().max().doubleValue()))
          .append("</td><td>")
          .append(settled == 0 ? "–" : check.met() ? "met" : "not met")
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  /** "4,075 no eligible worker, 19 requested": counts by kind, in the kinds' order. */
  private static String escalations(SimulationResult result) {
    if (result.escalations().isEmpty()) {
      return "none";
    }
    return result.escalations().entrySet().stream()
        .map(
            e ->
                String.format(
                    Locale.ROOT,
                    "%,d %s",
                    e.getValue(),
                    e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
        .collect(Collectors.joining(", "));
  }

  /**
   * The cases each line received and closed: a chart and a table; with a second run, one table of
   * both runs side by side, line by line, then each run's chart.
   */
  private static void lines(StringBuilder html, List<Run> runs) {
    double most =
        top(runs, r -> r.lines().stream().mapToDouble(l -> Math.max(l.received(), l.closed())));
    boolean referred =
        runs.stream().anyMatch(r -> r.result().lines().stream().anyMatch(l -> l.referred() > 0));
    html.append("<h2>Department load</h2>\n");
    if (runs.size() == 1) {
      lineChart(html, runs, runs.get(0), most);
    }
    lineTable(html, runs, referred);
    if (referred) {
      html.append("<p>A case is referred to the centre when nobody up to the district acts for its")
          .append(" line; the simulated centre has nobody to give it to, so it stays open.</p>\n");
    }
    if (runs.size() > 1) {
      eachRun(html, runs, run -> lineChart(html, runs, run, most));
    }
  }

  private static void lineChart(StringBuilder html, List<Run> runs, Run run, double most) {
    List<LineLoad> lines = run.result().lines();
    html.append(
        Svg.bars(
            chart("Cases per line", runs, run),
            lines.stream().map(l -> l.line().value()).toList(),
            List.of(
                new Series("received", lines.stream().map(l -> (double) l.received()).toList()),
                new Series("closed", lines.stream().map(l -> (double) l.closed()).toList())),
            "cases",
            most));
  }

  /** A row a line, each run's columns side by side under its policy's name when there are two. */
  private static void lineTable(StringBuilder html, List<Run> runs, boolean referred) {
    String columns =
        "<th>received</th><th>share</th><th>closed</th><th>solve rate</th>"
            + (referred ? "<th>referred to the centre</th>" : "");
    html.append("<table>");
    if (runs.size() > 1) {
      html.append("<tr><th></th>");
      for (Run run : runs) {
        html.append("<th colspan='")
            .append(referred ? 5 : 4)
            .append("' scope='colgroup'>")
            .append(Svg.escape(run.label()))
            .append("</th>");
      }
      html.append("</tr>\n");
    }
    html.append("<tr><th>line</th>").append(columns.repeat(runs.size())).append("</tr>\n");
    // each run's lines by name, in the first run's order, then any only the second has
    Map<String, List<LineLoad>> rows = new LinkedHashMap<>();
    for (int r = 0; r < runs.size(); r++) {
      for (LineLoad l : runs.get(r).result().lines()) {
        rows.computeIfAbsent(
                l.line().value(), k -> new ArrayList<>(Collections.nCopies(runs.size(), null)))
            .set(r, l);
      }
    }
    rows.forEach(
        (line, loads) -> {
          html.append("<tr><td>").append(Svg.escape(line)).append("</td>");
          for (LineLoad l : loads) {
            if (l == null) {
              html.append("<td>–</td>".repeat(referred ? 5 : 4));
              continue;
            }
            html.append("<td>")
                .append(Svg.format(l.received()))
                .append("</td><td>")
                .append(Svg.percent(l.share()))
                .append("</td><td>")
                .append(Svg.format(l.closed()))
                .append("</td><td>")
                .append(Svg.percent(l.solveRate()))
                .append("</td>");
            if (referred) {
              html.append("<td>").append(Svg.format(l.referred())).append("</td>");
            }
          }
          html.append("</tr>\n");
        });
    html.append("</table>\n");
  }

  private static final String UNITS_ORDER =
      "By closure rate, then on-time rate, then the number "
          + "of cases (more first), among those with at least 5 cases.";

  /** The best and worst units of a kind, {@code scores} giving a run's in rank order. */
  private static void units(
      StringBuilder html,
      String kind,
      List<Run> runs,
      Function<SimulationResult, List<UnitScore>> scores) {
    html.append("<h2>").append(kind).append(": best and worst</h2>\n");
    if (runs.size() > 1 && runs.stream().anyMatch(r -> !busy(scores.apply(r.result())).isEmpty())) {
      html.append("<p>").append(UNITS_ORDER).append("</p>\n");
    }
    eachRun(
        html,
        runs,
        run -> {
          List<UnitScore> busy = busy(scores.apply(run.result()));
          if (busy.isEmpty()) {
            html.append("<p>None with at least 5 cases.</p>\n");
            return;
          }
          if (runs.size() == 1) {
            html.append("<p>").append(UNITS_ORDER).append("</p>\n");
          }
          units(html, kind, busy);
        });
  }

  private static List<UnitScore> busy(List<UnitScore> scores) {
    return scores.stream().filter(s -> s.received() >= 5).toList();
  }

  private static void units(StringBuilder html, String kind, List<UnitScore> busy) {
    html.append("<table><tr><th>")
        .append(kind.toLowerCase(Locale.ROOT))
        .append("</th><th>cases</th><th>closed</th>")
        .append("<th>closure rate</th><th>on time</th></tr>\n");
    List<UnitScore> shown = new ArrayList<>(busy.subList(0, Math.min(TOP, busy.size())));
    if (busy.size() > TOP) {
      shown.addAll(busy.subList(Math.max(TOP, busy.size() - TOP), busy.size()));
    }
    for (int i = 0; i < shown.size(); i++) {
      if (i == TOP && busy.size() > 2 * TOP) { // only where rows were left out
        html.append("<tr><td colspan='5'>…</td></tr>\n");
      }
      UnitScore s = shown.get(i);
      html.append("<tr><td>")
          .append(Svg.escape(s.name().equals(s.id()) ? s.id() : s.name() + " (" + s.id() + ")"))
          .append("</td><td>")
          .append(Svg.format(s.received()))
          .append("</td><td>")
          .append(Svg.format(s.closed()))
          .append("</td><td>")
          .append(percent(s.closureRate()))
          .append("</td><td>")
          // on time is of the closed: none closed, none on time or late
          .append(percent(s.onTimeRate()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  /** "closed within 24 h": the streets' column of cases closed in the scoring policy's window. */
  private static String within(SimulationResult result) {
    Duration closeWithin = result.config().scoring().indicators().closeWithin();
    return "closed within " + Svg.format(closeWithin.toMinutes() / 60.0) + " h";
  }

  /** The streets' evaluation indicators (CJ/T 292's regions), a table a month. */
  private static void streets(StringBuilder html, List<Run> runs) {
    String within =
        runs.stream().map(r -> within(r.result())).distinct().collect(Collectors.joining(" or "));
    html.append("<h2>Streets</h2>\n<p>The evaluation indicators of each street per calendar ")
        .append("month, from the event history (standards.md §5): closure rates are of the cases ")
        .append("registered in the month; ")
        .append(within)
        .append(" (and closed late) counts ")
        .append("them by the scoring policy's window from registration to closing, not by the ")
        .append("policy's reply deadlines that the summary's \"closed on time\" (of the closed ")
        .append("cases) and \"overdue\" follow; the times to register and to close run from the ")
        .append(
            "report and from registration; overdue and unhandled are the cases whose reply deadline ")
        .append("fell in the month and passed with no feedback; the times are means; the ")
        .append("high-incidence share is the share of a street's reports in the month's most ")
        .append("reported categories.</p>\n");
    eachRun(
        html,
        runs,
        run -> {
          for (Scores month : run.result().scores()) {
            streets(html, month, level(runs), within(run.result()));
          }
        });
  }

  private static void streets(StringBuilder html, Scores month, int level, String within) {
    html.append(heading(level, month.period().label()))
        .append("<table><tr><th>street</th><th>reported</th><th>registered</th>")
        .append("<th>closure rate</th><th>")
        .append(within)
        .append("</th><th>closed late</th>")
        .append("<th>overdue, unhandled</th><th>supervised</th><th>to register</th>")
        .append("<th>to close</th><th>high-incidence share</th></tr>\n");
    for (Scores.Street row : month.streets()) {
      UnitIndicators street = row.indicators();
      html.append("<tr><td>")
          .append(Svg.escape(row.name()))
          .append(" (")
          .append(Svg.escape(row.code()))
          .append(")</td>");
      for (Indicator count : List.of(Indicator.REPORTED, Indicator.REGISTERED)) {
        html.append("<td>")
            .append(Svg.format(street.rate(count).numerator().longValueExact()))
            .append("</td>");
      }
      for (Indicator rate : List.of(Indicator.CLOSURE_RATE, Indicator.CLOSED_ON_TIME_RATE)) {
        html.append("<td>").append(share(street, rate)).append("</td>");
      }
      for (Indicator count :
          List.of(Indicator.CLOSED_LATE, Indicator.OVERDUE_UNHANDLED, Indicator.SUPERVISED)) {
        html.append("<td>")
            .append(Svg.format(street.rate(count).numerator().longValueExact()))
            .append("</td>");
      }
      html.append("<td>")
          .append(mean(street.registrationTime()))
          .append("</td><td>")
          .append(mean(street.handlingTime()))
          .append("</td><td>")
          .append(share(street, Indicator.HIGH_INCIDENCE_SHARE))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  /** A rate indicator as a percentage, a dash when nothing was due. */
  private static String share(UnitIndicators unit, Indicator rate) {
    return unit.value(rate).map(v -> Svg.percent(v.doubleValue())).orElse("–");
  }

  /**
   * A mean duration, to the nearest minute below an hour and to a tenth of an hour above (as
   * streets.csv rounds its hours, not down); a dash when there was none.
   */
  static String mean(Percentiles durations) {
    return durations
        .mean()
        .map(
            d -> {
              long minutes = Math.round(d.toMillis() / 60_000.0);
              return minutes < 60
                  ? minutes + " min"
                  : String.format(Locale.ROOT, "%.1f h", d.toMillis() / 3_600_000.0);
            })
        .orElse("–");
  }

  private static void rankings(StringBuilder html, List<Run> runs) {
    List<String> scoring =
        runs.stream().map(r -> r.result().scores().get(0).scoringPolicy()).distinct().toList();
    html.append("<h2>Scores</h2>\n<p>Scored by ")
        .append(
            scoring.size() == 1
                ? "<b>" + Svg.escape(scoring.get(0)) + "</b>"
                : "each run's own scoring policy, named with the run,")
        .append(" per calendar month, as rankings are (indicators from the event history; ")
        .append("competition ranking, ties ordered by id); a month the run starts or ends in is ")
        .append("scored for the days it covers.</p>\n");
    eachRun(
        html,
        runs,
        run -> {
          for (Scores scores : run.result().scores()) {
            html.append(heading(level(runs), scores.period().label()));
            rankings(html, scores, level(runs) + 1);
          }
        });
  }

  private static void rankings(StringBuilder html, Scores scores, int level) {
    for (UnitKind kind : List.of(UnitKind.COMMUNITY, UnitKind.LINE, UnitKind.WORKER)) {
      Ranking ranking = scores.ranking(kind);
      List<RankedEntry> entries = ranking.entries();
      html.append(heading(level, plural(kind) + " (" + Svg.format(entries.size()) + ")"))
          .append("<table><tr><th>rank</th><th>")
          .append(kind.name().toLowerCase(Locale.ROOT))
          .append("</th><th>score</th></tr>\n");
      for (int i = 0; i < entries.size(); i++) {
        if (i >= 5 && i < entries.size() - 5) {
          if (i == 5) {
            html.append("<tr><td colspan='3'>…</td></tr>\n");
          }
          continue;
        }
        RankedEntry e = entries.get(i);
        html.append("<tr><td>")
            .append(e.rank())
            .append("</td><td>")
            .append(Svg.escape(e.unit().id()))
            .append("</td><td>")
            .append(e.score().setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString())
            .append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
  }

  private static void pay(StringBuilder html, List<Run> runs) {
    double most =
        top(
            runs,
            r ->
                r.scores().stream()
                    .flatMap(month -> month.pay().stream())
                    .flatMap(pay -> payBins(sortedTotals(pay)).stream())
                    .mapToDouble(PayBin::workers));
    html.append("<h2>Pay</h2>\n<p>Paid per calendar month, as scored; a month the run starts or ")
        .append("ends in is paid pro rata for the days it covers (monthly base salaries and ")
        .append("allowances × days ÷ days in the month; piece rates are per case).</p>\n");
    eachRun(
        html,
        runs,
        run -> {
          for (Scores scores : run.result().scores()) {
            html.append(heading(level(runs), scores.period().label()));
            pay(
                html,
                scores,
                chart("Grid workers by pay, " + scores.period().label(), runs, run),
                most);
          }
        });
  }

  /** The grid workers' pay in a statement, lowest first. */
  private static List<Money> sortedTotals(PayStatement pay) {
    return pay.lines().stream()
        .map(PayLine::total)
        .sorted(Comparator.comparingLong(Money::fen))
        .toList();
  }

  private static void pay(StringBuilder html, Scores scores, String title, double most) {
    if (scores.pay().isEmpty()) {
      html.append("<p>The scoring policy pays nothing.</p>\n");
      return;
    }
    PayStatement pay = scores.pay().get();
    List<PayLine> lines =
        pay.lines().stream()
            .sorted(Comparator.comparingLong((PayLine l) -> l.total().fen()))
            .toList();
    html.append("<p>")
        .append(Svg.escape(pay.scheme()))
        .append(" for ")
        .append(Svg.format(lines.size()))
        .append(" grid workers, those in the roles it pays: fixed ")
        .append(yuan(pay.fixed()))
        .append(", variable ")
        .append(yuan(pay.variable()))
        .append(", total ")
        .append(yuan(pay.total()))
        .append(", for ")
        .append(Svg.escape(scores.period().label()))
        .append(partOfMonth(scores.period()))
        .append(".</p>\n");
    if (!lines.isEmpty()) {
      List<PayBin> bins = payBins(sortedTotals(pay));
      html.append(
          Svg.bars(
              title,
              bins.stream().map(PayBin::label).toList(),
              List.of(
                  new Series(
                      "grid workers", bins.stream().map(bin -> (double) bin.workers()).toList())),
              "workers",
              most));
      html.append("<table><tr><th>pay</th><th>grid workers</th><th>share</th></tr>\n");
      for (PayBin bin : bins) {
        html.append("<tr><td>")
            .append(Svg.escape(bin.label()))
            .append("</td><td>")
            .append(Svg.format(bin.workers()))
            .append("</td><td>")
            .append(Svg.percent((double) bin.workers() / lines.size()))
            .append("</td></tr>\n");
      }
      html.append("</table>\n");
      if (bins.size() > 1 && bins.get(0).label().contains("–")) {
        html.append("<p>Each range holds its lower bound and not its upper, the last both.</p>\n");
      }
      html.append("<table><tr><th>worker</th><th>fixed</th><th>variable</th><th>total</th></tr>\n");
      for (PayLine l :
          List.of(lines.get(0), lines.get(lines.size() / 2), lines.get(lines.size() - 1))) {
        html.append("<tr><td>")
            .append(Svg.escape(l.worker().value()))
            .append("</td><td>")
            .append(yuan(l.fixed()))
            .append("</td><td>")
            .append(yuan(l.variable()))
            .append("</td><td>")
            .append(yuan(l.total()))
            .append("</td></tr>\n");
      }
      html.append("</table><p>Lowest, median and highest paid.</p>\n");
    }
  }

  /** Grid workers whose month's pay falls in one bin of the pay chart. */
  record PayBin(String label, long workers) {}

  /** The most amounts shown one bar each; more are binned into as many ranges of equal width. */
  static final int PAY_BARS = 12;

  /**
   * The pay chart's bins for {@code totals} (sorted, lowest first): one per amount when there are
   * at most {@value #PAY_BARS} (graded pay has one per tier), else {@value #PAY_BARS} ranges of
   * equal width from the lowest to the highest, each holding its lower bound, the last its upper.
   */
  static List<PayBin> payBins(List<Money> totals) {
    List<Long> fen = totals.stream().map(Money::fen).toList();
    List<Long> amounts = fen.stream().distinct().toList();
    List<PayBin> bins = new ArrayList<>();
    if (amounts.size() <= PAY_BARS) {
      for (long amount : amounts) {
        bins.add(
            new PayBin(yuan(Money.ofFen(amount)), fen.stream().filter(f -> f == amount).count()));
      }
      return bins;
    }
    long low = fen.get(0);
    long high = fen.get(fen.size() - 1);
    long[] counts = new long[PAY_BARS];
    for (long f : fen) {
      // the bin of f, by exact arithmetic on the fen (doubles could put a bound in either bin)
      int bin =
          (int)
              Math.min(
                  PAY_BARS - 1,
                  BigInteger.valueOf(f - low)
                      .multiply(BigInteger.valueOf(PAY_BARS))
                      .divide(BigInteger.valueOf(high - low))
                      .longValue());
      counts[bin]++;
    }
    for (int i = 0; i < PAY_BARS; i++) {
      bins.add(
          new PayBin(
              yuan(Money.ofFen(bound(low, high, i)))
                  + "–"
                  + yuan(Money.ofFen(bound(low, high, i + 1))),
              counts[i]));
    }
    return bins;
  }

  /**
   * An amount in yuan with thousands separated, as the summary writes its figures: ¥6,382,800.00.
   */
  static String yuan(Money amount) {
    BigDecimal abs = BigDecimal.valueOf(amount.fen(), 2).abs();
    return (amount.fen() < 0 ? "-¥" : "¥") + String.format(Locale.ROOT, "%,.2f", abs);
  }

  /** The lower bound of pay bin {@code i} (the upper of bin i − 1), rounded up to the fen. */
  private static long bound(long low, long high, int i) {
    BigInteger[] split =
        BigInteger.valueOf(high - low)
            .multiply(BigInteger.valueOf(i))
            .divideAndRemainder(BigInteger.valueOf(PAY_BARS));
    return low + split[0].longValue() + (split[1].signum() > 0 ? 1 : 0);
  }

  /**
   * {@code " (10 of the month's 29 days)"} for a period that is part of one calendar month, so that
   * its pay is not read as a month's; empty for a whole month.
   */
  private static String partOfMonth(Period period) {
    return period
        .calendarMonth()
        .filter(month -> period.days() < month.lengthOfMonth())
        .map(month -> " (" + period.days() + " of the month's " + month.lengthOfMonth() + " days)")
        .orElse("");
  }

  private static String plural(UnitKind kind) {
    return switch (kind) {
      case COMMUNITY -> "communities";
      case WORKER -> "grid workers";
      default -> kind.name().toLowerCase(Locale.ROOT) + "s";
    };
  }

  private static String hours(long minutes) {
    return String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
  }
}
