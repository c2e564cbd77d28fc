package dev.flexfun.server.execution;

import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A call whose result can be read: what GetFlightInfo answers.
 *
 * @param taskId          the task whose result it is
 * @param functionName    the function that made it
 * @param ticket          the DoGet ticket's bytes
 * @param schema          the schema of the result as sent
 * @param descriptorBytes the original request's descriptor bytes (echoed)
 */
public record ReadyResult(String taskId, String functionName, byte[] ticket, Schema schema, byte[] descriptorBytes) {
}
