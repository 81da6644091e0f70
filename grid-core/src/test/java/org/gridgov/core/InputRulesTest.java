package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared input rule ids, and the order classes are initialised in: {@link InputRules} builds
 * its ids with {@link RuleId}, so RuleId's own refusals must not need InputRules.
 */
class InputRulesTest {

  @Test
  void ids_areThePublishedOnes() {
    assertThat(
            List.of(InputRules.REQUIRED, InputRules.UNKNOWN, InputRules.RANGE, InputRules.FORMAT))
        .extracting(RuleId::value)
        .containsExactly("input.required", "input.unknown", "input.range", "input.format");
  }

  @Test
  void ruleId_namesItsOwnRefusalsWithoutInputRules() throws IOException {
    String bytecode;
    try (InputStream in = RuleId.class.getResourceAsStream("RuleId.class")) {
      bytecode = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    assertThat(bytecode).doesNotContain("org/gridgov/core/InputRules");
    assertThat(((InvalidInputException) catchThrowable(() -> RuleId.of("X"))).violations())
        .singleElement()
        .extracting(Violation::rule)
        .isEqualTo(InputRules.FORMAT.value());
    assertThat(((InvalidInputException) catchThrowable(() -> RuleId.of(null))).violations())
        .singleElement()
        .extracting(Violation::rule)
        .isEqualTo(InputRules.REQUIRED.value());
  }

  @Test
  void aRuleIdRefusedFirst_inAFreshClassLoader_namesItsRule() throws Exception {
    Throwable refused = firstCall("org.gridgov.core.RuleId", "of", "Not.Dotted");

    assertThat(refused.getClass().getName()).isEqualTo(InvalidInputException.class.getName());
    assertThat(refused).hasMessageEndingWith("was Not.Dotted [input.format]");
  }

  @Test
  void anIdRefusedFirst_inAFreshClassLoader_initialisesInputRulesThenNamesItsRule()
      throws Exception {
    Throwable refused = firstCall("org.gridgov.core.people.WorkerId", "of", "-w");

    assertThat(refused.getClass().getName()).isEqualTo(InvalidInputException.class.getName());
    assertThat(refused).hasMessageEndingWith("was '-w' [input.format]");
  }

  /**
   * Calls the static {@code method} of {@code type} with {@code argument} in a class loader of its
   * own, where no class of grid-core has been initialised yet, and returns what it threw.
   */
  private static Throwable firstCall(String type, String method, String argument) throws Exception {
    Class<?> fresh = Class.forName(type, true, new CoreClassesAgain());
    try {
      fresh.getMethod(method, String.class).invoke(null, argument);
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
    throw new AssertionError(type + "." + method + "(" + argument + ") was not refused");
  }

  /** Loads grid-core's classes again, from the same class files; the rest from its parent. */
  private static final class CoreClassesAgain extends ClassLoader {
    CoreClassesAgain() {
      super(InputRulesTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("org.gridgov.core.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
