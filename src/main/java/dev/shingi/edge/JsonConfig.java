package dev.shingi.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * The API reads JSON strictly: a number where text belongs (or text where a number belongs), a fraction where a whole
 * number belongs, a number where a moment belongs, or a key given twice is a 400, not a guess. (Stored events are read
 * by a mapper of their own, platform.AxonConfig; this one is the HTTP edge's.)
 */
@Configuration
class JsonConfig {
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalars() {
        return builder -> builder.postConfigurer(mapper -> {
            for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean}) {
                mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            }
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
            for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer,
                    CoercionInputShape.Float}) {
                mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(shape, CoercionAction.Fail);
            }
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            mapper.registerModule(momentsAsText());
        });
    }

    /** java.time would read a number as seconds since 1970: a moment is written as text, with its offset. */
    private static Module momentsAsText() {
        SimpleModule module =
                new SimpleModule("moments-as-text");
        module.addDeserializer(OffsetDateTime.class,
                new StdDeserializer<>(OffsetDateTime.class) {
                    @Override
                    public OffsetDateTime deserialize(JsonParser p,
                                                                DeserializationContext c)
                            throws IOException {
                        if (!p.hasToken(JsonToken.VALUE_STRING)) {
                            return (OffsetDateTime) c.handleUnexpectedToken(OffsetDateTime.class, p);
                        }
                        return InstantDeserializer.OFFSET_DATE_TIME
                                .deserialize(p, c);
                    }
                });
        return module;
    }
}
