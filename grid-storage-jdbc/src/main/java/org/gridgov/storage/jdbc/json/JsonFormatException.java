package org.gridgov.storage.jdbc.json;

import org.gridgov.core.spi.StorageException;

/**
 * A stored document cannot be read: malformed JSON, an unknown type or schema version, or a missing
 * or invalid field. The message names the document kind and the field, never the value.
 */
public class JsonFormatException extends StorageException {
  private static final long serialVersionUID = 1L;

  public JsonFormatException(String message) {
    super(message);
  }

  public JsonFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
