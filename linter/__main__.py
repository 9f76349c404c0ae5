"""``python -m draftlint``: the command, where the ``draftlint`` script is not on PATH."""

import sys

from .cli import main

sys.exit(main())
