"""schemathesis against the app's own OpenAPI schema, over the Chongming demo graph: whatever it
generates (within the schema or just outside it), no operation answers 5xx.

Uploads, decisions and reviews are called with the API key, so generated input reaches the loaders and the writes. ``-m long`` (``make
reliability``) runs many more examples per operation.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from neo4j import Driver

from api.main import app
from graph.messages import say
from graph.settings import get_settings
from tests.conftest import reset_to_spine
from tests.factories import build_chongming

pytestmark = pytest.mark.neo4j

QUICK_EXAMPLES = int(os.environ.get("REVKG_CONTRACT_EXAMPLES", "3"))
SLOW_EXAMPLES = 40
schema = schemathesis.openapi.from_dict(app.openapi())


@pytest.fixture(scope="module")
def api(driver: Driver, gazetteer_dir: Any) -> Iterator[TestClient]:
    from neomodel import db as neomodel_db

    from loaders.gazetteer import load
    from tests.conftest import TEST_PROVINCES

    if driver.execute_query("MATCH (v:Village {code: '310151102216'}) RETURN count(v) AS n").records[0]["n"] == 0:
        load(driver, gazetteer_dir, TEST_PROVINCES)
    reset_to_spine(driver)
    build_chongming(driver)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    neomodel_db.set_connection(driver=driver)
    reset_to_spine(driver)


def call(api: TestClient, case: schemathesis.Case) -> None:
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    headers = dict(kwargs.pop("headers", None) or {})
    if case.path.startswith(("/uploads", "/decisions", "/review")):
        headers["X-API-Key"] = get_settings().api_key.get_secret_value()
    kwargs.pop("cookies", None)
    response = api.request(kwargs.pop("method"), kwargs.pop("url"), headers=headers, **kwargs)
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} {kwargs.get('params')} {str(kwargs.get('json'))[:300]} → "
        f"{response.status_code} {response.text[:500]}"
    )


@schema.parametrize()
@settings(max_examples=QUICK_EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_5xx(api: TestClient, case: schemathesis.Case) -> None:
    call(api, case)


@pytest.mark.long
@pytest.mark.timeout(1800)
@schema.parametrize()
@settings(max_examples=SLOW_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_5xx_over_many_examples(api: TestClient, case: schemathesis.Case) -> None:
    call(api, case)


# What schemathesis found (slow run, 40 examples per operation), kept as plain regression cases.
@pytest.mark.parametrize("path", ["/analyses/uncovered-weak-villages", "/analyses/helper-load"])
def test_an_offset_past_neo4j_list_indexes_is_refused_not_a_500(api: TestClient, path: str) -> None:
    response = api.get(path, params={"district": "崇明区", "offset": 2147483548})
    assert response.status_code == 422, response.text
    assert api.get(path, params={"district": "崇明区", "offset": 1_000_000_000}).status_code == 200


def test_a_cypher_parameter_the_driver_cannot_send_is_refused_not_a_500(api: TestClient) -> None:
    response = api.post("/cypher", json={"query": "RETURN $n AS n", "params": {"n": 2**63}})
    assert response.status_code == 422, response.text
    body = response.json()
    # The code for scripts; the words in Chinese, the driver's reason after them.
    assert body["code"] == "cypher.bad_parameter", body
    assert body["detail"].startswith(say("cypher.bad_parameter", "zh", error="")), body
    assert len(body["detail"]) > len(say("cypher.bad_parameter", "zh", error="")), body
    assert api.post("/cypher", json={"query": "RETURN $n AS n", "params": {"n": 2**63 - 1}}).json()["rows"] == [
        {"n": 2**63 - 1}
    ]
