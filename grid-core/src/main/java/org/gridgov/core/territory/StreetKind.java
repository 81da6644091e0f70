package org.gridgov.core.territory;

/**
 * What a street-level unit is, from the first digit of its 3-digit segment (GB/T 10114): {@code
 * 0xx} a street office (街道), {@code 1xx} a town (镇), {@code 2xx–3xx} a township (乡), {@code
 * 4xx–5xx} a unit where enterprise and government are one (政企合一).
 */
public enum StreetKind {
  STREET_OFFICE,
  TOWN,
  TOWNSHIP,
  ENTERPRISE_UNIT;

  static StreetKind ofSegment(int segment) {
    if (segment < 100) {
      return STREET_OFFICE;
    }
    if (segment < 200) {
      return TOWN;
    }
    if (segment < 400) {
      return TOWNSHIP;
    }
    return ENTERPRISE_UNIT;
  }
}
