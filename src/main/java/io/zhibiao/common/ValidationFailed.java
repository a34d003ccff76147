package io.zhibiao.common;

import java.util.List;

/** 400 validation_failed: the request is well-formed but its content breaks a rule. */
public class ValidationFailed extends ApiException {

    private final List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super(400, "validation_failed", "Validation failed", summary(errors));
        this.errors = List.copyOf(errors);
    }

    public ValidationFailed(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public ValidationFailed(FieldError error) {
        this(List.of(error));
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError e = errors.get(0);
            return e.field() == null ? e.message() : e.field() + ": " + e.message();
        }
        return errors.size() + " fields are invalid";
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
