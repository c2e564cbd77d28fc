package dev.flexfun.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@code @FlexFun} method parameter to {@code parameters.<name>} of the call.
 * A missing required parameter or a value of the wrong type fails the call with BAD_ARGUMENT.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Param {
    /** {@return the key under {@code parameters}} */
    String value();

    /**
     * {@return whether the call fails when the parameter is absent or null} {@code Optional<T>} implies false;
     * a primitive cannot be optional (use its boxed type, {@code null} when absent, or {@code Optional}).
     */
    boolean required() default true;
}
