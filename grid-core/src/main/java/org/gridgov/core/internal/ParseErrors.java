package org.gridgov.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser's error (Jackson's, SnakeYAML's inside it) as one line a refusal can carry: the problem
 * without the quoted source line and caret SnakeYAML adds, and without the character it stumbled on
 * (a CSV cell or a YAML value may be part of a name or a phone number).
 */
public final class ParseErrors {
  /** SnakeYAML's "in 'reader', line 3, column 1:" and whatever it quotes after it. */
  private static final Pattern YAML_MARK =
      Pattern.compile("\\s*in '[^']*', line (\\d+), column \\d+:.*", Pattern.DOTALL);

  /** Jackson's "('六' (code 20845 / 0x516d))" for the character it did not expect. */
  private static final Pattern CHARACTER =
      Pattern.compile("\\('.{1,2}' \\(code \\d+ / 0x[0-9a-fA-F]+\\)\\)");

  private ParseErrors() {}

  /** The problem, on one line, with the character it found named but not shown. */
  public static String message(JsonProcessingException e) {
    String original = String.valueOf(e.getOriginalMessage());
    String problem = YAML_MARK.matcher(original).replaceAll("");
    problem = CHARACTER.matcher(problem).replaceAll("(a character)");
    return problem.replaceAll("\\s+", " ").trim();
  }

  /**
   * The 1-based line of the problem: SnakeYAML's own mark when the message has one (Jackson's
   * location for a YAML error is that of the last token read, which may be a line before), else
   * Jackson's location, 0 when there is none.
   */
  public static int line(JsonProcessingException e) {
    Matcher mark = YAML_MARK.matcher(String.valueOf(e.getOriginalMessage()));
    if (mark.find()) {
      return Integer.parseInt(mark.group(1));
    }
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }
}
