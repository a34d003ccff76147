package io.zhibiao.observation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.JsonMistakes;
import io.zhibiao.common.UnreadableBody;
import io.zhibiao.common.ValidationFailed;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.NoSuchElementException;

/** Rows of a JSON batch {@code {"observations": [ {...}, ... ]}}, read one element at a time. */
final class JsonRows implements RowSource {

    private final ObjectMapper mapper;
    private final JsonParser parser;
    private long index;
    private JsonNode next;

    private JsonRows(ObjectMapper mapper, JsonParser parser) {
        this.mapper = mapper;
        this.parser = parser;
    }

    static RowSource open(InputStream body, ObjectMapper mapper) throws IOException {
        JsonParser parser = mapper.createParser(body);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ValidationFailed(null, "the body must be a JSON object {\"observations\": [...]}");
        }
        JsonToken token = parser.nextToken();
        if (token != JsonToken.FIELD_NAME || !"observations".equals(parser.currentName())) {
            throw new ValidationFailed(parser.currentName(), "expected the field \"observations\" holding an array");
        }
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new ValidationFailed("observations", "must be an array");
        }
        JsonRows rows = new JsonRows(mapper, parser);
        rows.next = rows.advance();
        return rows;
    }

    private JsonNode advance() {
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                if (parser.nextToken() != JsonToken.END_OBJECT) {
                    throw new ValidationFailed(parser.currentName(), "only \"observations\" may stand in the body");
                }
                return null;
            }
            return mapper.readTree(parser);
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public ParsedRow next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        JsonNode node = next;
        long i = index++;
        next = advance();
        if (!node.isObject()) {
            return new ParsedRow(i, null, new FieldError(null, "each observation must be a JSON object, not "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT)), false);
        }
        try {
            return ParsedRow.of(i, mapper.treeToValue(node, ObservationInput.class));
        } catch (JsonMappingException e) {
            return new ParsedRow(i, null, JsonMistakes.explain(e), false);
        } catch (IOException e) {
            return new ParsedRow(i, null, new FieldError(null, "cannot be read"), false);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
