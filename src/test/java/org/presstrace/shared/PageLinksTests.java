package org.presstrace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageLinksTests {

  @Test
  void aPageNumberAsTypedIsReadOrRefusedNamingThePage() {
    assertThat(PageQuery.parse(null, 50)).isEqualTo(new PageQuery(0, 50));
    assertThat(PageQuery.parse(" 3 ", 50)).isEqualTo(new PageQuery(3, 50));
    for (String bad : List.of("-1", "x", "1.5", "１", "99999999999", "2e3")) {
      assertThatThrownBy(() -> PageQuery.parse(bad, 50))
          .as(bad)
          .isInstanceOf(InvalidRequest.class)
          .hasMessageContaining("'" + bad + "'")
          .extracting(e -> ((InvalidRequest) e).field())
          .isEqualTo("page");
    }
  }

  @Test
  void linksKeepEveryFilterEncodedAndMarkTheCurrentPage() {
    var filters = new LinkedHashMap<String, String>();
    filters.put("status", "PENDING");
    filters.put("who", "a&b=c {x}");
    filters.put("kind", "");
    var links =
        PageLinks.of("/releases", filters, new Page<>(Collections.nCopies(10, "r"), 2, 10, 103));

    assertThat(links.here()).isEqualTo("?status=PENDING&who=a%26b%3Dc+%7Bx%7D&page=2");
    assertThat(links.previous().href())
        .isEqualTo("/releases?status=PENDING&who=a%26b%3Dc+%7Bx%7D&page=1");
    assertThat(links.next().href()).endsWith("&page=3");
    assertThat(links.pages())
        .extracting(PageLinks.Link::label)
        .containsExactly("1", "2", "3", "4", "5", "…", "11");
    assertThat(links.pages())
        .filteredOn(PageLinks.Link::current)
        .extracting(PageLinks.Link::label)
        .containsExactly("3");
    assertThat(links.firstItem()).isEqualTo(21);
    assertThat(links.lastItem()).isEqualTo(30);
    assertThat(links.pastTheEnd()).isFalse();
  }

  @Test
  void theFirstAndLastPagesHaveNoPreviousOrNextAndAPagePastTheEndIsSaid() {
    Map<String, String> none = Map.of();
    var first = PageLinks.of("/audit", none, new Page<>(List.of(1), 0, 50, 60));
    assertThat(first.previous()).isNull();
    assertThat(first.next().href()).isEqualTo("/audit?page=1");
    var last = PageLinks.of("/audit", none, new Page<>(Collections.nCopies(10, 1), 1, 50, 60));
    assertThat(last.next()).isNull();
    assertThat(last.lastItem()).isEqualTo(60);
    var beyond = PageLinks.of("/audit", none, new Page<>(List.of(), 7, 50, 60));
    assertThat(beyond.pastTheEnd()).isTrue();
    assertThat(beyond.previous().href()).isEqualTo("/audit?page=1");
    var empty = PageLinks.of("/audit", none, new Page<>(List.of(), 0, 50, 0));
    assertThat(empty.pages()).isEmpty();
    assertThat(empty.pastTheEnd()).isFalse();
  }
}
