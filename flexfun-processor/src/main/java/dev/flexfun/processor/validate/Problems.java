package dev.flexfun.processor.validate;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports compile errors and counts them. */
public final class Problems {
    private final Messager messager;
    private int count;

    public Problems(Messager messager) {
        this.messager = messager;
    }

    public void error(Element element, String message) {
        count++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    /** An error positioned at {@code annotation} on {@code element} (when present). */
    public void error(Element element, AnnotationMirror annotation, String message) {
        count++;
        if (annotation == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
        }
    }

    /** An error not tied to an element (e.g. a bad processor option). */
    public void error(String message) {
        count++;
        messager.printMessage(Diagnostic.Kind.ERROR, message);
    }

    /** How many errors were reported so far. */
    public int count() {
        return count;
    }
}
