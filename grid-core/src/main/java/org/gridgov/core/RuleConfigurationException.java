package org.gridgov.core;

import java.util.Objects;

/**
 * A rule or policy component built with a value its rule forbids, for example {@code
 * [dispatch.claim-window] claimWindow must be positive, was PT-1H}.
 */
public class RuleConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final RuleId ruleId;
  private final String field;

  public RuleConfigurationException(RuleId ruleId, String field, String message) {
    super("[" + Objects.requireNonNull(ruleId) + "] " + field + " " + message);
    this.ruleId = ruleId;
    this.field = field;
  }

  public RuleId ruleId() {
    return ruleId;
  }

  public String field() {
    return field;
  }
}
