"""Where a clinician may hold a license: US states and territories, and
Canadian provinces and territories (ASWB's member boards cover both).

The lists are django-localflavor's; a callable, so that the names are
translated when a form is drawn, not when the models load.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from localflavor.ca.ca_provinces import PROVINCE_CHOICES
from localflavor.us.us_states import (
    CONTIGUOUS_STATES,
    NON_CONTIGUOUS_STATES,
    US_TERRITORIES,
)


def license_regions() -> list[tuple]:
    """Grouped choices: the states (with DC) by name, the territories, Canada."""
    states = sorted(CONTIGUOUS_STATES + NON_CONTIGUOUS_STATES, key=lambda c: str(c[1]))
    return [
        (_("United States"), [*states, *US_TERRITORIES]),
        (_("Canada"), list(PROVINCE_CHOICES)),
    ]
