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
    "createEntity": {
      "operationId": "createEntity",
      "method": "POST",
      "path": "/v1/entities",
      "bodyRequired": true,
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
      "headers": [
        "Idempotency-Key",
        "Accept-Encoding",
        "Content-Encoding",
        "Zuora-Track-Id",
        "Zuora-Entity-Ids"
      ]
    },
    "initiateConnection": {
      "operationId": "initiateConnection",
      "method": "POST",
      "path": "/v1/entity-connections",
      "bodyRequired": true,
      "fields": {
        "targetEntityId": {
          "required": true,
          "type": "string",
          "maxLength": 32
        }
      },
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
      "bodyRequired": true,
      "fields": {
        "client_id": {
          "required": true,
          "type": "string"
        },
        "client_secret": {
          "required": true,
          "type": "string"
        },
        "grant_type": {
          "required": true,
          "type": "string",
          "enum": [
            "client_credentials"
          ]
        }
      },
      "headers": []
    }
  },
  "headers": {
    "Idempotency-Key": {
      "minLength": 1,
      "maxLength": 255,
      "methods": [
        "POST",
        "PATCH"
      ]
    },
    "Accept-Encoding": {},
    "Content-Encoding": {},
    "Zuora-Track-Id": {
      "maxLength": 64,
      "pattern": "^[\\x20\\x21\\x23-\\x26\\x28-\\x39\\x3C-\\x7E]*$",
      "patternDescription": "printable US-ASCII characters (space to ~) other than colon, semicolon, double quote and quote"
    },
    "Zuora-Entity-Ids": {}
  }
} as const;

/** The shape of {@link constraints}. */
export type Constraints = typeof constraints;
