"""Reads FlexFun results with pyarrow, as GoodData's Python side would: one line of JSON per read.

    read_rows.py <grpc://host:port> <rows> <reads> <function> [<function> ...]

Each of the <reads> rounds reads every function once (who goes first alternates); each read is
timed from GetFlightInfo (the function runs) to the last batch, read batch by batch. A function
written <name>@<grpc://host:port> is read from that other server (a baseline measured alongside).
"""
import json
import sys
import time

import pyarrow.flight as flight


def read(client, function, rows):
    command = json.dumps({"functionName": function, "parameters": {"rows": rows}}).encode()
    start = time.perf_counter()
    info = client.get_flight_info(flight.FlightDescriptor.for_command(command))
    reader = client.do_get(info.endpoints[0].ticket)
    count = 0
    size = 0
    for chunk in reader:
        count += chunk.data.num_rows
        size += chunk.data.nbytes
    seconds = time.perf_counter() - start
    if count != rows:
        raise SystemExit(f"{function} sent {count} rows, expected {rows}")
    return {"function": function, "rows": count, "bytes": size, "seconds": seconds}


def main():
    location, rows, reads, functions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    clients = {}
    for function in functions:
        where = function.split("@", 1)[1] if "@" in function else location
        if where not in clients:
            clients[where] = flight.FlightClient(where)
    for round_ in range(reads):
        order = functions if round_ % 2 == 0 else list(reversed(functions))
        for function in order:
            name, _, where = function.partition("@")
            result = read(clients[where or location], name, rows)
            print(json.dumps(dict(result, function=function, round=round_)), flush=True)


if __name__ == "__main__":
    main()
