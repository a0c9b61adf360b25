package org.presstrace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.presstrace.casework.internal.SubjectStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's root package is its API and its web package its pages and controllers: neither holds
 * an SQL client. Services reach their tables through the stores under {@code internal}, or through
 * {@code GuardedReads} (whose row mappers they may still write).
 */
class SqlPlacementTests {

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.presstrace");

  static ArchRule noJdbcIn(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
        .because("SQL lives in the module's internal stores");
  }

  @Test
  void noModulesApiOrWebPackageHoldsAnSqlClient() {
    noJdbcIn("org.presstrace.*", "org.presstrace.*.web").check(MAIN);
  }

  @Test
  void theRuleCatchesAClassThatUsesJdbc() {
    assertThatThrownBy(() -> noJdbcIn("org.presstrace.casework.internal").check(MAIN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(SubjectStore.class.getName());
  }
}
