"""Workshops: exercises with a check, hints and a solution, participant copies, the trainer's progress table.

`engine` runs an exercise's check on a plan folder and never raises;
`exercises/` holds one module per step; `givens` reads what the case asks
(workshop.yaml); `participants` makes a workshop's folders, `progress` reads
them all back; `panel` is what a participant sees in a notebook.
"""
