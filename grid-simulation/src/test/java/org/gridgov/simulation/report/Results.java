package org.gridgov.simulation.report;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.gridgov.simulation.SimulationResult;

/** A run's result with some of its figures changed, as another run would have them. */
final class Results {
  private Results() {}

  /**
   * {@code r} with each component {@code changes} names (by its accessor's name) set to the value
   * given, and the others as they are.
   *
   * @throws IllegalArgumentException when {@code changes} names no component of a result
   */
  static SimulationResult with(SimulationResult r, Map<String, ?> changes) {
    RecordComponent[] components = SimulationResult.class.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    Set<String> unknown = new HashSet<>(changes.keySet());
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] =
            unknown.remove(components[i].getName())
                ? changes.get(components[i].getName())
                : components[i].getAccessor().invoke(r);
      }
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("a result has no " + unknown);
      }
      return SimulationResult.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
