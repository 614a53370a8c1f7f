"""The JSON Schema of scenario files, generated from the models, for editors' checking and completion."""

from __future__ import annotations

import json

from .models import Manifest

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict:
    """One schema for every scenario file: the manifest's keys with none required, so that it also
    fits content files (which section belongs where is checked by `crisis validate`)."""
    schema = Manifest.model_json_schema(by_alias=True)
    schema.pop("required", None)
    schema["title"] = "crisis scenario file (formats 1 and 2)"
    schema["description"] = ("A file of a crisis scenario: scenario.yaml (the manifest) or a content file."
                             " See scenarios/README.md.")
    return {"$schema": SCHEMA_URL, **schema}


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def translation_json_schema() -> dict:
    """The schema of a scenario's translation files (translations/<language>/*.yaml)."""
    from .translations import TranslationFile

    schema = TranslationFile.model_json_schema(by_alias=True)
    schema["title"] = "crisis scenario translation file"
    schema["description"] = ("A file of a scenario's translation, translations/<language>/*.yaml: the scenario's"
                             " text in another language, keyed by the scenario's ids. See scenarios/README.md.")
    return {"$schema": SCHEMA_URL, **schema}


def translation_schema_text() -> str:
    return json.dumps(translation_json_schema(), indent=2, ensure_ascii=False) + "\n"
