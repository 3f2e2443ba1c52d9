"""Deploy a new version of a model and promote it to production, rolling back if the promotion fails.

    BASETEN_API_KEY=... python examples/deploy.py MODEL_ID --s3-key <key from POST /v1/prepare_model_upload>

The script a release pipeline runs: push an uploaded archive as a new deployment, wait until it is ACTIVE,
promote it, wait for the promotion; if the promotion fails, promote the deployment that served production
before and wait for that. tests/test_testing.py runs deploy() against baseten_management.testing.FakeBaseten,
through a failed build, a failed promotion and the roll back, where openapi.yaml has these operations.
"""

import argparse
import sys
from typing import Any

from baseten_management import AuthenticatedClient, errors


def deploy(client: AuthenticatedClient, model_id: str, s3_key: str, config: dict[str, Any]) -> str:
    """The id of the deployment serving production when done: the new one, or, rolled back, the old one."""
    previous = client.models.get_model(model_id).production_deployment_id
    source = {"kind": "model_archive", "s3_key": s3_key, "deployment": {"config": config}}
    created = client.models.create_deployment(model_id, body={"source": source}).deployment
    deployment = client.models.wait_for_deployment(model_id, created.id)  # errors.WaiterFailed if the build fails
    client.models.promote_deployment(model_id, deployment.id)
    try:
        client.models.wait_for_promotion(model_id, "production")
        return deployment.id
    except errors.WaiterFailed:
        if previous is None:
            raise
        print(f"promoting {deployment.id} failed: rolling back to {previous}", file=sys.stderr)
        client.models.promote_deployment(model_id, previous)
        client.models.wait_for_promotion(model_id, "production")
        return previous


def main() -> int:
    parser = argparse.ArgumentParser(description="Deploy an uploaded archive and promote it to production.")
    parser.add_argument("model_id")
    parser.add_argument("--s3-key", required=True)
    args = parser.parse_args()
    try:
        with AuthenticatedClient() as client:  # the key comes from BASETEN_API_KEY
            print("production:", deploy(client, args.model_id, args.s3_key, {"model_name": args.model_id}))
    except errors.ClientError as error:  # the message never contains the key
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
