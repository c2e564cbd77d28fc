package dev.flexfun.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @OnLoad} or {@code @OnShutdown} method.
 *
 * @param kind           when it runs
 * @param method         the method
 * @param owner          its class
 * @param parameterTypes its parameter types, as written (validation checks them)
 * @param takesServerContext whether its only parameter is a {@code ServerContext}
 */
public record HookModel(HookKind kind, ExecutableElement method, TypeElement owner, List<String> parameterTypes,
        boolean takesServerContext) {
}
