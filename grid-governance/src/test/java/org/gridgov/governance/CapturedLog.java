package org.gridgov.governance;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the package's loggers log while this is open: the builder's and the facade's {@code
 * System.Logger}s write through {@code java.util.logging} to the package's logger, so their records
 * reach a handler there. Use in try-with-resources, or for a whole test class as a field registered
 * as an extension ({@code @RegisterExtension final CapturedLog log = CapturedLog.start();}), which
 * stops listening after each test.
 */
final class CapturedLog implements AutoCloseable, AfterEachCallback {
  /** Held here: {@code java.util.logging} keeps its loggers only weakly. */
  private static final Logger LOG = Logger.getLogger("org.gridgov.governance");

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private CapturedLog() {
    LOG.addHandler(handler);
  }

  static CapturedLog start() {
    return new CapturedLog();
  }

  /** The records logged at {@code level}, in order. */
  List<LogRecord> at(Level level) {
    return records.stream().filter(r -> r.getLevel().equals(level)).toList();
  }

  /** The messages logged at {@code level}, their parameters filled in. */
  List<String> messages(Level level) {
    return at(level).stream()
        .map(
            r ->
                r.getParameters() == null
                    ? r.getMessage()
                    : MessageFormat.format(r.getMessage(), r.getParameters()))
        .toList();
  }

  /** Forgets what was logged so far. */
  void clear() {
    records.clear();
  }

  @Override
  public void close() {
    LOG.removeHandler(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }
}
