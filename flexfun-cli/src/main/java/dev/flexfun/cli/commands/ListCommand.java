package dev.flexfun.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.flexfun.cli.CliEnvironment;
import dev.flexfun.cli.flight.ConnectionOptions;
import dev.flexfun.cli.flight.FlightConnection;
import dev.flexfun.cli.flight.FlightFailures;
import dev.flexfun.server.protocol.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.vector.types.pojo.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flexfun list}: the functions the server serves (ListFlights), their columns and metadata. */
@Command(name = "list", description = "List the functions: their columns, types and metadata.")
public final class ListCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--json", description = "print JSON: [{name, metadata, columns: [{name, type, nullable}]}]")
    private boolean json;

    /**
     * A {@code list} command that works in {@code env}.
     *
     * @param env the environment variables, streams and interrupts the command uses
     */
    public ListCommand(CliEnvironment env) {
        this.env = env;
    }

    /** One function as ListFlights describes it. */
    private record Listed(String name, JsonNode metadata, org.apache.arrow.vector.types.pojo.Schema schema) {
    }

    @Override
    public Integer call() throws IOException {
        List<Listed> functions = new ArrayList<>();
        try (FlightConnection server = connection.connect(env)) {
            try {
                for (FlightInfo info : server.client().listFlights(Criteria.ALL, server.options())) {
                    JsonNode descriptor = Json.MAPPER.readTree(info.getDescriptor().getCommand());
                    functions.add(new Listed(descriptor.path("functionName").asText(), descriptor.path("metadata"),
                            info.getSchema()));
                }
            } catch (FlightRuntimeException e) {
                throw FlightFailures.of(e, server.url());
            }
        }
        Output out = new Output(env.out());
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (Listed f : functions) {
                array.addObject().put("name", f.name()).<com.fasterxml.jackson.databind.node.ObjectNode>set("metadata",
                        f.metadata().isMissingNode() ? null : f.metadata()).set("columns",
                        SchemaDescription.columns(f.schema()));
            }
            out.json(array);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Listed f : functions) {
                boolean first = true;
                for (Field field : f.schema().getFields()) {
                    List<String> row = new ArrayList<>();
                    row.add(first ? f.name() : "");
                    row.addAll(SchemaDescription.row(field));
                    row.add(first && !f.metadata().isNull() && !f.metadata().isMissingNode() ? f.metadata().toString() : "");
                    rows.add(row);
                    first = false;
                }
            }
            List<String> header = new ArrayList<>(List.of("FUNCTION"));
            header.addAll(SchemaDescription.COLUMN_HEADER);
            header.add("METADATA");
            out.table(header, rows);
        }
        return 0;
    }
}
