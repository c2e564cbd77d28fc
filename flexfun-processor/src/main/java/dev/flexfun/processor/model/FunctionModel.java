package dev.flexfun.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @FlexFun} method: the function it defines and how to call it.
 *
 * @param method      the annotated method
 * @param annotation  its {@code @FlexFun}
 * @param owner       the class declaring the method
 * @param name        the function name (the method's name unless {@code @FlexFun(name)} sets one)
 * @param description {@code @FlexFun(description)}
 * @param metadata    {@code @FlexFun(metadata)} as written, the empty string when not set
 * @param isStatic    whether the method is static (else: a new owner instance per call)
 * @param returnKind  how the method returns its records
 * @param rowType     the record type (the element type of a container), or the return type when unsupported
 * @param record      the record's element, or {@code null} when {@code rowType} is not a record
 * @param columns     the record's columns, in component order (empty when there is no record)
 * @param parameters  the method's parameters
 */
public record FunctionModel(
        ExecutableElement method,
        AnnotationMirror annotation,
        TypeElement owner,
        String name,
        String description,
        String metadata,
        boolean isStatic,
        ReturnKind returnKind,
        TypeMirror rowType,
        TypeElement record,
        List<ColumnModel> columns,
        List<ParameterModel> parameters) {
}
