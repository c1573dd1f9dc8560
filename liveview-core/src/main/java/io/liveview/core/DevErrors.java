package io.liveview.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Dev mode: what the developer sees of a failure, as variables of core's templates
 * {@value #PAGE} (a failed first render) and {@value #BOX} (in a live view's root): where in which
 * template it happened, the exception and its causes, and the first frames of the innermost
 * stack. Thymeleaf escapes all of it; production never shows any of it.
 */
final class DevErrors {

    /** The 500 page of a failed first render in dev mode. */
    static final String PAGE = "liveview/dev-error";
    /** The error shown in place of a view whose render failed in dev mode; the page includes it too. */
    static final String BOX = "liveview/dev-error-box";

    private static final int STACK_FRAMES = 15;
    private static final int MAX_CAUSES = 20;

    private DevErrors() {
    }

    /**
     * @return {@code headline} (the exception that names the template line, else the outermost),
     *     {@code template}, {@code line} and {@code col} (each {@code null} when unknown),
     *     {@code causes} (the chain, outermost first) and {@code stack} (the first frames of the
     *     innermost exception that has any: OGNL's come without)
     */
    static Map<String, Object> details(Throwable failure) {
        Map<String, Object> variables = new HashMap<>();
        TemplateProcessingException located = located(failure);
        variables.put("headline", describe(located != null ? located : failure));
        variables.put("template", located == null ? null : located.getTemplateName());
        variables.put("line", located == null ? null : located.getLine());
        variables.put("col", located == null ? null : located.getCol());
        List<String> causes = new ArrayList<>();
        StackTraceElement[] frames = {};
        for (Throwable t = failure; t != null && causes.size() < MAX_CAUSES; t = t.getCause()) {
            causes.add(describe(t));
            if (t.getStackTrace().length > 0) {
                frames = t.getStackTrace();
            }
        }
        variables.put("causes", causes);
        List<String> stack = new ArrayList<>();
        for (int i = 0; i < Math.min(frames.length, STACK_FRAMES); i++) {
            stack.add("at " + frames[i]);
        }
        if (frames.length > STACK_FRAMES) {
            stack.add("... " + (frames.length - STACK_FRAMES) + " more");
        }
        variables.put("stack", stack);
        return variables;
    }

    /**
     * Thymeleaf wraps the failure several times; the first exception in the chain with a line names
     * the template that failed (an included fragment's, not the page's).
     */
    private static TemplateProcessingException located(Throwable failure) {
        TemplateProcessingException named = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TemplateProcessingException e) {
                if (e.hasLineAndCol()) {
                    return e;
                }
                if (named == null && e.hasTemplateName()) {
                    named = e;
                }
            }
        }
        return named;
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
    }
}
