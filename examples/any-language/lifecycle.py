"""The Multi-entity lifecycle against zuora-stand-in, with Python's standard library alone.

    npx zuora-stand-in --port 4010 &
    python3 lifecycle.py http://127.0.0.1:4010

Seeds a region by name, creates and provisions a country under it, connects the two, meets an injected 503,
reads the tenant back by names, and starts over. Prints what it saw as one JSON object. The stand-in's URL is the
first argument, else ZUORA_BASE_URL (as the CI jobs set it), else http://127.0.0.1:4010; the stand-in must not
hold an entity named EMEA yet (a fresh one, or one just reset).
"""

import json
import os
import sys
import urllib.error
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ZUORA_BASE_URL") or "http://127.0.0.1:4010"


def call(method, path, body=None, entity=None):
    """Sends one request; answers (status, headers, parsed JSON body or None). A 4xx/5xx is an answer too."""
    headers = {"Authorization": "Bearer any-token", "Content-Type": "application/json"}
    if entity:
        headers["Zuora-Entity-Ids"] = entity
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return response.status, response.headers, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        return error.code, error.headers, json.loads(text) if text else None


seen = {}
status, _, health = call("GET", "/__stand-in/health")
seen["health"] = health["status"]

# A seed by names, in the zuora-entities hierarchy file's shape.
status, _, state = call("POST", "/__stand-in/seed", {
    "entities": {"EMEA": {"parent": "Global", "locale": "en_GB", "timezone": "Europe/London", "provisioned": True}},
})
if status != 200:
    # A refused seed answers 400 with every problem in words (an entity named EMEA already exists, ...).
    sys.exit("the stand-in refused the seed (HTTP %d): %s" % (status, (state or {}).get("message")))
emea = state["entities"]["EMEA"]["id"]

# Zuora's own operations, as any client sends them.
status, _, created = call("POST", "/v1/entities", {
    "name": "DE", "parentId": emea, "locale": "de_DE", "timezone": "Europe/Berlin",
})
seen["created"] = [created["success"], created["status"]]
de = created["id"]
status, _, provisioned = call("PUT", "/v1/entities/%s/provision" % de)
seen["provisioned"] = provisioned["success"]
status, _, asked = call("POST", "/v1/entity-connections", {"targetEntityId": de}, entity=emea)
status, _, accepted = call("PUT", "/v1/entity-connections/%s/accept" % asked["id"], entity=de)
seen["accepted"] = accepted["success"]

# A broken rule is HTTP 200 with success false and an 8-digit reason code.
status, _, refused = call("PUT", "/v1/entities/%s/provision" % de)
seen["refused"] = [status, refused["success"], refused["reasons"][0]["code"] % 100]

# A fault for the next listEntities: Zuora's 503, with Retry-After.
call("POST", "/__stand-in/faults", {"fault": {"status": 503, "retryAfterSeconds": 2}, "operationId": "listEntities"})
status, headers, _ = call("GET", "/v1/entities")
seen["fault"] = [status, headers["Retry-After"]]

# The tenant by names, as a test asserts on it.
status, _, state = call("GET", "/__stand-in/state")
seen["state"] = {
    "DE": [state["entities"]["DE"]["parent"], state["entities"]["DE"]["provisioned"]],
    "connections": ["%s->%s %s" % (c["from"], c["to"], c["status"]) for c in state["connections"]],
}

# Between tests: start over.
status, _, _ = call("POST", "/__stand-in/reset")
seen["reset"] = status
status, _, state = call("GET", "/__stand-in/state")
seen["afterReset"] = list(state["entities"])

print(json.dumps(seen))
