package io.zhibiao.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.zhibiao.period.InvalidPeriodException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.CharacterCodingException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become application/problem+json. */
public class ProblemMapper {

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Problem problem = Problem
                .of(e.status(), e.code(), e.title(), e.getMessage(), uri == null ? null : uri.getPath(), e.errors())
                .withFailures(e.failures());
        Response response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
        if (e instanceof Unauthorized) {
            response.getHeaders().add("WWW-Authenticate", "Bearer");
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalidPeriod(InvalidPeriodException e, UriInfo uri) {
        return respond(400, "validation_failed", "Validation failed", e.getMessage(), uri,
                List.of(new FieldError(null, e.getMessage())));
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return api(new ValidationFailed(errors), uri);
    }

    /**
     * Unknown fields, wrong types, unusable text: the field and what it must be. One mapper per exception type, as the
     * framework's own Jackson mappers answer the most specific types otherwise, with a body that is no problem.
     */
    @ServerExceptionMapper
    public Response unfitValue(JsonMappingException e, UriInfo uri) {
        return api(new ValidationFailed(List.of(JsonMistakes.explain(e))), uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return unfitValue(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unfitValue(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unfitValue(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidText(JsonRules.InvalidText e, UriInfo uri) {
        return unfitValue(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException unfit) {
            return unfitValue(unfit, uri);
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.lookingAt()) {
            return api(new ValidationFailed(duplicate.group(1), "is given twice; give each field once"), uri);
        }
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "validation_failed", "Malformed JSON", "the body is not valid JSON" + where, uri, null);
    }

    @ServerExceptionMapper
    public Response brokenFile(UnreadableBody e, UriInfo uri) {
        Throwable cause = e.getCause();
        String detail = cause instanceof CharacterCodingException
                ? "the file is not UTF-8 text; save it as CSV UTF-8 (or upload the XLSX itself)"
                : cause instanceof JsonProcessingException json
                        ? "the body is not valid JSON"
                                + (json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr())
                        : "the file cannot be read: " + Texts.firstLine(cause.getMessage());
        return respond(400, "validation_failed", "Unreadable file", detail, uri, null);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return api(new Conflict("the resource was changed by another request; read it again and retry"), uri);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (isConstraintViolation(e)) {
            // Services check keys and references first; this only catches a race between two
            // writers.
            return api(new Conflict("the change conflicts with existing data (duplicate key or reference)"), uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof ApiException api) {
            return api(api, uri);
        }
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String code = switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition_failed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "validation_failed";
        };
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "this resource does not support that method";
            case 406 -> "this resource answers application/json only";
            case 415 -> "this operation does not take "
                    + Optional.ofNullable(headers.getMediaType()).map(type -> type.getType() + "/" + type.getSubtype())
                            .orElse("a body without a Content-Type")
                    + "; the OpenAPI description lists the media types it takes (application/json for most)";
            default -> e.getMessage();
        };
        return respond(status, code,
                Response.Status.fromStatusCode(status) == null
                        ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase(),
                detail, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure %s on %s", incident, uri.getPath());
        return respond(500, "internal_error", "Internal error",
                "the service failed unexpectedly; quote incident " + incident + " when reporting it", uri, null);
    }

    private static Response respond(int status, String code, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        Problem problem = Problem.of(status, code, title, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * "create.request.baseline.value" → "baseline.value": drop the method and parameter names. A
     * violation on the body parameter itself (a missing body) belongs to no field.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String[] parts = violation.getPropertyPath().toString().split("\\.", 3);
        return parts.length == 3 ? parts[2] : null;
    }
}
