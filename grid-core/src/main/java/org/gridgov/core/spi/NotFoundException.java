package org.gridgov.core.spi;

/** Nothing of {@code kind} is stored under {@code id}. */
public class NotFoundException extends StorageException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String id;

  public NotFoundException(String kind, Object id) {
    super("no " + kind + " " + id);
    this.kind = kind;
    this.id = String.valueOf(id);
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
