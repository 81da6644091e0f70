package org.gridgov.core.territory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ListMultimap;
import com.google.common.collect.MultimapBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Checks;

/**
 * An immutable tree of areas: the administrative ladder of a district (or several) and the grids
 * and micro-grids below its communities. Built and validated by a {@link TerritoryBuilder}.
 *
 * <p>Every lookup is answered from indexes built once, in O(1) or in the size of its result, so the
 * dispatch path may call them freely. Lists of areas are sorted by code.
 */
public final class Territory {
  private static final Comparator<Area> BY_CODE = Comparator.comparing(Area::code);

  private final CodeScheme scheme;
  private final ImmutableMap<String, Area> byCode;
  private final ImmutableList<Area> areas;
  private final ImmutableList<Area> roots;
  private final ImmutableListMultimap<String, Area> children;
  private final ImmutableListMultimap<Level, Area> byLevel;
  private final ImmutableMap<String, ImmutableList<Area>> ancestors;
  private final ImmutableMap<String, ImmutableListMultimap<Level, Area>> descendants;
  private final ImmutableMap<String, AreaKind> kinds;

  /** Indexes {@code validAreas}, which a {@link TerritoryBuilder} has already validated. */
  Territory(CodeScheme scheme, Collection<Area> validAreas) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    List<Area> sorted = new ArrayList<>(validAreas);
    sorted.sort(BY_CODE);
    this.areas = ImmutableList.copyOf(sorted);
    Map<String, Area> codes = new HashMap<>();
    sorted.forEach(a -> codes.put(a.code().value(), a));
    this.byCode = ImmutableMap.copyOf(codes);

    ImmutableList.Builder<Area> rootList = ImmutableList.builder();
    ImmutableListMultimap.Builder<String, Area> childIndex = ImmutableListMultimap.builder();
    ImmutableListMultimap.Builder<Level, Area> levelIndex = ImmutableListMultimap.builder();
    ImmutableMap.Builder<String, ImmutableList<Area>> ancestorIndex = ImmutableMap.builder();
    Map<String, ListMultimap<Level, Area>> below = new HashMap<>();
    ImmutableMap.Builder<String, AreaKind> kindIndex = ImmutableMap.builder();
    for (Area area : sorted) {
      levelIndex.put(area.level(), area);
      if (area.parent().isEmpty()) {
        rootList.add(area);
      } else {
        childIndex.put(area.parent().get().value(), area);
      }
      ImmutableList.Builder<Area> chain = ImmutableList.builder();
      for (Optional<AreaCode> up = area.parent(); up.isPresent(); ) {
        Area ancestor = codes.get(up.get().value());
        chain.add(ancestor);
        below
            .computeIfAbsent(
                ancestor.code().value(),
                k -> MultimapBuilder.enumKeys(Level.class).arrayListValues().build())
            .put(area.level(), area);
        up = ancestor.parent();
      }
      ImmutableList<Area> ancestry = chain.build();
      ancestorIndex.put(area.code().value(), ancestry);
      declaredKind(area, ancestry).ifPresent(kind -> kindIndex.put(area.code().value(), kind));
    }
    this.roots = rootList.build();
    this.children = childIndex.build();
    this.byLevel = levelIndex.build();
    this.ancestors = ancestorIndex.build();
    ImmutableMap.Builder<String, ImmutableListMultimap<Level, Area>> descendantIndex =
        ImmutableMap.builder();
    below.forEach(
        (code, multimap) -> descendantIndex.put(code, ImmutableListMultimap.copyOf(multimap)));
    this.descendants = descendantIndex.build();
    this.kinds = kindIndex.build();
  }

  /**
   * The kind set on {@code area} itself, else on its nearest ancestor; empty when none sets one.
   */
  private static Optional<AreaKind> declaredKind(Area area, List<Area> ancestry) {
    Optional<String> own = area.attribute(AreaKind.ATTRIBUTE);
    if (own.isPresent()) {
      return AreaKind.parse(own.get());
    }
    for (Area up : ancestry) {
      Optional<String> set = up.attribute(AreaKind.ATTRIBUTE);
      if (set.isPresent()) {
        return AreaKind.parse(set.get());
      }
    }
    return Optional.empty();
  }

  public static TerritoryBuilder builder() {
    return new TerritoryBuilder(CodeScheme.DEFAULT);
  }

  public static TerritoryBuilder builder(CodeScheme scheme) {
    return new TerritoryBuilder(scheme);
  }

  public CodeScheme scheme() {
    return scheme;
  }

  /** The area with {@code code} (same digits and level), or empty. */
  public Optional<Area> find(AreaCode code) {
    return Optional.ofNullable(areaOrNull(code));
  }

  /** {@link #find(AreaCode)}'s area, or null. */
  private Area areaOrNull(AreaCode code) {
    Area area = byCode.get(code.value());
    return area != null && area.level() == code.level() ? area : null;
  }

  /** The area whose code has the digits {@code code}, or empty. */
  public Optional<Area> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * The area with {@code code}.
   *
   * @throws InvalidInputException about the {@code area lookup} at {@code code} ({@code
   *     input.unknown}) when this territory has no such area
   */
  public Area require(AreaCode code) {
    Area area = areaOrNull(code);
    if (area == null) {
      throw Checks.invalid(
          "area lookup",
          "code",
          InputRules.UNKNOWN,
          "names no " + code.level() + " of this territory",
          code);
    }
    return area;
  }

  public boolean contains(AreaCode code) {
    return find(code).isPresent();
  }

  /** The parent of {@code code}, empty for a root; throws if {@code code} is absent. */
  public Optional<Area> parent(AreaCode code) {
    return require(code).parent().map(p -> byCode.get(p.value()));
  }

  /** The ancestors of {@code code}, nearest first, ending at its root. */
  public ImmutableList<Area> ancestors(AreaCode code) {
    return ancestors.get(require(code).code().value());
  }

  /** The ancestor of {@code code} at {@code level}, or empty when there is none. */
  public Optional<Area> ancestorAt(AreaCode code, Level level) {
    return ancestors(code).stream().filter(a -> a.level() == level).findFirst();
  }

  /** The direct children of {@code code}, sorted by code. */
  public ImmutableList<Area> children(AreaCode code) {
    return children.get(require(code).code().value());
  }

  /** Every area at {@code level} below {@code code}, at any depth, sorted by code. */
  public ImmutableList<Area> descendants(AreaCode code, Level level) {
    ImmutableListMultimap<Level, Area> below = descendants.get(require(code).code().value());
    return below == null ? ImmutableList.of() : below.get(level);
  }

  /**
   * The {@link AreaKind} of the area with the digits {@code code}: its own {@value
   * AreaKind#ATTRIBUTE} attribute, else its nearest ancestor's, else {@link AreaKind#URBAN} (also
   * for a code this territory does not hold). One lookup in an index built once.
   */
  public AreaKind kindOf(AreaCode code) {
    return kinds.getOrDefault(code.value(), AreaKind.URBAN);
  }

  /** Every area at {@code level}, sorted by code. */
  public ImmutableList<Area> at(Level level) {
    return byLevel.get(level);
  }

  /** The areas without a parent, sorted by code. */
  public ImmutableList<Area> roots() {
    return roots;
  }

  /**
   * The part of this territory under {@code code}: the area, its ancestors and all its descendants,
   * for example one street of a district.
   */
  public Territory restrictedTo(AreaCode code) {
    Area top = require(code);
    TerritoryBuilder builder = builder(scheme);
    for (Area ancestor : ancestors(code)) {
      builder.add(ancestor, "restricted");
    }
    builder.add(top, "restricted");
    for (Area area : areas) {
      if (code.isPrefixOf(area.code())) {
        builder.add(area, "restricted");
      }
    }
    return builder.build();
  }

  /**
   * This territory with the attribute {@code key} of the area {@code code} set to {@code value}
   * (replacing any), checked again as a built territory is: {@code withAttribute(street,
   * AreaKind.ATTRIBUTE, "RURAL")} marks a street and everything in it rural.
   *
   * @throws InvalidInputException when the territory holds no such area ({@link #require}), or when
   *     the attribute breaks a territory rule (a blank key or value, an {@code area_kind} that is
   *     not one of the kinds)
   */
  @SuppressWarnings("ReferenceEquality") // the very area found, not one equal to it
  public Territory withAttribute(AreaCode code, String key, String value) {
    boolean badKey = key == null || key.isBlank();
    if (badKey || value == null || value.isBlank()) {
      throw new InvalidInputException(
          "attribute of " + code,
          Violation.of(
              badKey ? "key" : "value",
              TerritoryRules.ATTRIBUTE,
              "must not be blank",
              badKey ? key : value));
    }
    Area target = require(code);
    Map<String, String> attributes = new LinkedHashMap<>(target.attributes());
    attributes.put(key, value);
    TerritoryBuilder builder = builder(scheme);
    for (Area area : areas) {
      builder.add(
          area == target
              ? new Area(area.code(), area.name(), area.parent(), ImmutableMap.copyOf(attributes))
              : area,
          "withAttribute");
    }
    return builder.build();
  }

  /** Every area, sorted by code. */
  public ImmutableList<Area> areas() {
    return areas;
  }

  public int size() {
    return areas.size();
  }

  @Override
  public String toString() {
    return "Territory["
        + areas.size()
        + " areas, roots "
        + roots.stream().map(Area::code).toList()
        + "]";
  }
}
