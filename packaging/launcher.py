"""Entry point of the bundled program (PyInstaller)."""

import multiprocessing
import sys

from ui.app import main

if __name__ == "__main__":
    # a big import checks its rows in processes started from this very program: in one,
    # freeze_support runs the worker and exits instead of opening the window again
    multiprocessing.freeze_support()
    sys.exit(main())
