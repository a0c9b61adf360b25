package org.presstrace.shared;

/**
 * The one pagination convention of the API: {@code page} counts from 0, {@code size} is 1 to
 * {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}).
 */
public record PageQuery(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  public PageQuery {
    if (page < 0) {
      throw new InvalidRequest("page", "page " + page + " is negative; pages count from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequest("size", "size " + size + " is not between 1 and " + MAX_SIZE);
    }
  }

  public static PageQuery of(Integer page, Integer size) {
    return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
  }

  /**
   * The page a person asked for in a URL ({@code ?page=2}), as text: blank is the first page;
   * anything but a whole number from 0 (such as {@code -1}, {@code x} or {@code 1.5}) is refused
   * naming the field {@code page}, so that a list page can say so beside its pager.
   */
  public static PageQuery parse(String page, int size) {
    if (page == null || page.isBlank()) {
      return new PageQuery(0, size);
    }
    String text = page.strip();
    if (!text.matches("[0-9]{1,9}")) {
      throw new InvalidRequest(
          "page", "page '" + page + "' is not a page number; pages count from 0");
    }
    return new PageQuery(Integer.parseInt(text), size);
  }

  public long offset() {
    return (long) page * size;
  }
}
