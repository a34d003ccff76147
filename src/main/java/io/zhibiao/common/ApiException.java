package io.zhibiao.common;

import java.util.List;

/**
 * A failure the client caused or can act on; {@link ProblemMapper} turns it into
 * application/problem+json.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;

    protected ApiException(int status, String code, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return null;
    }

    /** The validation rules the request made fail (validation_rule_failed), or null. */
    public List<RuleFailure> failures() {
        return null;
    }
}
