"""A client library for accessing Baseten management API

```python
from baseten_management import AuthenticatedClient

client = AuthenticatedClient()  # the key from $BASETEN_API_KEY

```

Every operation is reachable from the client, `client.<group>.<operation>(...)` (and
`await client.aio.<group>.<operation>(...)`), and as a module, `baseten_management.api.<group>.<operation>`.
Failures raise the errors in `baseten_management.errors`; request and response bodies are the classes in
`baseten_management.models`.

## Groups

| group | operations |
| --- | --- |
| [`client.api_keys`](baseten_management/api/api_keys.html) | [create_api_key](baseten_management/api/api_keys/create_api_key.html) |

## Also

- [`models`](baseten_management/models.html): 3 request and response classes and enums
- [`errors`](baseten_management/errors.html): what a call raises
- [`client`](baseten_management/client.html): `AuthenticatedClient`, its settings, retries and timeouts
- [`types`](baseten_management/types.html): `UNSET`, `File`, `Response`
"""

from .client import AuthenticatedClient, Client

__version__ = "0.2.0"
# What this package was generated from: the sha256 of openapi.yaml, and of its overlay (None without one).
SPEC_SHA256 = "10cce652638d58067b5ee50c8dcdd8e4947e50ee7545774c340f20eb969d9137"
OVERLAY_SHA256 = None
# What the client goes without (the docstring says more): each part's JSON pointer in the spec -> why.
LEFT_OUT: dict[str, str] = {}

__all__ = (
    "LEFT_OUT",
    "OVERLAY_SHA256",
    "SPEC_SHA256",
    "AuthenticatedClient",
    "Client",
    "__version__",
)
