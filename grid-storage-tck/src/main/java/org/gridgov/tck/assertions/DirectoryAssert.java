package org.gridgov.tck.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.AbstractAssert;
import org.gridgov.core.Directory;

/**
 * Assertions on a {@link Directory}. Its parts are indexes without value equality, so two
 * directories are compared by what they hold: the code scheme, every area, every worker, every line
 * and every category.
 */
public final class DirectoryAssert extends AbstractAssert<DirectoryAssert, Directory> {
  DirectoryAssert(Directory actual) {
    super(actual, DirectoryAssert.class);
  }

  public DirectoryAssert isEquivalentTo(Directory expected) {
    isNotNull();
    assertThat(actual.territory().scheme())
        .as("code scheme")
        .isEqualTo(expected.territory().scheme());
    assertThat(actual.territory().areas())
        .as("areas")
        .containsExactlyElementsOf(expected.territory().areas());
    assertThat(actual.roster().workers())
        .as("workers")
        .containsExactlyElementsOf(expected.roster().workers());
    assertThat(actual.lines().all()).as("lines").containsExactlyElementsOf(expected.lines().all());
    assertThat(actual.catalogue().all())
        .as("categories")
        .containsExactlyElementsOf(expected.catalogue().all());
    return this;
  }
}
