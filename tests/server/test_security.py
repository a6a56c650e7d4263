"""Token, host and origin checks, safe static serving, security headers and the serve command's guard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_client
from typer.testing import CliRunner

from claimgraph.server import check_binding, is_loopback
from claimgraph.server.run import server_config
from claimgraph.server.security import COOKIE

STATIC = Path(__file__).resolve().parents[2] / "src" / "claimgraph" / "server" / "static"
TOKEN = "s3cret-token-value"


@pytest.fixture
def guarded(store, doc_ids):
    with make_client(store, token=TOKEN) as test_client:
        yield test_client


@pytest.mark.parametrize("path", ["/", "/api/facets", "/api/graph", "/static/js/main.js", "/openapi.json", "/docs"])
def test_without_the_token_everything_is_401(guarded, path):
    response = guarded.get(path)
    assert response.status_code == 401
    assert "token" in response.json()["detail"]


def test_bearer_token(guarded):
    assert guarded.get("/api/facets", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert guarded.get("/api/facets", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert guarded.get("/api/facets", headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    post = guarded.post("/api/claims/claim:north-1/review", json={"reviewer": "x", "action": "confirm"})
    assert post.status_code == 401
    assert guarded.get("/api/claims/claim:north-1", headers={"Authorization": f"Bearer {TOKEN}"}).json()[
        "review_status"] == "unreviewed"


def test_token_login_sets_a_strict_http_only_cookie(guarded):
    login = guarded.get(f"/?token={TOKEN}&x=1", follow_redirects=False)
    assert login.status_code == 303
    assert login.headers["location"] == "/?x=1"
    cookie = login.headers["set-cookie"]
    assert f"{COOKIE}={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert guarded.get("/api/facets").status_code == 200  # the client keeps the cookie
    guarded.cookies.clear()
    assert guarded.get("/api/facets").status_code == 401
    guarded.cookies.set(COOKIE, "wrong")
    assert guarded.get("/api/facets").status_code == 401
    assert guarded.get("/?token=wrong", follow_redirects=False).status_code == 401


def test_without_a_token_configured_no_token_is_asked(client):
    assert client.get("/api/facets").status_code == 200


def test_only_allowed_host_names_are_answered(store, doc_ids):
    config = server_config(None, "127.0.0.1", None, 20)
    with make_client(store, allowed_hosts=config.allowed_hosts) as local:
        assert local.get("/api/facets", headers={"host": "127.0.0.1:8000"}).status_code == 200
        assert local.get("/api/facets", headers={"host": "localhost"}).status_code == 200
        assert local.get("/api/facets", headers={"host": "[::1]:8000"}).status_code == 200
        rebound = local.get("/api/facets", headers={"host": "attacker.example:8000"})
        assert rebound.status_code == 400 and "attacker.example" in rebound.json()["detail"]


def test_cross_origin_writes_are_refused(client):
    body = {"reviewer": "x", "action": "confirm"}
    foreign = client.post("/api/claims/claim:north-1/review", json=body, headers={"origin": "https://evil.example"})
    assert foreign.status_code == 403
    fetched = client.post("/api/claims/claim:north-1/review", json=body, headers={"sec-fetch-site": "cross-site"})
    assert fetched.status_code == 403
    assert client.get("/api/claims/claim:north-1").json()["review_status"] == "unreviewed"
    same = client.post("/api/claims/claim:north-1/review", json=body, headers={"origin": "http://testserver"})
    assert same.status_code == 200


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fstore/store.py",
    "/static/../../../../etc/passwd", "/static//etc/passwd", "/static/vendor/../../app.py", "/static/%00",
])
def test_no_path_traversal_out_of_the_static_folder(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert "def create_app" not in response.text and "root:" not in response.text


def test_security_headers_on_pages_and_api(client):
    for path in ("/", "/api/facets", "/static/js/main.js"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_bad_content_length_is_400(client):
    response = client.post("/api/documents", content=b"x", headers={"content-length": "lots"})
    assert response.status_code == 400


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.4.5.6", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("192.168.1.20", False), ("example.org", False), ("::", False)])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_binding_elsewhere_needs_a_token():
    check_binding("127.0.0.1", None)
    check_binding("0.0.0.0", "tok")
    with pytest.raises(ValueError, match="needs a token"):
        check_binding("0.0.0.0", None)
    assert server_config(None, "0.0.0.0", "tok", 20).allowed_hosts == ()
    assert "localhost" in server_config(None, "127.0.0.1", None, 20).allowed_hosts


def test_serve_command_refuses_a_public_address_without_token(tmp_path, monkeypatch):
    from claimgraph.cli import serve  # noqa: F401  (registers the command)
    from claimgraph.cli.app import app

    monkeypatch.delenv("CLAIMGRAPH_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "needs a token" in result.output
    assert not (tmp_path / "x.db").exists()


def test_openapi_lists_every_endpoint(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths >= {"/api/facets", "/api/documents", "/api/documents/{ref}", "/api/documents/{ref}/text",
                     "/api/actors", "/api/actors/{ref}", "/api/actors/{ref}/neighbourhood", "/api/claims",
                     "/api/claims/{claim_id}", "/api/claims/{claim_id}/review", "/api/claims/{claim_id}/audit",
                     "/api/audit", "/api/events", "/api/graph", "/api/graph/evidence", "/api/propositions",
                     "/api/contradictions", "/api/compare", "/api/sources", "/api/sources/grade"}


def test_pages_load_only_files_the_server_has(client):
    for page in ("/", "/docs"):
        html = client.get(page).text
        refs = [r for r in re.findall(r'(?:src|href)="([^"]+)"', html) if not r.startswith("#")]
        assert refs
        for ref in refs:
            assert ref.startswith("/"), f"{page} loads {ref} from elsewhere"
            assert client.get(ref).status_code == 200, ref


def test_module_imports_resolve_to_static_files():
    for script in STATIC.joinpath("js").rglob("*.js"):
        for target in re.findall(r'^import .* from "([^"]+)";', script.read_text(), flags=re.M):
            assert (script.parent / target).resolve().is_file(), f"{script.name} imports {target}"


def test_vendored_libraries_keep_their_licences():
    for lib in ("cytoscape", "vis-timeline", "leaflet", "world-atlas", "topojson-client", "swagger-ui"):
        folder = STATIC / "vendor" / lib
        assert any(p.name.startswith("LICENSE") for p in folder.iterdir()), lib


def test_scripts_never_put_data_into_inner_html():
    for script in STATIC.joinpath("js").rglob("*.js"):
        text = script.read_text()
        assert not re.search(r"\.(inner|outer)HTML\s*[+]?=|insertAdjacentHTML\(|document\.write\(", text), script.name
