"""`python -m bot`: run the Telegram bot if BOT__TOKEN is set, else the console chat."""

import sys

from bot.serving.runner import default_command

if __name__ == "__main__":
    sys.exit(default_command())
