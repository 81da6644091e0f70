package org.gridgov.scoring.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;
import org.gridgov.scoring.ranking.MostImproved;
import org.gridgov.scoring.ranking.Ranking;
import org.junit.jupiter.api.Test;

class RankingExportTest {
  private static final Ranking RANKING =
      Ranking.of(
          "2024-03",
          UnitKind.COMMUNITY,
          Map.of(
              new UnitRef(UnitKind.COMMUNITY, "330102011002"), new BigDecimal("48.12"),
              new UnitRef(UnitKind.COMMUNITY, "330102011001"), new BigDecimal("1E+2")));

  @Test
  void csv_headerThenOneRowPerEntry_plainDecimals() {
    assertThat(RankingExport.csv(RANKING))
        .isEqualTo(
            """
        period,kind,rank,unit,score
        2024-03,COMMUNITY,1,330102011001,100
        2024-03,COMMUNITY,2,330102011002,48.12
        """);
  }

  @Test
  void json_periodKindAndEntries() throws Exception {
    JsonNode json = new ObjectMapper().readTree(RankingExport.json(RANKING));

    assertThat(json.get("period").asText()).isEqualTo("2024-03");
    assertThat(json.get("kind").asText()).isEqualTo("COMMUNITY");
    assertThat(json.get("entries")).hasSize(2);
    assertThat(json.get("entries").get(1).get("unit").asText()).isEqualTo("330102011002");
    assertThat(json.get("entries").get(1).get("score").asText()).isEqualTo("48.12");
    assertThat(json.get("entries").get(0).get("rank").asInt()).isEqualTo(1);
  }

  @Test
  void mostImproved_csvAndJson() throws Exception {
    UnitRef a = new UnitRef(UnitKind.WORKER, "w-a");
    MostImproved improved =
        MostImproved.of(
            "2024-03",
            UnitKind.WORKER,
            Map.of(a, new BigDecimal("58.25")),
            Map.of(a, new BigDecimal("50.00")));

    assertThat(RankingExport.csv(improved))
        .isEqualTo(
            """
        period,kind,rank,unit,previous,current,delta
        2024-03,WORKER,1,w-a,50.00,58.25,8.25
        """);
    assertThat(
            new ObjectMapper()
                .readTree(RankingExport.json(improved))
                .get("entries")
                .get(0)
                .get("delta")
                .asText())
        .isEqualTo("8.25");
  }
}
