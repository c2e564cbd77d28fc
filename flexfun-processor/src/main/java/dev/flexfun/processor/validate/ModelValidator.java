package dev.flexfun.processor.validate;

import dev.flexfun.processor.RuntimeTypes;
import dev.flexfun.processor.model.ClassFunctionModel;
import dev.flexfun.processor.model.ColumnModel;
import dev.flexfun.processor.model.FunctionModel;
import dev.flexfun.processor.model.HookModel;
import dev.flexfun.processor.model.ParameterKind;
import dev.flexfun.processor.model.ParameterModel;
import dev.flexfun.processor.model.ParamModel;
import dev.flexfun.processor.model.ParamType;
import dev.flexfun.processor.model.TypeShape;
import dev.flexfun.processor.model.ValueKind;
import dev.flexfun.processor.model.Wrapper;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Checks functions and hooks; each method reports its problems and says whether the item is valid. */
public final class ModelValidator {
    private static final String RETURN_TYPES = "a record R, List<R>, Collection<R>, Iterable<R>, Iterator<R>, "
            + "Stream<R> or R[]";

    private final Problems problems;

    public ModelValidator(Problems problems) {
        this.problems = problems;
    }

    /** Checks a {@code @FlexFun} method; returns whether an adapter can be generated. */
    public boolean validate(FunctionModel function) {
        int before = problems.count();
        ExecutableElement method = function.method();
        String what = "@FlexFun method " + method.getSimpleName() + "()";
        checkName(function.name(), method, function);
        checkMetadata(function.metadata(), function);

        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            problems.error(method, what + " must not be private: the generated adapter in the same package calls it."
                    + " Make it package-private or public.");
        }
        String ownerProblem = Access.whyInaccessible(function.owner(), Access.packageOf(method));
        if (ownerProblem != null) {
            problems.error(method, what + " is declared in a class the generated adapter cannot reach ("
                    + ownerProblem + "). Make the class package-private or public.");
        } else if (!function.isStatic()) {
            checkInstantiable(function, what);
        }
        if (!method.getTypeParameters().isEmpty()) {
            problems.error(method, what + " must not be generic (it declares <" + method.getTypeParameters().stream()
                    .map(Object::toString).collect(java.util.stream.Collectors.joining(", "))
                    + ">): the schema must be known at compile time. Return a concrete record type.");
        } else {
            checkReturnType(function, what);
        }
        checkParameters(function, what);
        return problems.count() == before && !mentionsUnresolvedTypes(function);
    }

    /**
     * Whether the function uses a type javac could not resolve. javac reports those itself
     * ("cannot find symbol"); the processor adds no error of its own and generates nothing.
     */
    private static boolean mentionsUnresolvedTypes(FunctionModel function) {
        return isUnresolved(function.method().getReturnType()) || isUnresolved(function.rowType())
                || function.columns().stream().anyMatch(c -> isUnresolved(c.type()))
                || function.parameters().stream().anyMatch(p -> isUnresolved(p.element().asType()));
    }

    private static boolean isUnresolved(TypeMirror type) {
        return type.getKind() == TypeKind.ERROR;
    }

    private void checkInstantiable(FunctionModel function, String what) {
        TypeElement owner = function.owner();
        String simple = owner.getSimpleName().toString();
        String fix = " Add a no-arg constructor that is not private, or make the method static.";
        if (owner.getKind() != ElementKind.CLASS || owner.getModifiers().contains(Modifier.ABSTRACT)) {
            problems.error(function.method(), what + " is not static, and " + simple + " is abstract or not a class,"
                    + " so no instance can be created for a call. Make the method static.");
        } else if (Access.isInner(owner)) {
            problems.error(function.method(), what + " is not static, and " + simple + " is an inner class (not"
                    + " static), so no instance can be created for a call. Make the class static, or the method.");
        } else if (!Access.hasNoArgConstructor(owner, false)) {
            problems.error(function.method(), what + " is not static, so every call creates a new " + simple
                    + ", but " + simple + " has no accessible no-arg constructor." + fix);
        }
    }

    private void checkReturnType(FunctionModel function, String what) {
        ExecutableElement method = function.method();
        String returnType = method.getReturnType().toString();
        switch (function.returnKind()) {
            case RAW_CONTAINER -> problems.error(method, what + " returns the raw type " + returnType
                    + "; give its record type, e.g. " + returnType + "<MyRecord>.");
            case WILDCARD_CONTAINER -> problems.error(method, what + " returns " + returnType
                    + "; wildcards are not supported. Declare the record type exactly, e.g. "
                    + returnType.substring(0, returnType.indexOf('<')) + "<MyRecord>.");
            case UNSUPPORTED -> reportUnlessUnresolved(function.rowType(), method, what + " returns " + returnType
                    + ", which is not a record nor a supported container of one. Return " + RETURN_TYPES + ".");
            default -> {
                if (function.record() == null) {
                    reportUnlessUnresolved(function.rowType(), method, what + " returns " + returnType
                            + ", but " + function.rowType() + " is not a record. Return " + RETURN_TYPES
                            + ", where R is a record.");
                } else {
                    checkRecord(function, what);
                }
            }
        }
    }

    private void checkRecord(FunctionModel function, String what) {
        TypeElement record = function.record();
        String problem = Access.whyInaccessible(record, Access.packageOf(function.method()));
        if (problem != null) {
            problems.error(function.method(), what + " returns rows of " + record.getSimpleName()
                    + ", which the generated adapter cannot read (" + problem + "). Make the record"
                    + " package-private or public (public if it is in another package).");
        }
        if (!record.getTypeParameters().isEmpty()) {
            problems.error(function.method(), what + " returns rows of the generic record " + record.getSimpleName()
                    + "; the column types must be known at compile time. Use a record without type parameters.");
            return;
        }
        if (function.columns().isEmpty()) {
            problems.error(function.method(), what + " returns rows of " + record.getSimpleName()
                    + ", which has no components; a function needs at least one column.");
        }
        Map<String, ColumnModel> byName = new HashMap<>();
        for (ColumnModel column : function.columns()) {
            checkColumn(column, record);
            ColumnModel earlier = byName.putIfAbsent(column.name(), column);
            if (earlier != null) {
                String message = "Duplicate column name '" + column.name() + "' in " + record.getSimpleName()
                        + ": components '" + earlier.component().getSimpleName() + "' and '"
                        + column.component().getSimpleName() + "' both map to it. Rename one with @Column(name = ...).";
                problems.error(earlier.position(), message);
                problems.error(column.position(), message);
            }
        }
    }

    private void checkColumn(ColumnModel column, TypeElement record) {
        String component = "Component '" + column.component().getSimpleName() + "' of " + record.getSimpleName();
        if (column.kind() == ValueKind.UNSUPPORTED) {
            reportUnlessUnresolved(column.type(), column.position(), component + " has type " + column.type()
                    + ", which cannot be a column. Supported types: " + ValueKind.SUPPORTED_JAVA_TYPES + ".");
            return;
        }
        if (column.name().isBlank()) {
            problems.error(column.position(), component
                    + ": @Column(name) must not be blank; leave it out to use the component's name.");
        }
        if (column.primitive() && column.nullability().equals("NULLABLE")) {
            problems.error(column.position(), component + " is a primitive " + column.type()
                    + ", which is never null, so it cannot be nullable. Use the boxed type to allow nulls.");
        }
        if (column.wrapper() != Wrapper.NONE && column.nullability().equals("NOT_NULL")) {
            problems.error(column.position(), component + " is an " + column.type()
                    + ", which is always nullable (empty means null). Use the plain type for a non-nullable column.");
        }
        if (column.kind() == ValueKind.DECIMAL) {
            checkDecimal(column, component);
        } else if (column.precision() != -1 || column.scale() != -1) {
            problems.error(column.position(), component
                    + ": @Column(precision, scale) apply only to BigDecimal; remove them.");
        }
        if (column.unitSet() && !column.kind().hasTimeUnit()) {
            problems.error(column.position(), component
                    + ": @Column(unit) applies only to LocalTime and timestamp types; remove it.");
        }
        if (!column.timeZone().isEmpty()) {
            if (column.kind() != ValueKind.ZONED_TIMESTAMP) {
                problems.error(column.position(), component + ": @Column(timeZone) applies only to"
                        + " Instant, OffsetDateTime and ZonedDateTime (a LocalDateTime has no zone); remove it.");
            } else {
                try {
                    ZoneId.of(column.timeZone());
                } catch (DateTimeException e) {
                    problems.error(column.position(), component + ": @Column(timeZone = \""
                            + column.timeZone() + "\") is not a time zone id; use e.g. \"UTC\" or \"Europe/Prague\".");
                }
            }
        }
    }

    private void checkDecimal(ColumnModel column, String component) {
        if (column.precision() == -1 || column.scale() == -1) {
            problems.error(column.position(), component + " is a BigDecimal, which needs a precision and a scale:"
                    + " add @Column(precision = ..., scale = ...), e.g. @Column(precision = 18, scale = 2)"
                    + " (precision 1..38, scale 0..precision).");
        } else if (column.precision() < 1 || column.precision() > 38 || column.scale() < 0
                || column.scale() > column.precision()) {
            problems.error(column.position(), component + " has @Column(precision = "
                    + column.precision() + ", scale = " + column.scale() + "); the precision must be 1..38 and the"
                    + " scale 0..precision.");
        }
    }

    private void checkParameters(FunctionModel function, String what) {
        Map<ParameterKind, ParameterModel> singles = new EnumMap<>(ParameterKind.class);
        Map<String, ParameterModel> boundNames = new HashMap<>();
        for (ParameterModel parameter : function.parameters()) {
            String name = "Parameter '" + parameter.element().getSimpleName() + "' of " + what;
            TypeMirror type = parameter.element().asType();
            if (isUnresolved(type)) {
                continue; // javac reports it
            }
            if (parameter.bindings().size() > 1) {
                problems.error(parameter.element(), name + " has " + parameter.bindings().stream().map(b -> "@" + b)
                        .collect(java.util.stream.Collectors.joining(" and ")) + "; a parameter has one binding."
                        + " Keep one annotation.");
                continue;
            }
            switch (parameter.kind()) {
                case PARAM -> checkParam(parameter, name, boundNames, function);
                case COLUMNS -> checkShape(parameter, name, TypeShape.COLUMNS_SET, "@Columns", "java.util.Set<String>");
                case HEADERS -> checkShape(parameter, name, TypeShape.HEADERS_MAP, "@Headers",
                        "java.util.Map<String, java.util.List<String>>");
                case UNSUPPORTED -> problems.error(parameter.element(), name + " has type " + type
                        + unboundHint(parameter.shape()));
                default -> {
                }
            }
            ParameterKind single = parameter.kind() == ParameterKind.OPTIONAL_EXECUTION_CONTEXT
                    ? ParameterKind.EXECUTION_CONTEXT : parameter.kind();
            if (single != ParameterKind.PARAM && single != ParameterKind.UNSUPPORTED) {
                ParameterModel earlier = singles.putIfAbsent(single, parameter);
                if (earlier != null) {
                    problems.error(parameter.element(), name + " receives the " + describe(single)
                            + " again (parameter '" + earlier.element().getSimpleName() + "' already does); take it once.");
                }
            }
        }
    }

    private static String describe(ParameterKind kind) {
        return switch (kind) {
            case CALL_CONTEXT -> "CallContext";
            case EXECUTION_CONTEXT, OPTIONAL_EXECUTION_CONTEXT -> "ExecutionContext";
            case COLUMNS -> "columns (@Columns)";
            case HEADERS -> "headers (@Headers)";
            default -> kind.name();
        };
    }

    /** Why a parameter without a binding annotation cannot be given a value, and what would fix it. */
    private static String unboundHint(TypeShape shape) {
        String kinds = ". A @FlexFun method can take, in any order: " + RuntimeTypes.CALL_CONTEXT + ", "
                + RuntimeTypes.EXECUTION_CONTEXT + " (or Optional<ExecutionContext>), @Param(\"name\") values,"
                + " @Columns Set<String> and @Headers Map<String, List<String>>.";
        return switch (shape) {
            case BINDABLE -> " but no binding: annotate it with @Param(\"name\") to bind parameters.name"
                    + " (the parameter's own name is not used).";
            case COLUMNS_SET -> " but no binding: annotate it with @Columns to receive the columns the call needs.";
            case HEADERS_MAP -> " but no binding: annotate it with @Headers to receive the call's headers.";
            default -> ", which a function cannot receive" + kinds;
        };
    }

    private void checkShape(ParameterModel parameter, String name, TypeShape expected, String annotation,
            String type) {
        if (parameter.shape() != expected) {
            problems.error(parameter.element(), name + " is annotated " + annotation + ", which needs the type " + type
                    + ", but it is " + parameter.element().asType() + ".");
        }
    }

    private void checkParam(ParameterModel parameter, String name, Map<String, ParameterModel> boundNames,
            FunctionModel function) {
        ParamModel param = parameter.param();
        Element element = parameter.element();
        switch (param.type()) {
            case CONTEXT -> {
                problems.error(element, name + " is a " + element.asType() + ", which is injected by its type;"
                        + " remove @Param.");
                return;
            }
            case UNSUPPORTED -> {
                problems.error(element, name + ": @Param cannot bind the type " + element.asType() + ". Supported: "
                        + ParamType.SUPPORTED_JAVA_TYPES + ".");
                return;
            }
            case ENUM, RECORD -> {
                TypeElement type = (TypeElement) ((DeclaredType) param.valueType()).asElement();
                String problem = Access.whyInaccessible(type, Access.packageOf(function.method()));
                if (problem != null) {
                    problems.error(element, name + " has the type " + type.getSimpleName() + ", which the generated"
                            + " adapter cannot reach (" + problem + "). Make it package-private or public.");
                }
            }
            default -> {
            }
        }
        if (param.name().isBlank()) {
            problems.error(element, name + ": @Param needs the name of the value under parameters, e.g."
                    + " @Param(\"region\").");
            return;
        }
        if (param.name().equals("executionContext")) {
            problems.error(element, name + ": parameters.executionContext is the execution context; take an "
                    + RuntimeTypes.EXECUTION_CONTEXT + " (or Optional<ExecutionContext>) parameter without @Param.");
        } else if (param.name().equals("columns")) {
            problems.error(element, name + ": parameters.columns is the columns hint; take it as"
                    + " @Columns Set<String> instead of @Param(\"columns\").");
        }
        if (param.primitive() && !param.required()) {
            String boxed = switch (param.type()) {
                case INT -> "Integer";
                case CHAR -> "Character";
                default -> {
                    String primitive = param.valueType().toString();
                    yield Character.toUpperCase(primitive.charAt(0)) + primitive.substring(1);
                }
            };
            problems.error(element, name + " is a primitive " + param.valueType() + ", which cannot be optional"
                    + " (@Param(required = false)) without a default: use " + boxed + " (null when absent) or Optional<"
                    + boxed + ">, or make it required.");
        }
        ParameterModel earlier = boundNames.putIfAbsent(param.name(), parameter);
        if (earlier != null) {
            problems.error(element, name + " binds parameters." + param.name() + ", which parameter '"
                    + earlier.element().getSimpleName() + "' binds already; bind each value once.");
        }
    }

    private void reportUnlessUnresolved(TypeMirror type, Element element, String message) {
        if (!isUnresolved(type)) {
            problems.error(element, message);
        }
    }

    /** Checks a class annotated {@code @FlexFun}; returns whether it can be registered. */
    public boolean validate(ClassFunctionModel function) {
        int before = problems.count();
        TypeElement type = function.type();
        String what = "@FlexFun class " + type.getSimpleName();
        checkName(function.name(), type, null);
        if (!function.implementsFlexFunction()) {
            problems.error(type, what + " does not implement " + RuntimeTypes.FLEX_FUNCTION
                    + ". Implement it (name, schema, call) to register the class as it is, or put @FlexFun on"
                    + " a method that returns records instead.");
            return false;
        }
        if (function.describedByAnnotation()) {
            problems.error(type, function.annotation(), what + " sets description or metadata in @FlexFun, but a"
                    + " hand-written FlexFunction gives them itself: override description() and metadataJson()"
                    + " instead, and keep only name (if any) in the annotation.");
        }
        String inaccessible = Access.whyInaccessible(type, "");
        if (inaccessible != null || type.getModifiers().contains(Modifier.ABSTRACT) || Access.isInner(type)
                || !Access.hasNoArgConstructor(type, true)) {
            problems.error(type, what + " must be a public, non-abstract (and, if nested, static) class with a"
                    + " public no-arg constructor: the generated registry creates it with new "
                    + type.getSimpleName() + "().");
        }
        return problems.count() == before;
    }

    /** Checks an {@code @OnLoad} or {@code @OnShutdown} method; returns whether it can be registered. */
    public boolean validate(HookModel hook) {
        ExecutableElement method = hook.method();
        StringBuilder wrong = new StringBuilder();
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            wrong.append(" it is not static;");
        }
        if (!method.getModifiers().contains(Modifier.PUBLIC)) {
            wrong.append(" it is not public;");
        }
        if (method.getReturnType().getKind() != TypeKind.VOID) {
            wrong.append(" it returns ").append(method.getReturnType()).append(';');
        }
        if (!hook.parameterTypes().isEmpty() && !hook.takesServerContext()) {
            wrong.append(" it takes (").append(String.join(", ", hook.parameterTypes())).append(");");
        }
        if (!method.getTypeParameters().isEmpty()) {
            wrong.append(" it is generic;");
        }
        String inaccessible = Access.whyInaccessible(hook.owner(), "");
        if (inaccessible != null) {
            wrong.append(' ').append(inaccessible).append(';');
        }
        if (wrong.length() == 0) {
            return true;
        }
        wrong.setLength(wrong.length() - 1);
        problems.error(method, hook.kind().annotation() + " method " + method.getSimpleName() + "() must be public static void, in a"
                + " public class, and take no parameters or one " + RuntimeTypes.SERVER_CONTEXT + ", but" + wrong + ".");
        return false;
    }

    private void checkName(String name, Element element, FunctionModel function) {
        if (name.isBlank()) {
            problems.error(element, function == null ? null : function.annotation(), "@FlexFun(name) must not be"
                    + " blank; give the name clients call the function by, or leave it out to use the "
                    + (function == null ? "class" : "method") + " name.");
        }
    }

    private void checkMetadata(String metadata, FunctionModel function) {
        if (metadata.isEmpty()) {
            return;
        }
        try {
            JsonObjectText.compact(metadata);
        } catch (JsonObjectText.InvalidJson e) {
            problems.error(function.method(), function.annotation(), "@FlexFun(metadata) is not a JSON object: "
                    + e.getMessage() + ". Write a JSON object literal, e.g. metadata = \"{\\\"tags\\\":[\\\"demo\\\"]}\".");
        }
    }
}
