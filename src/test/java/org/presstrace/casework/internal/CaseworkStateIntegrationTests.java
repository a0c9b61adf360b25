package org.presstrace.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PressTraceIntegrationTest
class CaseworkStateIntegrationTests {

  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired CaseworkState live;
  @Autowired JdbcClient jdbc;

  @Test
  void theIndexRebuiltFromTheTablesKeepsSubjectsAndJudgements() {
    var world = new World(directory);
    String agency = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    AccessContext agent = world.as(world.user("agent", agency, Role.INVESTIGATOR), Channel.API);
    String a = submit(agent, "Ramon Ortega Villa " + world.suffix());
    String b = submit(agent, "Ramon Ortega Villa " + world.suffix());
    assertThat(live.index().canonicalId(agency, a)).isEqualTo(live.index().canonicalId(agency, b));
    subjects.judge(agent, a, b, Judgement.NOT_SAME, "father and son");

    CaseworkState rebuilt = new CaseworkState(jdbc, new JudgementStore(jdbc)).ready();

    assertThat(rebuilt.index().size()).isEqualTo(live.index().size());
    assertThat(rebuilt.index().canonicalId(agency, a))
        .isNotEqualTo(rebuilt.index().canonicalId(agency, b));
    assertThat(rebuilt.holder(a).agency()).isEqualTo(agency);
    assertThat(rebuilt.index().canonicalId("another-agency", a))
        .as("the judgement holds after a restart for the agency that made it only")
        .isEqualTo(rebuilt.index().canonicalId("another-agency", b));
  }

  private String submit(AccessContext agent, String name) {
    return subjects
        .submit(
            agent,
            new SubjectDraft(
                Schema.PERSON,
                Map.of("name", List.of(name), "birthDate", List.of("1961-05-17")),
                "DEA-R-1",
                "Desk",
                null,
                null,
                Marking.of("-", Tlp.RED)))
        .subject()
        .id();
  }
}
