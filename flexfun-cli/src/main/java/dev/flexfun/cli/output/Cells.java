package dev.flexfun.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.flexfun.runtime.vector.ArrowValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * One cell as text or JSON. Values are read as the FlexFun type table's Java types
 * ({@link ArrowValues}) and written in their ISO / plain forms: dates and times ISO-8601, decimals
 * without exponent, binary as base64.
 */
final class Cells {
    private Cells() {
    }

    /** The cell as text, {@code null} for a null value. */
    static String text(FieldVector vector, int row) {
        Object value = ArrowValues.get(vector, row);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    /** Writes the cell as a JSON value: numbers and booleans as such, everything else as its text. */
    static void json(JsonGenerator json, FieldVector vector, int row) throws IOException {
        Object value = ArrowValues.get(vector, row);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Double d && Double.isFinite(d)) {
            json.writeNumber(d);
        } else if (value instanceof Float f && Float.isFinite(f)) {
            json.writeNumber(f);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else {
            json.writeString(text(vector, row));
        }
    }

    /** Numbers read better right-aligned. */
    static boolean isNumeric(FieldVector vector) {
        ArrowType type = vector.getField().getType();
        return type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint
                || type instanceof ArrowType.Decimal;
    }
}
