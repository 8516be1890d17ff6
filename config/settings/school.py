"""Settings of the school itself: payments, CE records, discussion, announcements.

Star-imported by ``base.py``; environment variables as in README.md.
"""

from config.settings.env import env

# STRIPE
# https://docs.stripe.com/keys
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")

# RATE LIMITS (core/rate_limits.py, on allauth's limiter)
# Per client, "<count>/<period>/<ip|user>", comma-separated; empty: no limit.
# https://docs.allauth.org/en/latest/account/rate_limits.html
RATE_LIMITS = {
    "checkout_start": env("CHECKOUT_RATE_LIMIT", default="10/10m/user,30/10m/ip"),
    "certificate_verify": env("CERTIFICATE_VERIFY_RATE_LIMIT", default="30/m/ip"),
}

# PRACTICUM
CE_RECORD_RETENTION_YEARS = env.int("CE_RECORD_RETENTION_YEARS", default=7)
# The CE provider's name as certificates print it.
CE_PROVIDER_NAME = env("CE_PROVIDER_NAME", default="Practicum Academy")

# DISCUSSION (lessons/discussion): what a learner meets when posting.
DISCUSSION_POST_MAX_LENGTH = 5000  # characters of Markdown
DISCUSSION_EDIT_MINUTES = 15  # an author may edit a post this long after posting
DISCUSSION_POST_RATE = (8, 600)  # at most 8 posts per learner in 10 minutes

# LEARNER REQUESTS (courses: accommodation requests and grievances)
LEARNER_REQUEST_RATE = (5, 3600)  # at most 5 requests per learner in an hour

# ANNOUNCEMENTS (courses/announcements): emails go out in background batches.
ANNOUNCEMENT_BATCH_SIZE = env.int("ANNOUNCEMENT_BATCH_SIZE", default=100)
