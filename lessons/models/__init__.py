from lessons.models.pages import LessonPage, QuizPage
from lessons.models.progress import ItemCompletion
from lessons.models.quizzes import QuizAttempt, QuizAttemptGrant, RevealRule

__all__ = [
    "ItemCompletion",
    "LessonPage",
    "QuizAttempt",
    "QuizAttemptGrant",
    "QuizPage",
    "RevealRule",
]
