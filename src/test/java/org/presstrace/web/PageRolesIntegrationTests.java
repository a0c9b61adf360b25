package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every page of the navigation, typed as a URL by every role: a role that does not see the link is
 * refused the page (and the pages below it), a role that sees it is not.
 */
@PressTraceIntegrationTest
class PageRolesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;

  @Test
  void aPageIsForTheRolesThatSeeItsLinkWhateverTheUrlTyped() throws Exception {
    var world = new World(directory);
    String federal = world.agency("PGR", AgencyKind.FEDERAL, "USA");
    String partner = world.agency("PGP", AgencyKind.FOREIGN_PARTNER, "MEX");
    String registrant = world.agency("PGD", AgencyKind.REGISTRANT, "USA");
    Map<Role, String> users = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      String agency =
          switch (role) {
            case FOREIGN_LIAISON -> partner;
            case REGISTRANT -> registrant;
            default -> federal;
          };
      users.put(role, world.user(role.name().toLowerCase(java.util.Locale.ROOT), agency, role));
    }

    var wrong = new ArrayList<String>();
    for (Navigation.Item item : Navigation.pageRules()) {
      for (Role role : Role.values()) {
        boolean sees = item.roles().contains(role.name());
        for (String path : new String[] {item.href(), item.href() + "/anything-below"}) {
          int status =
              mvc.perform(
                      get(path)
                          .with(user(users.get(role)).roles(role.name()))
                          .sessionAttr(Purpose.SESSION_ATTRIBUTE, "Page roles check"))
                  .andReturn()
                  .getResponse()
                  .getStatus();
          // A registrant's own pages refuse a user who is not one registrant's (the controller's
          // 403); those pages' own tests sign in a registrant that is one.
          boolean refusedByThePage = sees && role == Role.REGISTRANT;
          if (!refusedByThePage && sees == (status == 403)) {
            wrong.add(role + " " + path + " -> " + status);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theForeignLiaisonIsRefusedTraceAndSubjectsByUrl() throws Exception {
    var world = new World(directory);
    String liaison =
        world.user(
            "liaison",
            world.agency("PGL", AgencyKind.FOREIGN_PARTNER, "CHN"),
            Role.FOREIGN_LIAISON);
    for (String page : new String[] {"/registry/trace", "/resolution/subjects", "/audit"}) {
      assertThat(
              mvc.perform(get(page).with(user(liaison).roles("FOREIGN_LIAISON")))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .as(page)
          .isEqualTo(403);
    }
  }
}
