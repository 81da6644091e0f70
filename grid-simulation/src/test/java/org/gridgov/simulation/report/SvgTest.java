package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.simulation.report.Svg.Series;
import org.junit.jupiter.api.Test;

class SvgTest {
  private static final Pattern TICK =
      Pattern.compile("<text x='\\d+' y='[\\d.]+' font-size='10' text-anchor='end'>([^<]+)</text>");
  private static final Pattern LEGEND =
      Pattern.compile("<rect x='\\d+' y='(-?\\d+)' width='10' height='10' fill='#[0-9a-f]+'/>");

  private static List<String> ticks(String svg) {
    List<String> ticks = new ArrayList<>();
    Matcher m = TICK.matcher(svg);
    while (m.find()) {
      ticks.add(m.group(1));
    }
    return ticks;
  }

  private static String bars(double... values) {
    List<Double> list = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (double v : values) {
      list.add(v);
      labels.add("d" + labels.size());
    }
    return Svg.bars(
        "t", labels, List.of(new Series("reported", list), new Series("closed", list)), "cases");
  }

  @Test
  void bars_axisRisesInFourWholeSteps_aboveTheLargestValue() {
    assertThat(ticks(bars(12, 218, 40))).containsExactly("0", "60", "120", "180", "240");
    assertThat(ticks(bars(1_700, 3_365))).containsExactly("0", "1,000", "2,000", "3,000", "4,000");
    assertThat(ticks(bars(3))).containsExactly("0", "1", "2", "3", "4");
    assertThat(ticks(bars(0, 0))).containsExactly("0", "1", "2", "3", "4");
  }

  @Test
  void bars_aValueThereIsNot_drawsNoBar_andLeavesTheAxisToTheOthers() {
    // a sweep's scenario that closed nothing on any seed has no on-time rate: NaN, no bar
    String svg = bars(12, Double.NaN, 218);

    assertThat(svg).doesNotContain("NaN");
    assertThat(ticks(svg)).containsExactly("0", "60", "120", "180", "240");
    assertThat(svg)
        .contains("<title>d0 reported: 12</title>")
        .contains("<title>d2 closed: 218")
        .doesNotContain("<title>d1 ");
  }

  @Test
  void bars_axisReachesAtLeastTheGivenTop_soThatTwoChartsShareOneScale() {
    List<Series> small = List.of(new Series("closed", List.of(12.0, 40.0)));
    assertThat(ticks(Svg.bars("t", List.of("a", "b"), small, "cases", 218)))
        .containsExactly("0", "60", "120", "180", "240");
    assertThat(ticks(Svg.bars("t", List.of("a", "b"), small, "cases", 0)))
        .as("below the chart's own largest value: its own scale")
        .isEqualTo(ticks(Svg.bars("t", List.of("a", "b"), small, "cases")))
        .containsExactly("0", "10", "20", "30", "40");
  }

  @Test
  void bars_legendSitsAboveThePlot_notOnTheBars() {
    Matcher legend = LEGEND.matcher(bars(5, 7));
    List<Integer> tops = new ArrayList<>();
    while (legend.find()) {
      tops.add(Integer.parseInt(legend.group(1)));
    }
    // the plot starts at y = 24; each legend swatch is 10 high
    assertThat(tops).hasSize(2).allSatisfy(y -> assertThat(y + 10).isLessThanOrEqualTo(24));
  }

  /**
   * Long x-axis labels, a sweep's scenario names, stay on the canvas: it grows down and to the left
   * as far as the rotated labels reach (they ran 40 units below a 300-high chart), while short
   * labels leave it as it was.
   */
  @Test
  void bars_longLabels_canvasGrowsToHoldThem() {
    Pattern box = Pattern.compile("viewBox='(-?\\d+) 0 (\\d+) (\\d+)'");
    Matcher plain = box.matcher(bars(5, 7));
    assertThat(plain.find()).isTrue();
    assertThat(plain.group(1) + " " + plain.group(2) + " " + plain.group(3)).isEqualTo("0 760 300");

    String longest =
        "kaixuan-quota-1-20 v1, setup report-to-street, scored by kaixuan-graded-20 v1";
    List<String> labels = List.of(longest, "kaixuan v1, setup default");
    Matcher grown =
        box.matcher(
            Svg.bars("t", labels, List.of(new Series("closed", List.of(5.0, 7.0))), "cases"));
    assertThat(grown.find()).isTrue();
    // each character at least 5 units wide, at 40°: down from the label's start at y = 232, and
    // left of the first group's centre at x = 229.5 (two groups across 694 units from x = 56)
    double length = longest.length() * 5;
    int minX = Integer.parseInt(grown.group(1));
    int height = Integer.parseInt(grown.group(3));
    assertThat(height).isGreaterThanOrEqualTo((int) (232 + length * Math.sin(Math.toRadians(40))));
    assertThat(minX)
        .isNegative()
        .isLessThanOrEqualTo((int) (229.5 - length * Math.cos(Math.toRadians(40))));
  }

  @Test
  void targets_valueNearAHundredPerCent_staysInsideTheChart() {
    String svg =
        Svg.targets(
            "t",
            java.util.List.of("community"),
            java.util.List.of(1.0),
            java.util.Collections.singletonList(new double[] {0.8, 0.85}));
    Matcher value =
        Pattern.compile(
                "<text x='([\\d.]+)' y='[\\d.]+' font-size='11'"
                    + "( text-anchor='end')?>100.0 %</text>")
            .matcher(svg);
    assertThat(value.find()).isTrue();
    double x = Double.parseDouble(value.group(1));
    double right = value.group(2) == null ? x + 40 : x; // "100.0 %" at 11 px
    assertThat(right).as("the value's right edge").isLessThanOrEqualTo(760);
  }

  /** The bars of a chart: x, y, width and height, and the title naming label, series and value. */
  private record Bar(double x, double y, double width, double height, String title) {}

  private static final Pattern BAR =
      Pattern.compile(
          "<rect x='([\\d.-]+)' y='([\\d.-]+)' "
              + "width='([\\d.-]+)' height='([\\d.-]+)' fill='#[0-9a-f]+'><title>([^<]+)</title>");

  private static List<Bar> barsOf(String svg) {
    List<Bar> bars = new ArrayList<>();
    Matcher m = BAR.matcher(svg);
    while (m.find()) {
      bars.add(
          new Bar(
              Double.parseDouble(m.group(1)),
              Double.parseDouble(m.group(2)),
              Double.parseDouble(m.group(3)),
              Double.parseDouble(m.group(4)),
              m.group(5)));
    }
    return bars;
  }

  private static List<double[]> numbers(String svg, String regex) {
    List<double[]> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(svg);
    while (m.find()) {
      double[] row = new double[m.groupCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = Double.parseDouble(m.group(i + 1));
      }
      found.add(row);
    }
    return found;
  }

  // the plot runs from y = 24 (the axis top) down to the x axis at y = 220, from x = 56 to 750
  private static final double AXIS_Y = 220;
  private static final double PLOT_HEIGHT = 196;

  @Test
  void bars_eachBarRisesFromTheAxis_toItsValueOnTheAxisScale() {
    List<Bar> bars = barsOf(bars(12, 218, 40)); // the axis tops at 240

    assertThat(bars)
        .hasSize(6)
        .allSatisfy(
            b -> {
              double value =
                  Double.parseDouble(b.title().substring(b.title().lastIndexOf(' ') + 1));
              assertThat(b.y() + b.height()).as(b.title()).isCloseTo(AXIS_Y, within(0.11));
              assertThat(b.height())
                  .as(b.title())
                  .isCloseTo(value / 240 * PLOT_HEIGHT, within(0.06));
            });
  }

  @Test
  void bars_allZero_orOneValue_orAllEqual_drawOnAScaleTheirValuesFit() {
    // all zero: bars of no height on an axis up to 4
    assertThat(barsOf(bars(0, 0, 0))).allSatisfy(b -> assertThat(b.height()).isZero());
    // one point, and all equal: the bars reach their value, not the axis top or past it
    for (String svg : List.of(bars(3), bars(7, 7, 7), bars(1_000, 1_000))) {
      List<String> ticks = ticks(svg);
      double top = Double.parseDouble(ticks.get(ticks.size() - 1).replace(",", ""));
      assertThat(barsOf(svg))
          .isNotEmpty()
          .allSatisfy(
              b -> {
                double value =
                    Double.parseDouble(
                        b.title().substring(b.title().lastIndexOf(' ') + 1).replace(",", ""));
                assertThat(top).as("the axis reaches the value").isGreaterThanOrEqualTo(value);
                assertThat(b.height())
                    .isPositive()
                    .isLessThanOrEqualTo(PLOT_HEIGHT)
                    .isCloseTo(value / top * PLOT_HEIGHT, within(0.06));
              });
    }
  }

  @Test
  void bars_eachGroupsBarsSitSideBySideInItsOwnSlot_underItsLabel() {
    String svg = bars(12, 218, 40);
    List<Bar> bars = barsOf(svg);
    double slot = (750 - 56) / 3.0;
    List<double[]> labels =
        numbers(
            svg,
            "<text x='([\\d.]+)' y='(\\d+)' font-size='9' "
                + "text-anchor='end' transform='rotate\\(-40 ([\\d.]+) (\\d+)\\)'>d\\d</text>");
    assertThat(labels).hasSize(3);

    for (int g = 0; g < 3; g++) {
      Bar reported = bars.get(2 * g);
      Bar closed = bars.get(2 * g + 1);
      assertThat(reported.title()).startsWith("d" + g + " reported");
      assertThat(closed.title()).startsWith("d" + g + " closed");
      double from = 56 + g * slot;
      assertThat(reported.x()).as("group %d", g).isGreaterThanOrEqualTo(from - 0.05);
      assertThat(closed.x())
          .as("after the first series' bar, not on it")
          .isCloseTo(reported.x() + reported.width(), within(0.11));
      assertThat(closed.x() + closed.width()).isLessThanOrEqualTo(from + slot + 0.05);
      assertThat(reported.width()).isGreaterThan(slot / 4);
      // the label turns about its own anchor, which sits between the group's bars
      double[] label = labels.get(g);
      assertThat(label[2]).isEqualTo(label[0]);
      assertThat(label[3]).isEqualTo(label[1]).isGreaterThan(AXIS_Y);
      assertThat(label[0]).isBetween(reported.x(), closed.x() + closed.width());
    }
  }

  @Test
  void bars_moreDaysThanAMonth_labelsSomeEvenly_aMonthLabelsEveryDay() {
    List<Series> month = List.of(new Series("open", java.util.Collections.nCopies(31, 1.0)));
    List<String> days = new ArrayList<>();
    for (int d = 0; d < 365; d++) {
      days.add("x" + d);
    }
    Pattern label = Pattern.compile("font-size='9'[^>]*>x(\\d+)</text>");

    List<Integer> monthLabels = new ArrayList<>();
    Matcher m = label.matcher(Svg.bars("t", days.subList(0, 31), month, "cases"));
    while (m.find()) {
      monthLabels.add(Integer.parseInt(m.group(1)));
    }
    List<Integer> yearLabels = new ArrayList<>();
    m =
        label.matcher(
            Svg.bars(
                "t",
                days,
                List.of(new Series("open", java.util.Collections.nCopies(365, 1.0))),
                "cases"));
    while (m.find()) {
      yearLabels.add(Integer.parseInt(m.group(1)));
    }

    assertThat(monthLabels).hasSize(31);
    assertThat(yearLabels).as("readable: a few dozen at most").hasSizeBetween(16, 40).startsWith(0);
    for (int i = 1; i < yearLabels.size(); i++) {
      assertThat(yearLabels.get(i) - yearLabels.get(i - 1)).isEqualTo(yearLabels.get(1));
    }
  }

  @Test
  void bars_ticksSitOnTheirGridLines_fromTheAxisUpToTheTop() {
    String svg = bars(12, 218, 40);
    List<double[]> lines =
        numbers(svg, "<line x1='57' y1='([\\d.]+)' x2='750' y2='([\\d.]+)' stroke='#edf2f7'/>");
    List<double[]> labels =
        numbers(svg, "<text x='52' y='([\\d.]+)' font-size='10' text-anchor='end'>");

    assertThat(lines).hasSize(5);
    assertThat(labels).hasSize(5);
    for (int i = 0; i <= 4; i++) {
      double y = lines.get(i)[0];
      assertThat(y).as("tick %d", i).isCloseTo(AXIS_Y - PLOT_HEIGHT * i / 4, within(0.06));
      assertThat(lines.get(i)[1]).isEqualTo(y);
      // the tick's text (font size 10) centred on its line: its baseline a little below it
      assertThat(labels.get(i)[0] - y).as("tick %d", i).isBetween(1.0, 5.0);
    }
  }

  @Test
  void bars_legendInSeriesOrder_insideTheChart_eachNameRightOfItsSwatch() {
    String svg =
        Svg.bars(
            "t",
            List.of("a"),
            List.of(
                new Series("reported", List.of(1.0)),
                new Series("registered", List.of(2.0)),
                new Series("closed", List.of(3.0))),
            "cases");
    List<double[]> legend =
        numbers(
            svg,
            "<rect x='(\\d+)' y='-?\\d+' width='10' height='10' "
                + "fill='#[0-9a-f]+'/><text x='(\\d+)' y='-?\\d+' font-size='11'>");

    assertThat(legend).hasSize(3);
    assertThat(legend.get(0)[0]).isGreaterThanOrEqualTo(56);
    for (int s = 0; s < 3; s++) {
      assertThat(legend.get(s)[1])
          .as("the name after its swatch")
          .isGreaterThanOrEqualTo(legend.get(s)[0] + 10);
      double end = s == 2 ? 760 : legend.get(s + 1)[0];
      assertThat(end - legend.get(s)[0]).as("room for the name").isGreaterThanOrEqualTo(100);
    }
  }

  @Test
  void bars_drawnAtOneToOne_theCanvasAsWideAndHighAsItsViewBox() {
    String longest =
        "kaixuan-quota-1-20 v1, setup report-to-street, scored by kaixuan-graded-20 v1";
    for (String svg :
        List.of(
            bars(5, 7),
            Svg.bars(
                "t",
                List.of(longest, "b"),
                List.of(new Series("closed", List.of(5.0, 7.0))),
                "cases"))) {
      Matcher m =
          Pattern.compile("width='(\\d+)' height='(\\d+)' viewBox='-?\\d+ 0 (\\d+) " + "(\\d+)'")
              .matcher(svg);
      assertThat(m.find()).isTrue();
      assertThat(m.group(1)).isEqualTo(m.group(3));
      assertThat(m.group(2)).isEqualTo(m.group(4));
    }
  }

  /** The canvas grows as far as the long labels reach, at 5.5 units a character, and no further. */
  @Test
  void bars_longLabels_canvasGrowsNoFurtherThanTheyReach() {
    String longest =
        "kaixuan-quota-1-20 v1, setup report-to-street, scored by kaixuan-graded-20 v1";
    Matcher box =
        Pattern.compile("viewBox='(-?\\d+) 0 (\\d+) (\\d+)'")
            .matcher(
                Svg.bars(
                    "t",
                    List.of(longest, "kaixuan v1, setup default"),
                    List.of(new Series("closed", List.of(5.0, 7.0))),
                    "cases"));
    assertThat(box.find()).isTrue();
    double length = longest.length() * 5.5;
    double down = 232 + length * Math.sin(Math.toRadians(40));
    double left = length * Math.cos(Math.toRadians(40)) - 229.5;

    assertThat(Integer.parseInt(box.group(3)))
        .isGreaterThan((int) down)
        .isLessThanOrEqualTo((int) down + 10);
    assertThat(-Integer.parseInt(box.group(1)))
        .isGreaterThan((int) left)
        .isLessThanOrEqualTo((int) left + 10);
  }

  @Test
  void targets_rangeAndMarkerSitAtTheirShareOfTheTrack_aLevelWithoutTargetHasNoRange() {
    String svg =
        Svg.targets(
            "t",
            List.of("community", "street", "district"),
            List.of(0.5, 0.0, 0.25),
            java.util.Arrays.asList(new double[] {0.8, 0.85}, new double[] {0.1, 0.2}, null));
    List<double[]> tracks =
        numbers(
            svg,
            "<rect x='([\\d.]+)' y='([\\d.]+)' width='([\\d.]+)' height='10' fill='#e2e8f0'/>");
    List<double[]> ranges =
        numbers(
            svg,
            "<rect x='([\\d.]+)' y='([\\d.]+)' width='([\\d.]+)'" + " height='10' fill='#9ae6b4'>");
    List<double[]> markers =
        numbers(
            svg, "<rect x='([\\d.-]+)' y='([\\d.]+)' width='3' " + "height='18' fill='#c53030'>");
    List<double[]> names = numbers(svg, "<text x='8' y='([\\d.]+)' font-size='12'>");
    List<double[]> values = numbers(svg, "<text x='([\\d.]+)' y='([\\d.]+)' font-size='11'>");

    assertThat(tracks).hasSize(3);
    assertThat(ranges).as("none for the district").hasSize(2);
    assertThat(svg)
        .contains("<title>target 80.0 %–85.0 %</title>")
        .contains("<title>target 10.0 %–20.0 %</title>");
    double[] actual = {0.5, 0.0, 0.25};
    for (int i = 0; i < 3; i++) {
      double x = tracks.get(i)[0];
      double y = tracks.get(i)[1];
      double span = tracks.get(i)[2];
      assertThat(x + span).isLessThanOrEqualTo(760);
      assertThat(y).as("row %d inside the plot", i).isBetween(24.0, 210.0);
      if (i > 0) {
        assertThat(y - tracks.get(i - 1)[1]).as("rows apart").isGreaterThanOrEqualTo(18);
      }
      assertThat(markers.get(i)[0] + 1.5)
          .as("marker %d", i)
          .isCloseTo(x + actual[i] * span, within(0.11));
      assertThat(markers.get(i)[1] + 9)
          .as("marker centred on its track")
          .isCloseTo(y + 5, within(0.11));
      assertThat(names.get(i)[0] - (y + 5)).as("name beside its track").isBetween(0.0, 6.0);
      assertThat(values.get(i)[0])
          .as("the value right of its marker")
          .isGreaterThan(markers.get(i)[0] + 3);
      assertThat(values.get(i)[1])
          .as("the value above the track, not over the target band")
          .isLessThanOrEqualTo(y);
    }
    double[][] target = {{0.8, 0.85}, {0.1, 0.2}};
    for (int i = 0; i < 2; i++) {
      double x = tracks.get(i)[0];
      double span = tracks.get(i)[2];
      assertThat(ranges.get(i)[0]).isCloseTo(x + target[i][0] * span, within(0.11));
      assertThat(ranges.get(i)[1]).isEqualTo(tracks.get(i)[1]);
      assertThat(ranges.get(i)[2]).isCloseTo((target[i][1] - target[i][0]) * span, within(0.11));
    }
  }

  /**
   * Ten levels, ten rows: each marker, 18 high about its track's centre, stays inside the plot (y =
   * 24 down to the x axis at 220), the rows evenly spaced and no two markers on one another.
   */
  @Test
  void targets_sayWhatTheBandAndTheMarkerAre_andTheTracksScale() {
    // before the fix: a green band and a red tick on a grey track, none of them named or scaled
    String svg =
        Svg.targets(
            "t",
            List.of("community", "street"),
            List.of(0.7, 0.05),
            java.util.Arrays.asList(new double[] {0.8, 0.85}, new double[] {0.1, 0.15}));
    double[] track =
        numbers(
                svg,
                "<rect x='([\\d.]+)' y='[\\d.]+' width='([\\d.]+)' height='10' fill='#e2e8f0'/>")
            .get(0);

    assertThat(svg)
        .containsPattern("fill='#9ae6b4'/><text [^>]*>target</text>")
        .containsPattern("fill='#c53030'/><text [^>]*>share</text>");
    List<double[]> ticks =
        numbers(svg, "<text x='([\\d.]+)' y='[\\d.]+' font-size='10'[^>]*>(\\d+) %</text>");
    assertThat(ticks).extracting(t -> t[1]).containsExactly(0.0, 50.0, 100.0);
    assertThat(ticks.get(0)[0]).isCloseTo(track[0], within(0.11));
    assertThat(ticks.get(2)[0]).isCloseTo(track[0] + track[1], within(0.11));
  }

  @Test
  void targets_tenLevels_everyMarkerInsideThePlot_noneOnAnother() {
    List<String> labels = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      labels.add("level " + i);
      actual.add(i / 10.0);
    }
    String svg =
        Svg.targets("t", labels, actual, java.util.Collections.nCopies(10, (double[]) null));
    List<double[]> markers =
        numbers(svg, "<rect x='[\\d.-]+' y='([\\d.]+)' width='3' height='18' fill='#c53030'>");

    assertThat(markers).hasSize(10);
    double apart = markers.get(1)[0] - markers.get(0)[0];
    assertThat(apart).as("no two markers overlap").isGreaterThanOrEqualTo(18);
    for (int i = 0; i < 10; i++) {
      double top = markers.get(i)[0];
      assertThat(top).as("marker %d", i).isGreaterThanOrEqualTo(AXIS_Y - PLOT_HEIGHT);
      assertThat(top + 18).as("marker %d", i).isLessThanOrEqualTo(AXIS_Y);
      if (i > 0) {
        assertThat(top - markers.get(i - 1)[0]).as("row %d", i).isCloseTo(apart, within(0.11));
      }
    }
  }

  @Test
  void targets_valueNearAHundredPerCent_writtenLeftOfItsMarker() {
    String svg =
        Svg.targets(
            "t",
            List.of("community"),
            List.of(1.0),
            java.util.Collections.singletonList(new double[] {0.8, 0.85}));
    double marker = numbers(svg, "<rect x='([\\d.]+)' y='[\\d.]+' width='3' height='18'").get(0)[0];
    double[] value =
        numbers(svg, "<text x='([\\d.]+)' y='([\\d.]+)' font-size='11' text-anchor='end'>100.0 %")
            .get(0);

    assertThat(value[0])
        .as("just left of the marker")
        .isLessThan(marker)
        .isGreaterThanOrEqualTo(marker - 10);
  }

  @Test
  void format_wholeNumbersWithoutDecimals_othersToTheHundredth() {
    assertThat(Svg.format(0)).isEqualTo("0");
    assertThat(Svg.format(12_345)).isEqualTo("12,345");
    assertThat(Svg.format(2.5)).isEqualTo("2.50");
    assertThat(Svg.format(-3)).isEqualTo("-3");
  }

  /**
   * A whole number is written without decimals however large it is, not only below some bound: ten
   * to the fifteenth is 1 and five groups of three zeros. A value that is no number at all is
   * written as Java spells it, not as the nearest long.
   */
  @Test
  void format_largeWholeNumbers_stillWithoutDecimals() {
    assertThat(Svg.format(1e15)).isEqualTo("1,000,000,000,000,000");
    assertThat(Svg.format(-1e15)).isEqualTo("-1,000,000,000,000,000");
    assertThat(Svg.format(1e20)).isEqualTo("100,000,000,000,000,000,000");
    assertThat(Svg.format(1e15 + 0.5)).isEqualTo("1,000,000,000,000,000.50");
    assertThat(Svg.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(Svg.format(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void escape_markupAndQuotes_becomeEntities() {
    assertThat(Svg.escape("a<b>&'c\"")).isEqualTo("a&lt;b&gt;&amp;&#39;c&quot;");
    String svg =
        Svg.bars("<script>", List.of("x'y"), List.of(new Series("a&b", List.of(1.0))), "\"cases\"");
    assertThat(svg)
        .doesNotContain("<script>")
        .doesNotContain("x'y")
        .doesNotContain("a&b")
        .doesNotContain("\"cases\"")
        .contains("aria-label='&lt;script&gt;'");
  }

  /**
   * A long label reaches left from its own group's place: one in a later group needs less room left
   * of the plot, or none, than it would in the first.
   */
  @Test
  void bars_aLongLabelInALaterGroup_canvasGrowsLeftAsFarAsItReachesFromThere() {
    Pattern box = Pattern.compile("viewBox='(-?\\d+) 0 \\d+ \\d+'");
    List<Series> two = List.of(new Series("closed", List.of(5.0, 7.0)));
    // the second of two groups is centred at x = 56 + 1.5 * 694 / 2 = 576.5
    double centre = 576.5;
    for (int characters : new int[] {78, 160}) {
      String label = "x".repeat(characters);
      Matcher m = box.matcher(Svg.bars("t", List.of("a", label), two, "cases"));
      assertThat(m.find()).isTrue();
      double reach = characters * 5.5 * Math.cos(Math.toRadians(40)) - centre;
      int left = -Integer.parseInt(m.group(1));

      if (reach < 0) {
        assertThat(left).as("%d characters: on the canvas as it is", characters).isZero();
      } else {
        assertThat(left)
            .as("%d characters", characters)
            .isGreaterThan((int) reach)
            .isLessThanOrEqualTo((int) reach + 10);
      }
    }
  }

  /**
   * A share's value is written right of its marker where it fits there, {@link Svg#VALUE_WIDTH}
   * wide, inside the chart's 760 units, and left of it only where it would run past that edge.
   */
  @Test
  void targets_valueRightOfItsMarker_exactlyWhereItFitsThere() {
    Pattern text =
        Pattern.compile(
            "<text x='([\\d.]+)' y='[\\d.]+' font-size='11'" + "( text-anchor='end')?>");
    String half =
        Svg.targets("t", List.of("c"), List.of(0.5), java.util.Collections.singletonList(null));
    double[] track =
        numbers(
                half,
                "<rect x='([\\d.]+)' y='[\\d.]+' width='([\\d.]+)' "
                    + "height='10' fill='#e2e8f0'/>")
            .get(0);
    Matcher halfValue = text.matcher(half);
    assertThat(halfValue.find()).isTrue();
    double gap = Double.parseDouble(halfValue.group(1)) - (track[0] + 0.5 * track[1]);
    assertThat(gap).as("right of the marker").isPositive();
    // the largest share whose value ends at the chart's edge, then shares on either side of it
    List<Double> shares = new ArrayList<>();
    shares.add((760 - Svg.VALUE_WIDTH - gap - track[0]) / track[1]);
    for (int i = 0; i <= 40; i++) {
      shares.add(0.9 + i * 0.0025);
    }

    for (double share : shares) {
      Matcher value =
          text.matcher(
              Svg.targets(
                  "t", List.of("c"), List.of(share), java.util.Collections.singletonList(null)));
      assertThat(value.find()).isTrue();
      boolean fits = track[0] + share * track[1] + gap + Svg.VALUE_WIDTH <= 760;
      assertThat(value.group(2) == null).as("share %s written right", share).isEqualTo(fits);
    }
    assertThat(shares)
        .as("both sides of the edge")
        .anyMatch(v -> track[0] + v * track[1] + gap + Svg.VALUE_WIDTH > 760)
        .anyMatch(v -> track[0] + v * track[1] + gap + Svg.VALUE_WIDTH <= 760);
  }
}
