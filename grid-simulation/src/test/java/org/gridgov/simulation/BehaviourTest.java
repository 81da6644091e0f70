package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.line.LineId;
import org.gridgov.core.policy.WorkingTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each behaviour's documented bounds: accepted on them, refused past them, by field. */
class BehaviourTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Schedule OFFICE =
      Schedule.daily(new WorkingTime.Period(LocalTime.of(8, 30), LocalTime.of(17, 30)));

  private static void refused(Behaviour.Builder builder, String field) {
    assertThatThrownBy(builder::build)
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.behaviour] " + field + " ")
        .satisfies(e -> assertThat(((RuleConfigurationException) e).field()).isEqualTo(field));
  }

  /** The builder's setter of duration {@code field}. */
  private static BiFunction<Behaviour.Builder, Duration, Behaviour.Builder> duration(String field) {
    return switch (field) {
      case "registrationDelay" -> Behaviour.Builder::registrationDelay;
      case "claimDelay" -> Behaviour.Builder::claimDelay;
      case "gridWork" -> Behaviour.Builder::gridWork;
      case "departmentWork" -> Behaviour.Builder::departmentWork;
      case "verificationDelay" -> Behaviour.Builder::verificationDelay;
      case "rework" -> Behaviour.Builder::rework;
      case "closeDelay" -> Behaviour.Builder::closeDelay;
      case "archiveAfter" -> Behaviour.Builder::archiveAfter;
      default -> throw new IllegalArgumentException(field);
    };
  }

  /** The builder's setter of share {@code field}. */
  private static BiFunction<Behaviour.Builder, Double, Behaviour.Builder> share(String field) {
    return switch (field) {
      case "rejectShare" -> Behaviour.Builder::rejectShare;
      case "claimShare" -> Behaviour.Builder::claimShare;
      case "escalateShare" -> Behaviour.Builder::escalateShare;
      case "returnShare" -> Behaviour.Builder::returnShare;
      case "verificationPass" -> Behaviour.Builder::verificationPass;
      case "ratingShare" -> Behaviour.Builder::ratingShare;
      case "unsolvableShare" -> Behaviour.Builder::unsolvableShare;
      case "absencePerDay" -> Behaviour.Builder::absencePerDay;
      case "reopenShare" -> Behaviour.Builder::reopenShare;
      case "extendShare" -> Behaviour.Builder::extendShare;
      case "redispatchShare" -> Behaviour.Builder::redispatchShare;
      default -> throw new IllegalArgumentException(field);
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "registrationDelay",
        "claimDelay",
        "gridWork",
        "departmentWork",
        "verificationDelay",
        "rework",
        "closeDelay",
        "archiveAfter"
      })
  void durations_positiveAndAtMostACentury(String field) {
    var set = duration(field);

    assertThat(set.apply(Behaviour.builder(), SECOND).build()).isNotNull();
    assertThat(set.apply(Behaviour.builder(), Behaviour.LONGEST).build()).isNotNull();
    refused(set.apply(Behaviour.builder(), Duration.ZERO), field);
    refused(set.apply(Behaviour.builder(), Behaviour.LONGEST.plus(SECOND)), field);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rejectShare",
        "claimShare",
        "escalateShare",
        "returnShare",
        "verificationPass",
        "ratingShare",
        "unsolvableShare",
        "absencePerDay",
        "reopenShare",
        "extendShare",
        "redispatchShare"
      })
  void shares_from0To1(String field) {
    var set = share(field);

    assertThat(set.apply(Behaviour.builder(), 0.0).build()).isNotNull();
    assertThat(set.apply(Behaviour.builder(), 1.0).build()).isNotNull();
    refused(set.apply(Behaviour.builder(), -0.01), field);
    refused(set.apply(Behaviour.builder(), 1.01), field);
  }

  @Test
  void counts_andSpreads_withinTheirBounds() {
    assertThat(Behaviour.builder().suspendAfterSupervisions(0).build()).isNotNull();
    assertThat(Behaviour.builder().suspendAfterSupervisions(1000).build()).isNotNull();
    refused(Behaviour.builder().suspendAfterSupervisions(-1), "suspendAfterSupervisions");
    refused(Behaviour.builder().suspendAfterSupervisions(1001), "suspendAfterSupervisions");

    assertThat(Behaviour.builder().workSigma(0).build()).isNotNull();
    assertThat(Behaviour.builder().workSigma(3).build()).isNotNull();
    refused(Behaviour.builder().workSigma(-0.01), "workSigma");
    refused(Behaviour.builder().workSigma(3.01), "workSigma");

    assertThat(Behaviour.builder().absenceDays(1).build()).isNotNull();
    assertThat(Behaviour.builder().absenceDays(365).build()).isNotNull();
    refused(Behaviour.builder().absenceDays(0.99), "absenceDays");
    refused(Behaviour.builder().absenceDays(365.01), "absenceDays");
  }

  @Test
  void resumeAfter_zeroForNeverUpToACentury() {
    assertThat(Behaviour.builder().resumeAfter(Duration.ZERO).build().resumeAfter()).isZero();
    assertThat(Behaviour.builder().resumeAfter(Behaviour.LONGEST).build()).isNotNull();
    refused(Behaviour.builder().resumeAfter(SECOND.negated()), "resumeAfter");
    refused(Behaviour.builder().resumeAfter(Behaviour.LONGEST.plus(SECOND)), "resumeAfter");
    refused(Behaviour.builder().resumeAfter(null), "resumeAfter");
  }

  @Test
  void jointMeetingAfter_zeroForNeverUpToACentury() {
    assertThat(Behaviour.defaults().jointMeetingAfter()).isZero();
    assertThat(Behaviour.builder().jointMeetingAfter(Behaviour.LONGEST).build().jointMeetingAfter())
        .isEqualTo(Behaviour.LONGEST);
    refused(Behaviour.builder().jointMeetingAfter(SECOND.negated()), "jointMeetingAfter");
    refused(
        Behaviour.builder().jointMeetingAfter(Behaviour.LONGEST.plus(SECOND)), "jointMeetingAfter");
    refused(Behaviour.builder().jointMeetingAfter(null), "jointMeetingAfter");
  }

  /** Daily hours have seven workdays: a grid worker may rest six of them, never all seven. */
  @Test
  void workerRestDays_leaveAWorkday() {
    assertThat(Behaviour.builder().workerHours(OFFICE).workerRestDays(0).build()).isNotNull();
    assertThat(Behaviour.builder().workerHours(OFFICE).workerRestDays(6).build()).isNotNull();
    refused(Behaviour.builder().workerHours(OFFICE).workerRestDays(7), "workerRestDays");
    refused(Behaviour.builder().workerHours(OFFICE).workerRestDays(-1), "workerRestDays");
  }

  @Test
  void schedules_required() {
    refused(Behaviour.builder().centreHours((Schedule) null), "centreHours");
    refused(Behaviour.builder().workerHours((Schedule) null), "workerHours");
    assertThatThrownBy(() -> Behaviour.defaults().withDepartmentHours(null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.behaviour] departmentHours is required (a schedule)");
    Behaviour b = Behaviour.defaults();
    assertThatThrownBy(
            () ->
                new Behaviour(
                    b.registrationDelay(),
                    b.rejectShare(),
                    b.claimShare(),
                    b.claimDelay(),
                    b.gridWork(),
                    b.departmentWork(),
                    b.workSigma(),
                    b.escalateShare(),
                    b.returnShare(),
                    b.verificationDelay(),
                    b.verificationPass(),
                    b.rework(),
                    b.closeDelay(),
                    b.ratingShare(),
                    b.unsolvableShare(),
                    b.absencePerDay(),
                    b.absenceDays(),
                    b.archiveAfter(),
                    b.reopenShare(),
                    b.suspendAfterSupervisions(),
                    b.extendShare(),
                    b.resumeAfter(),
                    b.centreHours(),
                    b.workerHours(),
                    null,
                    0,
                    b.lineHours(),
                    b.redispatchShare(),
                    b.jointMeetingAfter()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.behaviour] departmentHours is required");
  }

  /** Each with-method changes its own field to the value given and keeps every other. */
  @Test
  void withMethods_changeTheirFieldAndKeepTheRest() {
    Behaviour base = Behaviour.defaults();

    assertChanged(base.withArchiveAfter(Duration.ofDays(3)), "archiveAfter", Duration.ofDays(3));
    assertChanged(base.withReopenShare(0.25), "reopenShare", 0.25);
    assertChanged(base.withSuspendAfterSupervisions(3), "suspendAfterSupervisions", 3);
    assertChanged(base.withExtendShare(0.4), "extendShare", 0.4);
    assertChanged(base.withRedispatchShare(0.6), "redispatchShare", 0.6);
    assertChanged(
        base.withJointMeetingAfter(Duration.ofDays(3)), "jointMeetingAfter", Duration.ofDays(3));
    assertChanged(base.withResumeAfter(Duration.ofDays(10)), "resumeAfter", Duration.ofDays(10));
    assertChanged(base.withCentreHours(OFFICE), "centreHours", OFFICE);
    assertChanged(base.withWorkerHours(OFFICE), "workerHours", OFFICE);
  }

  /** Hours of a day given as a period: those hours on every day of the week. */
  @Test
  void hoursAsAPeriod_thoseHoursEveryDay() {
    WorkingTime.Period office = new WorkingTime.Period(LocalTime.of(8, 30), LocalTime.of(17, 30));
    Behaviour base = Behaviour.defaults();

    assertChanged(base.withCentreHours(office), "centreHours", OFFICE);
    assertChanged(base.withWorkerHours(office), "workerHours", OFFICE);
    assertThat(OFFICE.everyDay()).isTrue();
    assertThat(OFFICE.hours()).containsExactly(office);
    Behaviour built = Behaviour.builder().centreHours(office).workerHours(office).build();
    assertThat(built.centreHours()).isEqualTo(OFFICE);
    assertThat(built.workerHours()).isEqualTo(OFFICE);
  }

  /** The with-methods refuse what the constructor refuses, naming the field. */
  @Test
  void withMethods_refuseWhatTheConstructorRefuses_namingTheField() {
    Behaviour base = Behaviour.defaults();

    refusedBy(() -> base.withArchiveAfter(Duration.ZERO), "archiveAfter");
    refusedBy(() -> base.withReopenShare(1.01), "reopenShare");
    refusedBy(() -> base.withSuspendAfterSupervisions(-1), "suspendAfterSupervisions");
    refusedBy(() -> base.withExtendShare(-0.01), "extendShare");
    refusedBy(() -> base.withRedispatchShare(1.5), "redispatchShare");
    refusedBy(() -> base.withResumeAfter(SECOND.negated()), "resumeAfter");
    refusedBy(() -> base.withCentreHours((Schedule) null), "centreHours");
    refusedBy(() -> base.withWorkerHours((Schedule) null), "workerHours");
  }

  private static void assertChanged(Behaviour changed, String field, Object value) {
    assertThat(changed).extracting(field).isEqualTo(value);
    assertThat(changed)
        .usingRecursiveComparison()
        .ignoringFields(field)
        .isEqualTo(Behaviour.defaults());
  }

  private static void refusedBy(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.behaviour] " + field + " ")
        .satisfies(e -> assertThat(((RuleConfigurationException) e).field()).isEqualTo(field));
  }

  /**
   * A line's department staff keep its own hours, else the departments', else the grid workers'.
   */
  @Test
  void departmentSchedule_theLinesOwnElseTheDepartmentsElseTheWorkers() {
    LineId utilities = LineId.of("utilities");
    LineId housing = LineId.of("housing");
    Behaviour office =
        Behaviour.builder()
            .workerHours(OFFICE)
            .lineHours(Map.of(utilities, Schedule.ALWAYS))
            .build();

    assertThat(office.departmentSchedule(utilities)).isEqualTo(Schedule.ALWAYS);
    assertThat(office.departmentSchedule(housing)).isEqualTo(OFFICE);
    assertThat(office.departmentHours()).isEqualTo(Optional.empty());
    Schedule evenings =
        Schedule.daily(new WorkingTime.Period(LocalTime.of(18, 0), LocalTime.of(22, 0)));
    assertThat(office.withDepartmentHours(evenings).departmentSchedule(housing))
        .isEqualTo(evenings);
  }
}
