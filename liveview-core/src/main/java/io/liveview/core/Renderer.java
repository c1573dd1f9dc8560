package io.liveview.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders views with Thymeleaf. The first HTTP render and every live render take this same path,
 * so the page a crawler sees is the page the socket keeps live.
 */
final class Renderer {

    /** The template variable holding the prefix the server is mounted under ({@code ""} standalone). */
    static final String BASE = "lvBase";

    static {
        RecordAccessor.install();
    }

    private final TemplateEngine engine = new TemplateEngine();

    /** Templates from the class path only, parsed once. */
    Renderer(ClassLoader classLoader) {
        this(classLoader, DevMode.OFF);
    }

    /**
     * In dev mode, templates are read from the dev folders first and from the class path for what
     * they lack (core's layout and error page), and none is cached: an edit shows on the next render.
     */
    Renderer(ClassLoader classLoader, DevMode dev) {
        int order = 1;
        for (Path folder : dev.templates()) {
            FileTemplateResolver files = new FileTemplateResolver();
            configure(files, folder + "/", dev);
            // Else a template missing here would end the search instead of falling through.
            files.setCheckExistence(true);
            files.setOrder(order++);
            engine.addTemplateResolver(files);
        }
        ClassLoaderTemplateResolver classPath = new ClassLoaderTemplateResolver(classLoader);
        configure(classPath, "templates/", dev);
        classPath.setOrder(order);
        engine.addTemplateResolver(classPath);
        engine.setLinkBuilder(new BaseLinkBuilder());
        engine.addDialect(new LiveViewDialect());
    }

    private static void configure(AbstractConfigurableTemplateResolver resolver, String prefix, DevMode dev) {
        resolver.setPrefix(prefix);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(!dev.on());
    }

    /**
     * Renders {@code templates/<template>.html} with the given variables plus {@link #BASE}.
     *
     * @param base the prefix the page is served under, put in front of {@code @{/...}} links
     */
    String render(String template, Map<String, Object> variables, String base) {
        return render(template, variables, base, null);
    }

    /**
     * Renders a live template: {@code lv:component} places its components into {@code components}.
     *
     * @param template a template name, or {@code "name :: fragment"} for one fragment of it
     */
    String render(String template, Map<String, Object> variables, String base, Components components) {
        Context context = new Context();
        context.setVariables(variables);
        context.setVariable(BASE, base);
        if (components != null) {
            context.setVariable(Components.VARIABLE, components);
        }
        int fragment = template.indexOf("::");
        if (fragment < 0) {
            return engine.process(template, context);
        }
        return engine.process(template.substring(0, fragment).strip(), Set.of(template.substring(fragment + 2).strip()), context);
    }

    /**
     * Puts the mount prefix in front of {@code @{/todo}} links, as a servlet container puts its
     * context path; the standard builder refuses such links outside a servlet container.
     */
    private static final class BaseLinkBuilder extends StandardLinkBuilder {
        @Override
        protected String computeContextPath(IExpressionContext context, String link, Map<String, Object> parameters) {
            return (String) context.getVariable(BASE);
        }
    }
}
