"""Ports on 127.0.0.1 for the local servers the tests and the benchmarks start (Prism, a loopback server)."""

import socket


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (until someone takes it)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def closed_port_url() -> str:
    """The URL of a port nothing listens on: connecting fails before a byte is sent."""
    return f"http://127.0.0.1:{free_port()}"
