"""A client library for accessing Feature rehearsal API

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
| [`client.files`](baseten_management/api/files.html) | [create_file](baseten_management/api/files/create_file.html), [get_content](baseten_management/api/files/get_content.html), [replace_content](baseten_management/api/files/replace_content.html) |
| [`client.flags`](baseten_management/api/flags.html) | [replace_flag](baseten_management/api/flags/replace_flag.html) |
| [`client.health`](baseten_management/api/health.html) | [get_health](baseten_management/api/health/get_health.html) |
| [`client.owners`](baseten_management/api/owners.html) | [create_owner](baseten_management/api/owners/create_owner.html) |
| [`client.priorities`](baseten_management/api/priorities.html) | [replace_priorities](baseten_management/api/priorities/replace_priorities.html) |
| [`client.search`](baseten_management/api/search.html) | [create_search](baseten_management/api/search/create_search.html), [get_search](baseten_management/api/search/get_search.html) |
| [`client.trees`](baseten_management/api/trees.html) | [get_tree](baseten_management/api/trees/get_tree.html) |
| [`client.widgets`](baseten_management/api/widgets.html) | [archive_widget](baseten_management/api/widgets/archive_widget.html), [create_widget](baseten_management/api/widgets/create_widget.html), [delete_widget](baseten_management/api/widgets/delete_widget.html), [get_widget](baseten_management/api/widgets/get_widget.html), [list_widgets](baseten_management/api/widgets/list_widgets.html), [update_widget](baseten_management/api/widgets/update_widget.html) |

## Also

- [`models`](baseten_management/models.html): 32 request and response classes and enums
- [`errors`](baseten_management/errors.html): what a call raises
- [`client`](baseten_management/client.html): `AuthenticatedClient`, its settings, retries and timeouts
- [`types`](baseten_management/types.html): `UNSET`, `File`, `Response`
"""

from .client import AuthenticatedClient, Client

__version__ = "0.1.0"
# What this package was generated from: the sha256 of openapi.yaml, and of its overlay (None without one).
SPEC_SHA256 = "49f8cbaaee4330c587993b2c07688dc65672ee1b0b524cec2dcc5c6d73a1a5a8"
OVERLAY_SHA256 = None

__all__ = (
    "OVERLAY_SHA256",
    "SPEC_SHA256",
    "AuthenticatedClient",
    "Client",
    "__version__",
)
