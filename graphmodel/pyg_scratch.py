"""Keep torch-geometric's generated modules out of the user's TMPDIR.

PyG renders each MessagePassing class's `propagate` from a jinja template into
`tempfile.NamedTemporaryFile(delete=False)` and imports it: two files per process that are
never removed (issue 14, item 7). The module is imported once and cached in `sys.modules`
under the class's name, so the file is not needed after construction: build the layers with
`tempfile` pointed at a private directory and remove the directory afterwards.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def pyg_template_scratch() -> Iterator[None]:
    """Within this block, files `tempfile` creates land in a directory removed at its end."""
    private = tempfile.mkdtemp(prefix="ladder-pyg-")
    previous = tempfile.tempdir
    tempfile.tempdir = private
    try:
        yield
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(private, ignore_errors=True)
