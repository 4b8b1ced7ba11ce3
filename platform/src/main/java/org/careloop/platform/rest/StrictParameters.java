package org.careloop.platform.rest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Path and query parameters of the common scalar types, read strictly: a malformed UUID or an integer out of range
 * is a 400 naming the parameter (JAX-RS would answer 404), and a boolean is {@code true} or {@code false}, never
 * "anything else is false".
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "must be a UUID", StrictParameters::uuid);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "must be an integer", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "must be an integer", Long::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, "must be true or false", StrictParameters::bool);
        }
        return null;
    }

    private static UUID uuid(String value) {
        if (!UUID_SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException();
        }
        return UUID.fromString(value);
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException();
        };
    }

    private static <T> ParamConverter<T> converter(String name, String reason, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (RuntimeException e) {
                    throw new ParameterProblem(name, reason);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof PathParam p) {
                    return p.value();
                }
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof HeaderParam h) {
                    return h.value();
                }
                if (a instanceof CookieParam c) {
                    return c.value();
                }
                if (a instanceof FormParam f) {
                    return f.value();
                }
            }
        }
        return "parameter";
    }
}
