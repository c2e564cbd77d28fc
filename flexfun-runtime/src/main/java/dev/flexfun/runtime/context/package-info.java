/**
 * The GoodData execution context ({@code parameters.executionContext}) as immutable records:
 * {@link dev.flexfun.runtime.context.ExecutionContext} and what it holds, with the helpers a function
 * needs daily (filters of a label, values a filter accepts, the date range a date filter selects).
 * Depends on Jackson and the JDK only. A function gets it from
 * {@code CallContext.executionContext()}, which parses it once per call, on first use.
 */
package dev.flexfun.runtime.context;
