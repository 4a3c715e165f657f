"""`_` for the teacher screens and the class quiz: i18n's catalog first, then the Arabic written here.

Same arrangement as aman_game/report/strings.py: the msgids are English (pybabel extracts every `_("...")`
in these screens); until the Arabic catalog holds them, AR_SEED below supplies the Arabic, so teacher mode
is whole in Arabic from the start. Teacher-facing words use verbal nouns (حفظ، إلغاء، تعديل) so they suit
any teacher; the quiz speaks to children in the first person plural, like the scenarios, so it fits boys
and girls alike.
"""
from __future__ import annotations

from .. import i18n

AR_SEED: dict[str, str] = {
    # PIN
    "The teacher settings file is damaged. Delete teacher.json in the data folder to choose a new PIN.":
        "ملف إعدادات المعلّم تالف. لاختيار رمز جديد يُحذَف الملف teacher.json من مجلد البيانات.",
    "That PIN is not right. Try again.": "الرمز غير صحيح. يُرجى المحاولة مرة أخرى.",
    "A PIN is 4 to 8 digits.": "يتكوّن الرمز من 4 إلى 8 أرقام.",
    "The two PINs were not the same. Choose a PIN again.": "الرمزان غير متطابقين. يُرجى اختيار الرمز من جديد.",
    "The PIN could not be saved: {reason}": "تعذّر حفظ الرمز: {reason}",
    "Erase": "مسح",
    "OK": "موافق",
    "Choose a new teacher PIN": "اختيار رمز جديد للمعلّم",
    "Choose a teacher PIN": "اختيار رمز المعلّم",
    "Type the teacher PIN to leave": "الخروج يحتاج إلى رمز المعلّم",
    "Type the PIN you have now": "إدخال الرمز الحالي",
    "Teacher mode": "وضع المعلّم",
    "Type the same PIN again.": "يُكتَب الرمز نفسه مرة أخرى.",
    "4 to 8 digits. Keep it from the children: it opens teacher mode and leaves the kiosk.":
        "من 4 إلى 8 أرقام. يبقى بعيدًا عن الأطفال، فهو يفتح وضع المعلّم ويُخرج من الشاشة المقفلة.",
    "Type the teacher PIN.": "إدخال رمز المعلّم.",
    "Too many wrong PINs. Wait {seconds} seconds.": "محاولات خاطئة كثيرة. يمكن المحاولة بعد {seconds} ث.",
    # teacher mode
    "Teacher": "المعلّم",
    "Leave teacher mode": "الخروج من وضع المعلّم",
    "{name} (running)": "{name} (جارية الآن)",
    "New class": "صف جديد",
    "End the class session": "إنهاء حصة الصف",
    "Start the session for {name}": "بدء الحصة للصف {name}",
    "Change this class": "تعديل إعداد الصف",
    "Class summary and report": "ملخّص الصف والتقرير",
    "Remove this class setup": "إزالة إعداد الصف",
    "Change the PIN": "تغيير الرمز",
    "Could not save the teacher settings: {reason}": "تعذّر حفظ إعدادات المعلّم: {reason}",
    "Saved the class {name}.": "حُفِظ إعداد الصف {name}.",
    "The class session has ended.": "انتهت حصة الصف.",
    "Removed the class setup {name}. Its results are kept.": "أُزيل إعداد الصف {name}، وبقيت نتائجه محفوظة.",
    "Remove the class setup {name}?": "إزالة إعداد الصف {name}؟",
    "Only the setup goes. The results stay until you erase them from the summary.":
        "يُزال الإعداد وحده، وتبقى النتائج إلى أن تُمسَح من شاشة الملخّص.",
    "Remove": "إزالة",
    "Keep": "إبقاء",
    "The new PIN is saved.": "حُفِظ الرمز الجديد.",
    "Class session running: {name}": "حصة جارية للصف: {name}",
    "No class session is running.": "لا توجد حصة صف جارية.",
    "Results won't be saved: {reason}": "لن تُحفَظ النتائج: {reason}",
    "Results folder: {folder}": "مجلد النتائج: {folder}",
    "Classes": "الصفوف",
    "No classes yet. Press New class to set one up: its name, the stories to play and how the game runs.":
        "لا توجد صفوف بعد. يُضغَط «صف جديد» لإعداد صف: اسمه، والقصص التي تُلعَب، وطريقة عمل اللعبة.",
    # class setup
    "Cancel": "إلغاء",
    "e.g. 5B": "مثل 5B",
    "Child chooses": "يختار الطفل",
    "All ages": "كل الأعمار",
    "Sensitive stories (threats)": "القصص الحسّاسة (التهديد)",
    "Kiosk: PIN to leave": "شاشة مقفلة: الخروج بالرمز",
    "Quiz before and after": "أسئلة قبل اللعب وبعده",
    "On": "تشغيل",
    "Off": "إيقاف",
    "Save": "حفظ",
    "sensitive": "حسّاسة",
    "Give the class a name, e.g. 5B.": "يلزم اسم للصف، مثل 5B.",
    "There is already a class called {name}.": "يوجد صف بالاسم {name} من قبل.",
    "Class setup": "إعداد الصف",
    "Class name": "اسم الصف",
    "Stories, in playing order": "القصص بترتيب اللعب",
    "Language": "اللغة",
    "Age band": "الفئة العمرية",
    "None chosen: every story for the age band.": "لم تُختَر قصص: كل قصص الفئة العمرية.",
    "Stories chosen: {count}": "القصص المختارة: {count}",
    # summary
    "Back": "رجوع",
    "Save the report": "حفظ التقرير",
    "Refresh": "تحديث",
    "Erase this class's results": "مسح نتائج هذا الصف",
    "There is no results folder yet.": "لا يوجد مجلد نتائج بعد.",
    "Report saved: {path}": "حُفِظ التقرير: {path}",
    "The report could not be saved: {reason}": "تعذّر حفظ التقرير: {reason}",
    "Erase every result of class {name}?": "مسح جميع نتائج الصف {name}؟",
    "From every results file in the data folder, for good. Make the report first if you need it.":
        "من كل ملفات النتائج في مجلد البيانات، مسحًا نهائيًا. يُستحسَن حفظ التقرير أولًا عند الحاجة إليه.",
    "Erased from {done} files; {busy} files are in use on other computers: erase again after the class.":
        "مُسِحَت من ملفات عددها {done}، وملفات عددها {busy} قيد الاستخدام على حواسيب أخرى، فيُعاد المسح بعد الحصة.",
    "The results of class {name} are erased.": "مُسِحَت نتائج الصف {name}.",
    "Class {name}: summary": "ملخّص الصف {name}",
    "No results for this class yet.": "لا توجد نتائج لهذا الصف بعد.",
    "Children": "الأطفال",
    "Stories finished": "القصص المكتملة",
    "Safe choices": "الاختيارات الآمنة",
    "Quiz: mean gain (points)": "الأسئلة: متوسط التحسّن (نقاط)",
    "Safe choices per story": "الاختيارات الآمنة في كل قصة",
    "Not finished a story yet: {names}": "لم يُكمِل أيّ قصة بعد: {names}",
    "Most-missed decisions": "القرارات التي أخطأ فيها الصف أكثر من غيرها",
    "Nobody made an unsafe choice.": "لم يختر أحدٌ اختيارًا غير آمن.",
    "Unsafe choices: {count} of {total}": "الاختيارات غير الآمنة: {count} من {total}",
    # the class quiz (children)
    "Start": "هيّا نبدأ",
    "Continue": "متابعة",
    "A short quiz before you play": "أسئلة قصيرة قبل اللعب",
    "A short quiz after playing": "أسئلة قصيرة بعد اللعب",
    "Answer {count} short questions. It is not a test of you: it shows your teacher what the class knows.":
        "هيّا نُجِبْ عن أسئلة قصيرة عددها {count}. ليست امتحانًا لنا، بل تُظهِر للمعلّم ما يعرفه الصف.",
    "Thank you! Now choose a story to play.": "شكرًا! هيّا نختَرْ قصة لنلعبها.",
    "Thank you! You answered {correct} of {total} questions right. Tell your teacher you have finished.":
        "شكرًا! الإجابات الصحيحة: {correct} من {total}. لنُخبِرِ المعلّم أنّنا انتهينا.",
    "Question {number} of {total}": "السؤال {number} من {total}",
}


def _(msgid: str) -> str:
    """The screen string `msgid` in the current language (digits and harakat as the player set them)."""
    lang = i18n.current_language()
    text = i18n.gettext(msgid, lang)
    if text == i18n.for_display(msgid, lang) and i18n.normalize(lang) == "ar" and msgid in AR_SEED:
        return i18n.for_display(AR_SEED[msgid], lang)
    return text
