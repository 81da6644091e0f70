package org.gridgov.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/**
 * Reads a policy file (a dispatch policy, a scoring policy, a simulation setup) for its loader:
 * YAML or JSON by the file's extension, strictly UTF-8, so that a file saved in another encoding is
 * refused as such rather than with a parser's error about a character in the middle of it; and
 * parses its text into one tree the same way for every loader ({@link #tree}).
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

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /**
   * The tree of a policy file's text, YAML or JSON: decimals kept exact, a repeated key or text
   * after the document refused.
   *
   * @param what what the file holds, naming the input in a refusal ("policy", "scoring policy")
   * @param syntax the loader's syntax rule, for a refusal
   * @param expected what an empty file should have held, for its refusal ("a policy (id, ...)")
   * @throws InvalidInputException when the text does not parse or holds nothing, the violation
   *     at {@code sourceName:line} for a parse error
   * @throws UncheckedIOException when {@code reader} fails
   */
  public static JsonNode tree(Reader reader, boolean yaml, String sourceName, String what,
      RuleId syntax, String expected) {
    Objects.requireNonNull(reader, "reader");
    JsonNode root;
    try {
      root = (yaml ? YAML : JSON).readTree(reader);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(what + " " + sourceName, Violation.of(sourceName + ":"
          + ParseErrors.line(e), syntax, "is not valid: " + ParseErrors.message(e), null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceName, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidInputException(what + " " + sourceName, Violation.of(sourceName, syntax,
          "is empty, expected " + expected, null));
    }
    return root;
  }
}
