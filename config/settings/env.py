"""The one reader of the environment every settings module uses."""

import environ

env = environ.Env()
