package org.presstrace.substances.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The built-in list loads once per version; a new version updates the built-in rows in place. */
@PressTraceIntegrationTest
class BuiltInListLoaderIntegrationTests {

  @Autowired BuiltInListLoader loader;
  @Autowired JdbcClient jdbc;

  /** Built-in rows only: designations applied by tests sharing the database add others. */
  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE origin = 'built-in'")
        .query(Long.class)
        .single();
  }

  @Test
  void theSameVersionLoadsOnceAndANewVersionUpdatesTheBuiltInRowsInPlace() {
    ReferenceList builtIn = ReferenceList.builtIn();
    long substances = count("substance");
    long controls = count("control_action");

    assertThat(loader.load(builtIn)).isFalse();
    assertThat(substances).isEqualTo(builtIn.substances().size());

    var next =
        new ReferenceList(
            builtIn.version() + "-test-" + System.nanoTime(),
            builtIn.substances(),
            builtIn.classControls());
    assertThat(loader.load(next)).isTrue();
    assertThat(count("substance")).isEqualTo(substances);
    assertThat(count("control_action")).isEqualTo(controls);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM reference_list_load WHERE version = :v")
                .param("v", next.version())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
