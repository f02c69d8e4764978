"""Builds the wheel with the kit's notebooks, sample plans and workshop cases inside the package.

They live at the repository's top (notebooks/, data/) where people edit them; a wheel installed
elsewhere needs them too, so the build copies them into planlib/shipped/, where
planlib.core.resources finds them. An editable install reads the repository's folders directly.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = ("notebooks", "data")
LEFT_OUT = shutil.ignore_patterns(".history", ".ipynb_checkpoints", "__pycache__", ".import", "*.pyc")


class BuildWithKitFiles(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "planlib" / "shipped"
        for name in SHIPPED:
            if (HERE / name).is_dir():
                shutil.rmtree(target / name, ignore_errors=True)
                shutil.copytree(HERE / name, target / name, ignore=LEFT_OUT)


setup(cmdclass={"build_py": BuildWithKitFiles})
