package dev.flexfun.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/** {@code --format arrow}: the Arrow IPC stream format, the schema's metadata (data-source messages) included. */
final class ArrowStreamOutput implements ResultWriter {
    private final OutputStream out;
    private ArrowStreamWriter writer;

    ArrowStreamOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void start(VectorSchemaRoot root) throws IOException {
        writer = new ArrowStreamWriter(root, null, Channels.newChannel(out));
        writer.start();
    }

    @Override
    public void batch(VectorSchemaRoot root) throws IOException {
        writer.writeBatch();
    }

    @Override
    public void finish() throws IOException {
        writer.end();
        out.flush();
    }
}
