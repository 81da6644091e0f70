package org.gridgov.core.spi;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;

/**
 * Incidents as append-only event histories, with the queries the rules need. Implementations are
 * thread-safe. Every promise here is checked by the contract test kit.
 *
 * <p>Appends are all-or-nothing and folded through {@link Incident#apply} before anything is
 * written, so a store never holds a history the state machine forbids. The version of an incident
 * is the number of its events.
 *
 * <p>A store keeps, and finds due, every instant from {@link IncidentEvent#MIN_INSTANT} to {@link
 * IncidentEvent#MAX_INSTANT}: the events refuse any other when built, so that is all it is given to
 * store, and a lease may not end later ({@link #leaseEnd}). A store keeps instants to the
 * microsecond at least and may cut finer digits; the fold compares instants to the microsecond
 * ({@link IncidentEvent#instantProblem}), so whether an append is legal never depends on the store.
 */
public interface IncidentStore {

  /**
   * The most characters a lease owner may hold: what every store keeps (the JDBC tables hold it in
   * a {@code VARCHAR(128)}). A {@code GridGovernance} node id, the owner of its leases, is at most
   * 40 characters, so it always fits.
   *
   * @since 0.1
   */
  int MAX_OWNER_LENGTH = 128;

  /**
   * Returns {@code owner} when every store can lease under it: not blank, not ending in a space
   * (MariaDB's collations compare {@code "node-a "} equal to {@code "node-a"}), at most {@link
   * #MAX_OWNER_LENGTH} characters, and a text every store keeps as is ({@link
   * IncidentEvent#textProblem}: no NUL, no half of a surrogate pair), since {@link #release}
   * compares it exactly. Stores check it in {@link #claimDue} and {@link #release} before they
   * touch any lease, so a refused owner leases and releases nothing, on every store alike.
   *
   * @throws NullPointerException when {@code owner} is null
   * @throws InvalidInputException about the {@code lease} at {@code owner}: {@code input.required}
   *     when it is blank, {@code input.format} when it is too long (its length shown) or not kept
   *     exactly
   * @since 0.1
   */
  static String checkOwner(String owner) {
    Objects.requireNonNull(owner, "owner");
    if (owner.isBlank()) {
      throw Checks.invalid("lease", "owner", InputRules.REQUIRED, "must not be blank", null);
    }
    if (owner.length() > MAX_OWNER_LENGTH) {
      throw Checks.invalid(
          "lease",
          "owner",
          InputRules.FORMAT,
          "must be at most " + MAX_OWNER_LENGTH + " characters",
          owner.length());
    }
    String problem = ExactKeys.problem(owner); // "node-a " would release node-a's leases on MariaDB
    if (problem != null) {
      throw Checks.invalid("lease", "owner", InputRules.FORMAT, problem, null);
    }
    return owner;
  }

  /**
   * When a lease taken at {@code now} for {@code lease} ends, once checked: {@code lease} must be
   * positive and end no later than {@link IncidentEvent#MAX_INSTANT}, the latest instant every
   * store keeps (a JDBC store writes the end down). Stores compute it in {@link #claimDue} before
   * they lease anything, so a refused lease takes nothing.
   *
   * @throws InvalidInputException about the {@code lease} at {@code lease} ({@code input.range})
   *     when it is not positive or would end too late
   * @since 0.1
   */
  static Instant leaseEnd(Instant now, Duration lease) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw Checks.invalid("lease", "lease", InputRules.RANGE, "must be positive", lease);
    }
    // not Duration.between(now, MAX_INSTANT): its nanoseconds overflow for any span over 292
    // years, and it answers by catching that ArithmeticException, on every call (advance claims
    // several times a tick). The latest start overflows only for a lease of over a billion years.
    Instant latestStart;
    try {
      latestStart = IncidentEvent.MAX_INSTANT.minus(lease);
    } catch (DateTimeException | ArithmeticException tooLong) {
      latestStart = null;
    }
    if (latestStart == null || now.isAfter(latestStart)) {
      throw Checks.invalid(
          "lease",
          "lease",
          InputRules.RANGE,
          "must end by " + IncidentEvent.MAX_INSTANT + " when taken at " + now,
          lease);
    }
    return now.plus(lease);
  }

  /**
   * Starts a new incident from its opening events (the first an {@code IncidentReported}).
   * Idempotent by external reference: when the report carries one that is already stored, nothing
   * is appended and the existing incident is returned with {@code created == false}.
   *
   * @throws InvalidInputException when {@code opening} is empty or does not start with an {@code
   *     IncidentReported} ({@link #checkOpening}, before any replay: {@link Incident#replay} would
   *     throw an {@code IllegalTransitionException} instead)
   * @throws DuplicateException {@code ("incident", id)} when the incident id is already used
   *     (without the same external reference)
   * @throws org.gridgov.core.incident.IllegalTransitionException when a later event is illegal
   *     where it stands
   */
  IntakeResult intake(List<? extends IncidentEvent> opening);

  /**
   * Appends {@code events} to incident {@code id}, which the writer saw at {@code expectedVersion}.
   *
   * @return the incident after the append
   * @throws IllegalArgumentException when {@code events} is empty, or naming {@code
   *     expectedVersion} when it is negative ({@link #checkExpectedVersion}); nothing is written
   * @throws NotFoundException {@code ("incident", id)} when there is no such incident
   * @throws StaleVersionException {@code ("incident", id, expectedVersion, actual)} when the
   *     incident is at another version (behind or ahead); nothing is written
   * @throws org.gridgov.core.incident.IllegalTransitionException when an event is illegal where it
   *     stands; nothing is written
   * @throws OutcomeUnknownException when the write failed where it may have been stored (a commit
   *     lost with the connection); a retry is version-checked
   */
  Incident append(IncidentId id, long expectedVersion, List<? extends IncidentEvent> events);

  /**
   * Appends to several incidents at once, as a node does with the due timers it took: each
   * incident's events are all-or-nothing and version-checked as in {@link #append}; an incident
   * another writer moved on (or that is unknown) is skipped, the others are appended. A store may
   * write them in one transaction. The default appends them one by one.
   *
   * @return the incidents appended to, after their append, in the order given
   * @throws org.gridgov.core.incident.IllegalTransitionException when an event is illegal where it
   *     stands (a bug in the caller); the store may then have written none of the batch
   * @throws StorageException when the store failed and cannot tell which of the batch it wrote (a
   *     connection lost at the commit), as {@link #append} does: it never reports an incident it
   *     may have appended to as skipped. A retry is version-checked, so it never appends twice.
   * @since 0.1
   */
  default List<Incident> appendAll(List<Append> appends) {
    checkAppends(appends);
    List<Incident> appended = new java.util.ArrayList<>(appends.size());
    for (Append append : appends) {
      try {
        appended.add(append(append.id(), append.expectedVersion(), append.events()));
      } catch (StaleVersionException | NotFoundException skipped) {
        // another writer moved it on, or it is gone: not this batch's to write
      }
    }
    return appended;
  }

  /**
   * Checks the version an {@link #append} names as every adapter must, before it looks the incident
   * up: a version counts events, so it is never negative, and a negative one is bad input (a bug in
   * the caller), not another writer's append, so it is refused as such rather than reported as a
   * {@link StaleVersionException}. {@link Append} checks it when built.
   *
   * @throws InvalidInputException about the {@code append} at {@code expectedVersion} ({@code
   *     input.range}) when it is negative
   * @since 0.1
   */
  static void checkExpectedVersion(long expectedVersion) {
    if (expectedVersion < 0) {
      throw negativeVersion("append", expectedVersion);
    }
  }

  /**
   * {@link #checkExpectedVersion(long)} for an append to {@code incident}, which the refusal names
   * ({@code append to incident i1}).
   *
   * @since 0.1
   */
  static void checkExpectedVersion(IncidentId incident, long expectedVersion) {
    if (expectedVersion < 0) {
      throw negativeVersion("append to incident " + incident, expectedVersion);
    }
  }

  /**
   * Checks the events of an {@link #append} to {@code incident} as every adapter must, before it
   * looks the incident up: an append adds at least one. {@link Append} checks them when built.
   *
   * @throws InvalidInputException about the {@code append to incident <id>} at {@code events}
   *     ({@code input.range}) when there is none
   * @since 0.1
   */
  static void checkEvents(IncidentId incident, List<? extends IncidentEvent> events) {
    if (events.isEmpty()) {
      throw Checks.invalid(
          "append to incident " + incident,
          "events",
          InputRules.RANGE,
          "must hold at least one event",
          null);
    }
  }

  /**
   * Checks the {@code limit} of {@link #dueAt} or {@link #claimDue} ({@code method}) as every
   * adapter must, before anything else: it is at least 1.
   *
   * @throws InvalidInputException about the {@code <method> call} at {@code limit} ({@code
   *     input.range}) when it is below 1
   * @since 0.1
   */
  static void checkLimit(String method, int limit) {
    if (limit < 1) {
      throw Checks.invalid(
          method + " call", "limit", InputRules.RANGE, "must be at least 1", limit);
    }
  }

  private static InvalidInputException negativeVersion(String subject, long expectedVersion) {
    return Checks.invalid(
        subject, "expectedVersion", InputRules.RANGE, "must not be negative", expectedVersion);
  }

  /**
   * Checks the list of {@link #appendAll} as every adapter must, before anything is written.
   *
   * @throws NullPointerException naming {@code appends} when it is null, and with the message
   *     "append" when it holds a null
   * @since 0.1
   */
  static void checkAppends(List<Append> appends) {
    Objects.requireNonNull(appends, "appends");
    appends.forEach(append -> Objects.requireNonNull(append, "append"));
  }

  /** The current state of an incident. */
  Optional<Incident> find(IncidentId id);

  /**
   * The whole history of an incident, oldest first, as a list the caller may keep: later appends
   * and the caller's changes never show through.
   *
   * @throws NotFoundException {@code ("incident", id)} when there is no such incident
   */
  List<IncidentEvent> history(IncidentId id);

  /** The incident that came in under {@code ref}, if any. */
  Optional<IncidentId> findByExternal(ExternalRef ref);

  /** Open incidents found in {@code grid}, by id. */
  List<Incident> openInGrid(AreaCode grid);

  /** Open incidents whose assignee is {@code worker}, by id. */
  List<Incident> openAssignedTo(WorkerId worker);

  /** Incidents now at {@code stage}, by id. */
  List<Incident> inStage(Stage stage);

  /**
   * The centre's worklist: the incidents that wait for the centre ({@link Incident#awaitsCentre}),
   * returned by their line or referred by dispatch because nobody up to the top level acts for
   * their line, by id. The default reads both stages through {@link #inStage}; a store keeping many
   * cases in their claim windows (every registered case is in one but the referred) should find the
   * referred ones without loading those (the JDBC store asks for the registered cases with a
   * referral in their history).
   *
   * @since 0.1
   */
  default List<Incident> awaitingCentre() {
    List<Incident> waiting = new ArrayList<>(inStage(Stage.RETURNED));
    for (Incident incident : inStage(Stage.REGISTERED)) {
      if (incident.awaitsCentre()) {
        waiting.add(incident);
      }
    }
    waiting.sort(Comparator.comparing(Incident::id));
    return List.copyOf(waiting);
  }

  /**
   * One page of the whole histories (oldest event first) of the incidents alive in {@code [from,
   * to)}: reported before {@code to} and alive until {@code from} or later ({@link
   * Incident#aliveUntil()}: the last event, or the latest reply deadline the history set when that
   * is later, since a reply counts in the period its deadline falls in). This is how an application
   * finds what a scoring period needs from a store shared by several nodes, where a listener sees
   * only its own node's appends.
   *
   * <p>It is a superset of the incidents with an event or a reply deadline in the interval (both
   * lie between the report and {@code aliveUntil}), and it also holds those whose life spans the
   * interval without either in it, such as a case reported before and next touched after; the
   * caller filters by instant, as the indicator engine does. An incident once alive in an interval
   * stays so (its report instant never changes, {@code aliveUntil} only moves later), so an
   * incident changed later moves into later intervals and stays in the earlier ones.
   *
   * <p>Keyset paging: the page holds the incidents with an id after {@code after} (null: from the
   * first), in id order, at most {@code limit} of them, and fewer only when no more match. The next
   * page starts after the last id of this one; so paged to the end, every incident alive when the
   * paging started is returned exactly once, with its history as stored when its page was read
   * (later events included), and an incident that becomes alive meanwhile may appear or not. A
   * store that no longer holds an incident's history cannot return it (the memory store's {@code
   * keepArchived(false)} drops archived ones).
   *
   * <p>No default: the SPI has no other way to reach settled incidents by time than loading every
   * stage, which would make each page cost the whole store.
   *
   * @throws NullPointerException when {@code from} or {@code to} is null, naming it
   * @throws InvalidInputException when {@code from} is not before {@code to} or {@code limit} is
   *     below 1, naming them ({@link #checkAliveBetween}); nothing is read
   * @since 0.1
   */
  List<List<IncidentEvent>> historiesAliveBetween(
      Instant from, Instant to, IncidentId after, int limit);

  /**
   * Checks the arguments of {@link #historiesAliveBetween} as every adapter must.
   *
   * @throws NullPointerException when {@code from} or {@code to} is null, naming it
   * @throws InvalidInputException about the {@code page of histories} ({@code input.range}) at
   *     {@code to} when it is not after {@code from}, at {@code limit} when it is below 1; both
   *     when both are
   * @since 0.1
   */
  static void checkAliveBetween(Instant from, Instant to, int limit) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    boolean ordered = from.isBefore(to);
    if (!ordered || limit < 1) {
      List<Violation> violations = new java.util.ArrayList<>(2);
      if (!ordered) {
        violations.add(Violation.of("to", InputRules.RANGE, "must be after from " + from, to));
      }
      if (limit < 1) {
        violations.add(Violation.of("limit", InputRules.RANGE, "must be at least 1", limit));
      }
      throw new InvalidInputException("page of histories", violations);
    }
  }

  /**
   * For each of {@code workers}, how many open incidents they are assigned: the workload the
   * dispatch rule balances. Workers with none map to 0. The map iterates in the order of {@code
   * workers}.
   */
  Map<WorkerId, Integer> openCounts(Collection<WorkerId> workers);

  /**
   * Up to {@code limit} incidents whose next timer is due at or before {@code now}, earliest first
   * and by id among equal instants. Leases are ignored: a leased incident is still listed.
   *
   * @throws IllegalArgumentException naming {@code limit} when it is below 1
   */
  List<DueTimer> dueAt(Instant now, int limit);

  /**
   * Takes up to {@code limit} due incidents for {@code owner} (a node id), leasing each until
   * {@code now + lease} so that no other owner (nor {@code owner} itself) takes it meanwhile: the
   * lease holds while the later {@code now} is before that end, and at the end itself it may be
   * taken again. Due incidents are taken earliest first, by id among equal instants. A lease ends
   * early when the incident is appended to or {@link #release released} by its owner. Several
   * owners calling concurrently never receive the same incident while its lease holds.
   *
   * @throws IllegalArgumentException when {@code owner} is not one every store keeps ({@link
   *     #checkOwner}), {@code limit} is below 1 or the lease is not positive or would end after the
   *     latest instant a store keeps ({@link #leaseEnd}); nothing is leased
   */
  List<DueTimer> claimDue(Instant now, int limit, String owner, Duration lease);

  /**
   * Gives up {@code owner}'s lease on an incident without appending.
   *
   * @throws IllegalArgumentException when {@code owner} is not one every store keeps ({@link
   *     #checkOwner}); nothing is released
   * @throws NotFoundException when there is no such incident
   */
  void release(IncidentId id, String owner);

  /**
   * How many incidents were reported inside {@code unit} (the unit itself when it is a grid, else
   * every grid below it, matched by {@link AreaCode#codePrefix()}, so a province or city counts its
   * districts' grids) with a report instant in {@code [from, to)}, leaving out those rejected at
   * registration (invalid or a duplicate: no problem found), archived since or not: the "found"
   * figure of escalation quotas. {@code from == to} counts 0.
   *
   * @throws InvalidInputException when {@code to} is before {@code from} ({@link #checkPeriod})
   */
  long countReported(AreaCode unit, Instant from, Instant to);

  /**
   * Checks an {@link #intake} opening as every adapter must, before anything is folded or stored,
   * and returns its report.
   *
   * @throws NullPointerException when {@code opening} is null
   * @throws InvalidInputException about the {@code intake} ({@code input.range}) at {@code opening}
   *     when it is empty, at {@code opening[0]} when that is not an {@code IncidentReported} (its
   *     type shown)
   * @since 0.1
   */
  static IncidentReported checkOpening(List<? extends IncidentEvent> opening) {
    Objects.requireNonNull(opening, "opening");
    if (opening.isEmpty()) {
      throw Checks.invalid(
          "intake", "opening", InputRules.RANGE, "must start with an IncidentReported event", null);
    }
    IncidentEvent first = opening.get(0);
    if (!(first instanceof IncidentReported reported)) {
      throw Checks.invalid(
          "intake",
          "opening[0]",
          InputRules.RANGE,
          "must be an IncidentReported event",
          first == null ? null : first.getClass().getSimpleName());
    }
    return reported;
  }

  /**
   * Checks the period of {@link #countReported} as every adapter must: {@code [from, to)} with
   * {@code to} not before {@code from} (an empty period counts 0).
   *
   * @throws NullPointerException when {@code from} or {@code to} is null, naming it
   * @throws InvalidInputException about the {@code period} at {@code to} ({@code input.range}) when
   *     it is before {@code from}, naming both
   * @since 0.1
   */
  static void checkPeriod(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw Checks.invalid("period", "to", InputRules.RANGE, "must not be before from " + from, to);
    }
  }

  /** How many incidents are stored. */
  long count();
}
