package io.liveview.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.AbstractProcessor;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.processor.element.MatchingAttributeName;
import org.thymeleaf.processor.element.MatchingElementName;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * Lets templates write our attributes with expressions, as {@code th:*} attributes are written:
 * {@code lv:click="inc"}, {@code lv:value-id="${todo.id}"}, {@code lv:key="${row.id}"}. Each
 * {@code lv:name} is evaluated like any Thymeleaf expression (a plain word is itself) and becomes
 * the attribute {@code lv-name} the client reads; {@code null} or {@code false} leaves it out. Plain
 * {@code lv-*} attributes pass through untouched.
 *
 * <p>{@code lv:component="Name"} places a {@link LiveComponent}: the element becomes its
 * placeholder, and its other {@code lv:name} attributes are the values passed to it.
 *
 * <p>Expressions also get {@code #js}, {@link JS#js()}, to write JS commands:
 * {@code lv:click="${#js.show('#dialog').focus('#name')}"}.
 */
final class LiveViewDialect extends AbstractProcessorDialect implements IExpressionObjectDialect {

    static final String PREFIX = "lv";

    LiveViewDialect() {
        // After the standard dialect's th:each and th:if (precedence 1000 and below), so rows see their variables.
        super("LiveView", PREFIX, 1100);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new ComponentProcessor(dialectPrefix), new AttributeProcessor(dialectPrefix));
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("js");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return JS.js();
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /**
     * Replaces an element with {@code lv:component} by its component's placeholder (see
     * {@link Components}), before the attribute processor would write its attributes.
     */
    private static final class ComponentProcessor extends AbstractAttributeTagProcessor {

        ComponentProcessor(String dialectPrefix) {
            super(TemplateMode.HTML, dialectPrefix, null, false, "component", true, 1000, false);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                 String attributeValue, IElementTagStructureHandler structure) {
            if (!(context.getVariable(Components.VARIABLE) instanceof Components components)) {
                throw new IllegalStateException("lv:component is only for the templates of live views and components");
            }
            String name = String.valueOf(evaluate(context, attributeValue));
            for (IProcessableElementTag around : context.getElementStack()) {
                // A stream's items render once and are not kept: their components would be dropped
                // at the view's next render, while the page still showed them.
                if (around != tag && (around.hasAttribute(PREFIX + "-stream") || around.hasAttribute(PREFIX + ":stream"))) {
                    throw new IllegalStateException("lv:component=\"" + name + "\" inside a stream container: "
                            + "a stream's items are not kept, so they cannot hold components (docs/components.md, Limits)");
                }
            }
            Map<String, Object> passed = new LinkedHashMap<>();
            for (IAttribute attribute : tag.getAllAttributes()) {
                String complete = attribute.getAttributeCompleteName();
                if (complete.startsWith(PREFIX + ":") && !complete.equals(PREFIX + ":component")) {
                    passed.put(complete.substring(PREFIX.length() + 1), evaluate(context, attribute.getValue()));
                }
            }
            Object id = passed.get("id");
            if (id == null) {
                throw new IllegalStateException("lv:component=\"" + name + "\" needs an lv:id, unique among the view's " + name + " components");
            }
            String key = id.toString();
            passed.put("id", key);
            String element = tag.getElementDefinition().getElementName().getElementName();
            int cid = components.place(name, key, passed, element);
            structure.replaceWith("<" + element + " " + Components.ATTRIBUTE + "=\"" + cid + "\"></" + element + ">", false);
        }
    }

    private static Object evaluate(ITemplateContext context, String expression) {
        return StandardExpressions.getExpressionParser(context.getConfiguration()).parseExpression(context, expression).execute(context);
    }

    /** Turns every {@code lv:name="expression"} of an element into {@code lv-name="value"}. */
    private static final class AttributeProcessor extends AbstractProcessor implements IElementTagProcessor {

        private final MatchingAttributeName attributes;

        AttributeProcessor(String dialectPrefix) {
            super(TemplateMode.HTML, 1100);
            this.attributes = MatchingAttributeName.forAllAttributesWithPrefix(TemplateMode.HTML, dialectPrefix);
        }

        @Override
        public MatchingElementName getMatchingElementName() {
            return null;
        }

        @Override
        public MatchingAttributeName getMatchingAttributeName() {
            return attributes;
        }

        @Override
        public void process(ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler structure) {
            for (IAttribute attribute : tag.getAllAttributes()) {
                AttributeName name = attribute.getAttributeDefinition().getAttributeName();
                // Only the lv:name form: data-lv-* attributes are the page's own (data-lv-root, data-lv-token).
                if (!PREFIX.equals(name.getPrefix()) || !attribute.getAttributeCompleteName().startsWith(PREFIX + ":")) {
                    continue;
                }
                Object value = evaluate(context, attribute.getValue());
                structure.removeAttribute(name);
                if (value != null && !Boolean.FALSE.equals(value)) {
                    structure.setAttribute(PREFIX + "-" + name.getAttributeName(), HtmlEscape.escapeHtml4Xml(value.toString()));
                }
            }
        }
    }
}
