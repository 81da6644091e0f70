package org.gridgov.core.spi;

/** Something of {@code kind} is already stored under {@code id} and may not be replaced. */
public class DuplicateException extends StorageException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String id;

  public DuplicateException(String kind, Object id) {
    super(kind + " " + id + " is already stored");
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
