package org.presstrace.casework.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Map;
import org.presstrace.access.Purpose;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A signed-in page user of the resolution tests, with a session that has stated its purpose. */
final class PageUser {

  private final MockMvc mvc;
  private final String username;
  private final String role;
  final MockHttpSession session = new MockHttpSession();

  PageUser(MockMvc mvc, String username, String role) {
    this.mvc = mvc;
    this.username = username;
    this.role = role;
    session.setAttribute(Purpose.SESSION_ATTRIBUTE, "Case page test");
  }

  MockHttpServletResponse get(String url) throws Exception {
    return perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url));
  }

  /** The page's HTML; fails unless it is a 200. */
  String page(String url) throws Exception {
    MockHttpServletResponse response = get(url);
    if (response.getStatus() != 200) {
      throw new AssertionError(url + " answered " + response.getStatus());
    }
    return response.getContentAsString();
  }

  MockHttpServletResponse post(String url, Map<String, String> params) throws Exception {
    MockHttpServletRequestBuilder request =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).with(csrf());
    params.forEach(request::param);
    return perform(request);
  }

  private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(username).roles(role)).session(session))
        .andReturn()
        .getResponse();
  }
}
