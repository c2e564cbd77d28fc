package dev.flexfun.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @Param} binding.
 *
 * @param name       the key under {@code parameters}
 * @param required   {@code @Param(required)}; an {@code Optional} parameter is never required
 * @param optional   whether the parameter is {@code Optional<T>}
 * @param type       what the value converts to
 * @param valueType  {@code T}: the parameter's type, or its {@code Optional}'s type argument
 * @param primitive  whether {@code valueType} is a primitive
 * @param annotation the {@code @Param} mirror, for positions
 */
public record ParamModel(String name, boolean required, boolean optional, ParamType type, TypeMirror valueType,
        boolean primitive, AnnotationMirror annotation) {

    /** Whether a missing value fails the call. */
    public boolean mandatory() {
        return required && !optional;
    }
}
