package org.gridgov.open311;

import java.net.URI;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;

/**
 * What the service discovery document ({@code discovery.xml}, {@code discovery.json}) says about
 * this endpoint: its base URL, how to reach its maintainers, how to get an API key, and whether it
 * is the production endpoint or a test one. Its changesets are the directory's revision (see {@link
 * Format#discovery}).
 *
 * @param url the base URL of the GeoReport v2 endpoint, absolute, such as {@code
 *     https://open311.hangzhou.gov.cn/v2}
 * @param contact how to get more information on this provider
 * @param keyService how to get an API key
 * @param production true for the live endpoint whose reports are acted upon, false for a test one
 */
public record Discovery(URI url, String contact, String keyService, boolean production) {
  public static final RuleId URL = RuleId.of("open311.discovery.url");
  public static final RuleId TEXT = RuleId.of("open311.discovery.text");

  public Discovery {
    Checks.notNull(URL, "url", url);
    Checks.check(
        URL,
        "url",
        url.isAbsolute() && url.getHost() != null,
        "must be an absolute URL with a host, was " + url);
    Checks.notBlank(TEXT, "contact", contact);
    Checks.notBlank(TEXT, "keyService", keyService);
  }
}
