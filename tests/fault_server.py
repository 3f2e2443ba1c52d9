"""A scripted HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose: resets, stalls, answers what it is told.

Each request received takes the next step of the script (the last step repeats); `received` counts them,
so a test can tell how many times the client really sent a request.
"""

import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Step:
    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    reset: bool = False  # read the request, then drop the connection with a TCP RST
    delay: float = 0.0  # seconds to wait before answering
    held: threading.Event | None = None  # answer only once the test sets it: a call held as long as it must be


class FaultServer:
    def __init__(self, script: list[Step]) -> None:
        self.script = script
        self.received: list[bytes] = []  # request heads, in order
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        self._stopped = threading.Event()  # ends the accept loop and the connection handlers

    def received_count(self, expected: int) -> int:
        """How many requests came, once `expected` have or 10 s passed: a request the client sent before it
        gave up is read by a handler thread that a loaded machine may run late."""
        deadline = time.monotonic() + 10
        while len(self.received) < expected and time.monotonic() < deadline:
            time.sleep(0.01)
        return len(self.received)

    def serve(self) -> None:
        self._socket.settimeout(0.1)
        while not self._stopped.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        try:
            self._serve_connection(connection)
        except OSError:
            pass  # the client went away or sat idle past the timeout: nothing left to answer

    def _serve_connection(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            buffer = b""
            while not self._stopped.is_set():
                while b"\r\n\r\n" not in buffer:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ),
                    0,
                )
                while len(buffer) < length:
                    buffer += connection.recv(65536)
                buffer = buffer[length:]
                self.received.append(head)
                step = self.script[min(len(self.received), len(self.script)) - 1]
                if step.reset:
                    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                time.sleep(step.delay)
                if step.held is not None:
                    step.held.wait(timeout=60)
                headers = {"content-type": "application/json", **step.headers, "content-length": str(len(step.body))}
                lines = [f"HTTP/1.1 {step.status} X"] + [f"{name}: {value}" for name, value in headers.items()]
                try:
                    connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + step.body)
                except OSError:
                    return  # the client gave up waiting


@contextmanager
def fault_server(*script: Step) -> Iterator[FaultServer]:
    server = FaultServer(list(script))
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server._stopped.set()
        thread.join(timeout=2)
        server._socket.close()
