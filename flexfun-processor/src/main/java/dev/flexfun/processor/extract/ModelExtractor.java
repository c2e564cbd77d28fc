package dev.flexfun.processor.extract;

import dev.flexfun.annotations.Column;
import dev.flexfun.annotations.FlexFun;
import dev.flexfun.processor.RuntimeTypes;
import dev.flexfun.processor.model.ClassFunctionModel;
import dev.flexfun.processor.model.ColumnModel;
import dev.flexfun.processor.model.FunctionModel;
import dev.flexfun.processor.model.HookKind;
import dev.flexfun.processor.model.HookModel;
import dev.flexfun.processor.model.ParameterModel;
import dev.flexfun.processor.model.ReturnKind;
import dev.flexfun.processor.model.Wrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** Reads {@code @FlexFun}, {@code @OnLoad} and {@code @OnShutdown} elements into the model, without judging them. */
public final class ModelExtractor {
    private static final String FLEX_FUN = FlexFun.class.getCanonicalName();
    private static final Map<String, ReturnKind> CONTAINERS = Map.of(
            "java.util.List", ReturnKind.LIST,
            "java.util.Collection", ReturnKind.COLLECTION,
            "java.lang.Iterable", ReturnKind.ITERABLE,
            "java.util.Iterator", ReturnKind.ITERATOR,
            "java.util.stream.Stream", ReturnKind.STREAM);
    /** Simple names of type-use annotations that make a reference column non-nullable. */
    private static final Set<String> NON_NULL = Set.of("NonNull", "NotNull", "Nonnull");

    private final ProcessingEnvironment env;
    private final Types types;

    public ModelExtractor(ProcessingEnvironment env) {
        this.env = env;
        this.types = env.getTypeUtils();
    }

    /** The model of a {@code @FlexFun} method. */
    public FunctionModel function(ExecutableElement method) {
        FlexFun annotation = method.getAnnotation(FlexFun.class);
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String name = annotation.name().isEmpty() ? method.getSimpleName().toString() : annotation.name();

        TypeMirror returnType = method.getReturnType();
        ReturnKind kind = returnKind(returnType);
        TypeMirror rowType = rowType(returnType, kind);
        TypeElement record = asRecord(rowType);
        List<ColumnModel> columns = record == null ? List.of() : columns(record);

        List<ParameterModel> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(ParameterClassifier.classify(parameter));
        }
        return new FunctionModel(method, Annotations.mirror(method, FLEX_FUN), owner, name, annotation.description(),
                annotation.metadata(), method.getModifiers().contains(Modifier.STATIC), kind, rowType, record,
                columns, List.copyOf(parameters));
    }

    /** The model of a class annotated {@code @FlexFun}. */
    public ClassFunctionModel classFunction(TypeElement type) {
        FlexFun annotation = type.getAnnotation(FlexFun.class);
        String name = annotation.name().isEmpty() ? type.getSimpleName().toString() : annotation.name();
        TypeElement contract = env.getElementUtils().getTypeElement(RuntimeTypes.FLEX_FUNCTION);
        boolean implementsContract = contract != null
                && types.isAssignable(types.erasure(type.asType()), types.erasure(contract.asType()));
        return new ClassFunctionModel(type, Annotations.mirror(type, FLEX_FUN), name, implementsContract,
                !annotation.description().isEmpty() || !annotation.metadata().isEmpty());
    }

    /** The model of an {@code @OnLoad} or {@code @OnShutdown} method. */
    public HookModel hook(HookKind kind, ExecutableElement method) {
        List<String> parameterTypes = method.getParameters().stream().map(p -> p.asType().toString()).toList();
        boolean takesServer = parameterTypes.size() == 1
                && isDeclared(method.getParameters().get(0).asType(), RuntimeTypes.SERVER_CONTEXT);
        return new HookModel(kind, method, (TypeElement) method.getEnclosingElement(), parameterTypes, takesServer);
    }

    private static ReturnKind returnKind(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return ReturnKind.ARRAY;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return ReturnKind.UNSUPPORTED;
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        ReturnKind container = CONTAINERS.get(element.getQualifiedName().toString());
        if (container == null) {
            return element.getKind() == ElementKind.RECORD ? ReturnKind.RECORD : ReturnKind.UNSUPPORTED;
        }
        if (declared.getTypeArguments().isEmpty()) {
            return ReturnKind.RAW_CONTAINER;
        }
        if (declared.getTypeArguments().get(0).getKind() == TypeKind.WILDCARD) {
            return ReturnKind.WILDCARD_CONTAINER;
        }
        return container;
    }

    /** The type of one row: the element type of a container or array, else the type itself. */
    private static TypeMirror rowType(TypeMirror type, ReturnKind kind) {
        return switch (kind) {
            case ARRAY -> ((ArrayType) type).getComponentType();
            case LIST, COLLECTION, ITERABLE, ITERATOR, STREAM -> ((DeclaredType) type).getTypeArguments().get(0);
            default -> type;
        };
    }

    private static TypeElement asRecord(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED) {
            Element element = ((DeclaredType) type).asElement();
            if (element.getKind() == ElementKind.RECORD) {
                return (TypeElement) element;
            }
        }
        return null;
    }

    private List<ColumnModel> columns(TypeElement record) {
        List<ColumnModel> columns = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            columns.add(column(component));
        }
        return List.copyOf(columns);
    }

    private ColumnModel column(RecordComponentElement component) {
        Column column = component.getAnnotation(Column.class);
        TypeMirror type = component.asType();
        TypeClassifier.Classified classified = TypeClassifier.classify(type);
        String componentName = component.getSimpleName().toString();
        String name = column == null || column.name().isEmpty() ? componentName : column.name();
        Column.Nullability nullability = column == null ? Column.Nullability.DEFAULT : column.nullable();
        boolean nullable;
        if (classified.primitive()) {
            nullable = false;
        } else if (classified.wrapper() != Wrapper.NONE) {
            nullable = true;
        } else if (nullability != Column.Nullability.DEFAULT) {
            nullable = nullability == Column.Nullability.NULLABLE;
        } else {
            nullable = !hasNonNullAnnotation(component);
        }
        Column.TimeUnit unit = column == null ? Column.TimeUnit.DEFAULT : column.unit();
        return new ColumnModel(component, fieldOf(component),
                component.getAccessor().getSimpleName().toString(), name, type, classified.kind(),
                classified.wrapper(), classified.primitive(), nullable, nullability.name(),
                column == null ? -1 : column.precision(), column == null ? -1 : column.scale(),
                unit == Column.TimeUnit.DEFAULT ? "MICROSECOND" : unit.name(), unit != Column.TimeUnit.DEFAULT,
                column == null ? "" : column.timeZone());
    }

    /** The private field backing {@code component}, or the component when there is none. */
    private static Element fieldOf(RecordComponentElement component) {
        for (VariableElement field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
            if (field.getSimpleName().equals(component.getSimpleName())) {
                return field;
            }
        }
        return component;
    }

    /** A {@code @NonNull}/{@code @NotNull} on the component's type (type-use) or on the component itself. */
    private static boolean hasNonNullAnnotation(RecordComponentElement component) {
        List<AnnotationMirror> mirrors = new ArrayList<>(component.getAnnotationMirrors());
        mirrors.addAll(component.asType().getAnnotationMirrors());
        mirrors.addAll(component.getAccessor().getReturnType().getAnnotationMirrors());
        for (AnnotationMirror mirror : mirrors) {
            if (NON_NULL.contains(mirror.getAnnotationType().asElement().getSimpleName().toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDeclared(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }
}
