package dev.flexfun.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Set<String>} parameter of a {@code @FlexFun} method that receives the columns the
 * call needs: the {@code parameters.columns} hint in schema order, or every column when the call
 * gave no hint. A function may skip computing the columns not in the set.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Columns {
}
