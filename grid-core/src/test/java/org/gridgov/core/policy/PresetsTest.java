package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.gridgov.core.Money;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

class PresetsTest {

  @Test
  void all_everyPreset_passesValidationAndHasASource() {
    assertThat(Presets.all())
        .extracting(PolicySet::id)
        .containsExactly("kaixuan", "dongcheng", "yangling");
    for (PolicySet preset : Presets.all()) {
      assertThat(PolicyLoader.validate(preset)).isSameAs(preset);
      assertThat(preset.source()).isNotBlank();
      assertThat(preset.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }
  }

  @Test
  void yaml_eachPresetsShippedText_loadsToThePreset_otherIdsHaveNone() {
    for (PolicySet preset : Presets.all()) {
      String text = Presets.yaml(preset.id()).orElseThrow();
      assertThat(text).startsWith("#").contains("id: " + preset.id());
      assertThat(PolicyLoader.fromYaml(new java.io.StringReader(text), "again.yaml"))
          .isEqualTo(preset);
    }
    assertThat(Presets.yaml("beijing")).isEmpty();
    assertThat(Presets.yaml("../presets/kaixuan")).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Presets.yaml(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
  }

  @Test
  void kaixuan_seed000_has24hClaim72hReplyHardTenthQuotaAnd40PercentPay() {
    PolicySet kaixuan = Presets.kaixuan();

    assertThat(kaixuan.dispatch().claimWindow()).isEqualTo(Duration.ofHours(24));
    assertThat(kaixuan.dispatch().replyWithin()).isEqualTo(Duration.ofHours(72));
    assertThat(kaixuan.escalation().mode()).isEqualTo(QuotaMode.HARD);
    for (Level level : new Level[] {Level.GRID, Level.COMMUNITY, Level.STREET}) {
      assertThat(kaixuan.escalation().quotaFor(level))
          .hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo(new BigDecimal("0.1")));
    }
    assertThat(kaixuan.escalation().quotaFor(Level.DISTRICT)).isEmpty();
    assertThat(kaixuan.pay().orElseThrow().gradedPayShare())
        .hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("0.40"));
    assertThat(kaixuan.effectiveFrom()).isEqualTo(Instant.parse("2011-12-31T16:00:00Z"));
  }

  @Test
  void dongcheng_seed001_hasTheTargetSplit() {
    PolicySet dongcheng = Presets.dongcheng();

    ShareRange community = dongcheng.targetFor(Level.COMMUNITY).orElseThrow();
    assertThat(community.min()).isEqualByComparingTo("0.80");
    assertThat(community.max()).isEqualByComparingTo("0.85");
    assertThat(community.contains(new BigDecimal("0.80"))).as("both ends in range").isTrue();
    assertThat(community.contains(new BigDecimal("0.85"))).isTrue();
    assertThat(community.contains(new BigDecimal("0.79"))).isFalse();
    assertThat(community.contains(new BigDecimal("0.851"))).isFalse();
    assertThat(dongcheng.targetFor(Level.STREET).orElseThrow().min()).isEqualByComparingTo("0.10");
    assertThat(dongcheng.targetFor(Level.STREET).orElseThrow().max()).isEqualByComparingTo("0.15");
    assertThat(dongcheng.targetFor(Level.DISTRICT).orElseThrow().max())
        .isEqualByComparingTo("0.05");
    assertThat(dongcheng.dispatch().claimWindow()).isEqualTo(Duration.ofHours(24));
    assertThat(dongcheng.source()).contains("borrowed from Kaixuan");
    assertThat(dongcheng.pay()).isEmpty();
  }

  @Test
  void yangling_seed003_hasPieceRatesAndAllowance() {
    PayPolicy pay = Presets.yangling().pay().orElseThrow();

    PieceRates rates = pay.pieceRates().orElseThrow();
    assertThat(rates.qualityReport()).isEqualTo(Money.ofFen(500));
    assertThat(rates.majorEventMin()).isEqualTo(Money.ofYuan("300"));
    assertThat(rates.majorEventMax()).isEqualTo(Money.ofYuan("500"));
    Allowance allowance = pay.allowance().orElseThrow();
    assertThat(allowance.monthly()).hasToString("¥500.00");
    assertThat(allowance.basic()).isEqualTo(Money.ofYuan("200"));
    assertThat(allowance.assessed()).isEqualTo(Money.ofYuan("300"));
    assertThat(pay.gradedPayShare()).isEmpty();
  }
}
