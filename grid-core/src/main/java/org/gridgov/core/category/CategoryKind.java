package org.gridgov.core.category;

/** A part (部件: a public-facility object) or an event (事件: something that happens). */
public enum CategoryKind {
  PART('P'),
  EVENT('E');

  private final char prefix;

  CategoryKind(char prefix) {
    this.prefix = prefix;
  }

  /** The letter that starts this kind's category codes: {@code P} or {@code E}. */
  public char prefix() {
    return prefix;
  }
}
