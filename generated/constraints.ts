// Generated from openapi/multi-entity.yaml by `npm run generate`. DO NOT EDIT BY HAND.
// Change the spec and run the command again; `npm run check:generated` (run in CI) fails when this file
// and the spec drift apart.

/** The request constraints the spec states, as the client enforces them before sending. */
export const constraints = {
  "retryableReasonCategories": [
    50,
    61,
    70,
    99
  ],
  "operations": {
    "listEntities": {
      "operationId": "listEntities",
      "method": "GET",
      "path": "/v1/entities",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {},
      "query": {
        "provisioned": {
          "required": false,
          "type": "boolean"
        }
      },
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "createEntity": {
      "operationId": "createEntity",
      "method": "POST",
      "path": "/v1/entities",
      "auth": true,
      "successFlag": true,
      "body": true,
      "bodyRequired": true,
      "contentType": "application/json",
      "fields": {
        "displayName": {
          "required": false,
          "type": "string",
          "maxLength": 255
        },
        "locale": {
          "required": true,
          "type": "string"
        },
        "name": {
          "required": true,
          "type": "string",
          "maxLength": 255,
          "pattern": "^[A-Za-z0-9 .-]+$",
          "patternDescription": "one or more letters A–Z and a–z, digits 0–9, spaces, periods or hyphens"
        },
        "parentId": {
          "required": true,
          "type": "string"
        },
        "timezone": {
          "required": true,
          "type": "string"
        }
      },
      "pathParams": {},
      "query": {},
      "headers": [
        "Idempotency-Key",
        "Accept-Encoding",
        "Content-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "getEntity": {
      "operationId": "getEntity",
      "method": "GET",
      "path": "/v1/entities/{id}",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {
        "id": {
          "required": true,
          "type": "string",
          "maxLength": 32,
          "pattern": "^[0-9A-Za-z-]+$",
          "patternDescription": "one or more letters A–Z and a–z, digits 0–9 or hyphens"
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "updateEntity": {
      "operationId": "updateEntity",
      "method": "PUT",
      "path": "/v1/entities/{id}",
      "auth": true,
      "successFlag": true,
      "body": true,
      "bodyRequired": true,
      "contentType": "application/json",
      "fields": {
        "displayName": {
          "required": false,
          "type": "string",
          "maxLength": 255
        },
        "locale": {
          "required": false,
          "type": "string"
        },
        "name": {
          "required": false,
          "type": "string",
          "maxLength": 255,
          "pattern": "^[A-Za-z0-9 .-]+$",
          "patternDescription": "one or more letters A–Z and a–z, digits 0–9, spaces, periods or hyphens"
        },
        "timezone": {
          "required": false,
          "type": "string"
        }
      },
      "pathParams": {
        "id": {
          "required": true,
          "type": "string",
          "maxLength": 32,
          "pattern": "^[0-9A-Za-z-]+$",
          "patternDescription": "one or more letters A–Z and a–z, digits 0–9 or hyphens"
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Content-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "deleteEntity": {
      "operationId": "deleteEntity",
      "method": "DELETE",
      "path": "/v1/entities/{id}",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {
        "id": {
          "required": true,
          "type": "string",
          "maxLength": 32,
          "pattern": "^[0-9A-Za-z-]+$",
          "patternDescription": "one or more letters A–Z and a–z, digits 0–9 or hyphens"
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "provisionEntity": {
      "operationId": "provisionEntity",
      "method": "PUT",
      "path": "/v1/entities/{id}/provision",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {
        "id": {
          "required": true,
          "type": "string",
          "maxLength": 32,
          "pattern": "^[0-9A-Za-z-]+$",
          "patternDescription": "one or more letters A–Z and a–z, digits 0–9 or hyphens"
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "listAccessibleEntities": {
      "operationId": "listAccessibleEntities",
      "method": "GET",
      "path": "/v1/users/{username}/accessible-entities",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {
        "username": {
          "required": true,
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.{1,2}$)",
          "patternDescription": "a name other than . and .."
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "requestUserAccess": {
      "operationId": "requestUserAccess",
      "method": "PUT",
      "path": "/v1/users/{username}/request-access",
      "auth": true,
      "successFlag": true,
      "body": true,
      "bodyRequired": true,
      "contentType": "application/json",
      "fields": {
        "targetEntityIds": {
          "required": true,
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string",
            "maxLength": 32
          }
        }
      },
      "pathParams": {
        "username": {
          "required": true,
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.{1,2}$)",
          "patternDescription": "a name other than . and .."
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Content-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "acceptUserAccess": {
      "operationId": "acceptUserAccess",
      "method": "PUT",
      "path": "/v1/users/{username}/accept-access",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {
        "username": {
          "required": true,
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.{1,2}$)",
          "patternDescription": "a name other than . and .."
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "denyUserAccess": {
      "operationId": "denyUserAccess",
      "method": "PUT",
      "path": "/v1/users/{username}/deny-access",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {
        "username": {
          "required": true,
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.{1,2}$)",
          "patternDescription": "a name other than . and .."
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "listConnections": {
      "operationId": "listConnections",
      "method": "GET",
      "path": "/v1/entity-connections",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {},
      "query": {
        "type": {
          "required": false,
          "type": "string",
          "enum": [
            "inbound",
            "outbound"
          ]
        },
        "page": {
          "required": false,
          "type": "integer",
          "minimum": 1,
          "default": 1
        },
        "pageSize": {
          "required": false,
          "type": "integer",
          "minimum": 1,
          "maximum": 300,
          "default": 30
        }
      },
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ],
      "pagination": {
        "helper": "allConnections",
        "page": "page",
        "pageSize": "pageSize",
        "items": "entityConnections",
        "next": "nextPage"
      }
    },
    "initiateConnection": {
      "operationId": "initiateConnection",
      "method": "POST",
      "path": "/v1/entity-connections",
      "auth": true,
      "successFlag": true,
      "body": true,
      "bodyRequired": true,
      "contentType": "application/json",
      "fields": {
        "targetEntityId": {
          "required": true,
          "type": "string",
          "maxLength": 32
        }
      },
      "pathParams": {},
      "query": {},
      "headers": [
        "Idempotency-Key",
        "Accept-Encoding",
        "Content-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "acceptConnection": {
      "operationId": "acceptConnection",
      "method": "PUT",
      "path": "/v1/entity-connections/{connection-id}/accept",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {
        "connection-id": {
          "required": true,
          "type": "string",
          "maxLength": 32,
          "pattern": "^[0-9A-Za-z-]+$",
          "patternDescription": "one or more letters A–Z and a–z, digits 0–9 or hyphens"
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "denyConnection": {
      "operationId": "denyConnection",
      "method": "PUT",
      "path": "/v1/entity-connections/{connection-id}/deny",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {
        "connection-id": {
          "required": true,
          "type": "string",
          "maxLength": 32,
          "pattern": "^[0-9A-Za-z-]+$",
          "patternDescription": "one or more letters A–Z and a–z, digits 0–9 or hyphens"
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "disconnectConnection": {
      "operationId": "disconnectConnection",
      "method": "PUT",
      "path": "/v1/entity-connections/{connection-id}/disconnect",
      "auth": true,
      "successFlag": true,
      "body": false,
      "bodyRequired": false,
      "fields": {},
      "pathParams": {
        "connection-id": {
          "required": true,
          "type": "string",
          "maxLength": 32,
          "pattern": "^[0-9A-Za-z-]+$",
          "patternDescription": "one or more letters A–Z and a–z, digits 0–9 or hyphens"
        }
      },
      "query": {},
      "headers": [
        "Accept-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "shareProduct": {
      "operationId": "shareProduct",
      "method": "POST",
      "path": "/v1/catalog/products/{product-id}/share",
      "auth": true,
      "successFlag": true,
      "body": true,
      "bodyRequired": true,
      "contentType": "application/json",
      "fields": {
        "toEntityIds": {
          "required": true,
          "type": "array",
          "minItems": 1,
          "maxItems": 1,
          "items": {
            "type": "string",
            "maxLength": 32
          }
        }
      },
      "pathParams": {
        "product-id": {
          "required": true,
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.{1,2}$)",
          "patternDescription": "a value other than . and .."
        }
      },
      "query": {},
      "headers": [
        "Idempotency-Key",
        "Accept-Encoding",
        "Content-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "createToken": {
      "operationId": "createToken",
      "method": "POST",
      "path": "/oauth/token",
      "auth": false,
      "successFlag": false,
      "body": true,
      "bodyRequired": true,
      "contentType": "application/x-www-form-urlencoded",
      "fields": {
        "client_id": {
          "required": true,
          "type": "string"
        },
        "client_secret": {
          "required": true,
          "type": "string",
          "secret": true
        },
        "grant_type": {
          "required": true,
          "type": "string",
          "enum": [
            "client_credentials"
          ]
        }
      },
      "pathParams": {},
      "query": {},
      "headers": []
    }
  },
  "headers": {
    "Accept-Encoding": {},
    "Zuora-Track-Id": {
      "maxLength": 64,
      "pattern": "^[\\x20\\x21\\x23-\\x26\\x28-\\x39\\x3C-\\x7E]*$",
      "patternDescription": "printable US-ASCII characters (space to ~) other than colon, semicolon, double quote and quote"
    },
    "Zuora-Entity-Ids": {},
    "Idempotency-Key": {
      "minLength": 1,
      "maxLength": 255,
      "methods": [
        "POST",
        "PATCH"
      ]
    },
    "Content-Encoding": {}
  }
} as const;

/** The shape of {@link constraints}. */
export type Constraints = typeof constraints;
