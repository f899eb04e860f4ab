"""Use cases: one user action = one function = one transaction = one audit entry."""
from . import records, people, posts, units, search_keys  # noqa: F401  (registers rules and hooks)
from .records import create, update, delete, restore, get  # noqa: F401
from .posts import appoint, end_post  # noqa: F401
from .result import Changes, Duplicate, Result  # noqa: F401
from .workspace import Workspace  # noqa: F401
