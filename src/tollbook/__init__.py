"""tollbook: turn news reports of violence into a sourced casualty ledger."""

from tollbook.model import SCHEMA_VERSION

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "__version__"]
