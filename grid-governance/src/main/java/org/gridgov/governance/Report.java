package org.gridgov.governance;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.Source;
import org.gridgov.core.territory.AreaCode;

/**
 * A problem reported to {@link GridGovernance#report}. Build with {@link #by(Actor)}; the facade
 * checks every field against the directory and lists every problem at once.
 */
public record Report(
    Actor actor,
    Source source,
    CategoryCode category,
    AreaCode grid,
    Optional<AreaCode> microGrid,
    Optional<ExternalRef> external,
    boolean emergency,
    String description,
    Optional<String> topic) {

  public Report {
    Objects.requireNonNull(microGrid, "microGrid");
    Objects.requireNonNull(external, "external");
    Objects.requireNonNull(topic, "topic");
  }

  public static Builder by(Actor actor) {
    return new Builder(actor);
  }

  /** Fluent builder; {@link #build} does no checks, the facade does them all at once. */
  public static final class Builder {
    private final Actor actor;
    private Source source;
    private CategoryCode category;
    private AreaCode grid;
    private AreaCode microGrid;
    private ExternalRef external;
    private boolean emergency;
    private String description = "";
    private String topic;

    private Builder(Actor actor) {
      this.actor = actor;
    }

    public Builder source(Source value) {
      source = value;
      return this;
    }

    public Builder category(CategoryCode value) {
      category = value;
      return this;
    }

    public Builder grid(AreaCode value) {
      grid = value;
      return this;
    }

    public Builder microGrid(AreaCode value) {
      microGrid = value;
      return this;
    }

    public Builder external(ExternalRef value) {
      external = value;
      return this;
    }

    public Builder emergency(boolean value) {
      emergency = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder topic(String value) {
      topic = value;
      return this;
    }

    public Report build() {
      return new Report(
          actor,
          source,
          category,
          grid,
          Optional.ofNullable(microGrid),
          Optional.ofNullable(external),
          emergency,
          description,
          Optional.ofNullable(topic));
    }
  }
}
