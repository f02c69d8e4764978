"""Workspaces: the analyst's own plan beside their own copies of the notebooks.

The repository's notebooks are templates and data/example is the kit's
sample: working never modifies them. `create` makes a workspace, `upgrade`
brings its notebooks to newer templates, `lab` opens it in JupyterLab.
"""
