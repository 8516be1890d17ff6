from lessons.models.discussion import AuthorRole, Post, PostKind, PostReport
from lessons.models.pages import LessonPage, QuizPage
from lessons.models.quizzes import QuizAttempt, QuizAttemptGrant, RevealRule

__all__ = [
    "AuthorRole",
    "Post",
    "PostKind",
    "PostReport",
    "LessonPage",
    "QuizAttempt",
    "QuizAttemptGrant",
    "QuizPage",
    "RevealRule",
]
