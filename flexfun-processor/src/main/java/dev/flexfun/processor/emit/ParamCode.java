package dev.flexfun.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.flexfun.processor.RuntimeTypes;
import dev.flexfun.processor.model.ParamModel;
import java.util.Optional;

/** The expression that reads one {@code @Param} value: a call of the runtime's {@code ParameterBinder}. */
final class ParamCode {
    private static final ClassName BINDER = ClassName.bestGuess(RuntimeTypes.PARAMETER_BINDER);

    private ParamCode() {
    }

    /**
     * {@code ParameterBinder.intValue(parameters, "limit", true)}, wrapped in
     * {@code Optional.ofNullable(..)} for an {@code Optional} parameter. A primitive parameter is
     * always required, so the boxed value the binder returns is never null when it is unboxed.
     */
    static CodeBlock binding(ParamModel param, String parameters) {
        CodeBlock read = CodeBlock.of("$T.$N($N, $S, $L$L)", BINDER, method(param), parameters, param.name(),
                param.mandatory(), extraArgument(param));
        return param.optional() ? CodeBlock.of("$T.ofNullable($L)", Optional.class, read) : read;
    }

    private static String method(ParamModel param) {
        return switch (param.type()) {
            case STRING -> "string";
            case CHAR -> "character";
            case BOOLEAN -> "bool";
            case BYTE -> "byteValue";
            case SHORT -> "shortValue";
            case INT -> "intValue";
            case LONG -> "longValue";
            case FLOAT -> "floatValue";
            case DOUBLE -> "doubleValue";
            case BIG_DECIMAL -> "decimal";
            case LOCAL_DATE -> "date";
            case INSTANT -> "instant";
            case ENUM -> "enumValue";
            case STRING_LIST -> "stringList";
            case RECORD -> "object";
            case CONTEXT, UNSUPPORTED -> throw new IllegalStateException("cannot bind " + param.valueType());
        };
    }

    /** Enums pass their constants ({@code values()}), records their class (for Jackson). */
    private static CodeBlock extraArgument(ParamModel param) {
        return switch (param.type()) {
            case ENUM -> CodeBlock.of(", $T.values()", TypeName.get(param.valueType()));
            case RECORD -> CodeBlock.of(", $T.class", TypeName.get(param.valueType()));
            default -> CodeBlock.of("");
        };
    }
}
