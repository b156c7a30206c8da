"""Strings only moderators see (uploads, reloads, statistics); plain text, escaped by render."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ui.texts.model import Lang, resolve_lang


@dataclass(frozen=True, slots=True)
class ModTexts:
    unavailable: str
    # /mod
    mod_usage: str
    mod_bad_id: str
    mod_added: str
    mod_already: str
    mod_removed: str
    mod_not_found: str
    mod_configured: str
    mod_list_title: str
    mod_from_config: str
    # uploads
    upload_usage: str
    upload_bad_type: str
    upload_too_big: str
    upload_binary: str
    upload_long_line: str
    upload_download_failed: str
    upload_refused: str
    preview_title: str
    preview_document: str
    preview_counts: str
    preview_meeting: str
    preview_no_meetings: str
    preview_warnings: str
    preview_more: str
    preview_no_warnings: str
    preview_question: str
    btn_publish: str
    btn_discard: str
    publishing: str
    published: str
    publish_failed: str
    discarded: str
    # /reload
    reload_started: str
    reload_busy: str
    reload_done: str
    reload_failed: str
    # /stats, /unanswered
    stats_title: str
    stats_day: str
    stats_total: str
    stats_themes: str
    stats_none: str
    stats_feedback: str
    stats_no_reason: str
    unanswered_title: str
    unanswered_empty: str


MOD_RU = ModTexts(
    unavailable="Изменение базы недоступно в этом режиме.",
    mod_usage="/mod list — список модераторов\n/mod add ID — добавить\n/mod remove ID — удалить",
    mod_bad_id="ID пользователя Telegram — положительное число, например: /mod add 123456789",
    mod_added="Модератор {id} добавлен.",
    mod_already="{id} уже модератор.",
    mod_removed="Модератор {id} удалён.",
    mod_not_found="{id} не был добавлен командой /mod add.",
    mod_configured="{id} задан в BOT__ADMIN_IDS: удалить можно только в настройках.",
    mod_list_title="Модераторы",
    mod_from_config="из BOT__ADMIN_IDS",
    upload_usage=(
        "Пришлите файл .txt, .md или .html либо вставьте текст релиза после /upload "
        "(или ответьте /upload на сообщение с текстом)."
    ),
    upload_bad_type="Отклонено: {name} — не файл .txt, .md или .html. Ничего не изменено.",
    upload_too_big="Отклонено: файл {size} байт, предел {limit} байт. Ничего не изменено.",
    upload_binary="Отклонено: {name} — двоичный файл, а не текст. Ничего не изменено.",
    upload_long_line="Отклонено: в {name} строка {line} длиннее {limit} байт — разбейте текст "
    "на абзацы. Ничего не изменено.",
    upload_download_failed="Не удалось скачать файл из Telegram ({reason}). Ничего не изменено.",
    upload_refused="Отклонено: {name} нельзя опубликовать. Ничего не изменено.",
    preview_title="Предпросмотр: {name}",
    preview_document="Релиз: {date} · {title}",
    preview_counts="Встреч: {meetings} · высказываний: {statements} (прямых цитат: {quotes})",
    preview_meeting="Встреча {n}",
    preview_no_meetings="В файле не найдено ни одной встречи.",
    preview_warnings="Предупреждения ({n})",
    preview_more="…и ещё {n}",
    preview_no_warnings="Предупреждений нет.",
    preview_question="Опубликовать этот релиз?",
    btn_publish="✅ Опубликовать",
    btn_discard="✖ Отменить",
    publishing="Публикую…",
    published=(
        "Опубликовано: {name}. +{meetings} встреч, +{statements} цитат "
        "(теперь встреч: {meetings_after}, цитат: {statements_after})."
    ),
    publish_failed="Не опубликовано, ничего не изменено. Причина: {reason}",
    discarded="Отменено, ничего не изменено.",
    reload_started="Пересобираю базу из папок с релизами…",
    reload_busy="Пересборка уже идёт. Попробуйте, когда она закончится.",
    reload_done=(
        "База обновлена. Встреч: {meetings_before} → {meetings_after} ({meetings:+d}), "
        "цитат: {statements_before} → {statements_after} ({statements:+d})."
    ),
    reload_failed="Пересборка не удалась, работает прежняя база. Причина: {reason}",
    stats_title="Статистика за 7 дней",
    stats_day="{day}: вопросов {questions}, с ответом {answered}",
    stats_total="Всего: {questions} вопросов, с ответом {share}%",
    stats_themes="Частые темы",
    stats_none="нет данных",
    stats_feedback="Оценки: 👍 {up} · 👎 {down}",
    stats_no_reason="без причины",
    unanswered_title="Последние вопросы без ответа",
    unanswered_empty="Вопросов без ответа нет.",
)

MOD_KK = ModTexts(
    unavailable="Бұл режимде базаны өзгерту мүмкін емес.",
    mod_usage="/mod list — модераторлар тізімі\n/mod add ID — қосу\n/mod remove ID — алып тастау",
    mod_bad_id="Telegram пайдаланушы ID-і — оң сан, мысалы: /mod add 123456789",
    mod_added="{id} модератор ретінде қосылды.",
    mod_already="{id} қазірдің өзінде модератор.",
    mod_removed="{id} модераторлар қатарынан шығарылды.",
    mod_not_found="{id} /mod add командасымен қосылмаған.",
    mod_configured="{id} BOT__ADMIN_IDS-те көрсетілген: тек баптаулардан алып тастауға болады.",
    mod_list_title="Модераторлар",
    mod_from_config="BOT__ADMIN_IDS-тен",
    upload_usage=(
        ".txt, .md немесе .html файлын жіберіңіз не релиз мәтінін /upload командасынан "
        "кейін қойыңыз (немесе мәтіні бар хабарламаға /upload деп жауап беріңіз)."
    ),
    upload_bad_type="Қабылданбады: {name} — .txt, .md не .html файлы емес. Ештеңе өзгерген жоқ.",
    upload_too_big="Қабылданбады: файл {size} байт, шегі {limit} байт. Ештеңе өзгерген жоқ.",
    upload_binary="Қабылданбады: {name} — мәтін емес, екілік файл. Ештеңе өзгерген жоқ.",
    upload_long_line="Қабылданбады: {name} ішіндегі {line}-жол {limit} байттан ұзын — мәтінді "
    "абзацтарға бөліңіз. Ештеңе өзгерген жоқ.",
    upload_download_failed="Файлды Telegram-нан жүктеу мүмкін болмады ({reason}). "
    "Ештеңе өзгерген жоқ.",
    upload_refused="Қабылданбады: {name} жариялауға болмайды. Ештеңе өзгерген жоқ.",
    preview_title="Алдын ала қарау: {name}",
    preview_document="Релиз: {date} · {title}",
    preview_counts="Кездесулер: {meetings} · мәлімдемелер: {statements} (тура дәйексөз: {quotes})",
    preview_meeting="{n}-кездесу",
    preview_no_meetings="Файлдан бірде-бір кездесу табылмады.",
    preview_warnings="Ескертулер ({n})",
    preview_more="…тағы {n}",
    preview_no_warnings="Ескерту жоқ.",
    preview_question="Осы релизді жариялау керек пе?",
    btn_publish="✅ Жариялау",
    btn_discard="✖ Бас тарту",
    publishing="Жариялап жатырмын…",
    published=(
        "Жарияланды: {name}. +{meetings} кездесу, +{statements} дәйексөз "
        "(енді кездесу: {meetings_after}, дәйексөз: {statements_after})."
    ),
    publish_failed="Жарияланбады, ештеңе өзгерген жоқ. Себебі: {reason}",
    discarded="Бас тартылды, ештеңе өзгерген жоқ.",
    reload_started="Базаны релиз қалталарынан қайта құрып жатырмын…",
    reload_busy="Қайта құру қазір жүріп жатыр. Ол аяқталған соң қайталаңыз.",
    reload_done=(
        "База жаңартылды. Кездесулер: {meetings_before} → {meetings_after} ({meetings:+d}), "
        "дәйексөздер: {statements_before} → {statements_after} ({statements:+d})."
    ),
    reload_failed="Қайта құру сәтсіз аяқталды, бұрынғы база жұмыс істеп тұр. Себебі: {reason}",
    stats_title="Соңғы 7 күндегі статистика",
    stats_day="{day}: сұрақ {questions}, жауабы бар {answered}",
    stats_total="Барлығы: {questions} сұрақ, жауабы бар {share}%",
    stats_themes="Жиі кездесетін тақырыптар",
    stats_none="дерек жоқ",
    stats_feedback="Бағалар: 👍 {up} · 👎 {down}",
    stats_no_reason="себебі көрсетілмеген",
    unanswered_title="Жауапсыз қалған соңғы сұрақтар",
    unanswered_empty="Жауапсыз сұрақ жоқ.",
)

MOD_EN = ModTexts(
    unavailable="Corpus changes are not available in this mode.",
    mod_usage="/mod list — moderators\n/mod add ID — add one\n/mod remove ID — remove one",
    mod_bad_id="A Telegram user id is a positive number, e.g. /mod add 123456789",
    mod_added="Moderator {id} added.",
    mod_already="{id} is already a moderator.",
    mod_removed="Moderator {id} removed.",
    mod_not_found="{id} was not added with /mod add.",
    mod_configured="{id} is set in BOT__ADMIN_IDS: only the configuration can remove them.",
    mod_list_title="Moderators",
    mod_from_config="from BOT__ADMIN_IDS",
    upload_usage=(
        "Send a .txt, .md or .html file, or paste the release after /upload "
        "(or reply /upload to a message with the text)."
    ),
    upload_bad_type="Refused: {name} is not a .txt, .md or .html file. Nothing changed.",
    upload_too_big=(
        "Refused: the file is {size} bytes; the limit is {limit} bytes. Nothing changed."
    ),
    upload_binary="Refused: {name} is a binary file, not text. Nothing changed.",
    upload_long_line="Refused: line {line} of {name} is longer than {limit} bytes; split the "
    "text into paragraphs. Nothing changed.",
    upload_download_failed="The file could not be downloaded from Telegram ({reason}). "
    "Nothing changed.",
    upload_refused="Refused: {name} cannot be published. Nothing changed.",
    preview_title="Preview: {name}",
    preview_document="Release: {date} · {title}",
    preview_counts="Meetings: {meetings} · statements: {statements} (direct quotes: {quotes})",
    preview_meeting="Meeting {n}",
    preview_no_meetings="No meetings were found in this file.",
    preview_warnings="Warnings ({n})",
    preview_more="…and {n} more",
    preview_no_warnings="No warnings.",
    preview_question="Publish this release?",
    btn_publish="✅ Publish",
    btn_discard="✖ Discard",
    publishing="Publishing…",
    published=(
        "Published {name}: +{meetings} meetings, +{statements} quotes "
        "(now {meetings_after} meetings, {statements_after} quotes)."
    ),
    publish_failed="Not published; nothing changed. Reason: {reason}",
    discarded="Discarded; nothing changed.",
    reload_started="Rebuilding the corpus from the release folders…",
    reload_busy="A reload is already running. Try again when it has finished.",
    reload_done=(
        "Reloaded. Meetings: {meetings_before} → {meetings_after} ({meetings:+d}), "
        "quotes: {statements_before} → {statements_after} ({statements:+d})."
    ),
    reload_failed="The reload failed; the previous corpus keeps serving. Reason: {reason}",
    stats_title="Statistics for the last 7 days",
    stats_day="{day}: {questions} questions, {answered} answered",
    stats_total="Total: {questions} questions, {share}% answered",
    stats_themes="Top themes",
    stats_none="no data",
    stats_feedback="Ratings: 👍 {up} · 👎 {down}",
    stats_no_reason="no reason given",
    unanswered_title="Latest unanswered questions",
    unanswered_empty="No unanswered questions.",
)

_BY_LANG = {Lang.RU: MOD_RU, Lang.KK: MOD_KK, Lang.EN: MOD_EN}


def mod_texts_for(lang: Lang | str | None) -> ModTexts:
    return _BY_LANG[resolve_lang(lang)]
