package org.gridgov.core.policy;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Policies named after the places their numbers come from, shipped as YAML resources under {@code
 * org/gridgov/core/policy/presets/}; each file says which numbers are from the seed and which are
 * borrowed or assumed.
 */
public final class Presets {
  private static final PolicySet KAIXUAN = load("kaixuan");
  private static final PolicySet DONGCHENG = load("dongcheng");
  private static final PolicySet YANGLING = load("yangling");

  private Presets() {}

  /** Kaixuan street, Hangzhou: 24 h claim window, 72 h reply, HARD 1/10 quota, 40 % graded pay. */
  public static PolicySet kaixuan() {
    return KAIXUAN;
  }

  /** Dongcheng district, Beijing: the 80–85 % / 10–15 % / ≤5 % target split. */
  public static PolicySet dongcheng() {
    return DONGCHENG;
  }

  /** Yangling, Shaanxi: piece rates 5 / 300–500 yuan and a 500 yuan allowance 40 %/60 %. */
  public static PolicySet yangling() {
    return YANGLING;
  }

  public static ImmutableList<PolicySet> all() {
    return ImmutableList.of(KAIXUAN, DONGCHENG, YANGLING);
  }

  private static PolicySet load(String name) {
    String resource = "presets/" + name + ".yaml";
    InputStream in = Presets.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing preset resource " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return PolicyLoader.fromYaml(reader, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
