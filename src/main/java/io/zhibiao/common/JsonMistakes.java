package io.zhibiao.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A JSON value that does not fit its field, said in the API's words: the field's path and what it must be, never a
 * Java class name. One wording for request bodies and for the rows of a batch.
 */
public final class JsonMistakes {

    private JsonMistakes() {
    }

    public static FieldError explain(JsonMappingException e) {
        String field = path(e);
        String named = field.isEmpty() ? null : field;
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(named, "is not a known field");
        }
        if (e instanceof JsonRules.InvalidText) {
            return new FieldError(named, e.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException invalid) {
            String expected = invalid.getTargetType() == null ? "another type" : describe(invalid.getTargetType());
            return new FieldError(named, "'" + invalid.getValue() + "' is not " + expected);
        }
        if (e instanceof MismatchedInputException mismatched) {
            String expected = mismatched.getTargetType() == null
                    ? "a value of another type"
                    : describe(mismatched.getTargetType());
            return new FieldError(named, named == null ? "the body must be a JSON object" : "must be " + expected);
        }
        return new FieldError(named, "cannot be read");
    }

    /** "baseline.value", "milestones[2].value": the JSON path of the value that did not fit. */
    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
