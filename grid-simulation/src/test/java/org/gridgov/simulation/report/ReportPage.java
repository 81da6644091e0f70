package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

/** Parts of a rendered report page, for the report tests to look into. */
final class ReportPage {
  private ReportPage() {}

  /** A section of the page: from its heading to the next section's. */
  static String section(String html, String heading) {
    int from = html.indexOf("<h2>" + heading + "</h2>");
    assertThat(from).as(heading).isNotNegative();
    int to = html.indexOf("<h2>", from + 1);
    return html.substring(from, to < 0 ? html.length() : to);
  }

  /** The part of a section under the heading naming one run's policy, up to the next run's. */
  static String part(String section, String label) {
    String heading = "<h3>" + label + "</h3>";
    int from = section.indexOf(heading);
    assertThat(from).as(heading).isNotNegative();
    int to = section.indexOf("<h3>", from + heading.length());
    return section.substring(from, to < 0 ? section.length() : to);
  }
}
