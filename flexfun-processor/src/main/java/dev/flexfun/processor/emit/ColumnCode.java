package dev.flexfun.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.flexfun.processor.RuntimeTypes;
import dev.flexfun.processor.model.ColumnModel;
import dev.flexfun.processor.model.Wrapper;

/** The generated code of one column: its Arrow field, its writer class, and the value it writes. */
final class ColumnCode {
    static final ClassName FIELDS = ClassName.get(RuntimeTypes.VECTOR_PACKAGE, "Fields");
    private static final ClassName TIME_UNIT = ClassName.get("org.apache.arrow.vector.types", "TimeUnit");

    private ColumnCode() {
    }

    /** The writer class of the column, in {@code dev.flexfun.runtime.vector}. */
    static ClassName writer(ColumnModel column) {
        String simpleName = switch (column.kind()) {
            case BOOL -> "BitWriter";
            case INT8 -> "TinyIntWriter";
            case INT16 -> "SmallIntWriter";
            case INT32 -> "IntWriter";
            case INT64 -> "BigIntWriter";
            case FLOAT32 -> "Float4Writer";
            case FLOAT64 -> "Float8Writer";
            case STRING, CHAR, ENUM, UUID -> "Utf8Writer";
            case BINARY -> "BinaryWriter";
            case DECIMAL -> "DecimalWriter";
            case DATE -> "DateDayWriter";
            case TIME -> "TimeWriter";
            case LOCAL_TIMESTAMP, ZONED_TIMESTAMP -> "TimestampWriter";
            case UNSUPPORTED -> throw new IllegalStateException("unsupported column " + column.name());
        };
        return ClassName.get(RuntimeTypes.VECTOR_PACKAGE, simpleName);
    }

    /** The expression that creates the column's Arrow field, e.g. {@code Fields.utf8("region", true)}. */
    static CodeBlock field(ColumnModel column) {
        String name = column.name();
        boolean nullable = column.nullable();
        return switch (column.kind()) {
            case BOOL -> CodeBlock.of("$T.bool($S, $L)", FIELDS, name, nullable);
            case INT8 -> CodeBlock.of("$T.signedInt($S, $L, 8)", FIELDS, name, nullable);
            case INT16 -> CodeBlock.of("$T.signedInt($S, $L, 16)", FIELDS, name, nullable);
            case INT32 -> CodeBlock.of("$T.signedInt($S, $L, 32)", FIELDS, name, nullable);
            case INT64 -> CodeBlock.of("$T.signedInt($S, $L, 64)", FIELDS, name, nullable);
            case FLOAT32 -> CodeBlock.of("$T.float32($S, $L)", FIELDS, name, nullable);
            case FLOAT64 -> CodeBlock.of("$T.float64($S, $L)", FIELDS, name, nullable);
            case STRING, CHAR, ENUM, UUID -> CodeBlock.of("$T.utf8($S, $L)", FIELDS, name, nullable);
            case BINARY -> CodeBlock.of("$T.binary($S, $L)", FIELDS, name, nullable);
            case DECIMAL -> CodeBlock.of("$T.decimal($S, $L, $L, $L)", FIELDS, name, nullable, column.precision(),
                    column.scale());
            case DATE -> CodeBlock.of("$T.dateDay($S, $L)", FIELDS, name, nullable);
            case TIME -> CodeBlock.of("$T.time($S, $L, $T.$L)", FIELDS, name, nullable, TIME_UNIT, column.unit());
            case LOCAL_TIMESTAMP -> CodeBlock.of("$T.timestamp($S, $L, $T.$L, null)", FIELDS, name, nullable,
                    TIME_UNIT, column.unit());
            case ZONED_TIMESTAMP -> CodeBlock.of("$T.timestamp($S, $L, $T.$L, $S)", FIELDS, name, nullable,
                    TIME_UNIT, column.unit(), column.effectiveTimeZone());
            case UNSUPPORTED -> throw new IllegalStateException("unsupported column " + name);
        };
    }

    /** The value to write for {@code row}: the accessor call, unwrapped from {@code Optional}. */
    static CodeBlock value(ColumnModel column, String row) {
        if (column.wrapper() == Wrapper.OPTIONAL) {
            return CodeBlock.of("orNull($N.$N())", row, column.accessor());
        }
        return CodeBlock.of("$N.$N()", row, column.accessor());
    }

    /** The writer field's name: the component's name plus "Column", so it cannot clash with the loop's locals. */
    static String fieldName(ColumnModel column) {
        return column.component().getSimpleName() + "Column";
    }
}
