package org.gridgov.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/**
 * Reads a policy file (a dispatch policy, a scoring policy) for its loader: YAML or JSON by the
 * file's extension, strictly UTF-8, so that a file saved in another encoding is refused as such
 * rather than with a parser's error about a character in the middle of it.
 */
public final class PolicyFiles {
  private PolicyFiles() {}

  /** A policy file's text and whether it is YAML (else JSON). */
  public record Text(String text, boolean yaml) {}

  /**
   * The text of {@code path}.
   *
   * @param what what the file holds, naming the input in a refusal ("policy", "scoring policy")
   * @param syntax the loader's syntax rule, for a refusal
   * @throws InvalidInputException when the name does not end in .yaml, .yml or .json, or the
   *     content is not UTF-8
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Text read(Path path, String what, RuleId syntax) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    if (!yaml && !name.endsWith(".json")) {
      throw new InvalidInputException(what + " " + path, Violation.of(path.toString(),
          syntax, "must end in .yaml, .yml or .json", null));
    }
    try {
      return new Text(StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString(), yaml);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(what + " " + path, Violation.of(path.toString(),
          syntax, "is not UTF-8 text (save it as UTF-8)", null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
