"""Ports on 127.0.0.1 for the local servers the tests and the benchmarks start (Prism, a loopback server)."""

import socket


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (until someone takes it)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
        return port


_HELD: list[socket.socket] = []  # kept open for the life of the process


def closed_port_url() -> str:
    """The URL of a port nothing listens on: connecting fails before a byte is sent. The port stays bound
    (not listening) by this process, so no other server started meanwhile can take it."""
    held = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    held.bind(("127.0.0.1", 0))
    _HELD.append(held)
    return f"http://127.0.0.1:{held.getsockname()[1]}"
