package dev.flexfun.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.server.protocol.Json;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A function's columns as table rows and as JSON, the same for {@code list} and {@code schema}. */
final class SchemaDescription {
    static final List<String> COLUMN_HEADER = List.of("COLUMN", "TYPE", "NULLABLE");

    private SchemaDescription() {
    }

    /** Name, Arrow type (e.g. {@code Int(64, true)}, {@code Timestamp(MICROSECOND, UTC)}), yes/no. */
    static List<String> row(Field field) {
        return List.of(field.getName(), field.getType().toString(), field.isNullable() ? "yes" : "no");
    }

    static ArrayNode columns(Schema schema) {
        ArrayNode columns = Json.MAPPER.createArrayNode();
        for (Field field : schema.getFields()) {
            columns.addObject().put("name", field.getName()).put("type", field.getType().toString())
                    .put("nullable", field.isNullable());
        }
        return columns;
    }

    /** The schema's own metadata (key to text), or an empty object. */
    static ObjectNode metadata(Schema schema) {
        ObjectNode metadata = Json.MAPPER.createObjectNode();
        Map<String, String> custom = schema.getCustomMetadata();
        if (custom != null) {
            custom.forEach(metadata::put);
        }
        return metadata;
    }
}
