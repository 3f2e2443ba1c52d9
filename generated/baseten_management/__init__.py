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

__all__ = (
    "AuthenticatedClient",
    "Client",
)
