package org.presstrace.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole-application test on its own database (H2, or PostgreSQL when {@code
 * PRESSTRACE_TEST_PG_URL} is set), with MockMvc. Test accounts hash their passwords cheaply,
 * because every API call in a test signs in with HTTP Basic.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "presstrace.data-dir=${java.io.tmpdir}/presstrace-test",
      "logging.level.root=WARN",
      "presstrace.security.argon2.memory-kib=64",
      "presstrace.security.argon2.iterations=1",
      "presstrace.registry.compliance.sweep-cron=-",
      "presstrace.exchange.taxii.feed-sweep=-"
    })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
public @interface PressTraceIntegrationTest {}
