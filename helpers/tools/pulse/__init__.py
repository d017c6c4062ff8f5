"""The class pulse: a JupyterHub service where each student commits to a prediction, then the room
sees the spread.

``app`` (the tornado web application and its handlers), ``store`` (the SQLAlchemy tables),
``page`` (the teacher's live page) and ``__main__`` (``python -m helpers.tools.pulse``, as the
hub starts it). The prediction widget in the notebooks is ``helpers.explorers.pulse``; the
questions are ``helpers/data/predictions.toml``. Setting it up on a hub: ``docs/jupyterhub.md``.
"""
