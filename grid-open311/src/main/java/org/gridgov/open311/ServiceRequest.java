package org.gridgov.open311;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One service request ({@code GET requests}): a case as Open311 shows it. Times carry the offset of
 * the export's zone. Free text (the description, and the reason given when the case was closed or
 * rejected) is present only when the export was built with {@code freeText(true)}.
 *
 * @param id the incident id ({@code service_request_id})
 * @param status open, or closed once the case is closed, rejected or archived
 * @param statusNotes for an open case its stage ({@code dispatched}, {@code referred} …); for a
 *     closed one the closing or rejecting reason when free text is shown, else {@code closed} or
 *     {@code rejected as duplicate}
 * @param serviceCode the category code
 * @param serviceName the category's name, or its code when the catalogue no longer holds it
 * @param description what the reporter saw, when free text is shown and the report has one
 * @param agencyResponsible the name of the line (department) the case is registered with, once
 *     registered
 * @param requested when it was reported
 * @param updated when it was closed or rejected; for an open case, its last event
 * @param expected its reply deadline, once registered
 * @param address the names of its grid and the areas above it, most specific first
 * @param addressId the code of its micro-grid when known, else of its grid
 */
public record ServiceRequest(
    String id,
    RequestStatus status,
    String statusNotes,
    String serviceCode,
    String serviceName,
    Optional<String> description,
    Optional<String> agencyResponsible,
    OffsetDateTime requested,
    OffsetDateTime updated,
    Optional<OffsetDateTime> expected,
    String address,
    String addressId) {
  public ServiceRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statusNotes, "statusNotes");
    Objects.requireNonNull(serviceCode, "serviceCode");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(agencyResponsible, "agencyResponsible");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(addressId, "addressId");
  }
}
