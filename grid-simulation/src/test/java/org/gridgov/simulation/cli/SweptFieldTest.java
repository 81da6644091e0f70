package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridgov.core.policy.Presets;
import org.gridgov.simulation.SimulationConfig;
import org.junit.jupiter.api.Test;

class SweptFieldTest {
  @Test
  void name_theFieldWithoutItsSectionAndTheValue_afterThePrefix_fitForASetupOrPolicyName() {
    SweptField streets = new SweptField("--sweep-field", "staffing.perStreetLine", List.of());
    SweptField quota = new SweptField("--sweep-policy-field", "escalation.quota.GRID", List.of());

    assertThat(streets.name("", "8")).isEqualTo("perStreetLine-8");
    assertThat(streets.name("baoshan", "8")).isEqualTo("baoshan.perStreetLine-8");
    assertThat(quota.name("kaixuan", "0.05")).isEqualTo("kaixuan.quota.GRID-0.05");
    assertThat(new SweptField("--sweep-field", "tick", List.of()).name("", "1e+3"))
        .as("a character no name holds")
        .isEqualTo("tick-1e_3");
    assertThat(streets.name("x".repeat(60), "8")).hasSize(64).startsWith("x".repeat(60) + ".");
    assertThat(SimulationConfig.defaults().withSetup(streets.name("", ".5")).setup())
        .as("a name a setup takes")
        .isEqualTo("perStreetLine-.5");
  }

  @Test
  void setupAndPolicy_theBaseWithTheOneFieldSet_everythingElseKept() throws Exception {
    SimulationConfig base = SimulationConfig.defaults();
    SweptField claims = new SweptField("--sweep-field", "behaviour.claimShare", List.of());
    SweptField window = new SweptField("--sweep-policy-field", "dispatch.claimWindow", List.of());

    SimulationConfig config = claims.setup(base, "0.25");
    assertThat(config.behaviour().claimShare()).isEqualTo(0.25);
    assertThat(config.behaviour().gridWork()).isEqualTo(base.behaviour().gridWork());
    assertThat(config.withSetup("").withBehaviour(base.behaviour())).isEqualTo(base);
    assertThat(config.setup()).isEqualTo("claimShare-0.25");

    String kaixuan;
    try (var in = Presets.class.getResourceAsStream("presets/kaixuan.yaml")) {
      kaixuan = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var policy = window.policy(kaixuan, "kaixuan", "12h");
    assertThat(policy.id()).isEqualTo("kaixuan.claimWindow-12h");
    assertThat(policy.dispatch().claimWindow()).hasToString("PT12H");
    assertThat(policy.dispatch().replyWithin())
        .isEqualTo(Presets.kaixuan().dispatch().replyWithin());
    assertThat(policy.escalation()).isEqualTo(Presets.kaixuan().escalation());
  }

  @Test
  void parse_aValueTwice_refusedAsSuch() {
    // before the fix: the two runs took one name, and the error spoke of setup names
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SweptField.parse(
                    "--sweep-field",
                    "staffing.perStreetLine=2,4,2",
                    java.util.regex.Pattern.compile("[a-z.A-Z]+"),
                    "a field",
                    new picocli.CommandLine(new SimulateCommand())))
        .isInstanceOf(picocli.CommandLine.ParameterException.class)
        .hasMessage(
            "--sweep-field staffing.perStreetLine: each value must be given once, was '2'"
                + " twice");
  }

  @Test
  void parse_aValueNotOneNumberOrWord_refusedNamingTheOptionAndField() {
    java.util.regex.Pattern fields = java.util.regex.Pattern.compile("[a-z.A-Z]+");
    for (String value : new String[] {"null", "NULL", "[1]", "a b", "", "{x}"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  SweptField.parse(
                      "--sweep-field",
                      "staffing.perStreetLine=2," + value,
                      fields,
                      "a field",
                      new picocli.CommandLine(new SimulateCommand())))
          .as(value)
          .isInstanceOf(picocli.CommandLine.ParameterException.class)
          .hasMessage(
              "--sweep-field staffing.perStreetLine: each value must be one number or"
                  + " word (a duration, a line, a level), was '"
                  + value
                  + "'");
    }
    assertThat(
            SweptField.parse(
                "--sweep-field",
                "staffing.perStreetLine=2,4",
                fields,
                "a field",
                new picocli.CommandLine(new SimulateCommand())))
        .isEqualTo(new SweptField("--sweep-field", "staffing.perStreetLine", List.of("2", "4")));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SweptField.parse(
                    "--sweep-field",
                    "2,4",
                    fields,
                    "a section's field",
                    new picocli.CommandLine(new SimulateCommand())))
        .isInstanceOf(picocli.CommandLine.ParameterException.class)
        .hasMessage("--sweep-field must be FIELD=V1,V2,... with FIELD a section's field, was 2,4");
  }

  @Test
  void setup_oneEntryOfAMap_theMapsOtherEntriesKept() {
    SimulationConfig base = SimulationConfig.defaults();
    var hotline = org.gridgov.core.incident.Source.HOTLINE_12345;
    SweptField sources =
        new SweptField("--sweep-field", "arrivals.sources.HOTLINE_12345", List.of());

    SimulationConfig config = sources.setup(base, "99");

    assertThat(config.arrivals().sources())
        .containsEntry(hotline, 99.0)
        .hasSameSizeAs(base.arrivals().sources());
    base.arrivals()
        .sources()
        .forEach(
            (source, weight) -> {
              if (source != hotline) {
                assertThat(config.arrivals().sources()).containsEntry(source, weight);
              }
            });
  }
}
