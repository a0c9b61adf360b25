package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

/** Which roles one person may hold together. */
class SeparateDutiesTests {

  @Test
  void everyAccountRoleWithAnyContentRoleIsRefusedNamingTheField() {
    for (Role account : EnumSet.of(Role.ADMINISTRATOR, Role.AUDITOR)) {
      for (Role content : Role.values()) {
        if (!content.readsRecords()) {
          continue;
        }
        assertThatThrownBy(() -> Grants.requireSeparateDuties(Set.of(account, content), "roles"))
            .isInstanceOfSatisfying(
                InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("roles"))
            .hasMessageContaining(account.slug())
            .hasMessageContaining(content.slug());
      }
    }
  }

  @Test
  void administratorAndAuditorAreNotOnePerson() {
    assertThatThrownBy(
            () -> Grants.requireSeparateDuties(Set.of(Role.ADMINISTRATOR, Role.AUDITOR), "role"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("nobody audits their own administration");
  }

  @Test
  void contentRolesTogetherAndOneAccountRoleAloneAreFine() {
    assertThatCode(
            () ->
                Grants.requireSeparateDuties(
                    Set.of(Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR), "roles"))
        .doesNotThrowAnyException();
    assertThatCode(() -> Grants.requireSeparateDuties(Set.of(Role.ADMINISTRATOR), "roles"))
        .doesNotThrowAnyException();
    assertThatCode(() -> Grants.requireSeparateDuties(Set.of(Role.AUDITOR), "roles"))
        .doesNotThrowAnyException();
  }
}
