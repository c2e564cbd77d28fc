package dev.flexfun.processor.model;

import javax.lang.model.element.VariableElement;

/** One parameter of a {@code @FlexFun} method. */
public record ParameterModel(VariableElement element, ParameterKind kind) {
}
