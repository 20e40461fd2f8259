"""HTTP API: thin routes over the library, one error shape, the page renders the same JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from presslens.corpus import Corpus
from presslens.serve.app import create_app

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("http") / "s.sqlite"
    with Corpus(db) as corpus:
        corpus.ingest([EXAMPLES / "03-valdoria-grain-harvest.txt", EXAMPLES / "wire.jsonl"])
    return TestClient(create_app(db))


def test_articles_and_one_analysis(client):
    page = client.get("/api/articles").json()
    articles = page["items"]
    assert page["total"] == 4 and page["next"] is None
    assert len(articles) == 4 and all("text" not in a for a in articles)
    analysis = client.get(f"/api/articles/{articles[0]['id']}").json()
    text = analysis["article"]["text"]
    assert analysis["sentences"]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in analysis["sentences"])


def test_search_and_records(client):
    hits = client.get("/api/search", params={"q": "harvest"}).json()["items"]
    assert hits and "[" in hits[0]["snippet"]
    sentences = client.get("/api/records/sentences", params={"paragraph": 0}).json()["items"]
    assert sentences and all(s["paragraph"] == 0 for s in sentences)


def test_analyze_posted_text(client):
    body = {"text": "Farmers in Estmark harvested early this year.", "date": "2024-09-01"}
    analysis = client.post("/api/analyze", json=body).json()
    assert analysis["article"]["date"] == "2024-09-01"
    assert analysis["article"]["text"] == body["text"]


@pytest.mark.parametrize("path, status, code", [
    ("/api/articles/ffffffff", 404, "not_found"),
    ("/api/records/nosuchkind", 404, "not_found"),
    ("/api/search?fts=%22unbalanced", 400, "bad_input"),
])
def test_errors_have_one_shape(client, path, status, code):
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == code and problem["status"] == status and problem["detail"] and problem["title"]


def test_landing_page_is_the_dashboard_and_the_plain_page_is_served(client):
    landing = client.get("/", follow_redirects=False)
    assert landing.status_code == 307 and landing.headers["location"] == "/dashboard"
    page = client.get("/browse")
    assert page.status_code == 200 and '<script src="/app.js">' in page.text
    script = client.get("/app.js")
    assert script.headers["content-type"].startswith("text/javascript") and "/api/articles" in script.text
