package dev.flexfun.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.cli.CliEnvironment;
import dev.flexfun.cli.flight.ConnectionOptions;
import dev.flexfun.cli.flight.FlightConnection;
import dev.flexfun.cli.flight.FlightFailures;
import dev.flexfun.server.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flexfun schema NAME}: one function's result schema (GetSchema). */
@Command(name = "schema", description = "Show the result schema of one function.")
public final class SchemaCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    private ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "NAME", description = "the function")
    private String function;

    @Option(names = "--json", description = "print JSON: {name, columns: [{name, type, nullable}], metadata}")
    private boolean json;

    /**
     * A {@code schema} command that works in {@code env}.
     *
     * @param env the environment variables, streams and interrupts the command uses
     */
    public SchemaCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Schema schema;
        byte[] command = Json.MAPPER.createObjectNode().put("functionName", function).toString()
                .getBytes(StandardCharsets.UTF_8);
        try (FlightConnection server = connection.connect(env)) {
            try {
                schema = server.client().getSchema(FlightDescriptor.command(command), server.options()).getSchema();
            } catch (FlightRuntimeException e) {
                throw FlightFailures.of(e, server.url());
            }
        }
        Output out = new Output(env.out());
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode().put("name", function);
            node.set("columns", SchemaDescription.columns(schema));
            node.set("metadata", SchemaDescription.metadata(schema));
            out.json(node);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Field field : schema.getFields()) {
                rows.add(SchemaDescription.row(field));
            }
            out.table(SchemaDescription.COLUMN_HEADER, rows);
        }
        return 0;
    }
}
