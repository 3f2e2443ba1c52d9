"""runtime/_fake.py and runtime/_schema.py on their own (no generate): the API behind the package's
testing module, on a small inline spec, through a bare httpx client. What tests/test_testing.py checks on
every operation of openapi.yaml, here with every kind of thing the fake keeps or checks in one place:
a paged collection, an item with a status a waiter polls, a document, an action, header, form and
multipart requests, a discriminated union, and each JSON Schema keyword the checker knows, in 3.0 and 3.1."""

import datetime
import threading
from typing import Any

import httpx
import pytest

from runtime._fake import ANY_OPERATION, NO_BODY, FakeAPI, FakeClock, SpecViolation
from runtime._schema import Examples, Schemas

THING = {"$ref": "#/components/schemas/Thing"}
JSON = "application/json"


def answer(schema: Any, status: str = "200") -> dict[str, Any]:
    return {status: {"content": {JSON: {"schema": schema}}}}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "security": [{"Bearer": []}],
    "paths": {
        "/v1/things": {
            "get": {
                "parameters": [
                    {"name": "cursor", "in": "query", "schema": {"type": ["string", "null"]}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                    {
                        "name": "status",
                        "in": "query",
                        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Status"}},
                    },
                ],
                "responses": answer({"$ref": "#/components/schemas/Things"}),
            },
            "post": {
                "requestBody": {
                    "required": True,
                    "content": {JSON: {"schema": {"$ref": "#/components/schemas/NewThing"}}},
                },
                "responses": answer(THING, "201"),
            },
        },
        "/v1/things/{thing_id}": {
            "parameters": [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {"responses": {**answer(THING), **answer({"$ref": "#/components/schemas/Error"}, "404")}},
            "patch": {
                "requestBody": {"content": {JSON: {"schema": {"$ref": "#/components/schemas/ThingUpdate"}}}},
                "responses": answer(THING),
            },
            "delete": {"responses": {"204": {"description": "gone"}}},
        },
        "/v1/things/{thing_id}/start": {
            "post": {
                "parameters": [
                    {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "X-Reason", "in": "header", "required": True, "schema": {"enum": ["test", "deploy"]}},
                ],
                "responses": answer({"$ref": "#/components/schemas/Started"}),
            }
        },
        "/v1/things/{thing_id}/files": {
            "post": {
                "parameters": [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {
                                    "file": {"type": "string", "format": "binary"},
                                    "note": {"type": "string"},
                                },
                            }
                        }
                    },
                },
                "responses": {"200": {"content": {"text/plain": {"schema": {"type": "string"}}}}},
            }
        },
        "/v1/search": {
            "post": {
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "required": ["q"],
                                "properties": {"q": {"type": "string"}, "page": {"type": "integer"}},
                            }
                        }
                    },
                },
                "responses": answer({"type": "array", "items": THING}),
            }
        },
        "/v1/settings": {
            "get": {"responses": answer({"$ref": "#/components/schemas/Settings"})},
            "put": {
                "requestBody": {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Settings"}}}},
                "responses": answer({"$ref": "#/components/schemas/Settings"}),
            },
        },
        "/v1/labels": {
            "get": {"responses": answer({"type": "array", "items": {"$ref": "#/components/schemas/Label"}})},
            "post": {
                "requestBody": {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Label"}}}},
                "responses": answer({"$ref": "#/components/schemas/Label"}),
            },
        },
        "/v1/labels/{label_name}": {
            "delete": {
                "parameters": [{"name": "label_name", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": answer({"type": "object", "properties": {"name": {"type": "string"}}}),
            }
        },
        "/v1/health": {"get": {"security": [{}], "responses": {"200": {"content": {"text/plain": {}}}}}},
    },
    "components": {
        "securitySchemes": {"Bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Status": {"type": "string", "enum": ["PENDING", "RUNNING", "READY", "FAILED"]},
            "Thing": {
                "type": "object",
                "required": ["id", "name", "status", "created_at"],
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string", "minLength": 1, "maxLength": 20},
                    "status": {"$ref": "#/components/schemas/Status"},
                    "created_at": {"type": "string", "format": "date-time"},
                    "size": {"type": "integer", "minimum": 2, "multipleOf": 2},
                    "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
                    "shape": {"$ref": "#/components/schemas/Shape"},
                    "owner": {"anyOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}]},
                    "secret": {"type": "string", "writeOnly": True},
                },
                "additionalProperties": False,
            },
            "NewThing": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "minLength": 1, "maxLength": 20},
                    "size": {"type": "integer", "minimum": 2, "multipleOf": 2},
                    "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
                    "shape": {"$ref": "#/components/schemas/Shape"},
                },
                "additionalProperties": False,
            },
            "ThingUpdate": {
                "type": "object",
                "properties": {"name": {"type": "string", "minLength": 1}, "colour": {"type": "string"}},
                "additionalProperties": False,
            },
            "Shape": {
                "oneOf": [{"$ref": "#/components/schemas/Circle"}, {"$ref": "#/components/schemas/Square"}],
                "discriminator": {"propertyName": "kind", "mapping": {"circle": "#/components/schemas/Circle"}},
            },
            "Circle": {
                "type": "object",
                "required": ["kind", "radius"],
                "properties": {"kind": {"const": "circle"}, "radius": {"type": "number", "exclusiveMinimum": 0}},
            },
            "Square": {
                "type": "object",
                "required": ["kind", "side"],
                "properties": {"kind": {"type": "string"}, "side": {"type": "number"}},
            },
            "Owner": {
                "type": "object",
                "required": ["email"],
                "properties": {"email": {"type": "string", "format": "email"}},
            },
            "Things": {
                "type": "object",
                "required": ["things", "pagination"],
                "properties": {
                    "things": {"type": "array", "items": THING},
                    "pagination": {
                        "type": "object",
                        "required": ["has_more"],
                        "properties": {"cursor": {"type": ["string", "null"]}, "has_more": {"type": "boolean"}},
                    },
                },
            },
            "Started": {
                "type": "object",
                "required": ["thing"],
                "properties": {"thing": THING, "queued": {"type": "boolean"}},
            },
            "Settings": {
                "type": "object",
                "properties": {"theme": {"type": "string", "default": "dark"}, "level": {"type": "integer"}},
            },
            "Label": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "id": {"type": "integer", "readOnly": True},
                    "name": {"type": "string"},
                    "value": {"type": "string"},
                },
            },
            "Error": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}},
        },
    },
    "operations": {
        "GET /v1/things": "things.list_things",
        "POST /v1/things": "things.create_thing",
        "GET /v1/things/{thing_id}": "things.get_thing",
        "PATCH /v1/things/{thing_id}": "things.update_thing",
        "DELETE /v1/things/{thing_id}": "things.delete_thing",
        "POST /v1/things/{thing_id}/start": "things.start_thing",
        "POST /v1/things/{thing_id}/files": "things.create_file",
        "POST /v1/search": "search.create_search",
        "GET /v1/settings": "settings.get_settings",
        "PUT /v1/settings": "settings.replace_settings",
        "GET /v1/health": "health.get_health",
        "GET /v1/labels": "labels.list_labels",
        "POST /v1/labels": "labels.create_label",
        "DELETE /v1/labels/{label_name}": "labels.delete_label",
    },
    "pages": {
        "GET /v1/things": {
            "parameter": "cursor",
            "items": "things",
            "next": ["pagination", "cursor"],
            "has_more": ["pagination", "has_more"],
        }
    },
    "waiters": {
        "wait_for_thing": {
            "route": "GET /v1/things/{thing_id}",
            "field": ["status"],
            "success": ["READY"],
            "failure": ["FAILED"],
        }
    },
}
AUTH = {"Authorization": "Bearer test-key-3d1"}


@pytest.fixture
def api() -> FakeAPI:
    return FakeAPI(SPEC, base_path="/api")


def client(api: FakeAPI, **headers: str) -> httpx.Client:
    return httpx.Client(transport=api.transport, base_url="https://fake.test/api", headers={**AUTH, **headers})


def violation(api: FakeAPI, method: str, url: str, **kwargs: Any) -> str:
    with pytest.raises(SpecViolation) as raised:
        client(api, **kwargs.pop("headers", {})).request(method, url, **kwargs)
    assert api.violations[-1] is raised.value and api.calls[-1].status is None
    return str(raised.value)


def test_a_collection_keeps_what_is_created_pages_it_and_forgets_what_is_deleted(api: FakeAPI) -> None:
    with client(api) as http:
        assert http.get("/v1/things").json() == {"things": [], "pagination": {"has_more": False, "cursor": None}}
        made = [http.post("/v1/things", json={"name": f"t{i}", "size": 4}) for i in range(3)]
        assert [r.status_code for r in made] == [201] * 3
        first = made[0].json()
        assert first["id"] == "thing-1" and first["name"] == "t0" and first["size"] == 4
        assert first["status"] == "READY"  # a waiter polls it: its first success value
        assert first["created_at"] == "2026-01-01T00:00:00Z"
        page = http.get("/v1/things", params={"limit": 2}).json()
        assert [t["id"] for t in page["things"]] == ["thing-1", "thing-2"] and page["pagination"] == {
            "has_more": True,
            "cursor": "2",
        }
        rest = http.get("/v1/things", params={"limit": 2, "cursor": "2"}).json()
        assert [t["id"] for t in rest["things"]] == ["thing-3"] and rest["pagination"]["has_more"] is False
        assert http.patch("/v1/things/thing-2", json={"name": "renamed"}).json()["name"] == "renamed"
        assert http.get("/v1/things/thing-2").json()["name"] == "renamed"
        assert http.delete("/v1/things/thing-2").status_code == 204
        gone = http.get("/v1/things/thing-2")
        assert gone.status_code == 404 and gone.json() == {"message": "no thing 'thing-2'"}  # the documented body
        assert [t["id"] for t in http.get("/v1/things").json()["things"]] == ["thing-1", "thing-3"]
    assert [c.status for c in api.calls][-3:] == [204, 404, 200]


def test_a_create_keyed_by_a_field_of_the_body_is_an_upsert_and_ids_are_new_each(api: FakeAPI) -> None:
    with client(api) as http:
        first = http.post("/v1/labels", json={"name": "env", "value": "a"}).json()
        again = http.post("/v1/labels", json={"name": "env", "value": "b"}).json()
        other = http.post("/v1/labels", json={"name": "team", "value": "c"}).json()
        assert (first["id"], again["id"], other["id"]) == (1, 1, 2)  # an integer id, as the schema says
        assert http.get("/v1/labels").json() == [{"id": 1, "name": "env", "value": "b"}, other]
        assert http.delete("/v1/labels/env").json() == {"name": "env"}  # a tombstone: the item's own field
        assert http.get("/v1/labels").json() == [other]


def test_an_unknown_item_is_made_up_and_kept_unless_autocreate_is_off(api: FakeAPI) -> None:
    with client(api) as http:
        made = http.get("/v1/things/abc").json()
        assert made["id"] == "abc" and http.get("/v1/things/abc").json() == made
        assert [t["id"] for t in http.get("/v1/things").json()["things"]] == ["abc"]
    with client(FakeAPI(SPEC, base_path="/api", autocreate=False)) as http:
        assert http.get("/v1/things/abc").status_code == 404
        assert http.post("/v1/things/abc/start", headers={"X-Reason": "test"}).status_code == 404


def test_an_action_answers_about_its_item_and_a_document_is_kept(api: FakeAPI) -> None:
    with client(api) as http:
        created = http.post("/v1/things", json={"name": "x"}).json()
        started = http.post("/v1/things/thing-1/start", headers={"X-Reason": "deploy"}).json()
        assert started["thing"] == created and started["queued"] is True
        assert http.get("/v1/settings").json() == {"theme": "dark", "level": 0}
        assert http.put("/v1/settings", json={"level": 3}).json() == {"theme": "dark", "level": 3}
        assert http.get("/v1/settings").json()["level"] == 3


def test_seeded_items_fill_in_what_they_leave_out_and_must_fit(api: FakeAPI) -> None:
    stored = api.seed("things.get_thing", {"name": "seeded", "status": "PENDING"}, {"thing_id": "s-1"})
    assert stored["id"] == "s-1" and stored["status"] == "PENDING" and stored["created_at"]
    assert api.seed("GET /v1/things", {"id": "own-key"}, {})["id"] == "own-key"  # the key from its own field
    assert [t["id"] for t in api.stored("things.list_things", {})] == ["s-1", "own-key"]
    with pytest.raises(ValueError, match=r"thing\.status: \"DONE\" is not one of"):
        api.seed("things.get_thing", {"status": "DONE"}, {"thing_id": "s-2"})
    with pytest.raises(ValueError, match="has no path parameter model_id"):
        api.seed("things.get_thing", {}, {"model_id": "m"})
    with pytest.raises(ValueError, match="keeps nothing"):
        api.seed("search.create_search", {}, {})


def test_a_script_moves_a_field_one_value_every_n_reads_then_stays(api: FakeAPI) -> None:
    api.script("wait_for_thing", ["PENDING", "RUNNING", "READY"], 2, None, {"thing_id": "a"})
    with client(api) as http:
        seen = [http.get("/v1/things/a").json()["status"] for _ in range(7)]
        other = http.get("/v1/things/b").json()["status"]
        listed = http.get("/v1/things").json()["things"][0]["status"]
    assert seen == ["PENDING", "PENDING", "RUNNING", "RUNNING", "READY", "READY", "READY"]
    assert other == "READY" and listed == "READY"  # b is not scripted; a list reads without moving it
    with pytest.raises(ValueError, match="is not one of"):
        api.script("things.get_thing", ["DONE"], 1, "status", {})
    with pytest.raises(ValueError, match="say which field"):
        api.script("things.get_thing", ["READY"], 1, None, {})


def test_faults_answer_in_order_then_the_operation_answers_again(api: FakeAPI) -> None:
    api.fail("things.list_things", 429, 2, None, NO_BODY)
    api.fail(ANY_OPERATION, 503, 1, None, NO_BODY)
    api.fail("GET /v1/settings", "timeout", 1, None, NO_BODY)
    api.fail("GET /v1/settings", "disconnect", 1, None, NO_BODY)
    with client(api) as http:
        limited = http.get("/v1/things")
        assert limited.status_code == 429 and limited.headers["retry-after"] == "1"
        assert limited.json() == {"error": "Rate limit exceeded", "retry_after": 1}
        assert [http.get("/v1/things").status_code for _ in range(3)] == [429, 503, 200]
        with pytest.raises(httpx.ReadTimeout):
            http.get("/v1/settings")
        with pytest.raises(httpx.RemoteProtocolError):
            http.get("/v1/settings")
        assert http.get("/v1/settings").status_code == 200
    with pytest.raises(ValueError, match="give an HTTP status"):
        api.fail("GET /v1/settings", "slow", 1, None, NO_BODY)


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "named"),
    [
        ("GET", "/v1/things", {"params": {"limit": "ten"}}, 'query parameter limit: a string "ten" where an integer'),
        ("GET", "/v1/things", {"params": {"limit": 0}}, "query parameter limit: 0 is below the minimum, 1"),
        ("GET", "/v1/things", {"params": {"status": ["READY", "DONE"]}}, 'query parameter status[1]: "DONE" is not'),
        ("POST", "/v1/things", {"json": {"name": ""}}, 'body.name: "" is shorter than 1 characters'),
        ("POST", "/v1/things", {"json": {}}, "body.name: required, missing"),
        ("POST", "/v1/things", {"json": {"name": "a", "size": 3}}, "body.size: 3 is not a multiple of 2"),
        ("POST", "/v1/things", {"json": {"name": "a", "tags": ["x", "x"]}}, "body.tags: the items must be unique"),
        (
            "POST",
            "/v1/things",
            {"json": {"name": "a", "nmae": "b"}},
            "body.nmae: not a field the spec declares here; did you mean 'name'?",
        ),
        (
            "POST",
            "/v1/things",
            {"json": {"name": "a", "shape": {"kind": "triangle"}}},
            'body.shape.kind: "triangle" is not one of "circle", "Square"',
        ),
        (
            "POST",
            "/v1/things",
            {"json": {"name": "a", "shape": {"kind": "circle", "radius": 0}}},
            "body.shape.radius: 0 is not above 0",
        ),
        ("POST", "/v1/things", {"json": {"name": "a", "shape": {"side": 1}}}, "body.shape.kind: required, missing"),
        ("POST", "/v1/things", {"content": b"{", "headers": {"content-type": JSON}}, "body: not JSON"),
        (
            "POST",
            "/v1/things",
            {"data": {"name": "a"}},
            "body: sent as application/x-www-form-urlencoded, where the spec takes application/json",
        ),
        ("POST", "/v1/things", {}, "body: required, not sent"),
        ("PATCH", "/v1/things/a", {"json": {"colour": 1}}, "body.colour: an integer 1 where a string is expected"),
        ("POST", "/v1/things/a/start", {}, "header X-Reason: required, not sent"),
        (
            "POST",
            "/v1/things/a/start",
            {"headers": {"X-Reason": "fun"}},
            'header X-Reason: "fun" is not one of "test", "deploy"',
        ),
        ("POST", "/v1/things/a/files", {"files": {"note": (None, "n")}}, "body.file: required, missing"),
        ("POST", "/v1/search", {"data": {"q": "x", "page": "two"}}, 'body.page: a string "two" where an integer'),
        ("PUT", "/v1/things/a", {}, "the spec has no PUT at this path (it has DELETE, GET, PATCH)"),
        ("GET", "/v2/things", {}, "no operation of the spec has the path /v2/things"),
    ],
    ids=lambda value: value if isinstance(value, str) and value.startswith(("GET", "POST", "PATCH", "PUT")) else None,
)
def test_a_request_the_spec_forbids_is_a_violation_naming_what(
    api: FakeAPI, method: str, url: str, kwargs: dict[str, Any], named: str
) -> None:
    assert named in violation(api, method, url, **kwargs)


def test_auth_is_checked_where_the_spec_asks_for_it(api: FakeAPI) -> None:
    with httpx.Client(transport=api.transport, base_url="https://fake.test/api") as bare:
        with pytest.raises(SpecViolation, match=r"auth: the request carries no Authorization: Bearer"):
            bare.get("/v1/things")
        assert bare.get("/v1/health").status_code == 200  # security: [{}]


def test_calls_record_what_was_sent_typed_as_the_spec_says(api: FakeAPI) -> None:
    with client(api) as http:
        http.get("/v1/things", params={"limit": 5, "status": ["READY", "FAILED"], "other": "x"})
        http.post("/v1/search", data={"q": "needle", "page": "2"})
        http.post("/v1/things/t%2F1/files", files={"file": ("a.bin", b"\x00\xff"), "note": (None, "hi")})
    listing, search, upload = api.calls
    assert (listing.operation, listing.route) == ("things.list_things", "GET /v1/things")
    assert listing.query == {"limit": 5, "status": ["READY", "FAILED"], "other": "x"}
    assert search.body == {"q": "needle", "page": 2}
    assert upload.path_params == {"thing_id": "t/1"} and upload.body == {"file": b"\x00\xff", "note": "hi"}
    assert upload.status == 200 and api.calls_to("things.create_file") == [upload]


def test_the_same_answer_every_time_and_timestamps_from_the_clock() -> None:
    clock = FakeClock()
    first, second = FakeAPI(SPEC, clock=clock, base_path="/api"), FakeAPI(SPEC, base_path="/api")
    with client(first) as a, client(second) as b:
        assert a.get("/v1/things/x").content == b.get("/v1/things/x").content
        clock.advance(90)
        assert a.post("/v1/things", json={"name": "later"}).json()["created_at"] == "2026-01-01T00:01:30Z"


def test_threads_creating_at_once_get_keys_of_their_own(api: FakeAPI) -> None:
    def create() -> None:
        with client(api) as http:
            for _ in range(10):
                http.post("/v1/things", json={"name": "t"})

    threads = [threading.Thread(target=create) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({item["id"] for item in api.stored("things.list_things", {})}) == 80


# -- the checker and the values it makes, keyword by keyword ---------------------------------------

DOC_31 = {
    "openapi": "3.1.0",
    "components": {
        "schemas": {
            "Node": {
                "type": "object",
                "properties": {"next": {"$ref": "#/components/schemas/Node"}, "value": {"type": "integer"}},
                "required": ["value"],
            }
        }
    },
}
DOC_30 = {"openapi": "3.0.3"}


@pytest.mark.parametrize(
    ("schema", "value", "problem"),
    [
        ({"type": "integer"}, 1.0, None),
        ({"type": "integer"}, True, "a boolean true where an integer is expected"),
        ({"type": ["string", "null"]}, None, None),
        ({"type": "string", "nullable": True}, None, None),
        ({"const": 0}, False, "false where only 0 is allowed"),
        ({"enum": [1, "a"]}, 1.0, None),
        ({"type": "number", "minimum": 1, "exclusiveMinimum": True}, 1, "is below the minimum"),
        ({"type": "number", "exclusiveMaximum": 5}, 5, "is not below 5"),
        ({"type": "string", "pattern": "^a+$"}, "ab", "does not match the pattern ^a+$"),
        ({"type": "string", "format": "date-time"}, "2026-01-02T03:04:05", "is not an RFC 3339 date-time"),
        ({"type": "string", "format": "date-time"}, "2026-01-02T03:04:05.5+01:00", None),
        ({"type": "string", "format": "date"}, "2026-02-30", "is not an RFC 3339 date"),
        ({"type": "string", "format": "uuid"}, "not-a-uuid", "is not a UUID"),
        ({"type": "array", "minItems": 2}, [1], "1 items, fewer than 2"),
        (
            {"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
            ["a", "b"],
            "[1]: a string",
        ),
        (
            {"type": "object", "additionalProperties": {"type": "integer"}},
            {"a": "b"},
            'a: a string "b" where an integer',
        ),
        (
            {"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False},
            {"x-a": "ok"},
            None,
        ),
        ({"type": "object", "maxProperties": 1}, {"a": 1, "b": 2}, "more than 1 fields"),
        ({"allOf": [{"required": ["a"]}, {"required": ["b"]}]}, {"a": 1}, "b: required, missing"),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, 3, "fits none of the 2 schemas anyOf allows"),
        ({"anyOf": [{"type": "object", "required": ["a"]}, {"type": "null"}]}, {}, "a: required, missing"),
        ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 1, "fits 2 of the schemas oneOf allows"),
        ({"not": {"type": "string"}}, "s", "fits a schema it must not"),
        ({"$ref": "#/components/schemas/Node"}, {"value": 1, "next": {"value": "x"}}, "next.value: a string"),
        ({"type": "object", "required": ["id"], "properties": {"id": {"readOnly": True}}}, {}, None),
    ],
)
def test_the_checker_names_where_a_value_breaks_a_schema(schema: Any, value: Any, problem: str | None) -> None:
    found = Schemas(DOC_31).problems(schema, value, request=True)
    assert (found == []) if problem is None else any(problem in line for line in found), found


def within_fields(levels: int, schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` as a required field's, `levels` objects deep."""
    for _ in range(levels):
        schema = {"type": "object", "required": ["page"], "properties": {"page": schema}}
    return schema


@pytest.mark.parametrize(
    "schema",
    [
        {"$ref": "#/components/schemas/Node"},
        {"type": "integer", "minimum": 3, "multipleOf": 5},
        {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
        {"type": "string", "minLength": 12, "maxLength": 12},
        {"type": "string", "pattern": "^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$"},
        {"type": "string", "pattern": "^helloworld.*"},
        {"type": "string", "format": "uuid"},
        {"type": "array", "minItems": 2, "items": {"enum": ["a", "b"]}},
        {
            "oneOf": [
                {"type": "object"},
                {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False},
            ]
        },
        {
            "allOf": [
                {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False},
                {"properties": {"b": {"type": "string"}}},
            ]
        },
        {"anyOf": [{"type": "null"}, {"type": "object", "required": ["a"], "properties": {"a": {"const": 1}}}]},
        {"type": ["null", "boolean"]},
        # Spotify's paging, deeper than optional fields are made: `items` required by one part, its schema
        # (an array) in another
        within_fields(
            5,
            {
                "allOf": [
                    {"type": "object", "required": ["items"], "properties": {"total": {"type": "integer"}}},
                    {"type": "object", "properties": {"items": {"type": "array"}}},
                ]
            },
        ),
    ],
)
def test_a_made_value_fits_its_schema(schema: Any) -> None:
    made = Examples(Schemas(DOC_31), datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)).value(schema)
    assert Schemas(DOC_31).problems(schema, made) == [], made


def test_openapi_30_nullable_and_boolean_exclusive_bounds() -> None:
    schemas = Schemas(DOC_30)
    assert schemas.fits({"type": "integer", "nullable": True}, None)
    assert not schemas.fits({"type": "integer"}, None)
    assert not schemas.fits({"type": "integer", "maximum": 5, "exclusiveMaximum": True}, 5)
    assert (
        Examples(schemas, datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)).value(
            {"type": "integer", "minimum": 5, "exclusiveMinimum": True}
        )
        == 6
    )
