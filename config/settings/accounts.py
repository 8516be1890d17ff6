"""Settings for signing up and signing in: Django's auth, allauth, two-factor.

Star-imported by ``base.py``; environment variables as in README.md.
"""

from config.settings.env import env

# AUTHENTICATION
# https://docs.djangoproject.com/en/6.1/topics/auth/customizing/
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # ModelBackend and allauth's, with users and permission sets read through
    # the cache (accounts/backends.py)
    "accounts.backends.CachedPermissionsBackend",
    "accounts.backends.CachedAuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# ALLAUTH
# https://docs.allauth.org/en/latest/account/configuration.html
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_UNIQUE_EMAIL = True
# An address added to an account is pending until verified and reserves nothing:
# it neither blocks another person's sign-up nor receives password-reset links,
# and verifying it on one account drops pending copies elsewhere.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "accounts.auth_forms.SignupForm",
    "reset_password": "accounts.auth_forms.ResetPasswordForm",
}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A session cookie alone cannot change who owns the account: adding, removing
# or making primary an email address (and turning on TOTP) asks for the password
# again when the last sign-in is older than five minutes; changing the password
# needs the current one. The old address is told of every change (address
# changed or removed, password changed or reset).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Practicum] "
# The per-IP limits above need the client's address. Behind N proxies of our
# own it is the Nth entry from the right of X-Forwarded-For (entries further
# left come from the client and are ignored); with 0 it is REMOTE_ADDR.
# Production trusts one proxy, the documented nginx (docs/DEPLOY.md).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Practicum"
