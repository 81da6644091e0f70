package org.gridgov.open311;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one Open311 document in either format, through the few shapes the specification uses: a
 * list of elements, an element of fields, a field. The XML is the specification's (schemaless, no
 * namespace, declared UTF-8); the JSON is its Spark-convention mapping, where a list is an array
 * (its element names dropped) and an element is an object. Absent values are left out in both.
 */
abstract class Document {
  abstract void startList(String name);

  abstract void startElement(String name);

  abstract void end();

  abstract void field(String name, String value);

  abstract void field(String name, long value);

  /** One value of a list of plain values (a JSON string, an XML element named {@code name}). */
  abstract void item(String name, String value);

  abstract void field(String name, boolean value);

  /** The document's text; nothing may be written after. */
  abstract String finish();

  static Document of(Format format) {
    return format == Format.XML ? new Xml() : new Json();
  }

  private static final class Json extends Document {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final StringWriter text = new StringWriter();
    private final JsonGenerator out;

    /** True for each open object, false for each open array. */
    private final Deque<Boolean> inObject = new ArrayDeque<>();

    Json() {
      try {
        out = FACTORY.createGenerator(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void startList(String name) {
      write(
          () -> {
            if (Boolean.TRUE.equals(inObject.peek())) {
              out.writeFieldName(name);
            }
            out.writeStartArray();
          });
      inObject.push(false);
    }

    @Override
    void startElement(String name) {
      write(
          () -> {
            if (Boolean.TRUE.equals(inObject.peek())) {
              out.writeFieldName(name);
            }
            out.writeStartObject();
          });
      inObject.push(true);
    }

    @Override
    void end() {
      boolean object = inObject.pop();
      write(
          () -> {
            if (object) {
              out.writeEndObject();
            } else {
              out.writeEndArray();
            }
          });
    }

    @Override
    void field(String name, String value) {
      if (value != null) {
        write(() -> out.writeStringField(name, value));
      }
    }

    @Override
    void field(String name, long value) {
      write(() -> out.writeNumberField(name, value));
    }

    @Override
    void item(String name, String value) {
      write(() -> out.writeString(value));
    }

    @Override
    void field(String name, boolean value) {
      write(() -> out.writeBooleanField(name, value));
    }

    @Override
    String finish() {
      write(out::close);
      return text.toString();
    }

    private static void write(IoStep step) {
      try {
        step.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private interface IoStep {
      void run() throws IOException;
    }
  }

  private static final class Xml extends Document {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter out;

    Xml() {
      try {
        out = FACTORY.createXMLStreamWriter(text);
        out.writeStartDocument("utf-8", "1.0");
      } catch (XMLStreamException e) {
        throw new IllegalStateException("cannot start an XML document", e);
      }
    }

    @Override
    void startList(String name) {
      startElement(name);
    }

    @Override
    void startElement(String name) {
      write(() -> out.writeStartElement(name));
    }

    @Override
    void end() {
      write(out::writeEndElement);
    }

    @Override
    void field(String name, String value) {
      if (value != null) {
        write(
            () -> {
              out.writeStartElement(name);
              out.writeCharacters(xmlText(value));
              out.writeEndElement();
            });
      }
    }

    @Override
    void field(String name, long value) {
      field(name, Long.toString(value));
    }

    @Override
    void item(String name, String value) {
      field(name, value);
    }

    @Override
    void field(String name, boolean value) {
      field(name, Boolean.toString(value));
    }

    @Override
    String finish() {
      write(
          () -> {
            out.writeEndDocument();
            out.close();
          });
      return text.toString();
    }

    /**
     * {@code value} with every character XML 1.0 cannot hold (control characters other than tab and
     * line breaks, lone surrogates, U+FFFE and U+FFFF) replaced by U+FFFD, so that free text never
     * makes the document unreadable.
     */
    static String xmlText(String value) {
      StringBuilder clean = null;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        boolean allowed;
        if (Character.isHighSurrogate(c)) {
          allowed = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
          if (allowed) {
            if (clean != null) {
              clean.append(c).append(value.charAt(i + 1));
            }
            i++;
            continue;
          }
        } else {
          allowed =
              c == '\t'
                  || c == '\n'
                  || c == '\r'
                  || (c >= 0x20 && c <= 0xD7FF)
                  || (c >= 0xE000 && c <= 0xFFFD);
        }
        if (!allowed && clean == null) {
          clean = new StringBuilder(value.length()).append(value, 0, i);
        }
        if (clean != null) {
          clean.append(allowed ? c : '\uFFFD');
        }
      }
      return clean == null ? value : clean.toString();
    }

    private static void write(XmlStep step) {
      try {
        step.run();
      } catch (XMLStreamException e) {
        throw new IllegalStateException("cannot write the XML document", e);
      }
    }

    private interface XmlStep {
      void run() throws XMLStreamException;
    }
  }
}
