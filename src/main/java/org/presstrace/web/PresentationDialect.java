package org.presstrace.web;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * Every page writes values through {@link Presentation}: {@code th:text} of an enum shows its
 * label, of a moment the minute in the reader's zone, of a collection its labels joined; and {@code
 * #show} offers the same to expressions ({@code #show.label(code)}, {@code #show.time(at)}, {@code
 * #show.prose(text, names)}). Form values ({@code th:value}) keep their codes.
 */
@Component
class PresentationDialect extends AbstractProcessorDialect implements IExpressionObjectDialect {

  private final Presentation presentation = Presentation.load();
  private final ReaderZone zones;

  PresentationDialect(ReaderZone zones) {
    super("PressTrace presentation", StandardDialect.PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
    this.zones = zones;
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(new PlainText(dialectPrefix, presentation, zones));
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("show");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return "show".equals(name) ? new Show(presentation, zones.current()) : null;
      }

      @Override
      public boolean isCacheable(String name) {
        return false;
      }
    };
  }

  /** What templates call as {@code #show}. */
  public static final class Show {
    private final Presentation presentation;
    private final ZoneId zone;

    Show(Presentation presentation, ZoneId zone) {
      this.presentation = presentation;
      this.zone = zone;
    }

    public String text(Object value) {
      return presentation.text(value, zone);
    }

    public String label(Object code) {
      return code instanceof Enum<?> constant
          ? presentation.label(constant)
          : presentation.label(code == null ? null : code.toString());
    }

    public String time(java.time.Instant at) {
      return presentation.time(at, zone);
    }

    /**
     * A moment to the minute in the zone of the place it happened ({@code zoneId}, e.g. a
     * seizure's), with that zone named; in the reader's zone when the place's is not known.
     */
    public String timeIn(Object at, String zoneId) {
      ZoneId place = zone;
      if (zoneId != null && ZoneId.getAvailableZoneIds().contains(zoneId)) {
        place = ZoneId.of(zoneId);
      }
      return presentation.text(at, place);
    }

    public String prose(String text, Map<String, String> names) {
      return presentation.prose(text, names, zone);
    }

    public String prose(String text) {
      return presentation.prose(text, Map.of(), zone);
    }

    /** The zone times are shown in, e.g. {@code America/New_York}. */
    public String zone() {
      return zone.getId();
    }
  }

  /** {@code th:text} through {@link Presentation#text}, ahead of the standard processor. */
  static final class PlainText extends AbstractAttributeTagProcessor {

    private final Presentation presentation;
    private final ReaderZone zones;

    PlainText(String prefix, Presentation presentation, ReaderZone zones) {
      super(
          TemplateMode.HTML,
          prefix,
          null,
          false,
          StandardTextTagProcessor.ATTR_NAME,
          true,
          StandardTextTagProcessor.PRECEDENCE - 1,
          true);
      this.presentation = presentation;
      this.zones = zones;
    }

    @Override
    protected void doProcess(
        ITemplateContext context,
        IProcessableElementTag tag,
        AttributeName attributeName,
        String attributeValue,
        IElementTagStructureHandler structureHandler) {
      Object value =
          StandardExpressions.getExpressionParser(context.getConfiguration())
              .parseExpression(context, attributeValue)
              .execute(context);
      if (value == org.thymeleaf.standard.expression.NoOpToken.VALUE) {
        return;
      }
      String text = presentation.text(value, zones.current());
      structureHandler.setBody(HtmlEscape.escapeHtml4Xml(text), false);
    }
  }
}
