package org.gridgov.open311;

import java.util.Objects;

/**
 * One entry of an Open311 error response: a code (the HTTP status: 400 for a bad request, 404 for a
 * resource that does not exist) and a description for the client, naming the parameter, the rule
 * and the offending value (never personal data).
 */
public record Open311Error(int code, String description) {
  public Open311Error {
    Objects.requireNonNull(description, "description");
  }
}
