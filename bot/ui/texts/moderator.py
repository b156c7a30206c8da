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
    mod_write_failed: str
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
    # /releases, /withdraw, /restore
    releases_title: str
    releases_empty: str
    releases_archive: str
    release_line: str
    release_counts: str
    release_builtin: str
    release_published: str
    release_on_disk: str
    release_archived: str
    releases_hint: str
    withdraw_usage: str
    restore_usage: str
    withdraw_preview: str
    withdraw_builtin: str
    withdraw_not_found: str
    restore_not_found: str
    btn_withdraw: str
    btn_withdraw_confirm: str
    btn_restore: str
    btn_cancel: str
    withdrawing: str
    withdrawn: str
    withdraw_failed: str
    restoring: str
    restored: str
    restore_failed: str
    already_published: str
    already_archived: str
    # progress of a rebuild (the status message is edited)
    publish_status: str
    withdraw_status: str
    restore_status: str
    stage_validate: str
    stage_parse: str
    stage_embed: str
    stage_index: str
    stage_save: str
    stage_switch: str
    stage_done: str
    stage_failed: str
    # /stats, /unanswered
    stats_title: str
    stats_day: str
    stats_total: str
    stats_themes: str
    stats_none: str
    stats_feedback: str
    stats_no_reason: str
    chart_questions: str
    chart_answered: str
    chart_ratings: str
    chart_up: str
    chart_down: str
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
    mod_write_failed=(
        "Не сохранено: база данных не приняла запись ({id} не изменён). Попробуйте позже."
    ),
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
        "Опубликовано: {name}. Встреч: {meetings}, прямых цитат: {quotes}, пересказов: "
        "{reported}. Теперь в базе встреч: {meetings_after}, прямых цитат: {quotes_after}, "
        "пересказов: {reported_after}."
    ),
    publish_failed="Не опубликовано, ничего не изменено. Причина: {reason}",
    discarded="Отменено, ничего не изменено.",
    reload_started="Пересобираю базу из папок с релизами…",
    reload_busy="Пересборка уже идёт. Попробуйте, когда она закончится.",
    reload_done=(
        "База обновлена. Встреч: {meetings_before} → {meetings_after} ({meetings:+d}), "
        "прямых цитат: {quotes_before} → {quotes_after} ({quotes:+d}), "
        "пересказов: {reported_before} → {reported_after} ({reported:+d})."
    ),
    reload_failed="Пересборка не удалась, работает прежняя база. Причина: {reason}",
    releases_title="Релизы: опубликовано {live}, в архиве {archived}",
    releases_empty="Релизов нет.",
    releases_archive="Архив (можно вернуть)",
    release_line="{n}. {date} · {title}",
    release_counts="встреч: {meetings}, прямых цитат: {quotes}, пересказов: {reported}",
    release_builtin="встроенный · {file}",
    release_published="опубликовал {by}, {at} · {file}",
    release_on_disk="добавлен в папку на диске · {file}",
    release_archived="снят {at} ({by}) · {file}",
    releases_hint="Снять: /withdraw ID · вернуть: /restore ID (ID — в конце строки)",
    withdraw_usage="/withdraw ID — снять релиз в архив (ID — из /releases)",
    restore_usage="/restore ID — вернуть релиз из архива (ID — из /releases)",
    withdraw_preview=(
        "Снять релиз {name} ({date} · {title})?\nИз базы исчезнут встреч: {meetings}, "
        "прямых цитат: {quotes}, пересказов: {reported}.\nФайл переместится в архив, ничего "
        "не удаляется; вернуть: /restore {id}"
    ),
    withdraw_builtin="{name} встроен в бота: его меняет только новая версия образа.",
    withdraw_not_found="Релиз {id} не найден среди опубликованных. Список: /releases",
    restore_not_found="Релиз {id} не найден в архиве. Список: /releases",
    btn_withdraw="🗄 Снять №{n}",
    btn_withdraw_confirm="🗄 Снять в архив",
    btn_restore="↩ Вернуть №{n}",
    btn_cancel="✖ Отмена",
    withdrawing="Снимаю…",
    withdrawn=(
        "Снято в архив: {name}. Исчезло встреч: {meetings}, прямых цитат: {quotes}, "
        "пересказов: {reported}. Теперь в базе встреч: {meetings_after}, прямых цитат: "
        "{quotes_after}, пересказов: {reported_after}. Вернуть: /restore {id}"
    ),
    withdraw_failed="Не снято, ничего не изменено. Причина: {reason}",
    restoring="Возвращаю…",
    restored=(
        "Возвращено: {name}. Встреч: {meetings}, прямых цитат: {quotes}, пересказов: "
        "{reported}. Теперь в базе встреч: {meetings_after}, прямых цитат: {quotes_after}, "
        "пересказов: {reported_after}."
    ),
    restore_failed="Не возвращено, ничего не изменено. Причина: {reason}",
    already_published=(
        "Этот текст уже опубликован: {file} ({date} · {title}). Ничего не изменено."
    ),
    already_archived=(
        "Этот текст уже есть в архиве: {file}. Вернуть: /restore {id}. Ничего не изменено."
    ),
    publish_status="Публикую {name}",
    withdraw_status="Снимаю {name}",
    restore_status="Возвращаю {name}",
    stage_validate="проверяю справочники (YAML)…",
    stage_parse="разбираю релизы: {done} из {total}",
    stage_embed="векторизую высказывания: {done} из {total}",
    stage_index="строю поисковый индекс…",
    stage_save="сохраняю новую версию базы…",
    stage_switch="переключаю на новую версию…",
    stage_done="готово ✓",
    stage_failed="не удалось ✗",
    stats_title="Статистика за 7 дней",
    stats_day="{day}: вопросов {questions}, с ответом {answered}",
    stats_total="Всего: {questions} вопросов, с ответом {share}%",
    stats_themes="Частые темы",
    stats_none="нет данных",
    stats_feedback="Оценки: 👍 {up} · 👎 {down}",
    stats_no_reason="без причины",
    chart_questions="вопросов",
    chart_answered="с ответом",
    chart_ratings="Оценки",
    chart_up="полезно",
    chart_down="не то",
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
    mod_write_failed=(
        "Сақталмады: дерекқор жазбаны қабылдамады ({id} өзгерген жоқ). Кейінірек қайталаңыз."
    ),
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
        "Жарияланды: {name}. Кездесу: {meetings}, тура дәйексөз: {quotes}, баяндалған "
        "мәлімдеме: {reported}. Енді базада кездесу: {meetings_after}, тура дәйексөз: "
        "{quotes_after}, баяндалған мәлімдеме: {reported_after}."
    ),
    publish_failed="Жарияланбады, ештеңе өзгерген жоқ. Себебі: {reason}",
    discarded="Бас тартылды, ештеңе өзгерген жоқ.",
    reload_started="Базаны релиз қалталарынан қайта құрып жатырмын…",
    reload_busy="Қайта құру қазір жүріп жатыр. Ол аяқталған соң қайталаңыз.",
    reload_done=(
        "База жаңартылды. Кездесулер: {meetings_before} → {meetings_after} ({meetings:+d}), "
        "тура дәйексөздер: {quotes_before} → {quotes_after} ({quotes:+d}), "
        "баяндалған мәлімдемелер: {reported_before} → {reported_after} ({reported:+d})."
    ),
    reload_failed="Қайта құру сәтсіз аяқталды, бұрынғы база жұмыс істеп тұр. Себебі: {reason}",
    releases_title="Релиздер: жарияланған {live}, мұрағатта {archived}",
    releases_empty="Релиз жоқ.",
    releases_archive="Мұрағат (қайтаруға болады)",
    release_line="{n}. {date} · {title}",
    release_counts="кездесу: {meetings}, тура дәйексөз: {quotes}, баяндалған: {reported}",
    release_builtin="кіріктірілген · {file}",
    release_published="жариялаған {by}, {at} · {file}",
    release_on_disk="дискідегі қалтаға қосылған · {file}",
    release_archived="{at} алынды ({by}) · {file}",
    releases_hint="Алу: /withdraw ID · қайтару: /restore ID (ID — жолдың соңында)",
    withdraw_usage="/withdraw ID — релизді мұрағатқа алу (ID — /releases тізімінен)",
    restore_usage="/restore ID — релизді мұрағаттан қайтару (ID — /releases тізімінен)",
    withdraw_preview=(
        "{name} релизін алу керек пе ({date} · {title})?\nБазадан кездесу: {meetings}, "
        "тура дәйексөз: {quotes}, баяндалған мәлімдеме: {reported} жоғалады.\nФайл "
        "мұрағатқа көшеді, ештеңе өшірілмейді; қайтару: /restore {id}"
    ),
    withdraw_builtin="{name} ботқа кіріктірілген: оны тек образдың жаңа нұсқасы өзгертеді.",
    withdraw_not_found="{id} релизі жарияланғандар арасында жоқ. Тізім: /releases",
    restore_not_found="{id} релизі мұрағатта жоқ. Тізім: /releases",
    btn_withdraw="🗄 №{n} алу",
    btn_withdraw_confirm="🗄 Мұрағатқа алу",
    btn_restore="↩ №{n} қайтару",
    btn_cancel="✖ Бас тарту",
    withdrawing="Алып жатырмын…",
    withdrawn=(
        "Мұрағатқа алынды: {name}. Жойылғаны — кездесу: {meetings}, тура дәйексөз: "
        "{quotes}, баяндалған: {reported}. Енді базада кездесу: {meetings_after}, тура "
        "дәйексөз: {quotes_after}, баяндалған: {reported_after}. Қайтару: /restore {id}"
    ),
    withdraw_failed="Алынбады, ештеңе өзгерген жоқ. Себебі: {reason}",
    restoring="Қайтарып жатырмын…",
    restored=(
        "Қайтарылды: {name}. Кездесу: {meetings}, тура дәйексөз: {quotes}, баяндалған: "
        "{reported}. Енді базада кездесу: {meetings_after}, тура дәйексөз: {quotes_after}, "
        "баяндалған: {reported_after}."
    ),
    restore_failed="Қайтарылмады, ештеңе өзгерген жоқ. Себебі: {reason}",
    already_published=(
        "Бұл мәтін бұрын жарияланған: {file} ({date} · {title}). Ештеңе өзгерген жоқ."
    ),
    already_archived=(
        "Бұл мәтін мұрағатта бар: {file}. Қайтару: /restore {id}. Ештеңе өзгерген жоқ."
    ),
    publish_status="{name} жариялап жатырмын",
    withdraw_status="{name} алып жатырмын",
    restore_status="{name} қайтарып жатырмын",
    stage_validate="анықтамалықтарды (YAML) тексеріп жатырмын…",
    stage_parse="релиздерді талдап жатырмын: {total} ішінен {done}",
    stage_embed="мәлімдемелерді векторлап жатырмын: {total} ішінен {done}",
    stage_index="іздеу индексін құрып жатырмын…",
    stage_save="базаның жаңа нұсқасын сақтап жатырмын…",
    stage_switch="жаңа нұсқаға ауыстырып жатырмын…",
    stage_done="дайын ✓",
    stage_failed="сәтсіз ✗",
    stats_title="Соңғы 7 күндегі статистика",
    stats_day="{day}: сұрақ {questions}, жауабы бар {answered}",
    stats_total="Барлығы: {questions} сұрақ, жауабы бар {share}%",
    stats_themes="Жиі кездесетін тақырыптар",
    stats_none="дерек жоқ",
    stats_feedback="Бағалар: 👍 {up} · 👎 {down}",
    stats_no_reason="себебі көрсетілмеген",
    chart_questions="сұрақ",
    chart_answered="жауабы бар",
    chart_ratings="Бағалар",
    chart_up="пайдалы",
    chart_down="басқа",
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
    mod_write_failed=(
        "Not saved: the database refused the write ({id} unchanged). Try again later."
    ),
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
        "Published {name}: {meetings} meetings, {quotes} quotes, {reported} reported "
        "statements. The corpus now has {meetings_after} meetings, {quotes_after} quotes, "
        "{reported_after} reported statements."
    ),
    publish_failed="Not published; nothing changed. Reason: {reason}",
    discarded="Discarded; nothing changed.",
    reload_started="Rebuilding the corpus from the release folders…",
    reload_busy="A reload is already running. Try again when it has finished.",
    reload_done=(
        "Reloaded. Meetings: {meetings_before} → {meetings_after} ({meetings:+d}), "
        "quotes: {quotes_before} → {quotes_after} ({quotes:+d}), "
        "reported statements: {reported_before} → {reported_after} ({reported:+d})."
    ),
    reload_failed="The reload failed; the previous corpus keeps serving. Reason: {reason}",
    releases_title="Releases: {live} published, {archived} archived",
    releases_empty="No releases.",
    releases_archive="Archive (can be restored)",
    release_line="{n}. {date} · {title}",
    release_counts="meetings: {meetings}, quotes: {quotes}, reported statements: {reported}",
    release_builtin="built in · {file}",
    release_published="published by {by}, {at} · {file}",
    release_on_disk="put in the folder on disk · {file}",
    release_archived="withdrawn {at} ({by}) · {file}",
    releases_hint="Withdraw: /withdraw ID · restore: /restore ID (the ID ends each entry)",
    withdraw_usage="/withdraw ID — move a release to the archive (ID from /releases)",
    restore_usage="/restore ID — bring a release back from the archive (ID from /releases)",
    withdraw_preview=(
        "Withdraw {name} ({date} · {title})?\nThese disappear from the corpus: {meetings} "
        "meetings, {quotes} quotes, {reported} reported statements.\nThe file moves to the "
        "archive, nothing is deleted; to undo: /restore {id}"
    ),
    withdraw_builtin="{name} is built in: only a new image can change it.",
    withdraw_not_found="Release {id} is not among the published ones. See /releases",
    restore_not_found="Release {id} is not in the archive. See /releases",
    btn_withdraw="🗄 Withdraw #{n}",
    btn_withdraw_confirm="🗄 Move to archive",
    btn_restore="↩ Restore #{n}",
    btn_cancel="✖ Cancel",
    withdrawing="Withdrawing…",
    withdrawn=(
        "Withdrawn to the archive: {name}. Gone: {meetings} meetings, {quotes} quotes, "
        "{reported} reported statements. The corpus now has {meetings_after} meetings, "
        "{quotes_after} quotes, {reported_after} reported statements. Undo: /restore {id}"
    ),
    withdraw_failed="Not withdrawn; nothing changed. Reason: {reason}",
    restoring="Restoring…",
    restored=(
        "Restored {name}: {meetings} meetings, {quotes} quotes, {reported} reported "
        "statements. The corpus now has {meetings_after} meetings, {quotes_after} quotes, "
        "{reported_after} reported statements."
    ),
    restore_failed="Not restored; nothing changed. Reason: {reason}",
    already_published=(
        "This text is already published: {file} ({date} · {title}). Nothing changed."
    ),
    already_archived=(
        "This text is in the archive: {file}. To restore it: /restore {id}. Nothing changed."
    ),
    publish_status="Publishing {name}",
    withdraw_status="Withdrawing {name}",
    restore_status="Restoring {name}",
    stage_validate="checking the curated files (YAML)…",
    stage_parse="parsing releases: {done} of {total}",
    stage_embed="embedding statements: {done} of {total}",
    stage_index="building the search index…",
    stage_save="saving the new corpus version…",
    stage_switch="switching to the new version…",
    stage_done="done ✓",
    stage_failed="failed ✗",
    stats_title="Statistics for the last 7 days",
    stats_day="{day}: {questions} questions, {answered} answered",
    stats_total="Total: {questions} questions, {share}% answered",
    stats_themes="Top themes",
    stats_none="no data",
    stats_feedback="Ratings: 👍 {up} · 👎 {down}",
    stats_no_reason="no reason given",
    chart_questions="questions",
    chart_answered="answered",
    chart_ratings="Ratings",
    chart_up="helpful",
    chart_down="not helpful",
    unanswered_title="Latest unanswered questions",
    unanswered_empty="No unanswered questions.",
)

_BY_LANG = {Lang.RU: MOD_RU, Lang.KK: MOD_KK, Lang.EN: MOD_EN}


def mod_texts_for(lang: Lang | str | None) -> ModTexts:
    return _BY_LANG[resolve_lang(lang)]
