package org.presstrace.substances.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads JSON into maps, lists, strings, numbers and booleans with Jackson's streaming parser only:
 * the command line starts without loading the data-binding layer, which costs a second.
 */
final class PlainJson {

  private PlainJson() {}

  static Object read(InputStream in) {
    try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
      return value(parser, parser.nextToken());
    }
  }

  private static Object value(JsonParser parser, JsonToken token) {
    if (token == null) {
      throw new IllegalStateException("the JSON ends before its value does");
    }
    return switch (token) {
      case START_OBJECT -> {
        var object = new LinkedHashMap<String, Object>();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_OBJECT;
            next = parser.nextToken()) {
          String name = parser.currentName();
          object.put(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        var array = new ArrayList<Object>();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        yield array;
      }
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    };
  }
}
