package org.gridgov.core.people;

import java.util.regex.Pattern;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.internal.Checks;

/**
 * A role a worker holds in a grid. Roles are an open set: the constants name those of the shipped
 * staffing templates, and a city adds its own ("social-security", "womens-federation", …).
 */
public record Role(String id) implements Comparable<Role> {
  private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{0,47}");

  /** 网格管理员 / 网格长: the grid manager or grid head, responsible for the grid. */
  public static final Role GRID_MANAGER = new Role("grid-manager");

  /** 社工网格员: a community social worker serving the grid (at least two per grid). */
  public static final Role SOCIAL_WORKER = new Role("social-worker");

  /** 协管员: assistant (property staff, volunteers, security). */
  public static final Role ASSISTANT = new Role("assistant");

  /** 民情员: sentiment collector (party members, building heads). */
  public static final Role SENTIMENT_COLLECTOR = new Role("sentiment-collector");

  /** 指导员: a street-office cadre bound to the grid. */
  public static final Role INSTRUCTOR = new Role("instructor");

  /** 监督员 / 督导员: supervisor or inspector; reviews and verifies the grid's work. */
  public static final Role SUPERVISOR = new Role("supervisor");

  /** 党支部书记: party branch secretary. */
  public static final Role PARTY_SECRETARY = new Role("party-secretary");

  /** 网格警员: the police officer of the grid. */
  public static final Role POLICE_OFFICER = new Role("police-officer");

  /** 司法人员: judicial worker. */
  public static final Role JUDICIAL_WORKER = new Role("judicial-worker");

  /** 消防员: firefighter. */
  public static final Role FIREFIGHTER = new Role("firefighter");

  /** 专职网格员: a full-time grid worker (Yangling). */
  public static final Role FULL_TIME_GRID_WORKER = new Role("full-time-grid-worker");

  /** 信息员: an information officer (Yangling, part-time). */
  public static final Role INFORMATION_OFFICER = new Role("information-officer");

  /**
   * @throws InvalidInputException about the {@code role} at {@code id}: {@code input.required} when
   *     it is null, {@code input.format} when it is not 1-48 lower case letters, digits and hyphens
   */
  public Role {
    if (id == null) {
      throw Checks.invalid("role", "id", InputRules.REQUIRED, "is required", null);
    }
    if (!FORMAT.matcher(id).matches()) {
      throw Checks.invalid(
          "role",
          "id",
          InputRules.FORMAT,
          "must be lower case letters, digits and hyphens (at most 48)",
          "'" + id + "'");
    }
  }

  public static Role of(String id) {
    return new Role(id);
  }

  @Override
  public int compareTo(Role other) {
    return id.compareTo(other.id);
  }

  @Override
  public String toString() {
    return id;
  }

  /**
   * Written out rather than left to the record: ids are the keys of every hot map, and the
   * generated method-handle versions showed in the dispatch loop's profile.
   */
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof Role that && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
