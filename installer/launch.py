"""The frozen program's entry script (PyInstaller needs a file, not a console-script entry point)."""
import multiprocessing
import sys

from sanxiang_desktop.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()   # harmless when unused; a worker process must not start the GUI
    sys.exit(main())
