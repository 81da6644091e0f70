package org.gridgov.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler behind the JDK's own HTTP server, as the README shows it, called over a socket: a
 * report posted as a form, then read back by a query.
 */
class JdkHttpServerTest {
  private final Desk desk = new Desk(InMemoryGridStorage.create());
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void postThenGet_overHttp() throws Exception {
    Open311 open311 = Open311.builder(desk.governance).acceptReports("key-1"::equals).build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // --- README server example starts
    server.createContext(
        "/open311/v2/",
        exchange -> {
          String path = exchange.getRequestURI().getPath().substring("/open311/v2/".length());
          Open311Response response;
          try {
            response =
                exchange.getRequestMethod().equals("POST")
                    ? open311.post(
                        path,
                        Open311.parameters(
                            new String(
                                exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))
                    : open311.get(path, Open311.parameters(exchange.getRequestURI().getRawQuery()));
          } catch (InvalidInputException e) { // a broken %-escape, answered in the asked format
            Format format =
                Format.ofExtension(path.substring(path.lastIndexOf('.') + 1)).orElse(Format.XML);
            response = Open311Response.errors(format, 400, e.violations());
          }
          send(exchange, response);
        });
    // --- README server example ends
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/open311/v2/";
    HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> posted =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "api_key=key-1&service_code=E0402&address_id="
                            + Desk.GRID.value()
                            + "&description=%E5%8D%A0%E9%81%93%E7%BB%8F%E8%90%A5"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(posted.headers().firstValue("Content-Type"))
        .contains("application/json; charset=utf-8");

    HttpResponse<String> open =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "requests.xml?status=open&service_code=E0402"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(Open311GetTest.texts(Open311GetTest.xml(open.body()), "status_notes"))
        .containsExactly("reported");

    long stored = desk.governance.storage().incidents().count();
    HttpResponse<String> broken =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "requests.xml"))
                .POST(HttpRequest.BodyPublishers.ofString("api_key=key-1&service_code=%E0%4"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("service_code", Open311.ENCODING.value());
    assertThat(desk.governance.storage().incidents().count()).isEqualTo(stored);
    // the client asked for JSON: its errors come in JSON, as every other answer to it does
    HttpResponse<String> brokenJson =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "requests.json"))
                .POST(HttpRequest.BodyPublishers.ofString("api_key=key-1&service_code=%E0%4"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(brokenJson.statusCode()).isEqualTo(400);
    assertThat(brokenJson.headers().firstValue("Content-Type"))
        .contains("application/json; charset=utf-8");
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(brokenJson.body())
                .get(0)
                .get("description")
                .asText())
        .startsWith("service_code:")
        .contains(Open311.ENCODING.value());
  }

  private static void send(HttpExchange exchange, Open311Response response) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void parameters_decodedAsUtf8_inOrder_repeatsKept() {
    Map<String, List<String>> parameters =
        Open311.parameters("status=open&service_code=E0402&service_code=E0404&q=%E6%99%AF+a&flag");

    assertThat(parameters)
        .containsExactly(
            Map.entry("status", List.of("open")),
            Map.entry("service_code", List.of("E0402", "E0404")),
            Map.entry("q", List.of("景 a")),
            Map.entry("flag", List.of("")));
    assertThat(Open311.parameters("=x&y=&="))
        .as("an empty name is a name")
        .containsExactly(Map.entry("", List.of("x", "")), Map.entry("y", List.of("")));
    assertThat(Open311.parameters(null)).isEmpty();
    assertThatThrownBy(() -> Open311.parameters("a=1&b=%zz&c=%"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("b", "c"));
    // named by the decoded name when only the value is broken
    assertThatThrownBy(() -> Open311.parameters("service%5Fcode=%zz"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("service_code"));
    // a broken name is no field a client sends: not repeated, even percent-encoded
    assertThatThrownBy(() -> Open311.parameters("%E5%BC%A0%E=1"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("parameter");
                          assertThat(v.toString())
                              .contains("not shown", Open311.ENCODING.value())
                              .doesNotContain("%E5");
                        }));
  }
}
