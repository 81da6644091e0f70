package org.gridgov.open311;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The two formats of GeoReport v2: XML, which the specification requires, and JSON, its
 * Spark-convention mapping. Each writes the documents of the GET methods.
 */
public enum Format {
  XML("xml", "text/xml; charset=utf-8"),
  JSON("json", "application/json; charset=utf-8");

  /** W3C datetimes with seconds and the offset ({@code Z} for UTC), as the specification asks. */
  private static final DateTimeFormatter W3C =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private final String extension;
  private final String contentType;

  Format(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  /** {@code xml} or {@code json}, the suffix of a resource ({@code requests.json}). */
  public String extension() {
    return extension;
  }

  /** The HTTP content type, with its UTF-8 charset. */
  public String contentType() {
    return contentType;
  }

  /** The format a resource suffix names ({@code xml} or {@code json}, any case), or empty. */
  public static Optional<Format> ofExtension(String extension) {
    for (Format format : values()) {
      if (format.extension.equalsIgnoreCase(extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The service list ({@code GET services}). */
  public String services(List<Service> services) {
    Document out = Document.of(this);
    out.startList("services");
    for (Service service : services) {
      out.startElement("service");
      out.field("service_code", service.code());
      out.field("service_name", service.name());
      out.field("description", service.description());
      out.field("metadata", service.metadata());
      out.field("type", service.type());
      out.field("keywords", service.keywords());
      out.field("group", service.group());
      out.end();
    }
    out.end();
    return out.finish();
  }

  /** The service definition of {@code service} ({@code GET services/{code}}): no attributes. */
  public String serviceDefinition(Service service) {
    Objects.requireNonNull(service, "service");
    Document out = Document.of(this);
    out.startElement("service_definition");
    out.field("service_code", service.code());
    out.startList("attributes");
    out.end();
    out.end();
    return out.finish();
  }

  /** Service requests ({@code GET requests}, and {@code GET requests/{id}} with one). */
  public String requests(List<ServiceRequest> requests) {
    Document out = Document.of(this);
    out.startList("service_requests");
    for (ServiceRequest request : requests) {
      out.startElement("request");
      out.field("service_request_id", request.id());
      out.field("status", request.status().value());
      out.field("status_notes", request.statusNotes());
      out.field("service_name", request.serviceName());
      out.field("service_code", request.serviceCode());
      out.field("description", request.description().orElse(null));
      out.field("agency_responsible", request.agencyResponsible().orElse(null));
      out.field("requested_datetime", w3c(request.requested()));
      out.field("updated_datetime", w3c(request.updated()));
      out.field("expected_datetime", request.expected().map(Format::w3c).orElse(null));
      out.field("address", request.address());
      out.field("address_id", request.addressId());
      out.end();
    }
    out.end();
    return out.finish();
  }

  /**
   * The answer to {@code POST requests}: the new request's id, and the account id it was posted
   * with, if any.
   */
  public String created(String id, Optional<String> accountId) {
    Objects.requireNonNull(id, "id");
    Document out = Document.of(this);
    out.startList("service_requests");
    out.startElement("request");
    out.field("service_request_id", id);
    out.field("account_id", accountId.orElse(null));
    out.end();
    out.end();
    return out.finish();
  }

  /**
   * The service discovery document: one GeoReport v2 endpoint, in both formats, whose changesets
   * are {@code changeset} (sortable text that changes when the service list may have).
   */
  public String discovery(Discovery discovery, String changeset) {
    Objects.requireNonNull(discovery, "discovery");
    Objects.requireNonNull(changeset, "changeset");
    Document out = Document.of(this);
    out.startElement("discovery");
    out.field("changeset", changeset);
    out.field("contact", discovery.contact());
    out.field("key_service", discovery.keyService());
    out.startList("endpoints");
    out.startElement("endpoint");
    out.field("specification", "http://wiki.open311.org/GeoReport_v2");
    out.field("url", discovery.url().toString());
    out.field("changeset", changeset);
    out.field("type", discovery.production() ? "production" : "test");
    out.startList("formats");
    for (Format format : values()) {
      out.item("format", format.contentType().substring(0, format.contentType().indexOf(';')));
    }
    out.end();
    out.end();
    out.end();
    out.end();
    return out.finish();
  }

  /** An error response: one entry per problem. */
  public String errors(List<Open311Error> errors) {
    Document out = Document.of(this);
    out.startList("errors");
    for (Open311Error error : errors) {
      out.startElement("error");
      out.field("code", error.code());
      out.field("description", error.description());
      out.end();
    }
    out.end();
    return out.finish();
  }

  /** {@code time} in the W3C profile of ISO 8601, to the second, with its offset. */
  static String w3c(OffsetDateTime time) {
    return W3C.format(time);
  }
}
