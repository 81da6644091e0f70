package org.gridgov.open311;

import java.util.Objects;

/**
 * One entry of the service list ({@code GET services}): a minor category (小类) of the catalogue.
 *
 * @param code the category code ({@code service_code}), such as {@code P0113}
 * @param name the category's name ({@code service_name})
 * @param description the category's name and its major class (大类)
 * @param keywords part or event (部件, 事件) and the name of the line that handles it
 * @param group the major class's name (大类), which groups the services
 */
public record Service(String code, String name, String description, String keywords, String group) {
  public Service {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(keywords, "keywords");
    Objects.requireNonNull(group, "group");
  }

  /**
   * Always false: gridgov's categories ask for no extra form fields, so a client need not read the
   * service definition (whose attribute list is empty).
   */
  public boolean metadata() {
    return false;
  }

  /**
   * Always {@code realtime}: a report gets its incident id at once ({@code GridGovernance.report}),
   * and the requests can be read back.
   */
  public String type() {
    return "realtime";
  }
}
