package org.presstrace.web;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any body sent to the main APIs is mapped onto its request record, or refused with a {@link
 * JacksonException} (which the API answers as a 400 problem), quickly; nothing else is thrown. The
 * mapper is the one Spring Boot builds with the application's {@code spring.jackson.*} settings.
 * Kept inputs are under src/test/resources/org/presstrace/web/JsonBodiesFuzzTestsInputs/.
 */
class JsonBodiesFuzzTests {

  /** The request records of the API controllers, and JsonNode for bodies read as a tree. */
  private static final List<Class<?>> BODIES =
      types(
          "org.presstrace.seizures.web.SeizureRequest",
          "org.presstrace.registry.web.RegistryApi$MachineRequest",
          "org.presstrace.registry.web.RegistryApi$TransferRequest",
          "org.presstrace.registry.web.RegistryApi$RegistrantRequest",
          "org.presstrace.registry.web.RegistryApi$StatusRequest",
          "org.presstrace.registry.web.RegistryApi$LossReportRequest",
          "org.presstrace.registry.web.RegistryApi$ReportRequest",
          "org.presstrace.registry.web.RegistryApi$ExportRequest",
          "org.presstrace.registry.web.TransactionReportsApi$ReportRequest",
          "org.presstrace.registry.web.TransactionReportsApi$WithdrawalRequest",
          "org.presstrace.registry.web.CertificatesApi$RenewalRequest",
          "org.presstrace.registry.web.ComplianceApi$ResolutionRequest",
          "org.presstrace.registry.web.ComplianceApi$AssignmentRequest",
          "org.presstrace.intel.web.IntelReportRequest",
          "org.presstrace.casework.web.ResolutionRequests$SubjectRequest",
          "org.presstrace.casework.web.ResolutionRequests$LinkRequest",
          "org.presstrace.casework.web.ResolutionRequests$OperationRequest",
          "org.presstrace.casework.web.ResolutionRequests$JudgementRequest",
          "org.presstrace.casework.web.ResolutionRequests$ShareRequest",
          "org.presstrace.substances.web.SubstancesApi$ScreenRequest",
          "org.presstrace.redflags.web.RedFlagsApi$DecisionRequest",
          "org.presstrace.access.web.AccessApi$AgencyRequest",
          "org.presstrace.access.web.AccessApi$UserRequest",
          "org.presstrace.access.web.AccessApi$GrantRequest",
          "org.presstrace.access.web.AccessApi$ReleaseRequest",
          "org.presstrace.access.web.AccessApi$MemberRequest",
          "org.presstrace.access.web.AccessApi$CompartmentRequest",
          "org.presstrace.access.web.AccessApi$DutyContactRequest",
          "org.presstrace.access.web.AccessApi$Reason",
          "org.presstrace.access.web.MarkingChangesApi$Reason",
          "tools.jackson.databind.JsonNode");

  private static final JsonMapper JSON = applicationMapper();

  @DictionaryFile(resourcePath = "JsonBodiesFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anyBodyMapsOrIsRefused(FuzzedDataProvider data) {
    Class<?> type = data.pickValue(BODIES);
    byte[] body = data.consumeRemainingAsBytes();
    try {
      Object read = JSON.readValue(body, type);
      if (read instanceof JsonNode node) {
        node.toString();
      }
    } catch (JacksonException refused) {
      // answered as a 400 problem by ApiProblems
    }
  }

  /** The JsonMapper Spring Boot configures for the application, without the rest of it. */
  static JsonMapper applicationMapper() {
    var properties = new Properties();
    try (InputStream in =
        JsonBodiesFuzzTests.class.getResourceAsStream("/application.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String[] jackson =
        properties.stringPropertyNames().stream()
            .filter(name -> name.startsWith("spring.jackson."))
            .map(name -> name + "=" + properties.getProperty(name))
            .toArray(String[]::new);
    var mapper = new JsonMapper[1];
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
        .withPropertyValues(jackson)
        .run(context -> mapper[0] = context.getBean(JsonMapper.class));
    return mapper[0];
  }

  private static List<Class<?>> types(String... names) {
    try {
      var types = new java.util.ArrayList<Class<?>>();
      for (String name : names) {
        types.add(Class.forName(name));
      }
      return List.copyOf(types);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("a request record was renamed: " + e.getMessage(), e);
    }
  }
}
