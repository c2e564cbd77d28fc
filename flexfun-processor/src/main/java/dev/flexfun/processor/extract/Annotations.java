package dev.flexfun.processor.extract;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Finds annotation mirrors, which give diagnostics a precise position. */
public final class Annotations {
    private Annotations() {
    }

    /** The mirror of the annotation {@code qualifiedName} on {@code element}, or {@code null}. */
    public static AnnotationMirror mirror(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }
}
