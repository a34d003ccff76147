package io.zhibiao.common;

import io.zhibiao.period.InvalidPeriodException;
import io.zhibiao.period.Period;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Type;
import java.time.YearMonth;
import java.util.function.Function;

/**
 * Periods and months in paths and queries, converted by JAX-RS before a resource method runs: a resource declares
 * {@code @QueryParam("period") Period period} or {@code @QueryParam("asOf") YearMonth asOf} and receives the parsed
 * value or null when the parameter is absent. A malformed one is the same 400 {@code validation_failed} naming the
 * parameter ({@code field: period}) that a malformed body field gets — not the bare 404 JAX-RS answers for a failed
 * conversion: the converter throws a {@link WebApplicationException} carrying the {@link ValidationFailed}, which the
 * server passes on unchanged and {@link ProblemMapper} answers as that validation failure.
 *
 * <p>A {@code Period} parameter takes every form of the one period parser (a year, half, quarter, month or a range);
 * marked {@link Single} it takes one reporting period only (no range), as submissions and commentary do.
 */
@Provider
public class PeriodParams implements ParamConverterProvider {

    /** The parameter is one reporting period (a month, quarter, half or year), not a range. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    public @interface Single {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Period.class) {
            boolean single = annotated(annotations, Single.class);
            return (ParamConverter<T>) new Converter<>(name(annotations), single ? Period::parseSingle : Period::parse,
                    Period::toString);
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) new Converter<>(name(annotations), Period::parseMonth, YearMonth::toString);
        }
        return null;
    }

    /** The failed conversion of one parameter: passed on by the server as it is, answered as its cause. */
    static final class Invalid extends WebApplicationException {

        Invalid(ValidationFailed cause) {
            super(cause, 400);
        }
    }

    private record Converter<T>(String name, Function<String, T> parse,
            Function<T, String> format) implements ParamConverter<T> {

        @Override
        public T fromString(String text) {
            if (text == null) {
                return null;
            }
            try {
                return parse.apply(text);
            } catch (InvalidPeriodException e) {
                throw new Invalid(new ValidationFailed(name, e.getMessage()));
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : format.apply(value);
        }
    }

    private static boolean annotated(Annotation[] annotations, Class<? extends Annotation> type) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a.annotationType() == type) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String name(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof PathParam p) {
                    return p.value();
                }
            }
        }
        return "period";
    }
}
