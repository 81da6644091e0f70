package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

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
    return Svg.bars("t", labels, List.of(new Series("reported", list), new Series("closed", list)),
        "cases");
  }

  @Test
  void bars_axisRisesInFourWholeSteps_aboveTheLargestValue() {
    assertThat(ticks(bars(12, 218, 40))).containsExactly("0", "60", "120", "180", "240");
    assertThat(ticks(bars(1_700, 3_365))).containsExactly("0", "1,000", "2,000", "3,000",
        "4,000");
    assertThat(ticks(bars(3))).containsExactly("0", "1", "2", "3", "4");
    assertThat(ticks(bars(0, 0))).containsExactly("0", "1", "2", "3", "4");
  }

  @Test
  void bars_aValueThereIsNot_drawsNoBar_andLeavesTheAxisToTheOthers() {
    // a sweep's scenario that closed nothing on any seed has no on-time rate: NaN, no bar
    String svg = bars(12, Double.NaN, 218);

    assertThat(svg).doesNotContain("NaN");
    assertThat(ticks(svg)).containsExactly("0", "60", "120", "180", "240");
    assertThat(svg).contains("<title>d0 reported: 12</title>").contains("<title>d2 closed: 218")
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
   * Long x-axis labels, a sweep's scenario names, stay on the canvas: it grows down and to the
   * left as far as the rotated labels reach (they ran 40 units below a 300-high chart), while
   * short labels leave it as it was.
   */
  @Test
  void bars_longLabels_canvasGrowsToHoldThem() {
    Pattern box = Pattern.compile("viewBox='(-?\\d+) 0 (\\d+) (\\d+)'");
    Matcher plain = box.matcher(bars(5, 7));
    assertThat(plain.find()).isTrue();
    assertThat(plain.group(1) + " " + plain.group(2) + " " + plain.group(3))
        .isEqualTo("0 760 300");

    String longest =
        "kaixuan-quota-1-20 v1, setup report-to-street, scored by kaixuan-graded-20 v1";
    List<String> labels = List.of(longest, "kaixuan v1, setup default");
    Matcher grown = box.matcher(Svg.bars("t", labels, List.of(new Series("closed",
        List.of(5.0, 7.0))), "cases"));
    assertThat(grown.find()).isTrue();
    // each character at least 5 units wide, at 40°: down from the label's start at y = 232, and
    // left of the first group's centre at x = 229.5 (two groups across 694 units from x = 56)
    double length = longest.length() * 5;
    int minX = Integer.parseInt(grown.group(1));
    int height = Integer.parseInt(grown.group(3));
    assertThat(height).isGreaterThanOrEqualTo((int) (232 + length * Math.sin(Math.toRadians(40))));
    assertThat(minX).isNegative()
        .isLessThanOrEqualTo((int) (229.5 - length * Math.cos(Math.toRadians(40))));
  }

  @Test
  void targets_valueNearAHundredPerCent_staysInsideTheChart() {
    String svg = Svg.targets("t", java.util.List.of("community"), java.util.List.of(1.0),
        java.util.Collections.singletonList(new double[] {0.8, 0.85}));
    Matcher value = Pattern.compile("<text x='([\\d.]+)' y='[\\d.]+' font-size='11'"
        + "( text-anchor='end')?>100.0 %</text>").matcher(svg);
    assertThat(value.find()).isTrue();
    double x = Double.parseDouble(value.group(1));
    double right = value.group(2) == null ? x + 40 : x; // "100.0 %" at 11 px
    assertThat(right).as("the value's right edge").isLessThanOrEqualTo(760);
  }
}
