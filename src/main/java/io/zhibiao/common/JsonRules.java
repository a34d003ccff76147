package io.zhibiao.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Strict JSON for every body: a field given twice is an error (not "the last one wins", which let a second
 * {@code "role"} slip past a reviewer), and every string passes {@link TextRule}.
 */
@Singleton
public class JsonRules implements ObjectMapperCustomizer {

    /** A string that breaks {@link TextRule}; the problem mapper names the field. */
    public static final class InvalidText extends JsonMappingException {

        public InvalidText(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("zhibiao-text").addDeserializer(String.class, new StringDeserializer() {

            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = super.deserialize(parser, context);
                var violation = TextRule.violation(text);
                if (violation.isPresent()) {
                    throw new InvalidText(parser, violation.get());
                }
                return text;
            }
        }));
    }
}
