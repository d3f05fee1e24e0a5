"""Fuzz the API from its own OpenAPI document: no 5xx, responses match their schemas.

schemathesis's pytest plugin does not load under this pytest, so each operation's
strategy is driven with hypothesis directly.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.web.conftest import TOKEN

GET_OPERATIONS = ["/api/stories", "/api/stories/{story_id}", "/api/documents",
                  "/api/documents/{doc_id}", "/api/entities", "/api/entities/{entity_id}",
                  "/api/quotes", "/api/figures", "/api/events", "/api/search"]


@pytest.fixture(scope="module")
def operations(client) -> dict:
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app).include(method="GET")
    found = {op.path: op for op in (r.ok() for r in schema.get_all_operations())}
    assert set(found) == set(GET_OPERATIONS)
    return found


@pytest.mark.parametrize("path", GET_OPERATIONS)
def test_schema_fuzz_get(operations: dict, path: str) -> None:
    @given(case=operations[path].as_strategy())
    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case) -> None:
        case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})

    run()


def test_schema_fuzz_upload_needs_a_token(operations: dict, client) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app).include(method="POST")
    upload = next(r.ok() for r in schema.get_all_operations())

    @given(case=upload.as_strategy())
    @settings(max_examples=10, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case) -> None:
        response = case.call()
        assert response.status_code in (401, 403, 413, 422)

    run()
