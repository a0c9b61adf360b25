package org.presstrace.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * After a session ends, a page fragment that polls or searches (an import's progress, a live
 * search) must send the user to the sign-in page, not swap the sign-in page into the fragment.
 */
@PressTraceIntegrationTest
class SignInAgainIntegrationTests {

  @Autowired MockMvc mvc;

  @Test
  void aFragmentRequestWithoutASessionIsToldToSignInAsAWholePage() throws Exception {
    for (String path :
        new String[] {"/registry/imports/00000000-0000-4000-8000-000000000000", "/intel"}) {
      mvc.perform(get(path).header("HX-Request", "true"))
          .andExpect(status().isUnauthorized())
          .andExpect(header().string("HX-Redirect", "/login"));
    }
  }

  @Test
  void aWholePageWithoutASessionIsStillRedirectedToSignIn() throws Exception {
    mvc.perform(get("/registry/imports"))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")))
        .andExpect(header().doesNotExist("HX-Redirect"));
  }
}
