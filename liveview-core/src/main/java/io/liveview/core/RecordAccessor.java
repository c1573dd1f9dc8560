package io.liveview.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Reads the components of records in templates ({@code ${row.name}}) through their accessors,
 * found once per record class. OGNL, Thymeleaf's expression language outside Spring, looks for a
 * JavaBean getter ({@code getName}) and, finding none on a record, scans all the record's methods
 * by name on every read: a 1,000-row table of records spent most of its render there. Anything
 * else (a name that is not a component, a method call) is read as OGNL reads it.
 */
final class RecordAccessor extends ObjectPropertyAccessor {

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                // A record declared inside another class may not be public, although its accessors are.
                if (accessor.trySetAccessible()) {
                    accessors.put(component.getName(), accessor);
                }
            }
            return Map.copyOf(accessors);
        }
    };

    private RecordAccessor() {
    }

    /** Makes OGNL read every record through this accessor; OGNL's registry is global, so once per JVM is enough. */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordAccessor());
    }

    @Override
    @SuppressWarnings("rawtypes") // OGNL's signature
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        Method accessor = name instanceof String component ? ACCESSORS.get(target.getClass()).get(component) : null;
        if (accessor == null) {
            return super.getProperty(context, target, name);
        }
        try {
            return accessor.invoke(target);
        } catch (InvocationTargetException e) {
            throw new OgnlException(target.getClass().getSimpleName() + "." + name + "() threw", e.getCause());
        } catch (IllegalAccessException e) {
            return super.getProperty(context, target, name);
        }
    }
}
