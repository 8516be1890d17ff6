"""Lesson discussion: posting, reading, moderating (see lessons.models.discussion)."""
