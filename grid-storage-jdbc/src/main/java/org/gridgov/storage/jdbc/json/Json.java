package org.gridgov.storage.jdbc.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson mapper of the codecs: trees only, decimals kept exact. */
final class Json {
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private Json() {}

  static JsonNode parse(String text, String document) {
    try {
      return MAPPER.readTree(text);
    } catch (StreamConstraintsException e) { // no position: Jackson stopped before reading on
      throw new JsonFormatException(
          document
              + " is beyond the JSON reader's limits (nesting"
              + " depth, length of a number, a name or a text)");
    } catch (JsonProcessingException e) {
      throw new JsonFormatException(
          document
              + " is not valid JSON at line "
              + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()));
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }
}
