package org.gridgov.scoring.policy;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Scoring policies named after their places, shipped as YAML under {@code
 * org/gridgov/scoring/policy/presets/}; each file says which numbers come from the seed and which
 * are assumed or unconfirmed.
 */
public final class ScoringPresets {
  private static final ScoringPolicy KAIXUAN = load("kaixuan");
  private static final ScoringPolicy YANGLING = load("yangling");
  private static final ScoringPolicy L_COMMUNITY = load("l-community");
  private static final ScoringPolicy BEIJING_12345 = load("beijing-12345");

  private ScoringPresets() {}

  /** Kaixuan: monthly indicators, 40 % graded pay with a tier table, team bundling, five checks. */
  public static ScoringPolicy kaixuan() {
    return KAIXUAN;
  }

  /** Yangling: piece rates (5 yuan, 300–500 yuan) and the 500 yuan allowance, 40 % / 60 %. */
  public static ScoringPolicy yangling() {
    return YANGLING;
  }

  /** L community: static and dynamic points, five star levels. */
  public static ScoringPolicy lCommunity() {
    return L_COMMUNITY;
  }

  /** Beijing 12345: the three rates with example weights 10/45/45 [unconfirmed]. */
  public static ScoringPolicy beijing12345() {
    return BEIJING_12345;
  }

  public static ImmutableList<ScoringPolicy> all() {
    return ImmutableList.of(KAIXUAN, YANGLING, L_COMMUNITY, BEIJING_12345);
  }

  private static ScoringPolicy load(String name) {
    String resource = "presets/" + name + ".yaml";
    InputStream in = ScoringPresets.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing preset resource " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return ScoringPolicyLoader.fromYaml(reader, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
