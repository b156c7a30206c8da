"""The fixed multilingual sentence set every quantized export is checked on against fp32.

Questions (prompted as queries) and statements (prompted as passages) in ru, kk and en, with
typos and CAPS as citizens write them, written for this check only: no evaluation question is
copied here.
"""

from __future__ import annotations

import numpy as np

from retrieval.embedder import Vectors

MIN_COSINE = 0.99  # per sentence, quantized against the prepared fp32 model

QUERIES = (
    "Что изменится для работников после принятия новой Конституции?",
    "будет ли парламент одной палатой",
    "КАК ЗАЩИЩЕНА ЗЕМЛЯ И ЕЁ НЕДРА",
    "что сенатары гаварили про учителей",
    "Кто будет назначать судей?",
    "Жаңа Конституция бойынша жер кімге тиесілі?",
    "Мұғалімдердің мәртебесі қалай өзгереді",
    "Құрылтай қандай өкілеттіктерге ие болады?",
    "Will the new Constitution protect freedom of speech?",
    "what did senators say about farmers and land",
    "Who elects the Kurultai deputies?",
    "how does the draft change local government",
)
PASSAGES = (
    "Сенатор подчеркнул, что новые нормы направлены на защиту прав человека труда.",
    "По словам депутата, однопалатный Курултай сделает законодательный процесс проще.",
    "Встреча прошла в Шымкенте с представителями малого и среднего бизнеса.",
    "«Земля и её недра принадлежат народу», — отметила сенатор.",
    "Сенатор жергілікті тұрғындармен кездесуде жаңа Конституцияның мәнін түсіндірді.",
    "Мұғалімнің мәртебесі Ата Заңда алғаш рет бекітіледі, деді депутат.",
    "Кездесуге ауыл шаруашылығы саласының өкілдері қатысты.",
    "The senator said the draft keeps the social guarantees of the current Constitution.",
    "Postal workers asked how the reform would change their pensions.",
    "According to the deputy, courts will become more independent under the new rules.",
)


def cosines(reference: Vectors, other: Vectors) -> list[float]:
    """Row-wise cosine of two embedding matrices of the same texts."""
    a = reference / np.maximum(np.linalg.norm(reference, axis=1, keepdims=True), 1e-12)
    b = other / np.maximum(np.linalg.norm(other, axis=1, keepdims=True), 1e-12)
    return [float(x) for x in np.sum(a * b, axis=1)]
