package org.gridgov.core.policy;

import com.google.common.collect.ImmutableMap;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.gridgov.core.territory.Level;

/**
 * One version of a place's policy: every number the rules use, effective from an instant. Built by
 * {@link PolicyLoader}, which validates it; a set built in code is checked with {@link
 * PolicyLoader#validate(PolicySet)}. {@code zone} fixes the calendar months quotas count in.
 */
public record PolicySet(
    @NotNull @Pattern(regexp = PolicySet.ID_PATTERN) String id,
    @Min(1) int version,
    @NotNull Instant effectiveFrom,
    @NotNull ZoneId zone,
    @NotBlank String source,
    @NotNull @Valid DispatchPolicy dispatch,
    @NotNull @Valid ReturnPolicy returns,
    @NotNull @Valid VerificationPolicy verification,
    @NotNull @Valid EscalationPolicy escalation,
    ImmutableMap<Level, @NotNull @Valid ShareRange> targets,
    Optional<@Valid PayPolicy> pay,
    @Valid CallbackPolicy callback,
    @Valid ExtensionPolicy extension,
    @Valid SuspensionPolicy suspension) {

  /** What a policy's id is: 1 to 64 letters, digits, dots, underscores, colons and dashes. */
  public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

  public PolicySet {
    targets = targets == null ? ImmutableMap.of() : ImmutableMap.copyOf(targets);
    pay = pay == null ? Optional.empty() : pay;
    callback = callback == null ? CallbackPolicy.none() : callback;
    extension = extension == null ? ExtensionPolicy.none() : extension;
    suspension = suspension == null ? SuspensionPolicy.none() : suspension;
  }

  /** A policy that does not limit extensions or suspensions. */
  public PolicySet(
      String id,
      int version,
      Instant effectiveFrom,
      ZoneId zone,
      String source,
      DispatchPolicy dispatch,
      ReturnPolicy returns,
      VerificationPolicy verification,
      EscalationPolicy escalation,
      ImmutableMap<Level, ShareRange> targets,
      Optional<PayPolicy> pay,
      CallbackPolicy callback) {
    this(
        id,
        version,
        effectiveFrom,
        zone,
        source,
        dispatch,
        returns,
        verification,
        escalation,
        targets,
        pay,
        callback,
        ExtensionPolicy.none(),
        SuspensionPolicy.none());
  }

  /** A policy that does not limit reopening after the callback, extensions or suspensions. */
  public PolicySet(
      String id,
      int version,
      Instant effectiveFrom,
      ZoneId zone,
      String source,
      DispatchPolicy dispatch,
      ReturnPolicy returns,
      VerificationPolicy verification,
      EscalationPolicy escalation,
      ImmutableMap<Level, ShareRange> targets,
      Optional<PayPolicy> pay) {
    this(
        id,
        version,
        effectiveFrom,
        zone,
        source,
        dispatch,
        returns,
        verification,
        escalation,
        targets,
        pay,
        CallbackPolicy.none());
  }

  /**
   * This policy with {@code verification} instead of its own (who verifies, reworks, limits):
   * policy B of a study that differs from A in its verification alone.
   */
  public PolicySet withVerification(VerificationPolicy verification) {
    return with(verification, escalation, extension, suspension);
  }

  /**
   * This policy with {@code escalation} instead of its own (quotas, their mode and basis, closing
   * authority): policy B of a study that differs from A in its escalation alone, such as a 1/20
   * quota against 1/10.
   */
  public PolicySet withEscalation(EscalationPolicy escalation) {
    return with(verification, escalation, extension, suspension);
  }

  /** This policy with {@code extension} and {@code suspension} limits instead of its own. */
  public PolicySet withHandlingLimits(ExtensionPolicy extension, SuspensionPolicy suspension) {
    return with(verification, escalation, extension, suspension);
  }

  /** This policy with the parts a study varies replaced, the rest its own. */
  private PolicySet with(
      VerificationPolicy verification,
      EscalationPolicy escalation,
      ExtensionPolicy extension,
      SuspensionPolicy suspension) {
    return new PolicySet(
        id,
        version,
        effectiveFrom,
        zone,
        source,
        dispatch,
        returns,
        verification,
        escalation,
        targets,
        pay,
        callback,
        extension,
        suspension);
  }

  /** The target share settled at {@code level}, empty when the policy sets none. */
  public Optional<ShareRange> targetFor(Level level) {
    return Optional.ofNullable(targets.get(level));
  }

  @Override
  public String toString() {
    return "PolicySet[" + id + " v" + version + " from " + effectiveFrom + "]";
  }
}
