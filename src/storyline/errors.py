"""The exceptions storyline raises.

StorylineError
 ├── InputError        the articles or data given cannot be used (unreadable, empty, too large, no text left)
 │   └── NoUsableArticle  every input was unreadable, empty or a duplicate
 ├── ConfigError       an option or settings value is invalid
 ├── ModelUnavailable  a model package is not installed, or a model file is unreadable or made for another version
 └── StoreError        the SQLite store cannot be read or written
     └── BriefNotFound  no saved brief (or no article of one) has the id asked for
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storyline.models import Problem


class StorylineError(Exception):
    """Root of every error storyline raises on purpose."""


class InputError(StorylineError):
    """The input cannot be turned into a brief; `problems` lists what was wrong with each input."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


class NoUsableArticle(InputError):
    """No input gave an article to brief; `problems` says why for each one."""


class ConfigError(StorylineError):
    """An option or setting has a value storyline cannot use."""


class ModelUnavailable(StorylineError):
    """A model a stage needs cannot be used: its package is not installed, or its file is unreadable or was made for
    another version of the features."""


class StoreError(StorylineError):
    """The brief store cannot be opened, read or written."""


class BriefNotFound(StoreError):
    """No saved brief, or no article in a saved brief, has the id asked for."""
