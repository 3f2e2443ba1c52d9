"""Create a Baseten API key with the generated client.

Against the mock (`make mock` in another terminal; any key will do):
    BASETEN_API_KEY=test python examples/create_api_key.py --base-url http://127.0.0.1:4010
Against the real API (creates a real key):
    BASETEN_API_KEY=... python examples/create_api_key.py --name ci-metrics --type WORKSPACE_EXPORT_METRICS
"""

import argparse
import sys

from baseten_management import AuthenticatedClient, errors
from baseten_management.api.api_keys import create_api_key
from baseten_management.models import APIKeyCategory, CreateAPIKeyRequestV1


def main() -> int:
    parser = argparse.ArgumentParser(description="Create a Baseten API key and show its first characters.")
    parser.add_argument("--base-url", help="default: the spec's server, https://api.baseten.co")
    parser.add_argument("--name", default="example-key")
    parser.add_argument("--type", default=APIKeyCategory.PERSONAL.value, choices=[c.value for c in APIKeyCategory])
    args = parser.parse_args()

    options = {"base_url": args.base_url} if args.base_url else {}
    try:
        with AuthenticatedClient(**options) as client:  # the key comes from BASETEN_API_KEY
            request = CreateAPIKeyRequestV1(type_=APIKeyCategory(args.type), name=args.name)
            created = create_api_key.sync(client=client, body=request)
    except errors.ClientError as error:  # the message never contains the key
        print(f"error: {error}", file=sys.stderr)
        return 1
    # A new key is a secret: show only enough to recognise it.
    print(f"created {args.type} key {created.api_key[:4]}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
