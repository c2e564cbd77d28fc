package dev.flexfun.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A class annotated {@code @FlexFun}: a hand-written {@code FlexFunction}, registered as it is.
 *
 * @param type       the class
 * @param annotation its {@code @FlexFun}
 * @param name       the name for duplicate checks ({@code @FlexFun(name)} or the simple name)
 * @param implementsFlexFunction whether it implements {@code dev.flexfun.runtime.FlexFunction}
 * @param describedByAnnotation  whether {@code @FlexFun} sets a description or metadata (which a class
 *                               gives through its own methods instead)
 */
public record ClassFunctionModel(TypeElement type, AnnotationMirror annotation, String name,
        boolean implementsFlexFunction, boolean describedByAnnotation) {
}
