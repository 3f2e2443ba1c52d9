"""Worked examples: for a small spec written out below, the call a user writes, the request that goes on
the wire and the value that comes back, each literally. Read one and you know what `make generate`
promises for any spec; the rest of tests/ checks the same promises on every operation of openapi.yaml.

The spec is generated once a test session, as the package `worked_examples` (generator-config.yaml's
settings otherwise), by the pipeline `make generate` runs.
"""

import asyncio
import importlib
import json
import shutil
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from pipeline.project import ROOT
from tests.operation_calls import run_pipeline

SPEC = """
openapi: 3.1.0
info: {title: Pet store, version: "1"}
servers: [{url: "https://api.example.test"}]
security: [{ApiKey: []}]
components:
  securitySchemes:
    ApiKey: {type: apiKey, in: header, name: Authorization, description: "`Authorization: Api-Key <key>`"}
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: {type: string}
        name: {type: string}
        kind: {type: string, enum: [cat, dog]}
    NewPet:
      type: object
      required: [name]
      properties:
        name: {type: string}
        kind: {type: string, enum: [cat, dog]}
    Pets:
      type: object
      required: [pets, pagination]
      properties:
        pets: {type: array, items: {$ref: "#/components/schemas/Pet"}}
        pagination:
          type: object
          required: [has_more]
          properties:
            cursor: {type: [string, "null"]}
            has_more: {type: boolean}
    Error:
      type: object
      required: [message]
      properties:
        message: {type: string}
paths:
  /v1/pets:
    get:
      summary: List pets
      parameters:
        - {name: kind, in: query, schema: {type: array, items: {type: string}}}
        - {name: cursor, in: query, schema: {type: string}}
      responses:
        "200": {description: A page of pets, content: {application/json: {schema: {$ref: "#/components/schemas/Pets"}}}}
    post:
      summary: Create a pet
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/NewPet"}}}
      responses:
        "201": {description: Created, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
  /v1/pets/search:
    get:
      operationId: search_pets
      summary: Search pets
      parameters:
        - {name: ids, in: query, style: form, explode: false, schema: {type: array, items: {type: string}}}
        - {name: names, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: string}}}
        - name: filter
          in: query
          style: deepObject
          schema: {type: object, properties: {kind: {type: string, enum: [cat, dog]}, min_age: {type: integer}}}
      responses:
        "200":
          description: The pets found
          content:
            application/xml: {schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}}
            application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}}
  /v1/pets/{pet_id}:
    parameters:
      - {name: pet_id, in: path, required: true, schema: {type: string}}
    get:
      summary: Get a pet
      responses:
        "200": {description: The pet, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
        "404": {description: No such pet, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
  /v1/pets/{pet_id}/photo:
    servers: [{url: "https://uploads.example.test"}]
    parameters:
      - {name: pet_id, in: path, required: true, schema: {type: string}}
    put:
      summary: Replace a pet's photo
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [photo]
              properties:
                photo: {type: string, format: binary}
      responses:
        "204": {description: Replaced}
"""


@pytest.fixture(scope="session")
def pets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package generated from SPEC, imported."""
    root = tmp_path_factory.mktemp("worked_examples")
    (root / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    config = (ROOT / "generator-config.yaml").read_text(encoding="utf-8")
    config = config.replace("package_name_override: baseten_management", "package_name_override: worked_examples")
    (root / "generator-config.yaml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "templates", root / "templates")
    inputs = {"--spec": "openapi.yaml", "--config": "generator-config.yaml", "--templates": "templates"}
    arguments = [str(item) for flag, name in inputs.items() for item in (flag, root / name)]
    result = run_pipeline("generate", *arguments, "--out", str(root / "generated"))
    assert result.returncode == 0, result.stderr
    sys.path.insert(0, str(root / "generated"))
    try:
        yield importlib.import_module("worked_examples")
    finally:
        sys.path.remove(str(root / "generated"))


class Server:
    """Answers each request with the next reply given; keeps what was sent."""

    def __init__(self, *replies: httpx.Response) -> None:
        self.replies = list(replies)
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.sent.append(request)
        return self.replies.pop(0)


def generated(module: str) -> Any:
    """`worked_examples.<module>`, imported by name: the package exists only once the session has made it."""
    return importlib.import_module(f"worked_examples.{module}")


def answer(status: int, body: str) -> httpx.Response:
    """A JSON response with exactly these bytes (httpx's own json= spacing differs between versions)."""
    return httpx.Response(status, content=body.encode(), headers={"content-type": "application/json"})


def client(pets: ModuleType, server: Server, **options: Any) -> Any:
    transport = httpx.MockTransport(server)
    return pets.AuthenticatedClient(token="k-123", httpx_args={"transport": transport}, **options)


def test_a_json_body_is_sent_as_written_and_the_answer_is_its_model(pets: ModuleType) -> None:
    models = generated("models")
    NewPet, NewPetKind, Pet = models.NewPet, models.NewPetKind, models.Pet

    server = Server(httpx.Response(201, json={"id": "p1", "name": "Rex", "kind": "dog"}))

    created = client(pets, server).pets.create_pet(body=NewPet(name="Rex", kind=NewPetKind.DOG))

    (sent,) = server.sent
    assert (sent.method, str(sent.url)) == ("POST", "https://api.example.test/v1/pets")
    assert sent.headers["authorization"] == "Api-Key k-123"
    assert sent.headers["content-type"] == "application/json"
    assert json.loads(sent.content) == {"name": "Rex", "kind": "dog"}
    assert created == Pet(id="p1", name="Rex", kind=pets.models.PetKind.DOG)


def test_a_plain_dict_body_is_accepted_too(pets: ModuleType) -> None:
    server = Server(httpx.Response(201, json={"id": "p1", "name": "Rex"}))

    client(pets, server).pets.create_pet(body={"name": "Rex"})

    assert json.loads(server.sent[0].content) == {"name": "Rex"}


def test_an_array_query_parameter_repeats_its_name_and_spaces_are_percent_encoded(pets: ModuleType) -> None:
    server = Server(httpx.Response(200, json={"pets": [], "pagination": {"cursor": None, "has_more": False}}))

    client(pets, server).pets.list_pets(kind=["big dog", "cat"])

    assert str(server.sent[0].url) == "https://api.example.test/v1/pets?kind=big%20dog&kind=cat"


def test_a_query_parameter_goes_out_in_the_style_the_spec_asks_for(pets: ModuleType) -> None:
    models = generated("models")
    SearchPetsFilter, SearchPetsFilterKind = models.SearchPetsFilter, models.SearchPetsFilterKind

    server = Server(httpx.Response(200, json=[]))
    kind = SearchPetsFilterKind.CAT

    client(pets, server).pets.search_pets(ids=["p1", "p2"], names=["Rex", "Tom"], filter_=SearchPetsFilter(kind, 2))

    query = "ids=p1%2Cp2&names=Rex%7CTom&filter%5Bkind%5D=cat&filter%5Bmin_age%5D=2"  # ids=p1,p2&names=Rex|Tom&...
    assert str(server.sent[0].url) == f"https://api.example.test/v1/pets/search?{query}"


def test_the_accept_header_asks_for_what_the_client_reads(pets: ModuleType) -> None:
    server = Server(httpx.Response(200, json=[]))

    client(pets, server).pets.search_pets()  # documented as XML first, then JSON

    assert server.sent[0].headers["accept"] == "application/json"


def test_a_path_parameter_is_one_segment(pets: ModuleType) -> None:
    server = Server(httpx.Response(200, json={"id": "a/b", "name": "Rex"}))

    client(pets, server).pets.get_pet("a/b")

    assert server.sent[0].url.raw_path == b"/v1/pets/a%2Fb"


def test_a_documented_error_raises_its_class_with_the_body_parsed(pets: ModuleType) -> None:
    server = Server(answer(404, '{"message":"no such pet"}'))

    with pytest.raises(pets.errors.NotFoundError) as raised:
        client(pets, server).pets.get_pet("p9")

    assert raised.value.status_code == 404
    assert raised.value.parsed == pets.models.Error(message="no such pet")
    assert str(raised.value) == "GET /v1/pets/p9: HTTP 404: no such pet"  # the body's message, not its JSON


def test_a_body_missing_a_required_field_is_an_unexpected_response_naming_the_field(pets: ModuleType) -> None:
    server = Server(answer(200, '{"id":"p1"}'))

    with pytest.raises(pets.errors.UnexpectedResponse) as raised:
        client(pets, server).pets.get_pet("p1")

    message = "GET /v1/pets/p1: HTTP 200 response does not match the spec (name: required field missing)"
    assert (str(raised.value), raised.value.content) == (message, b'{"id":"p1"}')


def test_iterate_follows_the_cursor_until_has_more_is_false(pets: ModuleType) -> None:
    page = {"pets": [{"id": "p1", "name": "Rex"}], "pagination": {"cursor": "c2", "has_more": True}}
    last = {"pets": [{"id": "p2", "name": "Tom"}], "pagination": {"cursor": None, "has_more": False}}
    server = Server(httpx.Response(200, json=page), httpx.Response(200, json=last))

    names = [pet.name for pet in client(pets, server).pets.list_pets.iterate(kind=["cat"])]

    assert names == ["Rex", "Tom"]
    assert [str(r.url.query, "ascii") for r in server.sent] == ["kind=cat", "kind=cat&cursor=c2"]


def test_an_upload_arrives_byte_for_byte(pets: ModuleType) -> None:
    ReplacePhotoBody, File = generated("models").ReplacePhotoBody, generated("types").File

    photo = bytes(range(256)) * 4
    server = Server(httpx.Response(204))

    client(pets, server).pets.replace_photo("p1", body=ReplacePhotoBody(photo=File(payload=photo, file_name="p.png")))

    boundary = server.sent[0].headers["content-type"].split("boundary=")[1].encode()
    part = server.sent[0].content.split(b"--" + boundary)[1]
    assert part.split(b"\r\n\r\n", 1)[1] == photo + b"\r\n"


def test_an_operation_served_from_its_own_host_goes_there_unless_base_url_is_yours(pets: ModuleType) -> None:
    ReplacePhotoBody, File = generated("models").ReplacePhotoBody, generated("types").File

    body = ReplacePhotoBody(photo=File(payload=b"png", file_name="p.png"))
    server = Server(httpx.Response(204), httpx.Response(204))

    client(pets, server).pets.replace_photo("p1", body=body)  # the path item's `servers`
    client(pets, server, base_url="http://127.0.0.1:4010").pets.replace_photo("p1", body=body)  # a mock's

    assert str(server.sent[0].url) == "https://uploads.example.test/v1/pets/p1/photo"
    assert str(server.sent[1].url) == "http://127.0.0.1:4010/v1/pets/p1/photo"


def test_the_async_client_sends_the_same_request(pets: ModuleType) -> None:
    server = Server(httpx.Response(200, json={"id": "p1", "name": "Rex"}))

    pet = asyncio.run(client(pets, server).aio.pets.get_pet("p1"))

    assert (server.sent[0].method, server.sent[0].url.path, pet.name) == ("GET", "/v1/pets/p1", "Rex")
