"""pyarrow interoperability check of the FlexFun server (run by .ci/pyarrow-check.sh).

Talks to a server that serves the test registry (Failing, OwnCode, Sample, Slow) and checks what a
pyarrow client sees: ListFlights (by name), the two-step call, the polling extension, ErrorInfo in
FlightError.extra_info, a function's own code and status (the exception class pyarrow picks),
idempotent cancel, PATH descriptors, and token authentication (FlightUnauthenticatedError).
Usage: pyarrow_client_test.py <port> <token>
"""
import base64
import json
import sys
import time

import pyarrow.flight as flight

TOKEN = sys.argv[2].encode() if len(sys.argv) > 2 else b""
# pyarrow needs lower-case header names.
AUTH_HEADER = (b"authorization", b"Bearer " + TOKEN)
AUTH = flight.FlightCallOptions(headers=[AUTH_HEADER])
POLLABLE = flight.FlightCallOptions(headers=[AUTH_HEADER, (b"x-quiver-pollable", b"1")])


def connect(port):
    client = flight.FlightClient(f"grpc://127.0.0.1:{port}")
    deadline = time.monotonic() + 60
    while True:
        try:
            return client, list(client.list_flights(options=AUTH))
        except flight.FlightUnavailableError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def command(name, parameters):
    return flight.FlightDescriptor.for_command(json.dumps({"functionName": name, "parameters": parameters}))


def error_info(error):
    assert error.extra_info, f"no extra_info on {error!r}"
    return json.loads(error.extra_info)


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok:", message)


def main(port):
    client, infos = connect(port)
    descriptors = [info.descriptor.command for info in infos]
    check(descriptors == [b'{"functionName":"Failing","metadata":null}',
                          b'{"functionName":"OwnCode","metadata":null}',
                          b'{"functionName":"Sample","metadata":{"description":"sample rows"}}',
                          b'{"functionName":"Slow","metadata":null}'],
          f"ListFlights descriptors, by name {descriptors}")
    check(infos[2].schema.names == ["attribute1", "attribute2", "attribute3", "fact1", "fact2", "fact3"],
          "ListFlights schema")
    check(infos[2].total_records == -1 and infos[2].total_bytes == -1, "ListFlights totals are -1")

    descriptor = command("Sample", {"rows": 5, "columns": ["fact3", "attribute1"]})
    info = client.get_flight_info(descriptor, AUTH)
    check(info.descriptor.command == descriptor.command, "GetFlightInfo echoes the descriptor")
    check(len(info.endpoints) == 1 and info.endpoints[0].locations[0].uri == f"grpc://127.0.0.1:{port}".encode(),
          f"one endpoint at the advertised location {info.endpoints[0].locations}")
    check(json.loads(info.endpoints[0].ticket.ticket).keys() == {"task_id"}, "ticket is {task_id}")
    table = client.do_get(info.endpoints[0].ticket, AUTH).read_all()
    check(table.column_names == ["attribute1", "fact3"], "columns trimmed, in schema order")
    check(table.to_pydict() == {"fact3": [0, 1, 2, 3, 4], "attribute1": ["a0", "a1", "a2", "a3", "a4"]},
          "the rows")

    try:
        client.get_flight_info(command("Failing", {}), AUTH)
        raise AssertionError("Failing did not fail")
    except flight.FlightServerError as e:
        info = error_info(e)
        check(list(info) == ["msg", "detail", "code", "body"], f"ErrorInfo keys in order: {list(info)}")
        check(info["code"] == 5 and info["msg"] == "the data source is down" and info["detail"] == "try later",
              f"function error in extra_info: {info}")
        check(base64.b64decode(info["body"]) == b'{"retry":true}', "ErrorInfo body")

    for status, error_class in [("FAILED", flight.FlightServerError), ("INTERNAL", flight.FlightInternalError),
                                ("TIMED_OUT", flight.FlightTimedOutError), ("CANCELLED", flight.FlightCancelledError),
                                ("UNAVAILABLE", flight.FlightUnavailableError),
                                ("UNAUTHENTICATED", flight.FlightUnauthenticatedError),
                                ("UNAUTHORIZED", flight.FlightUnauthorizedError)]:
        try:
            client.get_flight_info(command("OwnCode", {"status": status}), AUTH)
            raise AssertionError("OwnCode did not fail")
        except flight.FlightError as e:
            check(type(e) is error_class, f"status {status} arrives as {type(e).__name__}")
            info = error_info(e)
            check(info == {"msg": "The warehouse is busy.", "detail": "queue full", "code": 0x30000 + 1001,
                           "body": base64.b64encode(b'{"retry_after_s":5}').decode()},
                  f"the function's own code, detail and body: {info}")

    try:
        client.get_flight_info(flight.FlightDescriptor.for_path("Sample"), AUTH)
        raise AssertionError("a PATH descriptor was accepted")
    except flight.FlightServerError as e:
        check(error_info(e)["code"] == 1, "a PATH descriptor is BAD_ARGUMENT")

    try:
        client.get_flight_info(flight.FlightDescriptor.for_command(b"c:0123456789abcdef0123456789abcdef"), POLLABLE)
        raise AssertionError("cancelling an unknown task did not answer an error")
    except flight.FlightCancelledError as e:
        check(error_info(e)["code"] == 6, "cancelling an unknown task answers COMMAND_CANCELLED (idempotent)")

    try:
        client.get_flight_info(command("Nope", {}), AUTH)
        raise AssertionError("unknown function did not fail")
    except flight.FlightServerError as e:
        check(error_info(e)["code"] == 1, "unknown function is BAD_ARGUMENT")

    try:
        client.get_flight_info(command("Slow", {"ms": 2000}), POLLABLE)
        raise AssertionError("Slow was not polled")
    except flight.FlightTimedOutError as e:
        info = error_info(e)
        check(info["code"] == 65637, "POLL code")
        retry_info = json.loads(base64.b64decode(info["body"]))
        check(retry_info["flight_info"] is None, "RetryInfo.flight_info is null")
        retry = flight.FlightDescriptor.deserialize(base64.b64decode(retry_info["retry_descriptor"]))
        cancel = flight.FlightDescriptor.deserialize(base64.b64decode(retry_info["cancel_descriptor"]))
        check(retry.command.startswith(b"r:") and cancel.command.startswith(b"c:"), "retry and cancel descriptors")
    while True:
        try:
            info = client.get_flight_info(retry, POLLABLE)
            break
        except flight.FlightTimedOutError as e:
            check(error_info(e)["code"] == 65637, "still POLL")
    check(client.do_get(info.endpoints[0].ticket, AUTH).read_all().num_rows == 2, "polled call completes")

    try:
        client.get_flight_info(command("Slow", {"ms": 60000}), POLLABLE)
    except flight.FlightTimedOutError as e:
        cancel_b64 = json.loads(base64.b64decode(error_info(e)["body"]))["cancel_descriptor"]
    try:
        client.get_flight_info(flight.FlightDescriptor.deserialize(base64.b64decode(cancel_b64)), POLLABLE)
        raise AssertionError("cancel did not answer an error")
    except flight.FlightCancelledError as e:
        check(error_info(e)["code"] == 6, "cancel answers COMMAND_CANCELLED as FlightCancelledError")

    try:
        list(client.do_action(flight.Action("x", b""), AUTH))
        raise AssertionError("DoAction did not fail")
    except NotImplementedError:
        check(True, "DoAction is not implemented")
    for name, options in [("no token", flight.FlightCallOptions()),
                          ("unknown token", flight.FlightCallOptions(headers=[(b"authorization", b"Bearer nope")]))]:
        try:
            list(client.list_flights(options=options))
            raise AssertionError(f"ListFlights with {name} was accepted")
        except flight.FlightUnauthenticatedError as e:
            check(e.extra_info in (None, b""), f"{name}: FlightUnauthenticatedError without ErrorInfo: {e}")
    print("pyarrow interoperability: all checks passed")


if __name__ == "__main__":
    main(int(sys.argv[1]))
