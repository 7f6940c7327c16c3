"""aiterms: a fast, bilingual terminal reference for AI and machine-learning concepts."""

__version__ = "0.1.0"
