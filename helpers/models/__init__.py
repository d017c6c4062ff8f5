"""Small teaching models, each labelled as a model: bargaining, motives, the leveller, arms races.

Import the submodule you need, e.g. ``from helpers.models import bargaining``.
"""
