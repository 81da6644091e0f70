package org.gridgov.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      throw new InvalidInputException(
          what + " " + path,
          Violation.of(path.toString(), syntax, "must end in .yaml, .yml or .json", null));
    }
    try {
      return new Text(
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
              .toString(),
          yaml);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          what + " " + path,
          Violation.of(path.toString(), syntax, "is not UTF-8 text (save it as UTF-8)", null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  // no STRICT_DUPLICATE_DETECTION: the parser would stop at a repeated key, hiding the file's
  // other violations; repeatedKeys finds each one instead and the tree keeps the last value
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * A policy file's tree and a violation for each key given more than once in one object, at the
   * key's path (such as {@code escalation.quota.STREET} or {@code dispatch.timeLimits[1].line}), in
   * the order of the file. The tree holds the last value given for such a key, so that a loader
   * checks the rest of the file with it and lists every violation together.
   */
  public record Tree(JsonNode root, List<Violation> repeatedKeys) {
    public Tree {
      Objects.requireNonNull(root, "root");
      repeatedKeys = List.copyOf(repeatedKeys);
    }
  }

  /**
   * The tree of a policy file's text, YAML or JSON: decimals kept exact, text after the document
   * refused, each repeated key listed ({@link Tree#repeatedKeys}, under {@code syntax}).
   *
   * @param what what the file holds, naming the input in a refusal ("policy", "scoring policy")
   * @param syntax the loader's syntax rule, for a refusal and a repeated key
   * @param expected what an empty file should have held, for its refusal ("a policy (id, ...)")
   * @throws InvalidInputException when the text does not parse or holds nothing, the violation at
   *     {@code sourceName:line} for a parse error
   * @throws UncheckedIOException when {@code reader} fails
   */
  public static Tree tree(
      Reader reader, boolean yaml, String sourceName, String what, RuleId syntax, String expected) {
    Objects.requireNonNull(reader, "reader");
    ObjectMapper mapper = yaml ? YAML : JSON;
    JsonNode root;
    List<Violation> repeated;
    try {
      String text = read(reader);
      root = mapper.readTree(text);
      repeated = repeatedKeys(mapper, text, syntax);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          what + " " + sourceName,
          Violation.of(
              sourceName + ":" + ParseErrors.line(e),
              syntax,
              "is not valid: " + ParseErrors.message(e),
              null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceName, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidInputException(
          what + " " + sourceName,
          Violation.of(sourceName, syntax, "is empty, expected " + expected, null));
    }
    return new Tree(root, repeated);
  }

  private static String read(Reader reader) throws IOException {
    StringWriter text = new StringWriter();
    reader.transferTo(text);
    return text.toString();
  }

  /**
   * Reads {@code text} (which parsed into a tree) again token by token, counting the keys met in
   * each open object: a key met a second time is a violation at its path, listed once however often
   * it repeats.
   */
  private static List<Violation> repeatedKeys(ObjectMapper mapper, String text, RuleId syntax)
      throws IOException {
    List<Violation> repeated = new ArrayList<>();
    Deque<Map<String, Integer>> objects = new ArrayDeque<>();
    try (JsonParser parser = mapper.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_OBJECT) {
          objects.push(new HashMap<>());
        } else if (token == JsonToken.END_OBJECT) {
          objects.pop();
        } else if (token == JsonToken.FIELD_NAME
            && objects.peek().merge(parser.currentName(), 1, Integer::sum) == 2) {
          repeated.add(
              Violation.of(
                  path(parser.getParsingContext()),
                  syntax,
                  "is given more than once (again on line "
                      + parser.currentTokenLocation().getLineNr()
                      + ")",
                  null));
        }
      }
    }
    return repeated;
  }

  /** The path of the key the parser is on, as the loaders name fields: {@code a.b[1].c}. */
  private static String path(JsonStreamContext context) {
    Deque<JsonStreamContext> outerFirst = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      outerFirst.push(c);
    }
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c : outerFirst) {
      if (c.inArray()) {
        path.append('[').append(c.getCurrentIndex()).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(c.getCurrentName());
      }
    }
    return path.toString();
  }
}
