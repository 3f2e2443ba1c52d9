"""Read a multipart/form-data body the way a server does: werkzeug's decoder (openapi-core's stack)."""

from werkzeug.http import parse_options_header
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData


def multipart_fields(content_type: str, content: bytes) -> dict[str, list[bytes]]:
    """Each part's raw bytes by field name, with or without a filename; one list entry a part."""
    _, options = parse_options_header(content_type)
    decoder = MultipartDecoder(options["boundary"].encode())
    decoder.receive_data(content)
    decoder.receive_data(None)
    parts: list[tuple[str, bytearray]] = []
    while not isinstance(event := decoder.next_event(), Epilogue | NeedData):
        if isinstance(event, Field | File):
            parts.append((event.name, bytearray()))
        elif isinstance(event, Data) and parts:
            parts[-1][1].extend(event.data)
    fields: dict[str, list[bytes]] = {}
    for name, data in parts:
        fields.setdefault(name, []).append(bytes(data))
    return fields
