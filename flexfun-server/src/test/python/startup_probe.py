"""Measures the time from starting the server process to its first served ListFlights.

Usage: startup_probe.py <port> <command...>   (the command starts the server on <port>)
Python and pyarrow are loaded before the clock starts, so only the server's start is measured.
"""
import subprocess
import sys
import time

import pyarrow.flight as flight


def main():
    port, cmd = int(sys.argv[1]), sys.argv[2:]
    client = flight.FlightClient(f"grpc://127.0.0.1:{port}")
    start = time.monotonic()
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                functions = len(list(client.list_flights()))
                break
            except flight.FlightUnavailableError:
                if server.poll() is not None:
                    sys.exit("the server exited")
                time.sleep(0.01)
        print(f"first ListFlights ({functions} functions) served {1000 * (time.monotonic() - start):.0f} ms "
              f"after the process started")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
