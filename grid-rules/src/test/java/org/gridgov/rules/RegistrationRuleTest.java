package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.rules.World.*;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.QuotaMode;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.dispatch.RegistrationRule;
import org.junit.jupiter.api.Test;

/** 立案: the responsible line and the self-claim window, which runs from the upload (T0). */
class RegistrationRuleTest {
  private static final PolicySet KAIXUAN = Presets.kaixuan(); // 24 h claim window, calendar time
  private static final Category VENDING = CategoryCatalogue.standard().require(CATEGORY);

  private static Incident reported(boolean emergency) {
    return Incident.start(report("r", GRID_1, emergency));
  }

  private static IncidentRegistered registered(Incident incident, PolicySet policy, Instant now) {
    RegistrationRule.Result result =
        RegistrationRule.decide(
            incident, VENDING, Optional.empty(), Lines.standard(), policy, CENTRE, now, "valid");
    assertThat(result.refused()).isEmpty();
    return result.registered().orElseThrow();
  }

  @Test
  void decide_registeredInsideTheWindow_windowEndsADayAfterTheUploadUnderTheCategorysLine() {
    IncidentRegistered event = registered(reported(false), KAIXUAN, at(2));

    assertThat(event.claimUntil())
        .as("24 h from the upload, not from registration")
        .isEqualTo(at(24));
    assertThat(event.line()).as("E0401's default line").isEqualTo(LineId.of("market-regulation"));
    assertThat(event.category()).isEqualTo(CATEGORY);
    assertThat(event.at()).isEqualTo(at(2));
  }

  @Test
  void decide_registeredAfterTheWindowEnded_noWindowLeftDispatchedAtOnce() {
    IncidentRegistered event = registered(reported(false), KAIXUAN, at(30));

    assertThat(event.claimUntil()).isEqualTo(at(30));
  }

  @Test
  void decide_emergency_noWindow() {
    assertThat(registered(reported(true), KAIXUAN, at(2)).claimUntil()).isEqualTo(at(2));
  }

  @Test
  void decide_categoryOutsideTheGridsAuthority_noWindowSoDispatchPassesItUp() {
    PolicySet narrowed =
        new PolicySet(
            KAIXUAN.id(),
            KAIXUAN.version(),
            KAIXUAN.effectiveFrom(),
            KAIXUAN.zone(),
            KAIXUAN.source(),
            KAIXUAN.dispatch(),
            KAIXUAN.returns(),
            KAIXUAN.verification(),
            new EscalationPolicy(
                QuotaMode.HARD,
                ImmutableMap.of(),
                ImmutableMap.of(Level.GRID, ImmutableSet.of("E06"))),
            KAIXUAN.targets(),
            KAIXUAN.pay(),
            KAIXUAN.callback(),
            KAIXUAN.extension(),
            KAIXUAN.suspension());

    assertThat(registered(reported(false), narrowed, at(2)).claimUntil()).isEqualTo(at(2));
  }

  @Test
  void decide_dispatcherNamesALine_thatLineInsteadOfTheCategorys() {
    RegistrationRule.Result result =
        RegistrationRule.decide(
            reported(false),
            VENDING,
            Optional.of(URBAN),
            Lines.of(List.of()),
            KAIXUAN,
            CENTRE,
            at(2),
            "");

    assertThat(result.registered().orElseThrow().line()).isEqualTo(URBAN);
    assertThat(result.refused()).isEmpty();
  }

  @Test
  void decide_noLineResponsible_refusedNamingTheCategory() {
    RegistrationRule.Result result =
        RegistrationRule.decide(
            reported(false),
            VENDING,
            Optional.empty(),
            Lines.of(List.of()),
            KAIXUAN,
            CENTRE,
            at(2),
            "");

    assertThat(result.registered()).isEmpty();
    assertThat(result.refused())
        .get()
        .satisfies(
            r -> {
              assertThat(r.rule()).isEqualTo(RegistrationRule.ID);
              assertThat(r.code()).isEqualTo("NO_RESPONSIBLE_LINE");
              assertThat(r.message()).isEqualTo("no line is responsible for category E0401");
            });
  }
}
