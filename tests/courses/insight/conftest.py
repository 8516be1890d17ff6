from __future__ import annotations

import pytest
import time_machine

from tests.courses.insight.school import NOW, school_build


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def school(frozen, course, paid_course):
    return school_build(course, paid_course)
