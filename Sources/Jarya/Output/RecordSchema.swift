/// The JSON Schema (draft 2020-12) of a record, as `jarya schema` prints it. Users validate
/// their pipelines against it; CI validates every corpus and dev-set record with it.
public enum RecordSchema {
    public static let json = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://jarya.kg/schema/jarya.record/1.json",
          "title": "Jarya record",
          "description": "One JSON Lines record per input document: a processed release, or an error record.",
          "oneOf": [{"$ref": "#/$defs/record"}, {"$ref": "#/$defs/errorRecord"}],
          "$defs": {
            "date": {"type": "string", "pattern": "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|--[0-9]{2}(-[0-9]{2})?)$",
                     "description": "ISO 8601 as precise as the text; --MM-DD when the year is unknown"},
            "time": {"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}(-[0-9]{2}:[0-9]{2})?$"},
            "nullableString": {"type": ["string", "null"]},
            "source": {
              "type": "object",
              "required": ["path", "sha256", "bytes", "format", "encoding"],
              "additionalProperties": false,
              "properties": {
                "path": {"type": "string"},
                "sha256": {"type": "string", "pattern": "^([0-9a-f]{64})?$"},
                "bytes": {"type": "integer", "minimum": 0},
                "format": {"type": "string"},
                "encoding": {"$ref": "#/$defs/nullableString"},
                "url": {"type": "string", "description": "the page's address, when it was given (--url, a .jsonl line's url)"}
              }
            },
            "entity": {
              "type": "object",
              "required": ["type", "text", "span"],
              "properties": {
                "type": {"enum": ["date", "place", "organization", "person", "url", "email", "phone"]},
                "text": {"type": "string", "minLength": 1},
                "span": {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
              },
              "allOf": [
                {"if": {"properties": {"type": {"const": "date"}}},
                 "then": {"required": ["start", "end", "time"], "additionalProperties": false,
                          "properties": {"type": true, "text": true, "span": true,
                                         "start": {"oneOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                                         "end": {"oneOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                                         "time": {"oneOf": [{"$ref": "#/$defs/time"}, {"type": "null"}]},
                                         "source": {"const": "model"}}}},
                {"if": {"properties": {"type": {"const": "place"}}},
                 "then": {"required": ["name", "kind", "country"], "additionalProperties": false,
                          "properties": {"type": true, "text": true, "span": true, "name": {"type": "string"},
                                         "kind": {"enum": ["country", "region", "district", "city", "village", "other"]},
                                         "country": {"oneOf": [{"type": "string", "pattern": "^[A-Z]{2}$"}, {"type": "null"}]},
                                         "source": {"const": "model"}}}},
                {"if": {"properties": {"type": {"const": "organization"}}},
                 "then": {"required": ["name", "acronym"], "additionalProperties": false,
                          "properties": {"type": true, "text": true, "span": true, "name": {"type": "string"},
                                         "acronym": {"$ref": "#/$defs/nullableString"},
                                         "source": {"const": "model"}}}},
                {"if": {"properties": {"type": {"const": "person"}}},
                 "then": {"required": ["name", "role"], "additionalProperties": false,
                          "properties": {"type": true, "text": true, "span": true, "name": {"type": "string"},
                                         "role": {"$ref": "#/$defs/nullableString"},
                                         "source": {"const": "model"}}}},
                {"if": {"properties": {"type": {"enum": ["url", "email", "phone"]}}},
                 "then": {"required": ["value"], "additionalProperties": false,
                          "properties": {"type": true, "text": true, "span": true, "value": {"type": "string"}, "source": {"const": "model"}}}}
              ]
            },
            "event": {
              "type": "object",
              "required": ["kind", "title", "start", "end", "time", "places", "organizers", "funders", "partners", "participants"],
              "additionalProperties": false,
              "properties": {
                "kind": {"enum": ["conference", "seminar", "forum", "round_table", "training", "meeting", "presentation", "opening",
                                  "festival", "exhibition", "fair", "competition", "campaign", "hearing", "press_conference", "other"]},
                "title": {"$ref": "#/$defs/nullableString"},
                "start": {"oneOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                "end": {"oneOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                "time": {"oneOf": [{"$ref": "#/$defs/time"}, {"type": "null"}]},
                "places": {"type": "array", "items": {"type": "string"}},
                "organizers": {"type": "array", "items": {"type": "string"}},
                "funders": {"type": "array", "items": {"type": "string"}},
                "partners": {"type": "array", "items": {"type": "string"}},
                "participants": {
                  "oneOf": [
                    {"type": "null"},
                    {"type": "object", "required": ["count", "qualifier", "countries"], "additionalProperties": false,
                     "properties": {"count": {"type": ["integer", "null"], "minimum": 0},
                                    "qualifier": {"enum": ["more_than", "about", "at_least", "up_to", null]},
                                    "countries": {"type": "array", "items": {"type": "string"}}}}
                  ]
                }
              }
            },
            "record": {
              "type": "object",
              "required": ["schema", "id", "source", "language", "title", "summary", "published", "event", "entities", "text", "warnings", "related"],
              "additionalProperties": false,
              "properties": {
                "schema": {"const": "jarya.record/1"},
                "id": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
                "source": {"$ref": "#/$defs/source"},
                "language": {"enum": ["ky", "ru", "en", "ky+ru", "und"]},
                "title": {"$ref": "#/$defs/nullableString"},
                "summary": {"$ref": "#/$defs/nullableString"},
                "published": {"oneOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                "event": {"oneOf": [{"$ref": "#/$defs/event"}, {"type": "null"}]},
                "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
                "text": {"type": "string"},
                "warnings": {"type": "array", "items": {"type": "string"}},
                "related": {"type": "array", "items": {"type": "object", "required": ["id", "relation"], "additionalProperties": false,
                                                        "properties": {"id": {"type": "string"}, "relation": {"enum": ["translation"]}}}}
              }
            },
            "errorRecord": {
              "type": "object",
              "required": ["schema", "source", "error"],
              "additionalProperties": false,
              "properties": {
                "schema": {"const": "jarya.record/1"},
                "source": {"$ref": "#/$defs/source"},
                "error": {"type": "object", "required": ["code", "message"], "additionalProperties": false,
                          "properties": {"code": {"enum": ["binary", "empty", "missing", "unreadable", "too_large", "malformed", "unsupported", "internal"]},
                                         "message": {"type": "string"}}}
              }
            }
          }
        }
        """#
}
