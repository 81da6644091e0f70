package org.gridgov.simulation.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Small self-contained SVG charts: no script, no external file, readable without a browser. */
final class Svg {
  static final String[] COLOURS = {"#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#c53030"};

  /** The settlement chart's target band and share marker, and its key's swatches. */
  private static final String TARGET_BAND = "#9ae6b4";

  private static final String SHARE_MARKER = "#c53030";
  private static final int WIDTH = 760;
  private static final int HEIGHT = 300;
  private static final int LEFT = 56;
  private static final int BOTTOM = 80;
  private static final int TOP = 24;

  /** The width of a share written at font size 11 ("100.0 %"), with a margin. */
  static final int VALUE_WIDTH = 48;

  /** The width of an x-axis label's character (font size 9), a little above the average. */
  private static final double CHAR_WIDTH = 5.5;

  /** The x-axis labels are rotated by 40°. */
  private static final double SIN_40 = Math.sin(Math.toRadians(40));

  private static final double COS_40 = Math.cos(Math.toRadians(40));

  private Svg() {}

  /** One named series of values, drawn in one colour. */
  record Series(String name, List<Double> values) {}

  /**
   * Grouped vertical bars: one group per label, one bar per series; a NaN value (a figure a run
   * does not have, such as the on-time rate of a scenario that closed nothing) draws no bar.
   */
  static String bars(String title, List<String> labels, List<Series> series, String unit) {
    return bars(title, labels, series, unit, 0);
  }

  /**
   * Grouped vertical bars as {@link #bars(String, List, List, String)}, the axis reaching at least
   * {@code least}: charts of two runs given their larger largest value share one scale.
   */
  static String bars(
      String title, List<String> labels, List<Series> series, String unit, double least) {
    double max = niceMax(Math.max(least, max(series)));
    int groups = labels.size();
    double slot = (WIDTH - LEFT - 10.0) / Math.max(1, groups);
    // the canvas grows down and to the left as far as the longest rotated labels reach
    double below = HEIGHT;
    double left = 0;
    for (int g = 0; g < groups; g++) {
      if (labeled(g, groups)) {
        double length = labels.get(g).length() * CHAR_WIDTH;
        below = Math.max(below, HEIGHT - BOTTOM + 12 + length * SIN_40 + 4);
        left = Math.max(left, length * COS_40 - (LEFT + g * slot + slot / 2) + 4);
      }
    }
    StringBuilder svg = open(title, (int) Math.ceil(left), (int) Math.ceil(below));
    axis(svg, max, unit);
    double bar = Math.max(1, slot * 0.8 / series.size());
    for (int g = 0; g < groups; g++) {
      for (int s = 0; s < series.size(); s++) {
        double v = series.get(s).values().get(g);
        if (Double.isNaN(v)) {
          continue;
        }
        double h = scale(v, max);
        double x = LEFT + g * slot + slot * 0.1 + s * bar;
        svg.append(
                String.format(
                    Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s %s: %s</title></rect>",
                    x,
                    TOP + (plotHeight() - h),
                    bar,
                    h,
                    COLOURS[s % COLOURS.length],
                    escape(labels.get(g)),
                    escape(series.get(s).name()),
                    format(v)))
            .append('\n');
      }
      if (labeled(g, groups)) {
        svg.append(
                String.format(
                    Locale.ROOT,
                    "<text x='%.1f' y='%d' font-size='9' text-anchor='end' transform='rotate(-40 %.1f %d)'>%s</text>",
                    LEFT + g * slot + slot / 2,
                    HEIGHT - BOTTOM + 12,
                    LEFT + g * slot + slot / 2,
                    HEIGHT - BOTTOM + 12,
                    escape(labels.get(g))))
            .append('\n');
      }
    }
    legend(svg, series);
    return svg.append("</svg>").toString();
  }

  /** Whether group {@code g} of {@code groups} gets its label: all of a month's days, else some. */
  private static boolean labeled(int g, int groups) {
    return groups <= 31 || g % Math.max(1, groups / 16) == 0;
  }

  /** Horizontal ranges (targets) with a marker for the actual value, one row per label. */
  static String targets(
      String title, List<String> labels, List<Double> actual, List<double[]> ranges) {
    StringBuilder svg = open(title);
    double rowHeight = (plotHeight() - 10.0) / Math.max(1, labels.size());
    for (int i = 0; i < labels.size(); i++) {
      double y = TOP + i * rowHeight + rowHeight / 2;
      double x0 = LEFT + 60;
      double span = WIDTH - x0 - 20;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%d' y='%.1f' font-size='12'>%s</text>",
              8,
              y + 4,
              escape(labels.get(i))));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%.1f' y='%.1f' width='%.1f' height='10' fill='#e2e8f0'/>",
              x0,
              y - 5,
              span));
      double[] r = ranges.get(i);
      if (r != null) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x='%.1f' y='%.1f' width='%.1f' height='10' fill='%s'><title>target %s–%s</title></rect>",
                x0 + r[0] * span,
                y - 5,
                Math.max(2, (r[1] - r[0]) * span),
                TARGET_BAND,
                percent(r[0]),
                percent(r[1])));
      }
      double v = actual.get(i);
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%.1f' y='%.1f' width='3' height='18' fill='%s'><title>actual %s</title></rect>",
              x0 + v * span - 1.5,
              y - 9,
              SHARE_MARKER,
              percent(v)));
      // the value right of its marker, or left of it where it would run past the chart's edge
      boolean left = x0 + v * span + 4 + VALUE_WIDTH > WIDTH;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%.1f' font-size='11'%s>%s</text>",
              left ? x0 + v * span - 4 : x0 + v * span + 4,
              y - 8,
              left ? " text-anchor='end'" : "",
              percent(v)));
    }
    // the track's scale under the last row, and what the band and the marker are
    double x0 = LEFT + 60;
    double span = WIDTH - x0 - 20;
    for (int tick = 0; tick <= 100; tick += 50) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%d' font-size='10' text-anchor='%s'>%d %%</text>",
              x0 + tick / 100.0 * span,
              TOP + plotHeight() + 4,
              tick == 0 ? "start" : tick == 100 ? "end" : "middle",
              tick));
    }
    String[][] keys = {{TARGET_BAND, "target"}, {SHARE_MARKER, "share"}};
    for (int k = 0; k < keys.length; k++) {
      int x = WIDTH - 10 - 110 * (keys.length - k);
      int y = TOP - 10;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%d' y='%d' width='10' height='10' fill='%s'/><text x='%d' y='%d' font-size='10'>%s</text>",
              x,
              y - 9,
              keys[k][0],
              x + 14,
              y,
              keys[k][1]));
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title) {
    return open(title, 0, HEIGHT);
  }

  /** A chart of {@code left} more units left of the plot's origin and {@code height} high. */
  private static StringBuilder open(String title, int left, int height) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='%d 0 %d %d' "
                + "role='img' aria-label='%s' font-family='sans-serif'>\n",
            WIDTH + left,
            height,
            -left,
            WIDTH + left,
            height,
            escape(title)));
  }

  private static void axis(StringBuilder svg, double max, String unit) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#4a5568'/>",
            LEFT,
            TOP,
            LEFT,
            HEIGHT - BOTTOM));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#4a5568'/>",
            LEFT,
            HEIGHT - BOTTOM,
            WIDTH - 10,
            HEIGHT - BOTTOM));
    for (int i = 0; i <= 4; i++) {
      double value = max * i / 4;
      double y = TOP + plotHeight() - scale(value, max);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%s</text>",
              LEFT - 4,
              y + 3,
              format(value)));
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#edf2f7'/>",
              LEFT + 1,
              y,
              WIDTH - 10,
              y));
    }
    svg.append(
        String.format(
            Locale.ROOT, "<text x='%d' y='%d' font-size='10'>%s</text>", 4, TOP - 8, escape(unit)));
  }

  private static void legend(StringBuilder svg, List<Series> series) {
    for (int s = 0; s < series.size(); s++) {
      int x = WIDTH - 10 - 110 * (series.size() - s);
      int y = TOP - 10;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%d' y='%d' width='10' height='10' fill='%s'/><text x='%d' y='%d' font-size='11'>%s</text>",
              x,
              y - 9,
              COLOURS[s % COLOURS.length],
              x + 14,
              y,
              escape(series.get(s).name())));
    }
  }

  /**
   * The axis top: {@code max} rounded up to four equal whole-number steps of 1, 1.5, 2, 2.5, 3, 4,
   * 5, 6 or 8 times a power of ten, so that the ticks read as counts.
   */
  private static double niceMax(double max) {
    double raw = Math.max(1, max / 4);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      step = m * magnitude;
      if (step >= raw && step == Math.rint(step)) {
        break;
      }
    }
    return step * 4;
  }

  private static int plotHeight() {
    return HEIGHT - BOTTOM - TOP;
  }

  private static double scale(double value, double max) {
    return max <= 0 ? 0 : value / max * plotHeight();
  }

  private static double max(List<Series> series) {
    double max = 0;
    for (Series s : series) {
      for (double v : s.values()) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    return max == 0 ? 1 : max;
  }

  /**
   * {@code v} with thousands separated: a whole number, however large, without decimals, others to
   * the hundredth; NaN and the infinities as Java writes them.
   */
  static String format(double v) {
    return Double.isFinite(v) && v == Math.rint(v)
        ? String.format(Locale.ROOT, "%,d", new BigDecimal(v).toBigInteger())
        : String.format(Locale.ROOT, "%,.2f", v);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace("\"", "&quot;");
  }
}
