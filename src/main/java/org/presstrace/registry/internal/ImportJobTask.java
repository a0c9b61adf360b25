package org.presstrace.registry.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.presstrace.registry.ImportJobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background task behind {@link ImportJobs}: an execution per job, picked by one node, revived
 * on another when its node stops sending heartbeats, retried a few times when the database itself
 * failed under it.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobTask {

  @Bean
  CustomTask<String> registryImportTask(ObjectProvider<ImportJobs> jobs) {
    return Tasks.custom(ImportJobs.TASK)
        .onDeadExecutionRevive()
        .onFailure(
            new FailureHandler.MaxRetriesFailureHandler<>(
                5, new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(10))))
        .execute((instance, execution) -> jobs.getObject().run(instance.getData()));
  }
}
