/**
 * Reading a database from a function with any JDBC driver, {@code java.sql} only: a query becomes a
 * lazy {@code Stream} of rows that closes its statement and connection however the read ends and
 * cancels the running statement when the call is cancelled ({@link dev.flexfun.runtime.jdbc.JdbcQuery});
 * the execution context's filters become a {@code WHERE} fragment with bind values
 * ({@link dev.flexfun.runtime.jdbc.FilterPushdown}); SQL text and its values travel together
 * ({@link dev.flexfun.runtime.jdbc.Sql}), so a value never becomes SQL text.
 */
package dev.flexfun.runtime.jdbc;
