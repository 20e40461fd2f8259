"""Typed library errors. They become CLI/HTTP errors only at the edge, in one shape."""


class PresslensError(Exception):
    """Base class: ``code`` names the kind of failure, the message says what to do."""

    code = "error"

    def to_dict(self) -> dict[str, str]:
        """The one error shape used by the CLI (``--json``) and the HTTP API."""
        return {"error": self.code, "message": str(self)}


class InputError(PresslensError):
    """An input the user gave cannot be read (missing path, bad format)."""

    code = "bad_input"


class NotFoundError(PresslensError):
    """A requested article, task or file does not exist."""

    code = "not_found"


class StoreError(PresslensError):
    """The SQLite store cannot be opened or is from an unknown future schema."""

    code = "store"


class UnknownNameError(InputError):
    """A request named a field, filter or parameter that is not allowed; ``allowed`` lists those that are."""

    code = "unknown_name"

    def __init__(self, message: str, allowed: list[str]):
        super().__init__(message)
        self.allowed = allowed
