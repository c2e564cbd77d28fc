package dev.flexfun.processor.extract;

import dev.flexfun.processor.model.ValueKind;
import dev.flexfun.processor.model.Wrapper;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps a component's Java type to the kind of value it holds (the type table of the docs). */
final class TypeClassifier {
    /** What a component type is: its value kind, how it is wrapped, whether it is primitive. */
    record Classified(ValueKind kind, Wrapper wrapper, boolean primitive) {
        static final Classified UNSUPPORTED = new Classified(ValueKind.UNSUPPORTED, Wrapper.NONE, false);
    }

    private static final Map<TypeKind, ValueKind> PRIMITIVES = Map.of(
            TypeKind.BOOLEAN, ValueKind.BOOL,
            TypeKind.BYTE, ValueKind.INT8,
            TypeKind.SHORT, ValueKind.INT16,
            TypeKind.INT, ValueKind.INT32,
            TypeKind.LONG, ValueKind.INT64,
            TypeKind.FLOAT, ValueKind.FLOAT32,
            TypeKind.DOUBLE, ValueKind.FLOAT64,
            TypeKind.CHAR, ValueKind.CHAR);

    private static final Map<String, ValueKind> REFERENCES = Map.ofEntries(
            Map.entry("java.lang.Boolean", ValueKind.BOOL),
            Map.entry("java.lang.Byte", ValueKind.INT8),
            Map.entry("java.lang.Short", ValueKind.INT16),
            Map.entry("java.lang.Integer", ValueKind.INT32),
            Map.entry("java.lang.Long", ValueKind.INT64),
            Map.entry("java.lang.Float", ValueKind.FLOAT32),
            Map.entry("java.lang.Double", ValueKind.FLOAT64),
            Map.entry("java.lang.String", ValueKind.STRING),
            Map.entry("java.lang.Character", ValueKind.CHAR),
            Map.entry("java.util.UUID", ValueKind.UUID),
            Map.entry("java.math.BigDecimal", ValueKind.DECIMAL),
            Map.entry("java.time.LocalDate", ValueKind.DATE),
            Map.entry("java.time.LocalTime", ValueKind.TIME),
            Map.entry("java.time.LocalDateTime", ValueKind.LOCAL_TIMESTAMP),
            Map.entry("java.time.Instant", ValueKind.ZONED_TIMESTAMP),
            Map.entry("java.time.OffsetDateTime", ValueKind.ZONED_TIMESTAMP),
            Map.entry("java.time.ZonedDateTime", ValueKind.ZONED_TIMESTAMP));

    private static final Map<String, ValueKind> OPTIONAL_PRIMITIVES = Map.of(
            "java.util.OptionalInt", ValueKind.INT32,
            "java.util.OptionalLong", ValueKind.INT64,
            "java.util.OptionalDouble", ValueKind.FLOAT64);

    private TypeClassifier() {
    }

    static Classified classify(TypeMirror type) {
        ValueKind primitive = PRIMITIVES.get(type.getKind());
        if (primitive != null) {
            return new Classified(primitive, Wrapper.NONE, true);
        }
        if (type.getKind() == TypeKind.ARRAY) {
            boolean bytes = ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
            return bytes ? new Classified(ValueKind.BINARY, Wrapper.NONE, false) : Classified.UNSUPPORTED;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return Classified.UNSUPPORTED;
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        if (element.getKind() == ElementKind.ENUM) {
            return new Classified(ValueKind.ENUM, Wrapper.NONE, false);
        }
        ValueKind reference = REFERENCES.get(name);
        if (reference != null) {
            return new Classified(reference, Wrapper.NONE, false);
        }
        ValueKind optionalPrimitive = OPTIONAL_PRIMITIVES.get(name);
        if (optionalPrimitive != null) {
            return new Classified(optionalPrimitive, Wrapper.OPTIONAL_PRIMITIVE, false);
        }
        if (name.equals("java.util.Optional")) {
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            if (arguments.size() != 1) {
                return Classified.UNSUPPORTED;
            }
            Classified inner = classify(arguments.get(0));
            if (inner.wrapper() != Wrapper.NONE || inner.kind() == ValueKind.UNSUPPORTED) {
                return Classified.UNSUPPORTED;
            }
            return new Classified(inner.kind(), Wrapper.OPTIONAL, false);
        }
        return Classified.UNSUPPORTED;
    }
}
