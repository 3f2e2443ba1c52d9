"""Contains all the data models used in inputs/outputs"""

from .api_key_category import APIKeyCategory
from .api_key_v1 import APIKeyV1
from .create_api_key_request_v1 import CreateAPIKeyRequestV1

__all__ = (
    "APIKeyCategory",
    "APIKeyV1",
    "CreateAPIKeyRequestV1",
)
