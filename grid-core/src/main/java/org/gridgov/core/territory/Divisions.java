package org.gridgov.core.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.internal.Checks;

/**
 * The real division ladders shipped with gridgov (national statistical division codes: district,
 * streets, communities), loaded by name, and the example grid file for Kaixuan's 景芳 community.
 * Loaded territories are cached; they are immutable.
 */
public final class Divisions {
  /** Beijing, 东城区 (110101): 17 streets, 169 communities. */
  public static final String BEIJING_DONGCHENG = "beijing-dongcheng";

  /** Hangzhou, 上城区 (330102), including 凯旋街道 (330102011). */
  public static final String HANGZHOU_SHANGCHENG = "hangzhou-shangcheng";

  private static final List<String> NAMES = List.of(BEIJING_DONGCHENG, HANGZHOU_SHANGCHENG);
  private static final String EXAMPLE = "kaixuan-jingfang-grids";
  private static final Map<String, Territory> CACHE = new ConcurrentHashMap<>();

  private Divisions() {}

  /** The names {@link #load} accepts. */
  public static List<String> names() {
    return NAMES;
  }

  public static Territory dongcheng() {
    return load(BEIJING_DONGCHENG);
  }

  public static Territory shangcheng() {
    return load(HANGZHOU_SHANGCHENG);
  }

  /**
   * The shipped division ladder {@code name}, one of {@link #names()}.
   *
   * @throws InvalidInputException about the {@code division ladder} at {@code name}: {@code
   *     input.required} when it is null, {@code input.unknown} when no ladder has that name
   */
  public static Territory load(String name) {
    if (name == null) {
      throw Checks.invalid(
          "division ladder", "name", InputRules.REQUIRED, "is required, one of " + NAMES, null);
    }
    if (!NAMES.contains(name)) {
      throw Checks.invalid(
          "division ladder",
          "name",
          InputRules.UNKNOWN,
          "names no shipped division ladder; known: " + NAMES,
          name);
    }
    return CACHE.computeIfAbsent(
        name, n -> read(Territory.builder(), "divisions/" + n + ".csv").build());
  }

  /**
   * Shangcheng with the example grids and micro-grids of 景芳社区 (330102011002) below it. The
   * community code is real; the grid boundaries, households and patches are illustrative.
   */
  public static Territory jingfangExample() {
    Territory base = shangcheng(); // outside computeIfAbsent: no recursive update of the cache
    return CACHE.computeIfAbsent(
        EXAMPLE, n -> read(Territory.builder().addAll(base), "examples/" + n + ".csv").build());
  }

  private static TerritoryBuilder read(TerritoryBuilder builder, String resource) {
    InputStream in = Divisions.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      String file = resource.substring(resource.lastIndexOf('/') + 1);
      return builder.addCsv(reader, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
