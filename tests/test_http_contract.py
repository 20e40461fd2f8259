"""The HTTP API against its own OpenAPI schema (schemathesis): no 5xx, every response as declared.

Examples per operation are bounded and derandomized so the run stays short and repeatable.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from presslens.corpus import Corpus
from presslens.serve.app import create_app
from presslens.store.sqlite import Store

from .conftest import EXAMPLES

# schemathesis reads the schema when the module loads, so the store exists (empty) from then on
# and the fixture below fills it; the server's read-only connection sees the articles arrive.
DB = Path(tempfile.mkdtemp(prefix="presslens-contract-")) / "s.sqlite"
Store(DB).close()
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(DB, max_body_bytes=2_000))


@pytest.fixture(scope="module", autouse=True)
def stored_articles():
    with Corpus(DB) as corpus:
        corpus.ingest([EXAMPLES / "03-valdoria-grain-harvest.txt", EXAMPLES / "wire.jsonl"])


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_contract(case):
    response = case.call()
    assert response.status_code < 500, response.text
    # A cursor is opaque: only one a listing returned is valid, so a made-up one is rightly a 400.
    case.validate_response(response, excluded_checks=[positive_data_acceptance])
