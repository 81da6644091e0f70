package org.gridgov.core.category;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Checks;

/**
 * An immutable catalogue of categories: the standard one shipped as {@code standard-catalogue.csv}
 * (CJ/T 214 classes; see the comments in that file for what is [unconfirmed]) plus local
 * extensions. Local extensions should use the reserved minor range 80–99 (2 digits) or 080–999 (3
 * digits), see {@link #isLocalRange}; any code not already in the catalogue is accepted, since
 * cities' lists differ, and is flagged {@link Category#local()}.
 */
public final class CategoryCatalogue {
  public static final RuleId DUPLICATE_CODE = RuleId.of("category.duplicate-code");

  /** Categories given as no collection, or a null among them. */
  public static final RuleId MISSING_CATEGORY = RuleId.of("category.missing-category");

  private static final String STANDARD = "standard-catalogue.csv";
  private static final CategoryCatalogue STANDARD_CATALOGUE = loadStandard();

  private final ImmutableSortedMap<CategoryCode, Category> byCode;

  /**
   * The same by hash, for {@link #find} and {@link #require}: a report, a dispatch and a
   * verification each look their case's category up, and the sorted map's binary search compares
   * codes character by character, about eight in a row.
   */
  private final Map<CategoryCode, Category> lookup;

  private CategoryCatalogue(ImmutableSortedMap<CategoryCode, Category> byCode) {
    this.byCode = byCode;
    this.lookup = new HashMap<>(byCode);
  }

  /** The shipped standard catalogue; its categories are not local. */
  public static CategoryCatalogue standard() {
    return STANDARD_CATALOGUE;
  }

  /**
   * A catalogue of exactly {@code categories}, each keeping its own {@link Category#local()} flag,
   * for example as read back from storage.
   *
   * @throws InvalidInputException for duplicate codes
   */
  public static CategoryCatalogue of(Collection<Category> categories) {
    return empty().merge(entries(categories, false), "categories");
  }

  /** A catalogue of only the categories in a user's CSV (same format), all flagged local. */
  public static CategoryCatalogue load(Reader reader, String source) {
    return empty().merge(CategoryCsv.read(reader, source, true), source);
  }

  /** True for the minor codes reserved for local extensions: 80–99, or 080–999 with 3 digits. */
  public static boolean isLocalRange(CategoryCode code) {
    return Integer.parseInt(code.minor()) >= 80;
  }

  /**
   * {@link Category#emergencyFor} for a case of category {@code code}; a category this catalogue
   * does not hold makes no case an emergency by itself.
   */
  public boolean isEmergency(boolean reportedAsEmergency, CategoryCode code) {
    return emergencyOf(reportedAsEmergency, lookup.get(code));
  }

  /**
   * {@link #isEmergency} for a case whose category was already looked up: {@code category} is null
   * when the catalogue does not hold it.
   */
  public static boolean emergencyOf(boolean reportedAsEmergency, Category category) {
    return category == null ? reportedAsEmergency : category.emergencyFor(reportedAsEmergency);
  }

  public Optional<Category> find(CategoryCode code) {
    return Optional.ofNullable(lookup.get(code));
  }

  public Category require(CategoryCode code) {
    Category category = lookup.get(code);
    if (category == null) {
      throw new NoSuchElementException("no category " + code + " in the catalogue");
    }
    return category;
  }

  /** Every category, ordered by code. */
  public ImmutableList<Category> all() {
    return byCode.values().asList();
  }

  public ImmutableList<Category> ofKind(CategoryKind kind) {
    return all().stream().filter(c -> c.kind() == kind).collect(ImmutableList.toImmutableList());
  }

  /** The minor categories of one major class, such as parts {@code 01}. */
  public ImmutableList<Category> inMajor(CategoryKind kind, String major) {
    return all().stream()
        .filter(c -> c.kind() == kind && c.code().major().equals(major))
        .collect(ImmutableList.toImmutableList());
  }

  /** This catalogue plus {@code extra}, flagged local; refuses every code already present. */
  public CategoryCatalogue with(Collection<Category> extra) {
    return merge(entries(extra, true), "categories");
  }

  /**
   * {@code categories} as entries {@code categories[i]}, flagged local if {@code local}; refuses a
   * null collection or every null in it ({@code category.missing-category}).
   */
  private static List<CategoryCsv.Entry> entries(Collection<Category> categories, boolean local) {
    Checks.noNullElements("categories", MISSING_CATEGORY, "categories", categories);
    List<CategoryCsv.Entry> entries = new ArrayList<>();
    int i = 0;
    for (Category category : categories) {
      entries.add(
          new CategoryCsv.Entry("categories[" + i++ + "]", local ? category.asLocal() : category));
    }
    return entries;
  }

  /** This catalogue plus the categories of a user's CSV, flagged local. */
  public CategoryCatalogue with(Reader reader, String source) {
    return merge(CategoryCsv.read(reader, source, true), source);
  }

  private CategoryCatalogue merge(List<CategoryCsv.Entry> entries, String source) {
    TreeMap<CategoryCode, Category> map = new TreeMap<>(byCode);
    List<Violation> violations = new ArrayList<>();
    for (CategoryCsv.Entry entry : entries) {
      CategoryCode code = entry.category().code();
      if (map.putIfAbsent(code, entry.category()) != null) {
        violations.add(Violation.of(entry.path(), DUPLICATE_CODE, "duplicate category code", code));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("categories " + source, violations);
    }
    return new CategoryCatalogue(ImmutableSortedMap.copyOfSorted(map));
  }

  private static CategoryCatalogue empty() {
    return new CategoryCatalogue(ImmutableSortedMap.of());
  }

  private static CategoryCatalogue loadStandard() {
    try (Reader reader =
        new InputStreamReader(
            CategoryCatalogue.class.getResourceAsStream(STANDARD), StandardCharsets.UTF_8)) {
      return empty().merge(CategoryCsv.read(reader, STANDARD, false), STANDARD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "CategoryCatalogue" + byCode.keySet();
  }
}
