package org.gridgov.core.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.Violation;
import org.gridgov.core.line.LineId;
import org.junit.jupiter.api.Test;

class CategoryCatalogueTest {
  private static final String HEADER =
      "code,major_name,name,default_line,emergency,handling_deadline\n";

  private static Category local(String code) {
    return new Category(
        CategoryCode.parse(code),
        "共享单车乱停",
        "扩展事件",
        LineId.of("urban-management"),
        false,
        Duration.ofHours(24),
        false);
  }

  @Test
  void standard_shippedCsv_holdsPartsAndEventsWithSeedDeadlines() {
    CategoryCatalogue catalogue = CategoryCatalogue.standard();

    assertThat(catalogue.all()).hasSizeBetween(50, 70);
    Category cover = catalogue.require(CategoryCode.parse("P0101"));
    assertThat(cover.name()).isEqualTo("上水井盖");
    assertThat(cover.majorName()).isEqualTo("公用设施");
    assertThat(cover.kind()).isEqualTo(CategoryKind.PART);
    assertThat(cover.local()).isFalse();
    assertThat(catalogue.require(CategoryCode.parse("P0102")).handlingDeadline())
        .isEqualTo(Duration.ofHours(2));
    assertThat(catalogue.require(CategoryCode.parse("P0113")).handlingDeadline())
        .isEqualTo(Duration.ofHours(24));
    assertThat(catalogue.require(CategoryCode.parse("E0405")).handlingDeadline())
        .isEqualTo(Duration.ofHours(2));
    assertThat(catalogue.require(CategoryCode.parse("E0101")).handlingDeadline())
        .isEqualTo(Duration.ofHours(72));
  }

  @Test
  void standard_emergencies_areTheSuddenEvents() {
    assertThat(CategoryCatalogue.standard().all().stream().filter(Category::emergency))
        .extracting(c -> c.code().toString())
        .containsExactly("E0501", "E0502", "E0503", "E0504");
  }

  @Test
  void isEmergency_reportedAsOneOrOfAnEmergencyCategory() {
    CategoryCatalogue catalogue = CategoryCatalogue.standard();
    CategoryCode burstPipe = CategoryCode.parse("E0501");
    CategoryCode litter = CategoryCode.parse("E0101");
    CategoryCode unknown = CategoryCode.parse("E0199");

    assertThat(catalogue.isEmergency(false, burstPipe)).isTrue();
    assertThat(catalogue.isEmergency(false, litter)).isFalse();
    assertThat(catalogue.isEmergency(true, litter)).isTrue();
    assertThat(catalogue.find(unknown)).isEmpty();
    assertThat(catalogue.isEmergency(false, unknown)).isFalse();
    assertThat(catalogue.isEmergency(true, unknown)).isTrue();
    assertThat(CategoryCatalogue.emergencyOf(false, catalogue.require(burstPipe))).isTrue();
    assertThat(CategoryCatalogue.emergencyOf(false, null)).isFalse();
    assertThat(CategoryCatalogue.emergencyOf(true, null)).isTrue();
  }

  @Test
  void standard_noCategory_usesTheLocalRange() {
    assertThat(CategoryCatalogue.standard().all())
        .noneMatch(c -> CategoryCatalogue.isLocalRange(c.code()));
  }

  @Test
  void ofKindAndInMajor_standard_filterByKindAndMajor() {
    CategoryCatalogue catalogue = CategoryCatalogue.standard();

    assertThat(catalogue.ofKind(CategoryKind.EVENT)).allMatch(c -> c.kind() == CategoryKind.EVENT);
    assertThat(catalogue.inMajor(CategoryKind.EVENT, "05"))
        .extracting(Category::name)
        .containsExactly("管道破裂", "路面塌陷", "道路积水", "火灾");
    assertThat(catalogue.inMajor(CategoryKind.PART, "04"))
        .allMatch(c -> c.majorName().equals("园林绿化"));
  }

  @Test
  void findAndRequire_unknownCode_emptyOrThrows() {
    CategoryCode unknown = CategoryCode.parse("P0999");

    assertThat(CategoryCatalogue.standard().find(unknown)).isEmpty();
    assertThatThrownBy(() -> CategoryCatalogue.standard().require(unknown))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("P0999");
  }

  @Test
  void isLocalRange_minorCodes_reservesEightyUpwards() {
    assertThat(CategoryCatalogue.isLocalRange(CategoryCode.parse("E0680"))).isTrue();
    assertThat(CategoryCatalogue.isLocalRange(CategoryCode.parse("E06080"))).isTrue();
    assertThat(CategoryCatalogue.isLocalRange(CategoryCode.parse("E06079"))).isFalse();
    assertThat(CategoryCatalogue.isLocalRange(CategoryCode.parse("E0679"))).isFalse();
  }

  @Test
  void with_newCodes_addsThemFlaggedLocal() {
    CategoryCatalogue extended = CategoryCatalogue.standard().with(List.of(local("E0680")));

    assertThat(extended.require(CategoryCode.parse("E0680")).local()).isTrue();
    assertThat(extended.all()).hasSize(CategoryCatalogue.standard().all().size() + 1);
    assertThat(CategoryCatalogue.standard().find(CategoryCode.parse("E0680"))).isEmpty();
  }

  @Test
  void with_duplicateCodes_listsEveryDuplicate() {
    assertThatThrownBy(
            () ->
                CategoryCatalogue.standard()
                    .with(List.of(local("P0101"), local("E0680"), local("E0680"))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "categories[0]: duplicate category code, was P0101 [category.duplicate-code]",
                        "categories[2]: duplicate category code, was E0680 [category.duplicate-code]"));
  }

  @Test
  void load_userCsv_readsRowsFlaggedLocal() {
    CategoryCatalogue loaded =
        CategoryCatalogue.load(
            new StringReader(HEADER + "E0680,扩展事件,共享单车乱停,urban-management,false,1d\n"),
            "local.csv");

    Category category = loaded.require(CategoryCode.parse("E0680"));
    assertThat(category.local()).isTrue();
    assertThat(category.handlingDeadline()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void load_csvSavedWithAByteOrderMark_readLikeAnyOther() {
    CategoryCatalogue loaded =
        CategoryCatalogue.load(
            new StringReader("\uFEFF" + HEADER + "E0680,扩展事件,共享单车乱停,urban-management,false,1d\n"),
            "excel.csv");

    assertThat(loaded.require(CategoryCode.parse("E0680")).handlingDeadline())
        .isEqualTo(Duration.ofDays(1));
  }

  @Test
  void load_byteOrderMarkBeforeAQuotedHeader_readLikeAnyOther() {
    // R's write.csv(fileEncoding = "UTF-8-BOM") and pandas' QUOTE_ALL quote every cell
    CategoryCatalogue loaded =
        CategoryCatalogue.load(
            new StringReader(
                "\uFEFF\"code\","
                    + "\"major_name\",\"name\",\"default_line\",\"emergency\",\"handling_deadline\"\r\n"
                    + "\"P0180\",\"公用设施\",\"自定义\",\"utilities\",\"false\",\"72h\"\r\n"),
            "r.csv");

    assertThat(loaded.require(CategoryCode.parse("P0180")).handlingDeadline())
        .isEqualTo(Duration.ofHours(72));
  }

  @Test
  void load_badRows_listsEveryViolationWithSourceAndLine() {
    String csv =
        HEADER
            + "E0680,扩展事件,共享单车乱停,urban-management,false,1d\n"
            + "X0680,扩展事件,a,urban-management,false,1d\n"
            + "E0681,扩展事件,b,urban-management,maybe,1d\n"
            + "E0682,扩展事件,c,urban-management,false,soon\n"
            + "E0683,扩展事件,,urban-management,false,PT0S\n"
            + "E0680,扩展事件,d,urban-management,false,1d\n"
            + "E0684,扩展事件,e,urban-management\n";

    assertThatThrownBy(() -> CategoryCatalogue.load(new StringReader(csv), "local.csv"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.path() + " " + v.rule())
                    .containsExactly("local.csv:8 csv.columns"));
    String csvNoShortRow = csv.substring(0, csv.lastIndexOf("E0684"));
    assertThatThrownBy(() -> CategoryCatalogue.load(new StringReader(csvNoShortRow), "local.csv"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.path() + " " + v.rule())
                    .containsExactly(
                        "local.csv:3 category.code",
                        "local.csv:4 category.emergency",
                        "local.csv:5 category.deadline",
                        "local.csv:6 category.name",
                        "local.csv:6 category.deadline"));
  }

  @Test
  void with_csv_addsItsCategoriesFlaggedLocalToTheStandardOnes() {
    String csv = HEADER + "E0680,市容环境,河岸垃圾,river-chief,false,48h\n";

    CategoryCatalogue extended =
        CategoryCatalogue.standard().with(new StringReader(csv), "local.csv");

    assertThat(extended.require(CategoryCode.parse("E0680")).local()).isTrue();
    assertThat(extended.require(CategoryCode.parse("E0680")).handlingDeadline())
        .isEqualTo(Duration.ofHours(48));
    assertThat(extended.require(CategoryCode.parse("P0101")).local()).isFalse();
    assertThat(extended.all()).hasSize(CategoryCatalogue.standard().all().size() + 1);
  }

  @Test
  void with_csvDuplicatingStandard_reportsSourceLine() {
    String csv = HEADER + "# local\nP0101,公用设施,上水井盖,utilities,false,1d\n";

    assertThatThrownBy(() -> CategoryCatalogue.standard().with(new StringReader(csv), "local.csv"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "local.csv:3: duplicate category code, was P0101 [category.duplicate-code]"));
  }

  @Test
  void load_missingColumn_reportsHeader() {
    assertThatThrownBy(
            () -> CategoryCatalogue.load(new StringReader("code,name\nE0680,x\n"), "local.csv"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .hasSize(4)
                    .allMatch(v -> v.path().equals("local.csv:1")));
  }

  @Test
  void category_nonPositiveDeadline_throwsNamingRule() {
    assertThatThrownBy(
            () ->
                new Category(
                    CategoryCode.parse("E0680"),
                    "x",
                    "y",
                    LineId.of("fire"),
                    false,
                    Duration.ZERO,
                    true))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[category.deadline] handlingDeadline must be positive, was PT0S");
  }

  @Test
  void of_keepsEachCategorysLocalFlag() {
    Category standard = CategoryCatalogue.standard().all().get(0);
    Category local =
        new Category(
            CategoryCode.parse("E0690"),
            "河岸垃圾",
            "市容环境",
            LineId.of("river-chief"),
            false,
            Duration.ofHours(48),
            true);

    CategoryCatalogue catalogue = CategoryCatalogue.of(List.of(standard, local));

    assertThat(catalogue.all()).containsExactly(standard, local);
    assertThat(catalogue.all().get(0).local()).isFalse();
    assertThatThrownBy(() -> CategoryCatalogue.of(List.of(local, local)))
        .isInstanceOf(InvalidInputException.class);
  }
}
