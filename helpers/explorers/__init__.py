"""Widgets: each notebook's controls, render functions and quizzes."""
