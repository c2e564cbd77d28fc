package dev.flexfun.processor.model;

import java.util.List;
import javax.lang.model.element.VariableElement;

/**
 * One parameter of a {@code @FlexFun} method.
 *
 * @param element  the parameter
 * @param kind     what it receives
 * @param param    the {@code @Param} binding when {@code kind} is {@link ParameterKind#PARAM}, else {@code null}
 * @param shape    what the type alone suggests
 * @param bindings simple names of the binding annotations on it ({@code Param}, {@code Columns},
 *                 {@code Headers}); more than one is an error
 */
public record ParameterModel(VariableElement element, ParameterKind kind, ParamModel param, TypeShape shape,
        List<String> bindings) {
}
