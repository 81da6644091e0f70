package org.gridgov.core.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Policies named after the places their numbers come from, shipped as YAML resources under {@code
 * org/gridgov/core/policy/presets/}; each file says which numbers are from the seed and which are
 * borrowed or assumed.
 */
public final class Presets {
  private static final ImmutableSet<String> NAMES =
      ImmutableSet.of("kaixuan", "dongcheng", "yangling");
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

  /**
   * The shipped YAML of the preset {@code id} ({@code kaixuan}, {@code dongcheng}, {@code
   * yangling}) as written, comments and all, for a report that shows the policy it ran; empty for
   * any other id.
   */
  public static Optional<String> yaml(String id) {
    Objects.requireNonNull(id, "id");
    if (!NAMES.contains(id)) {
      return Optional.empty();
    }
    String resource = "presets/" + id + ".yaml";
    try (InputStream in = Presets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing preset resource " + resource);
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PolicySet load(String name) {
    return PolicyLoader.fromYaml(
        new StringReader(yaml(name).orElseThrow()), "presets/" + name + ".yaml");
  }
}
