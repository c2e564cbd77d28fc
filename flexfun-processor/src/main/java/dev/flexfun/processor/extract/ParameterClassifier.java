package dev.flexfun.processor.extract;

import dev.flexfun.annotations.Columns;
import dev.flexfun.annotations.Headers;
import dev.flexfun.annotations.Param;
import dev.flexfun.processor.RuntimeTypes;
import dev.flexfun.processor.model.ParamModel;
import dev.flexfun.processor.model.ParamType;
import dev.flexfun.processor.model.ParameterKind;
import dev.flexfun.processor.model.ParameterModel;
import dev.flexfun.processor.model.TypeShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads what a {@code @FlexFun} method parameter receives: its binding annotation
 * ({@code @Param}, {@code @Columns}, {@code @Headers}) if any, else its type. Judges nothing.
 */
final class ParameterClassifier {
    private static final Map<TypeKind, ParamType> PRIMITIVES = Map.of(
            TypeKind.BOOLEAN, ParamType.BOOLEAN, TypeKind.CHAR, ParamType.CHAR, TypeKind.BYTE, ParamType.BYTE,
            TypeKind.SHORT, ParamType.SHORT, TypeKind.INT, ParamType.INT, TypeKind.LONG, ParamType.LONG,
            TypeKind.FLOAT, ParamType.FLOAT, TypeKind.DOUBLE, ParamType.DOUBLE);
    private static final Map<String, ParamType> DECLARED = Map.ofEntries(
            Map.entry("java.lang.String", ParamType.STRING),
            Map.entry("java.lang.Character", ParamType.CHAR),
            Map.entry("java.lang.Boolean", ParamType.BOOLEAN),
            Map.entry("java.lang.Byte", ParamType.BYTE),
            Map.entry("java.lang.Short", ParamType.SHORT),
            Map.entry("java.lang.Integer", ParamType.INT),
            Map.entry("java.lang.Long", ParamType.LONG),
            Map.entry("java.lang.Float", ParamType.FLOAT),
            Map.entry("java.lang.Double", ParamType.DOUBLE),
            Map.entry("java.math.BigDecimal", ParamType.BIG_DECIMAL),
            Map.entry("java.time.LocalDate", ParamType.LOCAL_DATE),
            Map.entry("java.time.Instant", ParamType.INSTANT),
            Map.entry(RuntimeTypes.CALL_CONTEXT, ParamType.CONTEXT),
            Map.entry(RuntimeTypes.EXECUTION_CONTEXT, ParamType.CONTEXT));

    private ParameterClassifier() {
    }

    static ParameterModel classify(VariableElement parameter) {
        TypeMirror type = parameter.asType();
        List<String> bindings = new ArrayList<>();
        Param param = parameter.getAnnotation(Param.class);
        if (param != null) {
            bindings.add("Param");
        }
        if (parameter.getAnnotation(Columns.class) != null) {
            bindings.add("Columns");
        }
        if (parameter.getAnnotation(Headers.class) != null) {
            bindings.add("Headers");
        }
        TypeShape shape = shape(type);
        ParameterKind kind;
        ParamModel model = null;
        if (param != null) {
            kind = ParameterKind.PARAM;
            model = param(param, type, parameter);
        } else if (bindings.contains("Columns")) {
            kind = ParameterKind.COLUMNS;
        } else if (bindings.contains("Headers")) {
            kind = ParameterKind.HEADERS;
        } else {
            kind = switch (shape) {
                case CALL_CONTEXT -> ParameterKind.CALL_CONTEXT;
                case EXECUTION_CONTEXT -> ParameterKind.EXECUTION_CONTEXT;
                case OPTIONAL_EXECUTION_CONTEXT -> ParameterKind.OPTIONAL_EXECUTION_CONTEXT;
                default -> ParameterKind.UNSUPPORTED;
            };
        }
        return new ParameterModel(parameter, kind, model, shape, List.copyOf(bindings));
    }

    private static ParamModel param(Param param, TypeMirror type, VariableElement parameter) {
        TypeMirror optionalOf = optionalArgument(type);
        TypeMirror valueType = optionalOf == null ? type : optionalOf;
        ParamType paramType = optionalOf == null && isOptional(type) ? ParamType.UNSUPPORTED : paramType(valueType);
        return new ParamModel(param.value(), param.required(), optionalOf != null, paramType, valueType,
                valueType.getKind().isPrimitive(), Annotations.mirror(parameter, Param.class.getCanonicalName()));
    }

    private static TypeShape shape(TypeMirror type) {
        if (isDeclared(type, RuntimeTypes.CALL_CONTEXT)) {
            return TypeShape.CALL_CONTEXT;
        }
        if (isDeclared(type, RuntimeTypes.EXECUTION_CONTEXT)) {
            return TypeShape.EXECUTION_CONTEXT;
        }
        TypeMirror optionalOf = optionalArgument(type);
        if (optionalOf != null && isDeclared(optionalOf, RuntimeTypes.EXECUTION_CONTEXT)) {
            return TypeShape.OPTIONAL_EXECUTION_CONTEXT;
        }
        List<? extends TypeMirror> set = typeArguments(type, "java.util.Set");
        if (set != null && set.size() == 1 && isDeclared(set.get(0), "java.lang.String")) {
            return TypeShape.COLUMNS_SET;
        }
        List<? extends TypeMirror> map = typeArguments(type, "java.util.Map");
        if (map != null && map.size() == 2 && isDeclared(map.get(0), "java.lang.String") && isStringList(map.get(1))) {
            return TypeShape.HEADERS_MAP;
        }
        ParamType bindable = paramType(optionalOf == null ? type : optionalOf);
        return bindable == ParamType.UNSUPPORTED || bindable == ParamType.CONTEXT ? TypeShape.OTHER : TypeShape.BINDABLE;
    }

    private static ParamType paramType(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return PRIMITIVES.getOrDefault(type.getKind(), ParamType.UNSUPPORTED);
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return ParamType.UNSUPPORTED;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        ParamType known = DECLARED.get(element.getQualifiedName().toString());
        if (known != null) {
            return known;
        }
        if (isStringList(type)) {
            return ParamType.STRING_LIST;
        }
        if (element.getKind() == ElementKind.ENUM) {
            return ParamType.ENUM;
        }
        if (element.getKind() == ElementKind.RECORD && element.getTypeParameters().isEmpty()) {
            return ParamType.RECORD;
        }
        return ParamType.UNSUPPORTED;
    }

    private static boolean isStringList(TypeMirror type) {
        List<? extends TypeMirror> list = typeArguments(type, "java.util.List");
        return list != null && list.size() == 1 && isDeclared(list.get(0), "java.lang.String");
    }

    private static boolean isOptional(TypeMirror type) {
        return isDeclared(type, "java.util.Optional");
    }

    /** {@code T} of {@code Optional<T>}; {@code null} for any other type (also a raw Optional). */
    private static TypeMirror optionalArgument(TypeMirror type) {
        List<? extends TypeMirror> arguments = typeArguments(type, "java.util.Optional");
        return arguments == null || arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED
                ? null : arguments.get(0);
    }

    /** The type arguments when {@code type} is the declared type {@code qualifiedName}, else {@code null}. */
    private static List<? extends TypeMirror> typeArguments(TypeMirror type, String qualifiedName) {
        return isDeclared(type, qualifiedName) ? ((DeclaredType) type).getTypeArguments() : null;
    }

    static boolean isDeclared(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }
}
