"""English strings."""

from bot.ui.texts.model import Lang, Texts

EN = Texts(
    lang=Lang.EN,
    cmd_start="Start and example questions",
    cmd_ask="Ask a question (in groups)",
    cmd_themes="Statements by theme",
    cmd_senators="Statements by senator",
    cmd_regions="Meetings by region",
    cmd_lang="Interface language",
    cmd_about="Sources and privacy",
    cmd_help="Help",
    welcome_title="Ata Zan — what senators say about the draft Constitution",
    welcome_body=(
        "Ask in your own words — in Russian, Kazakh or English. I find the closest "
        "statements of senators in the Senate's press releases and show who said it, "
        "when, where and at which meeting.\n\n"
        "What I don't do: give legal advice, offer opinions of my own, or invent "
        "anything that is not in the published material."
    ),
    examples_title="Try asking:",
    examples=(
        "What does the new Constitution say about family and marriage?",
        "Who owns the land and natural resources?",
        "Will the role of parliament grow?",
    ),
    help_body=(
        "Just type a question — I answer with senators' quotes.\n\n"
        "/themes — statements by theme\n"
        "/senators — a senator's statements and meetings\n"
        "/regions — meetings in the regions\n"
        "/lang — interface language\n"
        "/about — sources, how answers are found, what is stored\n\n"
        "In groups: /ask question, mention @{bot}, or reply to my message.\n"
        "In any chat: @{bot} question — to share a quote."
    ),
    about_title="About",
    about_corpus=(
        "In the database: {documents} press releases, {meetings} meetings, "
        "{statements} statements by {senators} senators. Latest release: {latest}."
    ),
    about_sources="Sources:",
    about_method=(
        "How answers are found: your question is compared with the statements by meaning "
        "(a neural model) and by words. When the match is weak, the bot says there is no "
        "answer instead of showing a random quote."
    ),
    about_disclaimer=(
        "The bot only quotes senators; this is not legal advice. "
        "Check the official text in the source."
    ),
    about_privacy=(
        "What is stored: the question text, its time, whether it was answered, the quotes "
        "shown and your rating — with a keyed hash instead of your Telegram ID. The question "
        "log is deleted after {days} days. Your language choice is kept separately."
    ),
    unknown_date="date not given",
    answer_title="What senators said",
    results_range="{start}–{end} of {total}",
    kind_quote="direct quote",
    kind_reported="press release's summary",
    unknown_speaker="senator (not named)",
    source_label="Source",
    truncated_note="Long question: I searched by its first {limit} characters.",
    no_answer="The senators' statements in the database don't answer this question.",
    no_answer_hint="Try rephrasing it, or pick a theme:",
    ask_usage="Put the question after the command, e.g.: /ask Who owns the land?",
    btn_more="More ▸",
    btn_meeting="Meeting {n}",
    reason_wrong_senator="Wrong senator",
    reason_off_topic="Off-topic",
    reason_not_enough="Not enough",
    reason_other="Other",
    vote_thanks="Thanks for the rating!",
    reason_prompt="What is wrong with the answer?",
    reason_thanks="Thank you! This helps improve the answers.",
    no_more="No more results.",
    not_yours="These buttons are for the person who asked.",
    expired="This button has expired. Please ask again.",
    meeting_title="Meeting",
    meeting_senators="Senators",
    meeting_place="Place",
    meeting_audience="With",
    meeting_statements="Statements",
    meeting_not_found="Meeting not found (the database may have been updated).",
    themes_prompt="Pick a theme:",
    senators_prompt="Pick a senator:",
    regions_prompt="Pick a region:",
    list_empty="Nothing here yet.",
    theme_title="Theme: {name}",
    senator_title="Senator: {name}",
    region_title="Meetings: {name}",
    statements_count="statements: {n}",
    browse_empty="No statements here yet.",
    lang_prompt="Choose the interface language:",
    lang_set="Done: I now speak English.",
    throttled="Too many messages in a row. Wait a second — I'll handle your next question.",
    send_text="I answer text questions. Please type your question in words.",
    unknown_command="I don't know that command. Commands: /help",
    error="Sorry, something went wrong. Please try again a bit later.",
    inline_hint="Type a question about the draft Constitution",
    inline_no_answer="No answer in the senators' statements",
)
