package org.presstrace.casework;

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
 * The API and web packages of casework and red flags hold no SQL client: services reach their
 * tables through the stores under {@code internal}, or through {@code GuardedReads} (whose row
 * mappers they may still write).
 */
class CaseworkSqlPlacementTests {

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.presstrace.casework", "org.presstrace.redflags");

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
  void apiAndWebPackagesOfCaseworkAndRedFlagsHoldNoJdbcClient() {
    noJdbcIn(
            "org.presstrace.casework",
            "org.presstrace.casework.web",
            "org.presstrace.redflags",
            "org.presstrace.redflags.web")
        .check(MAIN);
  }

  @Test
  void theRuleCatchesAClassThatUsesJdbc() {
    assertThatThrownBy(() -> noJdbcIn("org.presstrace.casework.internal").check(MAIN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(SubjectStore.class.getName());
  }
}
