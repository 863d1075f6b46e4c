"""Ticketwise's developer and build driver: ``python3 installer/dev.py run|test|bench [ARGS...]``.

On Windows: ``py installer\\dev.py run``. ``--help`` tells the rest. Standard library only.

This file only gates the Python version, in syntax every Python still parses (2.7 and 3.6
included), so that an old interpreter says so plainly instead of failing on a SyntaxError; the
driver itself is ``devtool.py`` next to it.
"""

import os
import sys

if sys.version_info < (3, 11):  # noqa: UP036 - the point of this file
    sys.stderr.write(
        "dev.py: Ticketwise needs Python 3.11 or newer; this is Python "
        + ".".join(str(part) for part in sys.version_info[:3])
        + " ("
        + str(sys.executable)
        + ").\nRun it with a newer one, e.g. `python3.11 installer/dev.py ...`"
        + " (Windows: `py -3.11 installer\\dev.py ...`).\n"
    )
    sys.exit(1)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from devtool import main  # after the version gate: devtool.py needs 3.11

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
