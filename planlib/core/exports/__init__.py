"""The exports people download from their tools, read into additive long rows.

A file goes through four rooms: `sections` cuts it into tables (comment blocks,
title lines, several sections, notes below a table); `sources` knows each tool's
layout from a YAML file and picks the one a file fits; `cells` reads a column's
dates and numbers, deciding the date order and the decimal mark from all its
cells at once; `reader` applies a source to a file and says what it left out.
Nothing here knows a plan: the review and the budget steps write what it reads.
"""
