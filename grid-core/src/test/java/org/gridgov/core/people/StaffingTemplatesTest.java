package org.gridgov.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.common.collect.ImmutableList;
import java.io.StringReader;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Refusals;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

class StaffingTemplatesTest {

  private static InvalidInputException rejected(String yaml) {
    return catchThrowableOfType(
        InvalidInputException.class, () -> StaffingTemplates.load(new StringReader(yaml)));
  }

  @Test
  void kaixuan_shipped_fiveRolesAndTwoSocialWorkers() {
    StaffingTemplate kaixuan = StaffingTemplates.kaixuan();

    assertThat(kaixuan.requirements())
        .extracting(RoleRequirement::role)
        .containsExactly(
            Role.GRID_MANAGER,
            Role.ASSISTANT,
            Role.SENTIMENT_COLLECTOR,
            Role.INSTRUCTOR,
            Role.SUPERVISOR,
            Role.SOCIAL_WORKER);
    assertThat(kaixuan.minimum(Role.SOCIAL_WORKER)).isEqualTo(2);
    assertThat(kaixuan.minimum(Role.INSTRUCTOR)).isEqualTo(1);
    assertThat(kaixuan.minimum(Role.POLICE_OFFICER)).isZero();
    assertThat(kaixuan.gridsWithinUnit()).isTrue();
  }

  @Test
  void dongcheng_shipped_sevenRolesEachOnePlusTwoSocialWorkers() {
    StaffingTemplate dongcheng = StaffingTemplates.dongcheng();

    assertThat(dongcheng.requirements())
        .hasSize(8)
        .filteredOn(r -> !r.role().equals(Role.SOCIAL_WORKER))
        .extracting(RoleRequirement::minimumPerGrid)
        .containsOnly(1);
    assertThat(dongcheng.minimum(Role.POLICE_OFFICER)).isEqualTo(1);
    assertThat(dongcheng.minimum(Role.FIREFIGHTER)).isEqualTo(1);
    assertThat(dongcheng.minimum(Role.SOCIAL_WORKER)).isEqualTo(2);
  }

  @Test
  void yangling_shipped_oneFullTimeAndTwoInformationOfficers() {
    assertThat(StaffingTemplates.yangling().requirements())
        .containsExactly(
            RoleRequirement.of(Role.FULL_TIME_GRID_WORKER, 1),
            RoleRequirement.of(Role.INFORMATION_OFFICER, 2));
    assertThat(StaffingTemplates.all())
        .extracting(StaffingTemplate::id)
        .containsExactly("kaixuan", "dongcheng", "yangling");
  }

  @Test
  void load_ownFileWithCustomRole_reads() {
    var templates =
        StaffingTemplates.load(
            new StringReader(
                """
        templates:
          - id: my-town
            name: 一格三员
            source: My town
            gridsWithinUnit: false
            requirements:
              - { role: social-worker, minimumPerGrid: 3 }
              - { role: womens-federation, minimumPerGrid: 0 }
        """));

    assertThat(templates)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.gridsWithinUnit()).isFalse();
              assertThat(t.minimum(Role.SOCIAL_WORKER)).isEqualTo(3);
              assertThat(t.minimum(Role.of("womens-federation"))).isZero();
            });
  }

  @Test
  void load_severalProblems_listsEveryOne() {
    InvalidInputException error =
        rejected(
            """
        templates:
          - id: a
            name: A
            source: S
            colour: red
            requirements:
              - { role: social-worker, minimumPerGrid: -1 }
              - { role: assistant, minimumPerGrid: 1, extra: 2 }
              - { role: assistant, minimumPerGrid: 2 }
              - { role: Bad Role, minimumPerGrid: 1 }
              - { role: supervisor, minimumPerGrid: one }
          - id: a
            source: S
            requirements: []
          - id: a
            name: B
            source: S
            requirements: []
        """);

    assertThat(error.subject()).isEqualTo("staffing templates");
    assertThat(error.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            tuple("templates[0].colour", "staffing.unknown-field"),
            tuple("templates[0].requirements[0].minimumPerGrid", "staffing.negative-minimum"),
            tuple("templates[0].requirements[1].extra", "staffing.unknown-field"),
            tuple("templates[0].requirements[2].role", "staffing.duplicate-role"),
            tuple("templates[0].requirements[3].role", "staffing.invalid-value"),
            tuple("templates[0].requirements[4].minimumPerGrid", "staffing.invalid-value"),
            tuple("templates[1].name", "staffing.missing-field"),
            tuple("templates[1].id", "staffing.duplicate-template"),
            tuple("templates[2].id", "staffing.duplicate-template"));
  }

  @Test
  void load_missingIdOrRole_isOneMissingFieldEach() {
    InvalidInputException error =
        rejected(
            """
        templates:
          - name: T
            source: S
            requirements:
              - { minimumPerGrid: 1 }
        """);

    assertThat(error.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            tuple("templates[0].id", "staffing.missing-field"),
            tuple("templates[0].requirements[0].role", "staffing.missing-field"));
  }

  @Test
  void load_idThatIsNoToken_isListedWithTheFilesOtherProblems() {
    InvalidInputException error =
        rejected(
            """
        templates:
          - id: my town
            name: T
            source: S
            requirements: []
        """);

    assertThat(error.subject()).isEqualTo("staffing templates");
    assertThat(error.violations())
        .extracting(Violation::path, Violation::rule, Violation::value)
        .containsExactly(tuple("templates[0].id", "staffing.invalid-value", "my town"));
  }

  @Test
  void load_malformedYaml_isRejectedAsSyntax() {
    assertThat(rejected("templates: [ {id: a\n").violations())
        .extracting(Violation::rule)
        .containsExactly("staffing.syntax");
  }

  @Test
  void load_noTemplatesList_isRejected() {
    assertThat(rejected("other: 1\n").violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            tuple("other", "staffing.unknown-field"), tuple("templates", "staffing.missing-field"));
  }

  @Test
  void new_duplicateRoleOrNegativeMinimum_isRefused() {
    assertThat(
            Refusals.refusal(
                () ->
                    new StaffingTemplate(
                        "t",
                        "T",
                        "S",
                        ImmutableList.of(
                            RoleRequirement.of(Role.ASSISTANT, 1),
                            RoleRequirement.of(Role.ASSISTANT, 2)),
                        true),
                "staffing template t",
                "requirements",
                StaffingTemplates.DUPLICATE_ROLE))
        .hasToString(
            "requirements: must name each role once, was assistant" + " [staffing.duplicate-role]");
    assertThat(
            Refusals.refusal(
                    () -> RoleRequirement.of(Role.ASSISTANT, -1),
                    "role requirement assistant",
                    "minimumPerGrid",
                    StaffingTemplates.NEGATIVE_MINIMUM)
                .value())
        .isEqualTo("-1");
  }

  @Test
  void template_missingOrMalformedFields_refusedNamingTheField() {
    ImmutableList<RoleRequirement> one = ImmutableList.of(RoleRequirement.of(Role.ASSISTANT, 1));
    Refusals.refusal(
        () -> new StaffingTemplate("t 1", "T", "S", one, true),
        "staffing template",
        "id",
        InputRules.FORMAT);
    Refusals.refusal(
        () -> new StaffingTemplate("t", " ", "S", one, true),
        "staffing template t",
        "name",
        InputRules.REQUIRED);
    Refusals.refusal(
        () -> new StaffingTemplate("t", "T", null, one, true),
        "staffing template t",
        "source",
        InputRules.REQUIRED);
    Refusals.refusal(
        () -> new StaffingTemplate("t", "T", "S", null, true),
        "staffing template t",
        "requirements",
        InputRules.REQUIRED);
  }

  @Test
  void role_malformedId_refusedNamingIt() {
    assertThat(
            Refusals.refusal(() -> Role.of("Social Worker"), "role", "id", InputRules.FORMAT)
                .value())
        .isEqualTo("'Social Worker'");
    Refusals.refusal(() -> Role.of(null), "role", "id", InputRules.REQUIRED);
  }
}
