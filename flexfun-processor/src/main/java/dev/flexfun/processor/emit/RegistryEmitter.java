package dev.flexfun.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.flexfun.processor.RuntimeTypes;
import dev.flexfun.processor.model.HookKind;
import dev.flexfun.processor.model.HookModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** Generates the compilation's registry: every function (adapters and hand-written classes) and hook. */
public final class RegistryEmitter {
    private static final ClassName REGISTRY = ClassName.get(RuntimeTypes.RUNTIME_PACKAGE, "FlexFunctionRegistry");
    private static final ClassName FLEX_FUNCTION = ClassName.get(RuntimeTypes.RUNTIME_PACKAGE, "FlexFunction");

    private RegistryEmitter() {
    }

    /**
     * The registry's source.
     *
     * @param functions the classes to instantiate, one per function, in declaration order
     * @param hooks     the {@code @OnLoad} and {@code @OnShutdown} methods, in declaration order
     * @param sources   every {@code @FlexFun}, {@code @OnLoad} and {@code @OnShutdown} element the
     *                  registry lists (its originating elements, for incremental builds)
     */
    public static JavaFile emit(ClassName registry, List<ClassName> functions, List<HookModel> hooks,
            List<? extends Element> sources) {
        TypeSpec.Builder type = TypeSpec.classBuilder(registry)
                .addJavadoc("The FlexFunctions of this module, found by the server with"
                        + " {@link java.util.ServiceLoader}.\n")
                .addAnnotation(GeneratedAnnotation.spec())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(REGISTRY);
        sources.forEach(type::addOriginatingElement);
        List<CodeBlock> instances = new ArrayList<>();
        for (ClassName function : functions) {
            instances.add(CodeBlock.of("new $T()", function));
        }
        type.addMethod(MethodSpec.methodBuilder("functions")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), FLEX_FUNCTION))
                .addStatement("return $T.of($L)", List.class, list(instances))
                .build());
        for (HookKind kind : HookKind.values()) {
            List<HookModel> ofKind = hooks.stream().filter(hook -> hook.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                type.addMethod(hookList(kind, ofKind));
            }
        }
        return JavaFile.builder(registry.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** The registry method listing the hooks of one kind, e.g. {@code onLoadHooks()}. */
    private static MethodSpec hookList(HookKind kind, List<HookModel> hooks) {
        ClassName hookType = ClassName.get(RuntimeTypes.RUNTIME_PACKAGE, kind.runtimeType());
        List<CodeBlock> entries = new ArrayList<>();
        for (HookModel hook : hooks) {
            ClassName owner = ClassName.get(hook.owner());
            String method = hook.method().getSimpleName().toString();
            String argument = hook.takesServerContext() ? "server" : "";
            entries.add(CodeBlock.of("$T.of($S, server -> $T.$N($L))", hookType,
                    owner.canonicalName() + "#" + method, owner, method, argument));
        }
        return MethodSpec.methodBuilder(kind.registryMethod())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), hookType))
                .addStatement("return $T.of($L)", List.class, list(entries))
                .build();
    }

    private static CodeBlock list(List<CodeBlock> items) {
        if (items.isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder().add("\n").add(CodeBlock.join(items, ",\n")).build();
    }
}
