package dev.flexfun.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.cli.CliFailure;
import dev.flexfun.cli.ExitCode;
import dev.flexfun.cli.output.TextTable;
import dev.flexfun.server.protocol.Json;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Standard output of the describing commands: an aligned table or pretty JSON. */
final class Output {
    private final PrintWriter out;

    Output(OutputStream out) {
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    void table(List<String> header, List<List<String>> rows) {
        TextTable.print(out, header, rows);
        check();
    }

    void json(JsonNode node) {
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        check();
    }

    private void check() {
        if (out.checkError()) {
            throw new CliFailure(ExitCode.OUTPUT, "flexfun: cannot write to standard output.");
        }
    }
}
