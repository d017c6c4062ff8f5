"""Security Framings: helpers for notebooks on Bordachev's essay.

Import the submodules you need (``from helpers.sources.essay import quote``); nothing runs on import.
"""
