package org.presstrace.web;

import java.util.List;
import org.presstrace.shared.Decimals;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How request bodies and parameters are read: an unknown JSON field is refused rather than dropped,
 * a string holding an unpaired UTF-16 surrogate ({@code "\uD800"}) is refused rather than stored, a
 * JSON number longer than {@value Decimals#MAX_LENGTH} characters is refused before it is
 * converted. Each refusal is a 400 problem naming the field ({@link ApiProblems}); numbers in query
 * and form parameters are read by {@link NumberParameters}.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

  /**
   * Spring Boot's builder with a stream factory that bounds numbers; Boot's customizers (the {@code
   * spring.jackson.*} properties, modules) are applied to it as Boot applies them to its own.
   */
  @Bean
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNumberLength(Decimals.MAX_LENGTH).build())
            .build();
    JsonMapper.Builder builder = JsonMapper.builder(factory);
    customizers.forEach(customizer -> customizer.customize(builder));
    return builder;
  }

  @Bean
  JsonMapperBuilderCustomizer strictRequestBodies() {
    return builder ->
        builder
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(
                new SimpleModule("presstrace-text").addDeserializer(String.class, new Text()));
  }

  /** A JSON string is valid Unicode: an unpaired surrogate is refused, naming its field. */
  static final class Text extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String text = super.deserialize(parser, context);
      int at = text == null ? -1 : unpaired(text);
      if (at >= 0) {
        throw new UnpairedSurrogate(parser, text, at);
      }
      return text;
    }
  }

  /** The index of the first unpaired surrogate in {@code text}, or -1 when it is valid Unicode. */
  static int unpaired(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** A JSON string holds an unpaired surrogate; {@link ApiProblems} names the field. */
  static final class UnpairedSurrogate extends InvalidFormatException {
    UnpairedSurrogate(JsonParser parser, String text, int at) {
      super(
          parser,
          "holds an unpaired surrogate U+"
              + Integer.toHexString(text.charAt(at)).toUpperCase(java.util.Locale.ROOT)
              + " at character "
              + (at + 1)
              + "; text must be valid Unicode",
          null,
          String.class);
    }
  }
}
