"""The cached-data baseline: a pyarrow Flight server keeping the sample rows in memory.

    cached_server.py <port>

What the Python reference server does with a table its function keeps between calls: the batches
live in memory and every DoGet sends them as they are (pyarrow's C++ Flight server, no copy). It holds
the same rows as the Java benchmarks' SampleData (same schema, same values, 65,536-row batches), built
once per row count asked for. GetFlightInfo takes the benchmarks' command
({"functionName": ..., "parameters": {"rows": N}}) and answers a ticket naming the row count.
Prints "ready" once it listens.
"""
import json
import sys

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.flight as flight

BATCH_ROWS = 65_536
REGIONS = pa.array([f"region-{k}" for k in range(100)])
PRODUCTS = pa.array([f"product-name-{k}" for k in range(1000)])


def sample_table(rows):
    """SampleData.row(i) for i in [0, rows), column by column."""
    index = pa.array(range(rows), type=pa.int64())
    as_double = index.cast(pa.float64())
    return pa.table({
        "attribute1": REGIONS.take(pa.array([i % 100 for i in range(rows)], type=pa.int32())),
        "attribute2": PRODUCTS.take(pa.array([(i * 7) % 1000 for i in range(rows)], type=pa.int32())),
        "attribute3": pa.array([i % 3 == 0 for i in range(rows)]),
        "fact1": pc.multiply(as_double, 1.5),
        "fact2": pc.divide(as_double, 7.0),
        "fact3": pc.multiply(index, 31),
    })


class CachedServer(flight.FlightServerBase):
    def __init__(self, location):
        super().__init__(location)
        self.location = location
        self.tables = {}

    def get_flight_info(self, context, descriptor):
        rows = int(json.loads(descriptor.command)["parameters"]["rows"])
        if rows not in self.tables:
            self.tables[rows] = pa.Table.from_batches(sample_table(rows).to_batches(max_chunksize=BATCH_ROWS))
        table = self.tables[rows]
        endpoint = flight.FlightEndpoint(str(rows).encode(), [self.location])
        return flight.FlightInfo(table.schema, descriptor, [endpoint], table.num_rows, -1)

    def do_get(self, context, ticket):
        return flight.RecordBatchStream(self.tables[int(ticket.ticket)])


def main():
    location = f"grpc://127.0.0.1:{int(sys.argv[1])}"
    server = CachedServer(location)
    print("ready", flush=True)
    server.serve()


if __name__ == "__main__":
    main()
