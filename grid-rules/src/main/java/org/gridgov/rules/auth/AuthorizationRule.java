package org.gridgov.rules.auth;

import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ActorKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.Step;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.rules.Refusal;
import org.gridgov.rules.dispatch.Candidates;

/**
 * Who may do what. Every command carries an actor; this rule says whether that actor may take that
 * step on that incident:
 *
 * <ul>
 *   <li>report: anyone but gridgov itself;
 *   <li>register, reject, assign, arbitrate, convene a joint meeting, extend, close, archive: a
 *       centre seat;
 *   <li>claim: a worker who serves the case's grid (or belongs to its unit above the grid) and acts
 *       for its line;
 *   <li>feed back: the assignee; return: the responsible line's department or the assignee;
 *   <li>escalate: a centre seat, the assignee or a candidate at the case's level;
 *   <li>supervise: a centre seat or a supervisor over the case's grid (serving it, or of a unit
 *       that contains it);
 *   <li>verify: such a supervisor or a worker serving the case's grid; only such a supervisor when
 *       the policy's {@code verification.verifiers} is {@code SUPERVISOR} (never the handler, see
 *       the verification rule);
 *   <li>rate: a resident, an external system (a hotline call-back) or a centre seat;
 *   <li>mark overdue, refer to the centre: only gridgov's own timers.
 * </ul>
 */
public final class AuthorizationRule {
  public static final RuleId ID = RuleId.of("auth.actor");
  public static final String NOT_AUTHORIZED = "NOT_AUTHORIZED";

  private AuthorizationRule() {}

  /**
   * As {@link #check(Step, Actor, Incident, Roster, Verifiers)} when any worker of the grid may
   * verify ({@link Verifiers#ANY_OTHER_WORKER}).
   */
  public static Optional<Refusal> check(Step step, Actor actor, Incident incident, Roster roster) {
    return check(step, actor, incident, roster, Verifiers.ANY_OTHER_WORKER);
  }

  /**
   * A refusal when {@code actor} may not take {@code step}; {@code incident} is null for a report.
   * Worker actors must be in {@code roster} (the caller checks that first). {@code verifiers}, the
   * policy's, says who may verify.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) naming a missing {@code
   *     step}, {@code actor}, {@code roster} or {@code verifiers}, or {@code incident} for a step
   *     other than a report
   */
  public static Optional<Refusal> check(
      Step step, Actor actor, Incident incident, Roster roster, Verifiers verifiers) {
    Checks.notNull(ID, "step", step);
    Checks.notNull(ID, "actor", actor);
    Checks.notNull(ID, "roster", roster);
    Checks.notNull(ID, "verifiers", verifiers);
    if (step != Step.REPORT) {
      Checks.notNull(ID, "incident", incident);
    }
    ActorKind kind = actor.kind();
    Worker worker =
        kind == ActorKind.WORKER ? roster.find(actor.workerId().get()).orElse(null) : null;
    boolean allowed =
        switch (step) {
          case REPORT -> kind != ActorKind.SYSTEM;
          case REGISTER,
              REJECT,
              ASSIGN,
              ARBITRATE,
              CONVENE_JOINT_MEETING,
              EXTEND_DEADLINE,
              CLOSE,
              REOPEN,
              SUSPEND,
              RESUME,
              ARCHIVE ->
              kind == ActorKind.CENTRE;
          case CLAIM ->
              worker != null
                  && incident.line().isPresent()
                  && Candidates.isEligible(worker, incident, incident.line().get());
          case FEEDBACK -> isAssignee(worker, incident);
          case RETURN ->
              isAssignee(worker, incident)
                  || (kind == ActorKind.DEPARTMENT
                      && incident.line().map(LineId::value).filter(actor.id()::equals).isPresent());
          case ESCALATE ->
              kind == ActorKind.CENTRE
                  || isAssignee(worker, incident)
                  || (worker != null
                      && incident.line().isPresent()
                      && Candidates.isEligible(worker, incident, incident.line().get()));
          case SUPERVISE -> kind == ActorKind.CENTRE || supervises(worker, incident);
          case VERIFY, FAIL_VERIFICATION ->
              worker != null && verifies(worker, incident.grid(), verifiers);
          case RATE ->
              kind == ActorKind.RESIDENT || kind == ActorKind.EXTERNAL || kind == ActorKind.CENTRE;
          case MARK_OVERDUE, REFER -> kind == ActorKind.SYSTEM;
        };
    if (allowed) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            ID,
            NOT_AUTHORIZED,
            actor
                + " may not "
                + step.commandName()
                + (incident == null
                    ? ""
                    : " incident "
                        + incident.id()
                        + " (grid "
                        + incident.grid()
                        + ", line "
                        + incident.line().map(Object::toString).orElse("none")
                        + ", level "
                        + incident.level()
                        + ")")));
  }

  /**
   * Whether {@code worker} may verify (or fail the verification of) a handled case of {@code grid}
   * under {@code verifiers}, the handler aside (whom {@link
   * org.gridgov.rules.verification.VerificationRule} refuses): a supervisor over the grid, or under
   * {@link Verifiers#ANY_OTHER_WORKER} a worker serving it too.
   */
  public static boolean mayVerify(Worker worker, AreaCode grid, Verifiers verifiers) {
    Checks.notNull(ID, "worker", worker);
    Checks.notNull(ID, "grid", grid);
    Checks.notNull(ID, "verifiers", verifiers);
    return verifies(worker, grid, verifiers);
  }

  /** {@link #mayVerify} on arguments already checked, as {@link #check} has them. */
  private static boolean verifies(Worker worker, AreaCode grid, Verifiers verifiers) {
    return supervises(worker, grid)
        || (verifiers == Verifiers.ANY_OTHER_WORKER && worker.serves(grid));
  }

  /**
   * A supervisor over the case's grid: serving it, or belonging to a unit that contains it (its
   * community, street or district). A supervisor elsewhere reviews other grids' work.
   */
  private static boolean supervises(Worker worker, Incident incident) {
    return worker != null && supervises(worker, incident.grid());
  }

  private static boolean supervises(Worker worker, AreaCode grid) {
    return worker.hasRole(Role.SUPERVISOR)
        && (worker.serves(grid) || worker.unit().isPrefixOf(grid));
  }

  private static boolean isAssignee(Worker worker, Incident incident) {
    return worker != null && incident.assignee().filter(worker.id()::equals).isPresent();
  }
}
