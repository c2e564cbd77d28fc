package dev.flexfun.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a FlexFunction.
 *
 * <p>On a method: the method returns a record, or a {@code List}, {@code Collection},
 * {@code Iterable}, {@code Iterator}, {@code Stream} or array of records. The annotation
 * processor derives the function's Arrow schema from the record's components and generates
 * an adapter that writes the rows into Arrow vectors.
 *
 * <p>On a class: the class implements {@code dev.flexfun.runtime.FlexFunction} by hand
 * (explicit schema, returns Arrow data itself); it is registered as it is.
 *
 * <p>Either way the function lands in a generated registry that the server discovers through
 * {@link java.util.ServiceLoader}; nothing has to be listed in configuration.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FlexFun {
    /** {@return the function's name as clients call it} Defaults to the method's (or class's simple) name. */
    String name() default "";

    /** {@return a human-readable description} Shown in ListFlights metadata. */
    String description() default "";

    /**
     * {@return metadata as a JSON object literal} Example: {@code "{\"tags\":[\"demo\"]}"}.
     * Published in the function's ListFlights descriptor; checked at compile time.
     */
    String metadata() default "";
}
