/**
 * Writes rows straight into Arrow vectors; the code the annotation processor generates calls
 * these classes. Depends on Arrow vectors only.
 *
 * <p>The column writers size their buffers once per batch and write through raw buffer
 * addresses, so a generated adapter does no per-value capacity checks, allocates nothing for
 * ASCII strings and never calls a value through a virtual method: every writer is a final class
 * and the generated row loop calls it directly.
 *
 * <p>{@link dev.flexfun.runtime.vector.ArrowValues} goes the other way, for clients and tests:
 * Arrow values back as the Java types of the FlexFun type table.
 */
package dev.flexfun.runtime.vector;
