package dev.flexfun.processor.extract;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds a type an element needs that does not exist yet: javac shows a type that another annotation
 * processor will generate in a later round as an error type. Such an element is processed in a later
 * round, once the type exists (as AutoValue and auto-common's BasicAnnotationProcessor do), instead of
 * being judged on a type that is not there.
 *
 * <p>Looks at a method's return and parameter types, a class's supertypes, and, through type arguments
 * and arrays, the components of the records they name.
 */
public final class MissingTypes {
    private MissingTypes() {
    }

    /** The first missing type {@code element} depends on, as written in the source. */
    public static Optional<String> of(Element element) {
        Set<Element> seen = new HashSet<>();
        if (element instanceof ExecutableElement method) {
            Optional<String> missing = in(method.getReturnType(), seen);
            for (VariableElement parameter : method.getParameters()) {
                missing = missing.or(() -> in(parameter.asType(), seen));
            }
            return missing;
        }
        if (element instanceof TypeElement type) {
            Optional<String> missing = in(type.getSuperclass(), seen);
            for (TypeMirror implemented : type.getInterfaces()) {
                missing = missing.or(() -> in(implemented, seen));
            }
            return missing;
        }
        return Optional.empty();
    }

    private static Optional<String> in(TypeMirror type, Set<Element> seen) {
        if (type.getKind() == TypeKind.ERROR) {
            return Optional.of(type.toString());
        }
        if (type instanceof ArrayType array) {
            return in(array.getComponentType(), seen);
        }
        if (!(type instanceof DeclaredType declared)) {
            return Optional.empty();
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
            Optional<String> missing = in(argument, seen);
            if (missing.isPresent()) {
                return missing;
            }
        }
        Element named = declared.asElement();
        if (named.getKind() == ElementKind.RECORD && seen.add(named)) {
            for (RecordComponentElement component : ((TypeElement) named).getRecordComponents()) {
                Optional<String> missing = in(component.asType(), seen);
                if (missing.isPresent()) {
                    return missing;
                }
            }
        }
        return Optional.empty();
    }
}
