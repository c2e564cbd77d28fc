package dev.flexfun.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The {@code @Generated} every generated class carries (no date: output is deterministic). */
final class GeneratedAnnotation {
    static final String GENERATOR = "dev.flexfun.processor.FlexFunProcessor";

    private GeneratedAnnotation() {
    }

    static AnnotationSpec spec() {
        return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                .addMember("value", "$S", GENERATOR)
                .build();
    }
}
