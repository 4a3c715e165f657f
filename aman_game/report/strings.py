"""The report's words: English msgids translated through i18n (the project's .po catalogs).

`_(msgid, lang)` asks the catalog first. Until the Arabic catalog holds these msgids, the Arabic written
here (for Qatari teachers, in their own register) is used, so the report is whole in both languages from
day one; `pybabel extract` picks every `_("...")` below up, and once the catalog translates a msgid its
entry here is simply never reached (AR_SEED can then be deleted).
"""
from __future__ import annotations

from aman_game import i18n

AR_SEED: dict[str, str] = {
    # --- class report
    "Aman — class report": "أمان — تقرير الصف",
    "Class {name}": "الصف {name}",
    "Made on {date}. Results files read: {count}.": "أُعِدَّ هذا التقرير في {date}. عدد ملفات النتائج المقروءة: {count}.",
    "Contents": "المحتويات",
    "No results were found in the files given.": "لم تُوجَد نتائج في الملفات المُعطاة.",
    "No results for class {name} were found.": "لم تُوجَد نتائج للصف {name}.",
    "Summary": "ملخّص",
    "Children": "الأطفال",
    "Stories finished (of started)": "القصص المكتملة (من التي بدأت)",
    "Stories finished": "القصص المكتملة",
    "Choices made": "الاختيارات",
    "Safe choices": "الاختيارات الآمنة",
    "Quiz: mean gain in percentage points": "الاختبار: متوسط التحسّن بالنقاط المئوية",
    "Who finished what": "ما أنجزه كل طفل",
    "Nickname": "الاسم المستعار",
    "Story": "القصة",
    "safe": "آمن",
    "recovered": "تدارَك الموقف",
    "unsafe": "غير آمن",
    "started, not finished": "بدأ ولم يُكمِل",
    "not played": "لم يلعب",
    "{count} attempts": "عدد المحاولات: {count}",
    "Finished": "أكملوا",
    "Safe-choice rate per story": "نسبة الاختيارات الآمنة في كل قصة",
    "Safe-choice rate per decision": "نسبة الاختيارات الآمنة عند كل قرار",
    "Decision": "القرار",
    "Rate": "النسبة",
    "Most-missed decisions": "القرارات التي أخطأ فيها الصف أكثر من غيرها",
    "Nobody made an unsafe choice. Well done, class!": "لم يختر أحدٌ اختيارًا غير آمن. أحسنتم!",
    "Unsafe choices: {count} of {total}": "الاختيارات غير الآمنة: {count} من {total}",
    "Most chosen unsafe answer": "الإجابة غير الآمنة الأكثر اختيارًا",
    "What to do instead": "التصرّف الأفضل",
    "Questions for class discussion": "أسئلة لنقاش الصف",
    "Quiz before and after playing": "الاختبار القصير قبل اللعب وبعده",
    "No quiz answers were recorded.": "لم تُسجَّل إجابات للاختبار.",
    "Before": "قبل",
    "After": "بعد",
    "Gain": "التحسّن",
    "Class mean": "متوسط الصف",
    "Mean gain: {points} percentage points, over the {count} children who took both quizzes.":
        "متوسط التحسّن: {points} نقطة مئوية، محسوبًا للأطفال الذين أجابوا عن الاختبارين، وعددهم {count}.",
    "How to read these figures": "كيف تُقرأ هذه الأرقام",
    "Every choice counts, replays included. A safe-choice rate is safe choices divided by all choices. "
    "A child has finished a story when one of their attempts reached an ending; the table shows their "
    "best attempt. A quiz score counts the child's latest answer to each question.":
        "يُحتسَب كل اختيار، بما في ذلك إعادة اللعب. نسبة الاختيارات الآمنة هي عدد الاختيارات الآمنة مقسومًا "
        "على عدد الاختيارات كلها. يُعَدّ الطفل قد أكمل القصة إذا وصلت إحدى محاولاته إلى النهاية، ويعرض "
        "الجدول أفضل محاولاته. ودرجة الاختبار تحتسب آخر إجابة للطفل عن كل سؤال.",
    "What is stored": "ما الذي يُحفَظ",
    "Aman stores only what this report needs: the class name, the nickname the child typed, which "
    "stories were played, each choice (which one, whether it was safe, its points and how many seconds "
    "it took), each story's ending and score, the quiz answers, and the times of each. No real name, "
    "photo, e-mail, address or device identity of the child is stored, and the game never uses the "
    "internet.":
        "لا تحفظ لعبة أمان إلا ما يحتاجه هذا التقرير: اسم الصف، والاسم المستعار الذي كتبه الطفل، والقصص "
        "التي لعبها، وكل اختيار (أيّ الخيارات كان، وهل كان آمنًا، ونقاطه، وكم ثانية استغرق)، ونهاية كل قصة "
        "ودرجتها، وإجابات الاختبار، وأوقات ذلك كله. لا يُحفَظ اسم الطفل الحقيقي ولا صورته ولا بريده الإلكتروني "
        "ولا عنوانه ولا ما يدلّ على جهازه، واللعبة لا تستخدم الإنترنت أبدًا.",
    "Results are kept in one file per computer, in the data folder the school chose. To erase a class "
    "for good, run: {command}":
        "تُحفَظ النتائج في ملف واحد لكل حاسوب، في مجلد البيانات الذي اختارته المدرسة. ولحذف بيانات صف "
        "نهائيًا يُشغَّل الأمر: {command}",
    "Files that could not be read": "ملفات تعذّرت قراءتها",
    "Story {id} is no longer in the library; its choices are shown by number.":
        "القصة {id} لم تعد موجودة في المكتبة، لذا تظهر اختياراته بأرقامها.",
    "choice {number}": "الخيار {number}",
    "Safe-choice rate": "نسبة الاختيارات الآمنة",
    "Quiz score before and after playing": "درجة الاختبار قبل اللعب وبعده",
    # --- parents' page
    "Aman — for families": "أمان — صفحة للأسرة",
    "Keeping children safe online: a page to take home": "سلامة أطفالنا على الإنترنت: صفحة للأسرة",
    "Warning signs": "علامات تستدعي الانتباه",
    "Advice for parents": "نصائح وإرشادات للوالدين",
    "If your child is being exploited or blackmailed": "إذا تعرّض طفلك للاستغلال أو الابتزاز",
    "What your child practised in Aman": "ما تدرّب عليه طفلك في لعبة أمان",
    "Where to get help": "أين تجد المساعدة",
    "What puts a child at risk": "ما الذي يجعل الطفل عُرضةً للخطر",
    "to be confirmed by the school": "يُؤكِّده فريق المدرسة",
    "Ask the school for the help channels in your country.": "اسألوا المدرسة عن جهات المساعدة في بلدكم.",
    "Source: {source}": "المصدر: {source}",
}


def _(msgid: str, lang: str) -> str:
    """The report string `msgid` in `lang` (digits and harakat as i18n displays them)."""
    text = i18n.gettext(msgid, lang)
    if text == i18n.for_display(msgid, lang) and i18n.normalize(lang) == "ar" and msgid in AR_SEED:
        return i18n.for_display(AR_SEED[msgid], lang)
    return text


def outcome_label(outcome: str, lang: str) -> str:
    labels = {"safe": _("safe", lang), "recovered": _("recovered", lang), "unsafe": _("unsafe", lang)}
    return labels.get(outcome, outcome)
