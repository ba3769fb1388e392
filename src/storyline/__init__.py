"""storyline: several news articles about one story in, a cited and corroborated story brief out.

The package imports only light modules up front; models load when a stage first needs them.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType

# Started as the `storyline` command (or `python -m storyline.cli`)? Imported by any other program, a Ctrl-C is
# that program's to handle and show.
_COMMAND = os.path.basename((getattr(sys, "argv", None) or [""])[0]) in ("-m", "storyline")


def _interrupted(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    # Ctrl-C outside the CLI's own guards (while Python runs the CLI module's top level, builds its consoles and
    # commands) still ends in one line, and Python still exits as killed by SIGINT.
    if issubclass(kind, KeyboardInterrupt):
        sys.stderr.write("interrupted\n")
    else:
        sys.__excepthook__(kind, value, tb)


if _COMMAND:
    sys.excepthook = _interrupted

try:
    import logging
    from typing import TYPE_CHECKING, Any

    from storyline.errors import StorylineError
except KeyboardInterrupt:
    # Ctrl-C while the command starts lands here first, before the CLI's own guard: one line and exit 130, as later.
    if _COMMAND:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    raise

if TYPE_CHECKING:
    from storyline.ingest import load_articles
    from storyline.models import Article, Brief
    from storyline.pipeline import brief

__all__ = ["Article", "Brief", "StorylineError", "brief", "load_articles"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    # brief() pulls in the pipeline with numpy and scipy (about half a second of imports), which `import storyline`
    # alone need not pay for; both functions are imported on first use. The models too (pydantic, a third of a
    # second): `storyline.cli` imports them where it can turn a Ctrl-C into one line, and every `storyline.X`
    # runs this file first.
    if name in ("Article", "Brief"):
        from storyline import models

        return getattr(models, name)
    if name == "brief":
        from storyline.pipeline import brief

        return brief
    if name == "load_articles":
        from storyline.ingest import load_articles

        return load_articles
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
