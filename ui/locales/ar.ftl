# واجهة Satchel باللغة العربية (الفصحى)، مترجمة من en.ftl.

## app

app-name = Satchel

## nav

nav-library = المكتبة
nav-settings = الإعدادات
nav-switch_learner = تبديل المتعلّم
nav-main = المحتوى الرئيسي

## welcome

welcome-title = مَن يتعلّم اليوم؟
welcome-subtitle = لكل متعلّم مكتبته الخاصة المقفلة على هذا الحاسوب.
welcome-add_learner = إضافة متعلّم
welcome-loading = جارٍ الفتح…

## create

create-title = إضافة متعلّم
create-name = الاسم
create-name_hint = بماذا نناديك؟ حتى 40 حرفًا.
create-use_passphrase = الحماية بعبارة مرور
create-keychain_explained = مكتبتك مقفلة بمفتاح يحفظه لك هذا الحاسوب بأمان، فلن تحتاج إلى كتابة أي شيء لفتحها.
create-passphrase_explained = عبارة المرور كلمة سر تختارها أنت. ستكتبها في كل مرة تفتح فيها مكتبتك.
create-no_keychain = ليس في هذا الحاسوب سلسلة مفاتيح تحفظ مفتاحك، لذا اختر عبارة مرور من فضلك.
create-passphrase = عبارة المرور
create-passphrase_hint = 8 أحرف على الأقل. بضع كلمات لا علاقة بينها يسهل تذكّرها.
create-passphrase_confirm = اكتبها مرة أخرى
create-passphrase_mismatch = عبارتا المرور غير متطابقتين.
create-submit = إنشاء
create-cancel = إلغاء
create-working = جارٍ قفل مكتبتك الجديدة…

## recovery

recovery-title = رمز الاسترداد الخاص بك
recovery-explained = إذا ضاعت يومًا سلسلة مفاتيح هذا الحاسوب أو عبارة مرورك، فهذا الرمز هو الطريقة الوحيدة لفتح مكتبتك. اكتبه على ورقة واحفظها في مكان آمن. لن يظهر إلا الآن.
recovery-acknowledge = كتبتُه
recovery-continue = متابعة

## unlock

unlock-title = فتح مكتبة { $name }
unlock-passphrase = عبارة المرور
unlock-submit = فتح
unlock-forgot = نسيت عبارة المرور؟ استخدم رمز الاسترداد
unlock-recovery_code = رمز الاسترداد
unlock-recovery_hint = الرمز الذي كتبته، مثل ABCD-EFGH-… لا يهم إن كانت الحروف كبيرة أو صغيرة، ولا تهم الشَّرطات.
unlock-new_passphrase = عبارة مرور جديدة
unlock-new_passphrase_hint = اختر عبارة مرور تفتح بها هذه المكتبة من الآن فصاعدًا.
unlock-use_recovery = الفتح برمز الاسترداد
unlock-back = رجوع

## library

library-title = مكتبتك
library-new_note = ملاحظة جديدة
library-empty = لا شيء هنا بعد. اكتب ملاحظتك الأولى، أو أضف تسجيلًا لدرس.
library-count =
    { $n ->
        [zero] لا ملاحظات
        [one] ملاحظة واحدة
        [two] ملاحظتان
        [few] { $n } ملاحظات
        [many] { $n } ملاحظة
       *[other] { $n } ملاحظة
    }

## note

note-untitled = ملاحظة بلا عنوان
note-title = العنوان
note-title_placeholder = عمّ تتحدث هذه الملاحظة؟
note-body = الملاحظة
note-body_placeholder = اكتب هنا. يمكنك استخدام Markdown: # للعناوين، **للخط العريض**، - للقوائم.
note-save = حفظ
note-saved = تم الحفظ
note-heading = ملاحظة
note-saving = جارٍ الحفظ…
note-unsaved = لم يُحفظ بعد
note-delete = حذف
note-delete_confirm = هل تحذف هذه الملاحظة نهائيًا؟
note-delete_yes = نعم، احذفها
note-back = العودة إلى المكتبة
note-shortcut = يُحفظ ما تكتبه تلقائيًا · Ctrl+S للحفظ الآن

## settings

settings-title = الإعدادات
settings-appearance = المظهر
settings-theme = السمة
settings-theme_system = مثل هذا الحاسوب
settings-theme_light = فاتحة
settings-theme_dark = داكنة
settings-language = اللغة
settings-language_system = مثل هذا الحاسوب
settings-language_hint = لغة كلمات Satchel وتواريخه وأرقامه. أما ما تتعلّم منه فيمكن أن يكون بأي لغة.
settings-security = الأمان
settings-rotate_explained = تغيير المفتاح يعيد قفل مكتبتك كلها بمفتاح جديد ويعطيك رمز استرداد جديدًا. ويتوقف الرمز القديم عن العمل.
settings-rotate = تغيير المفتاح
settings-rotating = جارٍ إعادة قفل مكتبتك…
settings-rotated = مكتبتك مقفلة الآن بمفتاح جديد.
settings-about = حول
settings-version = الإصدار
settings-encryption = التشفير
settings-data_folder = مجلد البيانات

## time

time-just_now = الآن

## error

error-wrong_key = عبارة المرور أو الرمز لا يفتح هذه المكتبة. لم يتغيّر شيء — حاول مرة أخرى من فضلك.
error-keychain_unavailable = سلسلة مفاتيح هذا الحاسوب لا تستجيب، لذا لا تستطيع المكتبة أن تُفتح وحدها. ملاحظاتك في أمان: افتح المكتبة برمز الاسترداد.
error-key_missing = لم يعد مفتاح هذه المكتبة موجودًا في سلسلة مفاتيح هذا الحاسوب. ملاحظاتك في أمان: افتح المكتبة برمز الاسترداد.
error-passphrase_required = اختر عبارة مرور لحماية هذه المكتبة من فضلك.
error-profile_not_found = لم يعد هذا المتعلّم موجودًا على هذا الحاسوب.
error-profile_exists = يوجد متعلّم بهذا الاسم من قبل. اختر اسمًا آخر من فضلك.
error-not_found = لم تعد هذه الملاحظة موجودة. ربما حُذفت.
error-invalid_input = في النموذج شيء يحتاج إلى نظرة أخرى.
error-locked = المكتبة مقفلة. افتحها مرة أخرى من فضلك.
error-storage = لم يستطع Satchel قراءة ملفاته أو الكتابة فيها. لم يضِع شيء؛ حاول مرة أخرى من فضلك.
error-internal = حدث خطأ غير متوقع. لم يضِع شيء؛ حاول مرة أخرى من فضلك.
error-conflict = هذا مأخوذ من قبل، أو تغيّر في مكان آخر أولًا. لم يضِع شيء؛ تحقّق وحاول مرة أخرى من فضلك.
error-forbidden = هذا الحساب غير مسموح له بفعل ذلك. اسأل المعلّم أو مَن يدير الخادم.
error-no_shell = تعمل هذه الصفحة داخل تطبيق Satchel. افتح Satchel لاستخدامها.

## library

library-import = إضافة ملف
speech-language = اللغة المنطوقة
speech-detect = اكتشفها تلقائيًا
speech-language_hint = لغة التسجيلات التي تجلبها أو تسجّلها. يستطيع Satchel اكتشافها بنفسه، لكن معرفتها مسبقًا أسرع وأدق.
library-importing = جارٍ الحفظ…
library-drop_here = أفلِت الملفات هنا لإضافتها وصنع حزم دراسة منها
library-drop_hint = أو أفلِت تسجيلات أو صورًا (PNG، JPEG، WebP) أو ملفات PDF أو نصوصًا في أي مكان من هذه الصفحة لتصنع من كل منها حزمة دراسة، أو الصق صورة.
library-recordings = التسجيلات
library-notes = الملاحظات
library-import_failed = { $file }: { $reason }

## source

source-status-queued = بانتظار تحويله إلى نص
source-status-transcribing = جارٍ تحويل الكلام إلى نص…
source-status-ready = حُوِّل إلى نص
source-status-failed = فشل تحويل الكلام إلى نص
source-status-cancelled = أُوقِف
source-progress = جارٍ تحويل { $title } إلى نص — { $done } من { $total }
source-progress_open = جارٍ تحويل { $title } إلى نص — { $done } حتى الآن
source-cancel = إيقاف
source-retry = التحويل إلى نص مرة أخرى
source-retranscribe_in = أعد النسخ باللغة
source-back = العودة إلى المكتبة
source-transcript = النص المكتوب
source-no_speech = لم يُسمع أي كلام في هذا التسجيل.
source-waiting = سيظهر النص هنا حالما يصبح جاهزًا. يمكنك متابعة العمل في أثناء ذلك.
source-play_from = تشغيل من { $time }
source-delete = حذف
source-delete_confirm = هل تحذف هذا التسجيل ونصه نهائيًا؟
source-delete_yes = نعم، احذفه
source-language = اللغة
source-length = المدة
source-file = الملف

## error

error-model_missing = نموذج الكلام في Satchel غير مثبّت على هذا الحاسوب، لذا لا يستطيع تحويل الكلام إلى نص بعد. تسجيلك محفوظ؛ ويمكن تحويله إلى نص حين يتوفر النموذج.
error-bad_media = لا يستطيع Satchel قراءة هذا الملف. فهو يقرأ التسجيلات (WAV، MP3، FLAC، Ogg، M4A) والصور (PNG، JPEG، WebP) وملفات PDF.
error-cancelled = أُوقِف. التسجيل محفوظ؛ ويمكنك تحويله إلى نص مرة أخرى في أي وقت.
error-busy = ما زال هناك عمل جارٍ. انتظر حتى ينتهي أو أوقفه، ثم حاول مرة أخرى من فضلك.

## library

library-recordings_count =
    { $n ->
        [zero] لا تسجيلات
        [one] تسجيل واحد
        [two] تسجيلان
        [few] { $n } تسجيلات
        [many] { $n } تسجيلًا
       *[other] { $n } تسجيل
    }

## error

error-no_microphone = لم يستجب أي ميكروفون. صِل ميكروفونًا، أو اختر واحدًا للإدخال من إعدادات الصوت في حاسوبك، ثم حاول مرة أخرى.

## record

record-start = تسجيل
record-title = تسجيل، { $when }
record-label = التسجيل من الميكروفون
record-starting = جارٍ تشغيل الميكروفون…
record-from = التسجيل من { $device }
record-level = مستوى الصوت
record-stop = إيقاف وحفظ
record-saving = جارٍ الحفظ…
record-discard = حذف
record-discard_confirm = هل تتخلّص من هذا التسجيل؟ لا يمكن استرجاعه بعد ذلك.
record-discard_yes = نعم، تخلّص منه

## error

error-document_password = هذا المستند محمي بكلمة سر. اكتب كلمة سره لفتحه.

## source

source-status-queued_reading = بانتظار قراءته
source-status-reading = جارٍ القراءة…
source-status-read = قُرئ
source-status-read_failed = فشلت القراءة
source-no_text = لم يُعثر على نص هنا.
source-picture = الصورة كما أُضيفت
source-text = النص
source-page = الصفحة { $n }
source-page_text = نص الصفحة { $n }
source-pages =
    { $n ->
        [zero] لا صفحات
        [one] صفحة واحدة
        [two] صفحتان
        [few] { $n } صفحات
        [many] { $n } صفحة
       *[other] { $n } صفحة
    }
source-page_unshown = لا يمكن رسم هذه الصفحة؛ نصها بجانبها.
source-page_no_text = لا نص في هذه الصفحة.
source-pasted_title = صورة ملصقة
source-reading_pages = جارٍ قراءة { $title } — الصفحة { $done } من { $total }
source-reading = جارٍ قراءة { $title }…
source-password = كلمة سر هذا المستند
source-open = فتح
source-opening = جارٍ الفتح…

## nav

nav-ask = اسأل
nav-topics = المواضيع

## search

search-placeholder = ابحث في كل شيء
search-label = ابحث في ملاحظاتك وصورك وتسجيلاتك ومستنداتك
search-submit = بحث
search-indexing =
    جارٍ تجهيز الأشياء الجديدة للبحث — { $done } من { $total ->
        [zero] { $total } مقطع
        [one] مقطع واحد
        [two] مقطعين
        [few] { $total } مقاطع
        [many] { $total } مقطعًا
       *[other] { $total } مقطع
    }
search-title = نتائج البحث عن «{ $query }»
search-nothing = لم يُعثر على شيء. جرّب كلمات أخرى، أو اكتب سؤالًا بكلماتك.
search-at = عند { $time }

## kind

kind-note = ملاحظة
kind-audio = تسجيل
kind-image = صورة
kind-document = مستند
kind-text = ملف نصي

## ask

ask-title = اسأل
ask-subtitle = اطرح سؤالًا بكلماتك. تأتي الإجابات من ملاحظاتك وصورك وتسجيلاتك ومستنداتك.
ask-label = سؤالك
ask-placeholder = كيف تصنع النباتات غذاءها؟
ask-submit = اسأل
ask-asking = جارٍ البحث…
ask-nothing = لا شيء في مكتبتك يجيب عن هذا بعد. أضف ملاحظات أو مصادر عنه، أو اسأل بطريقة أخرى.

## topics

topics-title = المواضيع
topics-subtitle = عمّ تتحدث ملاحظاتك وصورك وتسجيلاتك ومستنداتك، وأيّها يشترك في موضوع واحد.
topics-none = لا مواضيع بعد. ستظهر كلما أضفت ملاحظات ومصادر.
topics-shared = مواضيع مشتركة
topics-link = { $a } و{ $b } يتناولان { $topics }

## source

source-topics = المواضيع
source-also_in = موجود أيضًا في

## nav

nav-jobs = أعمال في الخلفية

## pack

pack-make = صنع حزمة دراسة
pack-open_last = فتح آخر حزمة دراسة
pack-title = حزمة دراسة
pack-from = من «{ $title }»
pack-building = جارٍ صنع حزمة دراستك — الخطوة { $done } من { $total }
pack-building_hint = يمكنك متابعة استخدام Satchel؛ ستظهر الحزمة هنا حين تجهز.
pack-failed = تعذّر صنع حزمة الدراسة هذه. لم يضِع شيء.
pack-see_jobs = اعرف ما الخطأ وحاول مرة أخرى
pack-summary = الملخص
pack-where_from = مصدر هذا
pack-cards =
    { $n ->
        [zero] البطاقات ({ $n })
        [one] البطاقات ({ $n })
        [two] البطاقات ({ $n })
        [few] البطاقات ({ $n })
        [many] البطاقات ({ $n })
       *[other] البطاقات ({ $n })
    }
pack-cards_hint = احتفظ بالبطاقات التي تريد دراستها، وأصلح ما ليس صحيحًا تمامًا، واحذف الباقي. يتعلّم Satchel من اختياراتك.
pack-quiz = اختبار قصير
pack-check = تحقّق من إجاباتي
pack-score = الإجابات الصحيحة: { $right } من { $total }

## card

card-kind-cloze = املأ الفراغ
card-kind-definition = سؤال
card-kind-term = كلمة مفتاحية
card-kind-basic = سؤال وجواب
card-kind-reversed = في الاتجاهين
card-kind-choice = اختيار من متعدد
card-kept = محفوظة
card-edited = معدَّلة
card-front = الوجه
card-back = الظهر
card-keep = احتفاظ
card-edit = تعديل
card-delete = حذف
card-save = حفظ
card-why = لماذا هذه البطاقة؟
card-made_by = صنعها الكاتب «{ $generator }» من هذه الكلمات:
card-open_source = فتح «{ $title }» عند هذا الموضع

## jobs

jobs-title = أعمال في الخلفية
jobs-subtitle = ما يفعله Satchel من أجلك: القراءة، وتجهيز الأشياء للبحث، وصنع حزم الدراسة.
jobs-none = لا شيء يعمل الآن.
jobs-kind-read = قراءة أو تحويل كلام إلى نص
jobs-kind-index = تجهيز للبحث
jobs-kind-pack = حزمة دراسة: { $step }
jobs-step-extract = قراءة المادة
jobs-step-index = تجهيزها للبحث
jobs-step-summary = كتابة الملخص
jobs-step-concepts = إيجاد الأفكار الرئيسية
jobs-step-cards = إنشاء البطاقات
jobs-step-quiz = إنشاء الاختبار
jobs-step-validate = مراجعة البطاقات
jobs-step-deliver = تجميع كل شيء
jobs-queued = بالانتظار
jobs-running = قيد العمل
jobs-done = تم
jobs-dead =
    { $n ->
        [zero] فشل بعد { $n } محاولة
        [one] فشل بعد محاولة واحدة
        [two] فشل بعد محاولتين
        [few] فشل بعد { $n } محاولات
        [many] فشل بعد { $n } محاولة
       *[other] فشل بعد { $n } محاولة
    }
jobs-cancelled = أُوقِف
jobs-retrying = ستُعاد المحاولة قريبًا (المحاولة { $n } من { $max })
jobs-retry = حاول مرة أخرى
jobs-cancel = إيقاف

## settings

settings-helper = مساعد على شبكتك (اختياري)
settings-helper_explained = إذا كان لدى مدرستك أو معلّمك نموذج لغوي يعمل على الشبكة المحلية، يستطيع Satchel أن يطلب منه صياغة أسئلة دراسة أفضل. يُتَّصل به عبر https:// (أضف #sha256= وبصمة شهادته إن كان قد صنع شهادته بنفسه)، فلا يمر أي شيء مكشوفًا عبر شبكة Wi-Fi. يعمل Satchel تمامًا من دونه؛ وحين لا يجيب المساعد، يتابع Satchel وحده.
settings-helper_url = عنوان المساعد
settings-helper_model = اسم النموذج
settings-helper_save = حفظ وتجربة
settings-helper_trying = جارٍ التجربة…
settings-helper_ok = أجاب المساعد. قد تستخدمه حزم دراستك القادمة.
settings-helper_cleared = لم يُحدَّد أي مساعد. يصنع Satchel حزم الدراسة وحده.
settings-helper_failed = حُفظ، لكن المساعد لم يُجب ({ $problem }). سيتابع Satchel من دونه ويحاول مرة أخرى لاحقًا.

## pack

pack-plain_by_helper = بكلمات أبسط، كتبها المساعد على شبكتك، انطلاقًا من الجمل أدناه:

## nav

nav-study = ادرس الآن
nav-cards = البطاقات
nav-progress = التقدّم

## study

study-title = ادرس الآن
study-nothing = لا شيء للدراسة الآن. اكتب بطاقة، أو اصنع حزمة دراسة من شيء في مكتبتك.
study-reviews =
    { $n ->
        [zero] لا مراجعات بانتظارك
        [one] مراجعة واحدة بانتظارك
        [two] مراجعتان بانتظارك
        [few] { $n } مراجعات بانتظارك
        [many] { $n } مراجعة بانتظارك
       *[other] { $n } مراجعة بانتظارك
    }
study-start = ابدأ المراجعة
study-known = تعرف { $percent } منها · من «{ $title }»
study-read = اقرأه مرة أخرى
study-pack = حزمة دراسته
study-new =
    { $n ->
        [zero] لا بطاقات جديدة في { $deck }
        [one] بطاقة جديدة واحدة في { $deck }
        [two] بطاقتان جديدتان في { $deck }
        [few] { $n } بطاقات جديدة في { $deck }
        [many] { $n } بطاقة جديدة في { $deck }
       *[other] { $n } بطاقة جديدة في { $deck }
    }
study-learn = تعلّم

## review

review-title = المراجعة
review-picture_front = صورة السؤال: { $text }
review-picture_back = صورة الإجابة: { $text }
review-sound_front = صوت السؤال: { $text }
review-sound_back = صوت الإجابة: { $text }
review-progress = { $done } من { $total }
review-done = انتهيت من كل شيء الآن
review-done_summary =
    أجبت عن { $n ->
        [zero] { $n } بطاقة
        [one] بطاقة واحدة
        [two] بطاقتين
        [few] { $n } بطاقات
        [many] { $n } بطاقة
       *[other] { $n } بطاقة
    }، بمعدل { $seconds ->
        [zero] { $seconds } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانية
       *[other] { $seconds } ثانية
    } للبطاقة. وما يحين موعده بعد ذلك سينتظرك في وقته.
review-new = جديدة
review-seconds =
    { $n ->
        [zero] { $n } ثانية
        [one] ثانية
        [two] ثانيتان
        [few] { $n } ثوانٍ
        [many] { $n } ثانية
       *[other] { $n } ثانية
    }
review-show = إظهار الإجابة
review-space = مسافة
review-from = المصدر: { $title }
review-how_well = ما مدى تذكّرك؟
review-again = مرة أخرى
review-hard = صعب
review-good = جيد
review-easy = سهل
review-in_minutes =
    { $n ->
        [zero] { $n } دقيقة
        [one] دقيقة
        [two] دقيقتان
        [few] { $n } دقائق
        [many] { $n } دقيقة
       *[other] { $n } دقيقة
    }
review-in_hours =
    { $n ->
        [zero] { $n } ساعة
        [one] ساعة
        [two] ساعتان
        [few] { $n } ساعات
        [many] { $n } ساعة
       *[other] { $n } ساعة
    }
review-in_days =
    { $n ->
        [zero] { $n } يوم
        [one] يوم
        [two] يومان
        [few] { $n } أيام
        [many] { $n } يومًا
       *[other] { $n } يوم
    }
review-in_months =
    { $n ->
        [zero] { $n } شهر
        [one] شهر
        [two] شهران
        [few] { $n } أشهر
        [many] { $n } شهرًا
       *[other] { $n } شهر
    }
review-undo = تراجع
review-bury = ليس اليوم
review-suspend = ضعها جانبًا
review-hint = تلميح
review-hint_text = يبدأ بـ«{ $first }»: { $letters ->
        [one] حرف واحد
       *[other] { $letters } أحرف
    }، { $words ->
        [one] كلمة واحدة
       *[other] { $words } كلمات
    }.
review-explain = اشرح
review-explained = بكلمات «{ $title }»
review-no_source = كُتبت هذه البطاقة باليد: ليس لها مصدر يشرحها.
review-moment = استمع إليه في «{ $title }» عند { $time }
review-occluded = الصورة «{ $title }»، وإحدى التسميات مغطاة
review-occluded_shown = الصورة «{ $title }»، والتسمية المخفية محاطة بإطار
tutor-title = اقرأه حيث ورد
tutor-continue = متابعة
tutor-easier = أخطأت فيها مرتين: تأتي بعدها بطاقة أسهل عن هذا.

## cards

cards-title = البطاقات
cards-decks = المجموعات
cards-deck_counts =
    { $cards ->
        [zero] لا بطاقات
        [one] بطاقة واحدة
        [two] بطاقتان
        [few] { $cards } بطاقات
        [many] { $cards } بطاقة
       *[other] { $cards } بطاقة
    } · مستحقة: { $due } · جديدة: { $new }
cards-no_decks = لا بطاقات بعد. اكتب واحدة أدناه، أو اصنع حزمة دراسة من مكتبتك.
cards-write = كتابة بطاقة
cards-kind = نوع البطاقة
cards-deck = المجموعة
cards-deck_default = الافتراضية
cards-front = السؤال
cards-back = الإجابة
cards-right = الإجابة الصحيحة
cards-wrong = إجابات خاطئة، كل واحدة في سطر
cards-cloze_text = النص
cards-cloze_hint = ضع ما تريد إخفاءه بين قوسين معقوفين مزدوجين: {"{{"}c1::باريس{"}}"} عاصمة {"{{"}c2::فرنسا{"}}"}. كل رقم يصنع بطاقة.
cards-add = إضافة بطاقة
cards-saved =
    { $n ->
        [zero] لم تُضَف أي بطاقة.
        [one] أُضيفت بطاقة واحدة.
        [two] أُضيفت بطاقتان.
        [few] أُضيفت { $n } بطاقات.
        [many] أُضيفت { $n } بطاقة.
       *[other] أُضيفت { $n } بطاقة.
    }
cards-in_deck = البطاقات في هذه المجموعة
cards-unsuspend = إعادة
cards-delete = حذف

## progress

progress-title = التقدّم
progress-reviews_total = المراجعات
progress-retention = ما تذكّرته (30 يومًا)
progress-due_today = مستحقة اليوم
progress-time_total = وقت المراجعة
progress-minutes =
    { $n ->
        [zero] { $n } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $n } دقائق
        [many] { $n } دقيقة
       *[other] { $n } دقيقة
    }
progress-cards = البطاقات
progress-card_counts = جديدة: { $new } · قيد التعلّم: { $learning } · حديثة: { $young } · راسخة: { $mature }
progress-as_table = عرض كجدول
progress-heatmap = المراجعات في السنة الماضية
progress-heatmap_summary =
    { $n ->
        [zero] { $n } مراجعة
        [one] مراجعة واحدة
        [two] مراجعتان
        [few] { $n } مراجعات
        [many] { $n } مراجعة
       *[other] { $n } مراجعة
    } في { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }.
progress-day_reviews =
    { $date }: { $n ->
        [zero] لا مراجعات
        [one] مراجعة واحدة
        [two] مراجعتان
        [few] { $n } مراجعات
        [many] { $n } مراجعة
       *[other] { $n } مراجعة
    }
progress-day = اليوم
progress-week = الأسبوع
progress-reviews = المراجعات
progress-retention_title = ما تذكّرته حين حان موعده، حسب الأسبوع
progress-retention_summary = في آخر 30 يومًا تذكّرت { $percent } من البطاقات حين حان موعدها (وكنت قد طلبت { $desired }).
progress-retention_none = لم يحن موعد أي بطاقة بعد.
progress-recalled = تذكّرتها
progress-forecast = بطاقات يحين موعدها
progress-forecast_summary = مستحقة اليوم: { $today }، وفي الأيام السبعة القادمة: { $week }.
progress-due = المستحقة
progress-time = الوقت المستغرق
progress-time_summary =
    أمضيت { $n ->
        [zero] { $n } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $n } دقائق
        [many] { $n } دقيقة
       *[other] { $n } دقيقة
    } في المراجعة خلال آخر 30 يومًا.
progress-mastery = مدى معرفتك بكل موضوع
progress-mastery_summary =
    تعرف جيدًا { $known } من { $n ->
        [zero] { $n } موضوع
        [one] موضوع واحد
        [two] موضوعين
        [few] { $n } مواضيع
        [many] { $n } موضوعًا
       *[other] { $n } موضوع
    }.
progress-mastery_none = اصنع حزمة دراسة وراجع بطاقاتها لترى مدى معرفتك بكل موضوع.
progress-concept = الموضوع
progress-known = نسبة المعرفة
progress-scheduling = المراجعات
progress-desired = تذكّر { $percent } من البطاقات حين يحين موعدها
progress-desired_hint = النسبة الأعلى تعني مراجعات أكثر؛ ونسبة 90% تناسب معظم المتعلّمين.
progress-new_per_day = البطاقات الجديدة في اليوم
progress-save = حفظ
progress-saved = تم الحفظ.
progress-optimised =
    تعلّم Satchel طريقة تذكّرك من { $reviews ->
        [zero] { $reviews } مراجعة
        [one] مراجعة واحدة
        [two] مراجعتين
        [few] { $reviews } مراجعات
        [many] { $reviews } مراجعة
       *[other] { $reviews } مراجعة
    } أجريتها: تحسّنت توقعاته ({ $before } ← { $after }، والأقل أفضل)، وصار يجدول مراجعاتك بها الآن.
progress-optimised_kept =
    فحص Satchel { $reviews ->
        [zero] { $reviews } مراجعة
        [one] مراجعة واحدة
        [two] مراجعتين
        [few] { $reviews } مراجعات
        [many] { $reviews } مراجعة
       *[other] { $reviews } مراجعة
    } أجريتها؛ الجدولة المعتادة تتوقعها جيدًا بالقدر نفسه ({ $before } ← { $after })، لذا تبقى كما هي.
progress-not_optimised = بعد نحو 400 مراجعة يتعلّم Satchel طريقة تذكّرك ويجدول لك المراجعات. مراجعاتك حتى الآن: { $n }.
progress-optimise = تعلّم من مراجعاتي الآن
progress-optimise_queued = جارٍ العمل على ذلك في الخلفية.

## cards

cards-import_anki = استيراد مجموعة Anki
cards-export_anki = تصدير كل المجموعات إلى Anki
cards-export_short = تصدير إلى Anki
cards-export_deck = تصدير { $deck } إلى Anki
cards-exporting = جارٍ كتابة المجموعة لـ Anki…
cards-exported =
    كُتبت { $cards ->
        [zero] { $cards } بطاقة
        [one] بطاقة واحدة
        [two] بطاقتان
        [few] { $cards } بطاقات
        [many] { $cards } بطاقة
       *[other] { $cards } بطاقة
    } في { $decks ->
        [zero] { $decks } مجموعة
        [one] مجموعة واحدة
        [two] مجموعتين
        [few] { $decks } مجموعات
        [many] { $decks } مجموعة
       *[other] { $decks } مجموعة
    }، مع { $reviews ->
        [zero] { $reviews } مراجعة سابقة
        [one] مراجعة سابقة واحدة
        [two] مراجعتين سابقتين
        [few] { $reviews } مراجعات سابقة
        [many] { $reviews } مراجعة سابقة
       *[other] { $reviews } مراجعة سابقة
    } و{ $media ->
        [zero] { $media } ملف صور وأصوات
        [one] ملف صورة أو صوت واحد
        [two] ملفَّي صور وأصوات
        [few] { $media } ملفات صور وأصوات
        [many] { $media } ملف صور وأصوات
       *[other] { $media } ملف صور وأصوات
    }. يفتح Anki الملف من ملف › استيراد.
cards-exported_left_out = { $n ->
        [zero] لم تُترك أي بطاقة إخفاء صور.
        [one] تُركت بطاقة إخفاء صور واحدة: يصنعها Anki في محرره الخاص.
        [two] تُركت بطاقتا إخفاء صور: يصنعهما Anki في محرره الخاص.
        [few] تُركت { $n } بطاقات إخفاء صور: يصنعها Anki في محرره الخاص.
        [many] تُركت { $n } بطاقة إخفاء صور: يصنعها Anki في محرره الخاص.
       *[other] تُركت { $n } بطاقة إخفاء صور: يصنعها Anki في محرره الخاص.
    }
cards-importing = جارٍ استيراد المجموعة…
cards-imported =
    تم استيراد { $cards ->
        [zero] { $cards } بطاقة
        [one] بطاقة واحدة
        [two] بطاقتين
        [few] { $cards } بطاقات
        [many] { $cards } بطاقة
       *[other] { $cards } بطاقة
    } في { $decks ->
        [zero] { $decks } مجموعة
        [one] مجموعة واحدة
        [two] مجموعتين
        [few] { $decks } مجموعات
        [many] { $decks } مجموعة
       *[other] { $decks } مجموعة
    }، مع { $reviews ->
        [zero] { $reviews } مراجعة سابقة
        [one] مراجعة سابقة واحدة
        [two] مراجعتين سابقتين
        [few] { $reviews } مراجعات سابقة
        [many] { $reviews } مراجعة سابقة
       *[other] { $reviews } مراجعة سابقة
    } و{ $media ->
        [zero] { $media } ملف صور وأصوات
        [one] ملف صورة أو صوت واحد
        [two] ملفَّي صور وأصوات
        [few] { $media } ملفات صور وأصوات
        [many] { $media } ملف صور وأصوات
       *[other] { $media } ملف صور وأصوات
    } (كان { $here } منها هنا من قبل).
cards-media = الصور والأصوات
cards-media_front = إضافة إلى السؤال…
cards-media_back = إضافة إلى الإجابة…
cards-on_front = مع السؤال
cards-on_back = مع الإجابة
cards-remove_media = إزالة

## sync

sync-offline = غير متصل — التغييرات محفوظة هنا
sync-offline_waiting =
    { $n ->
        [zero] غير متصل — لم يُحفظ هنا أي تغيير
        [one] غير متصل — حُفظ هنا تغيير واحد
        [two] غير متصل — حُفظ هنا تغييران
        [few] غير متصل — حُفظت هنا { $n } تغييرات
        [many] غير متصل — حُفظ هنا { $n } تغييرًا
       *[other] غير متصل — حُفظ هنا { $n } تغيير
    }
sync-waiting =
    { $n ->
        [zero] لا تغييرات بانتظار المزامنة
        [one] تغيير واحد بانتظار المزامنة
        [two] تغييران بانتظار المزامنة
        [few] { $n } تغييرات بانتظار المزامنة
        [many] { $n } تغييرًا بانتظار المزامنة
       *[other] { $n } تغيير بانتظار المزامنة
    }
sync-synced = تمت المزامنة { $when }
sync-never = لم تتم المزامنة بعد
sync-syncing = جارٍ المزامنة… { $size }
sync-syncing_label = جارٍ المزامنة
sync-sync_now = مزامنة الآن

## settings

settings-sync = المزامنة
settings-sync_explained = سجّل الدخول إلى خادم المزامنة في مدرستك أو عائلتك، فتبقى ملاحظاتك وبطاقاتك ومراجعاتك نفسها على كل جهاز تستخدمه. وكل شيء يعمل من دونه أيضًا.
settings-sync_server = عنوان الخادم
settings-sync_name = الاسم
settings-sync_password = كلمة السر
settings-sync_sign_in = تسجيل الدخول
settings-sync_signing_in = جارٍ تسجيل الدخول…
settings-sync_state = المزامنة
settings-sync_failed = لم تكتمل آخر مزامنة ({ $problem }). لم يضِع شيء: تغييراتك باقية هنا وستُرسَل مع المزامنة القادمة.
settings-sync_running = جارٍ المزامنة…
settings-sync_sign_out = تسجيل الخروج

## error

error-offline = لم يُجب خادم المزامنة. لم يضِع شيء: تغييراتك باقية هنا وستُرسَل مع المزامنة القادمة. تحقّق من الشبكة ومن عنوان الخادم.
error-sign_in_needed = سجّل الدخول إلى خادم المزامنة (مرة أخرى) من فضلك. لم يضِع شيء.

## source

source-original_elsewhere = أُضيف هذا على جهاز آخر من أجهزتك. نصه هنا؛ وسيصل الأصل مع المزامنة القادمة.

## nav

nav-class = الصف

## class

class-title = الصف
class-lessons = دروس من معلّمك
class-in_classes = أنت في: { $classes }
class-no_lessons = لا دروس بعد. حين يرسل إليك معلّمك درسًا، سيظهر هنا وفي «ادرس الآن» بعد المزامنة القادمة.
class-lesson_from = من { $teacher } · { $class }
class-lesson_progress =
    تمت دراسة { $studied } من { $cards ->
        [zero] { $cards } بطاقة
        [one] بطاقة واحدة
        [two] بطاقتين
        [few] { $cards } بطاقات
        [many] { $cards } بطاقة
       *[other] { $cards } بطاقة
    }
class-lesson_progress_label = كم دُرس من الدرس
class-read = قراءة
class-study = دراسة
class-join = الانضمام إلى صف
class-looking = جارٍ البحث عن صفوف قريبة…
class-none_found = لم يُجب أي صف قريب. اطلب العنوان من معلّمك واكتبه أدناه.
class-look_again = البحث مرة أخرى
class-nearby = صفوف قريبة
class-address = عنوان خادم الصف
class-code = رمز الصف
class-joining = جارٍ الانضمام…
class-join_button = انضمام
class-joined = انضممت إلى { $class } ({ $teacher }). ستصل دروسه مع كل مزامنة.
class-teach = تدريس صف
class-teach_hint = شغّل خادم الصف على هذا الحاسوب: تجده تطبيقات الطلاب على الشبكة نفسها وتنضم إليه برمز. لا يحتاج إلى إنترنت.
class-start = تشغيل خادم الصف
class-starting = جارٍ التشغيل…
class-stop = إيقاف خادم الصف
class-hosting = خادم الصف يعمل على
class-hosting_hint = يختاره الطلاب من الصفوف القريبة، أو يكتبون هذا العنوان إن كانت شبكتهم تخفيه.
class-new_class = صف جديد
class-new_class_placeholder = علوم الصف السابع
class-create = إنشاء الصف
class-code_is = ينضم الطلاب بالرمز
class-students =
    { $n ->
        [zero] لا طلاب
        [one] طالب واحد
        [two] طالبان
        [few] { $n } طلاب
        [many] { $n } طالبًا
       *[other] { $n } طالب
    }
class-assign_what = الدرس المراد إرساله (مادة لها حزمة دراسة)
class-choose_material = اختر من مكتبتك…
class-assign_to = إلى
class-whole_class_hint = ضع علامة على طلاب لتعطيه لهم وحدهم؛ أو لا تضع علامة على أحد ليذهب إلى الصف كله (وإلى كل من ينضم لاحقًا).
class-assign = إرسال الدرس
class-assigning = جارٍ إرسال الدرس…
class-assigned =
    { $n ->
        [zero] لم يُرسَل الدرس إلى أي طالب.
        [one] أُرسل الدرس إلى طالب واحد. سيصله حين يزامن تطبيقه في المرة القادمة.
        [two] أُرسل الدرس إلى طالبين. سيصل كلًّا منهما حين يزامن تطبيقه في المرة القادمة.
        [few] أُرسل الدرس إلى { $n } طلاب. سيصل كلًّا منهم حين يزامن تطبيقه في المرة القادمة.
        [many] أُرسل الدرس إلى { $n } طالبًا. سيصل كلًّا منهم حين يزامن تطبيقه في المرة القادمة.
       *[other] أُرسل الدرس إلى { $n } طالب. سيصل كلًّا منهم حين يزامن تطبيقه في المرة القادمة.
    }
class-refresh = تحديث لوحة المتابعة
class-completion = الدروس
class-no_assignments = لم تُرسَل أي دروس بعد.
class-done_of = أنهاه { $done }، وبدأه { $started }، من أصل { $n }
class-matrix = ما يعرفه كل طالب، حسب المفهوم
class-matrix_summary =
    { $students ->
        [zero] { $students } طالب
        [one] طالب واحد
        [two] طالبان
        [few] { $students } طلاب
        [many] { $students } طالبًا
       *[other] { $students } طالب
    } و{ $concepts ->
        [zero] { $concepts } مفهوم
        [one] مفهوم واحد
        [two] مفهومان
        [few] { $concepts } مفاهيم
        [many] { $concepts } مفهومًا
       *[other] { $concepts } مفهوم
    }؛ الأغمق معروف أكثر، والرمادي لم يُدرَس بعد. { $struggles ->
        [zero] لا يتعثّر أي طالب في أي موضع.
        [one] موضع واحد يتعثّر فيه طالب.
        [two] موضعان يتعثّر فيهما طالب.
        [few] { $struggles } مواضع يتعثّر فيها طالب.
        [many] { $struggles } موضعًا يتعثّر فيها طالب.
       *[other] { $struggles } موضع يتعثّر فيها طالب.
    }
class-not_yet = ليس بعد
class-student = الطالب
class-struggling = مَن يتعثّر في ماذا
class-nobody_struggling = لا أحد يتعثّر في أي شيء درسه.
class-struggles_with = { $student } — { $concept } ({ $percent })
class-bundle = لا توجد شبكة؟ انقله على ذاكرة USB
class-bundle_hint = اكتب ملاحظاتك وبطاقاتك ومراجعاتك ومكتبتك في ملف نقل، واستورده على حاسوب آخر (أو استورد ملفًا من هناك). الملف مختوم: لا يفتحه إلا هذا الحاسوب ومَن لديه رمز ملف النقل. ويُدمَج كما في المزامنة؛ فلا يضيع شيء في أي اتجاه.
class-export = كتابة ملف نقل…
class-import = استيراد ملف نقل…
class-bundle_working = جارٍ العمل… قد يستغرق هذا دقيقة إن كانت المكتبة كبيرة.
class-exported =
    كُتب { $docs ->
        [zero] { $docs } مستند
        [one] مستند واحد
        [two] مستندان
        [few] { $docs } مستندات
        [many] { $docs } مستندًا
       *[other] { $docs } مستند
    } و{ $media ->
        [zero] { $media } ملف
        [one] ملف واحد
        [two] ملفان
        [few] { $media } ملفات
        [many] { $media } ملفًا
       *[other] { $media } ملف
    }.
class-imported =
    دُمج { $docs ->
        [zero] { $docs } مستند
        [one] مستند واحد
        [two] مستندان
        [few] { $docs } مستندات
        [many] { $docs } مستندًا
       *[other] { $docs } مستند
    }: الجديد أو المتغيّر هنا — مراجعات: { $reviews }، بطاقات: { $cards }، ملاحظات: { $notes }؛ { $media ->
        [zero] ولم يُنقل أي ملف.
        [one] ونُقل ملف واحد.
        [two] ونُقل ملفان.
        [few] ونُقلت { $media } ملفات.
        [many] ونُقل { $media } ملفًا.
       *[other] ونُقل { $media } ملف.
    }

## study

study-lesson = { $title } — درس من { $teacher }
study-lesson_left =
    بقي { $left } من { $cards ->
        [zero] { $cards } بطاقة
        [one] بطاقة واحدة
        [two] بطاقتين
        [few] { $cards } بطاقات
        [many] { $cards } بطاقة
       *[other] { $cards } بطاقة
    } للدراسة

## class

class-roster = الطلاب
class-lessons_to_stick = نسخ الدروس إلى ذاكرة USB…
class-progress_from_stick = استيراد تقدّم طالب من ذاكرة USB…
class-no_network_hint = لا توجد شبكة في الصف؟ أضف الطلاب بأسمائهم، واكتب دروس كل واحد منهم على ذاكرة USB، واستورد تقدّمهم بالطريقة نفسها. وحين ينضمون لاحقًا عبر شبكة، يجتمع كل شيء.
class-add_student = إضافة طالب باسمه
class-add = إضافة
class-student_added = صار { $name } في الصف. يمكن وضع دروسه على ذاكرة USB الآن.
class-student_bundle_out = كُتبت دروس الطالب في ملف نقل مختوم. أعطه ذاكرة USB ورمز ملف النقل الخاص به: { $code }. على حاسوبه: الصف ← استيراد ملف نقل.
class-student_bundle_in =
    استُورد تقدّم { $name } ({ $docs ->
        [zero] لم يتغيّر أي مستند
        [one] تغيّر مستند واحد
        [two] تغيّر مستندان
        [few] تغيّرت { $docs } مستندات
        [many] تغيّر { $docs } مستندًا
       *[other] تغيّر { $docs } مستند
    }).
class-remove = إخراج من الصف
class-remove_confirm = هل تُخرج { $name } من الصف؟ سيحتفظ بالدروس التي لديه، لكن الدروس الجديدة لن تصله.
class-remove_yes = إخراج
class-remove_no = إبقاء
class-student_removed = لم يعد { $name } في الصف.
class-legend = ما معنى الألوان
class-legend_0 = أقل من { $low }
class-legend_1 = من { $low } إلى { $high }
class-legend_2 = من { $low } إلى { $high }
class-legend_3 = من { $low } إلى { $high }
class-legend_4 = { $low } فأكثر

## startup

startup-failed-title = تعذّر تشغيل Satchel
startup-failed-body = لم يستطع Satchel أن يفتح. لم يتغيّر شيء في مكتبتك. إن تكرّر هذا، فاعرض هذه الرسالة على مَن يعتني بهذا الحاسوب.

## error

error-untrusted = لم يقبل Satchel هذا: لم ينجح في فحص أمان، لذا لم يتغيّر شيء ولم يُرسَل شيء.

## models

models-title = ما يستطيع Satchel فعله على هذا الحاسوب
models-transcribe_english = كتابة التسجيلات الإنجليزية نصًّا
models-transcribe_other_languages = كتابة التسجيلات بلغات أخرى نصًّا
models-read_images = قراءة الصور والصفحات الممسوحة ضوئيًا
models-read_other_scripts = قراءة الهندية والعربية في الصور والصفحات الممسوحة ضوئيًا
models-search_by_meaning = البحث بالمعنى، والمفاهيم، وحزم الدراسة
models-ready = جاهز
models-missing = يحتاج إلى حزمة نماذج
models-missing_tesseract = يحتاج إلى Tesseract: على Linux ثبّت الحزمتين tesseract-ocr-hin وtesseract-ocr-ara، وعلى Windows أعد تثبيت Satchel
models-pack_explained = حزمة النماذج تضيف ما ينقص. إنها ملف واحد، من ذاكرة USB أو من معلّمك؛ ويتحقق Satchel من توقيعها قبل أن يأخذ منها أي شيء.
models-imported = حزمة النماذج { $version } قيد الاستخدام.
models-import = استيراد حزمة نماذج…
models-importing = جارٍ فحص حزمة النماذج واستيرادها…
models-import_done = فُحصت حزمة النماذج واستُوردت. ما تضيفه يعمل الآن.
models-banner = بعض ما يفعله Satchel يحتاج إلى نماذج ليست على هذا الحاسوب: { $missing }.
models-banner_link = استيراد حزمة نماذج

## update

update-title = تحديث Satchel
update-explained = قد يأتي التحديث على ذاكرة USB. يتحقق Satchel من أنه موقَّع وكامل وأحدث قبل أن يعرضه؛ ولا يتغيّر شيء حتى تختار تثبيته.
update-choose = فحص ملف تحديث…
update-checking = جارٍ الفحص…
update-offer = Satchel { $version } جاهز للتثبيت (النسخة الحالية { $current }).
update-install = تثبيت
update-not_now = ليس الآن
update-installed = ثُبِّت التحديث. سيُستخدم في المرة القادمة التي يبدأ فيها Satchel.

## offers

offers-title = من صفك
offers-explained = يوزّع Satchel لدى معلّمك هذه الأشياء عبر شبكة الصف. ويتحقق Satchel من أن كلًّا منها موقَّع وكامل وأحدث قبل استخدامه.
offers-update = Satchel { $version }
offers-models = حزمة النماذج { $version }
offers-take = الحصول عليه
offers-have_it = موجود على هذا الحاسوب
offers-models_taken = فُحصت حزمة النماذج { $version } واستُوردت. ما تضيفه يعمل الآن.
offers-update_taken = فُحص التحديث. انظر «تحديث Satchel» لتثبيته حين تشاء.
offers-offered_title = ما يُوزَّع على طلابك
offers-offered_hint = تستطيع تطبيقات الطلاب على خادم الصف هذا أن تأخذ ما يلي: تحديثًا لتطبيق Satchel، والنماذج لحاسوب تنقصه.
offers-offer_models = توزيع نماذج هذا الحاسوب
offers-offer_file = توزيع ملف حزمة…
offers-withdraw = إيقاف
offers-withdraw_named = إيقاف توزيع { $what }

## error

error-confirm_server = لم يتصل Satchel بخادم الصف هذا من قبل. قبل إرسال أي شيء، تحقّق من أن شاشة المعلّم تعرض الكلمات نفسها.

## class

class-address_placeholder = 192.168.1.20:7480، أو رابط الانضمام من المعلّم
class-code_in_link = غير مطلوب مع رابط الانضمام
class-confirm_server = هذا الحاسوب يتصل بهذا الخادم أول مرة. هل تعرض شاشة معلّمك (أو مَن يدير الخادم) هذه الكلمات؟
class-confirm_server_hint = تطابق الكلمات يعني أنك وصلت إلى الخادم الحقيقي، لا إلى أحد ينتحل صفته. لم يُرسَل أي شيء بعد.
class-words_match = متطابقة: انضمام
class-words_differ_button = غير متطابقة
class-words_differ = لم تتطابق الكلمات، لذا لم يُرسَل شيء. أخبر معلّمك: قد يكون أحد على هذه الشبكة ينتحل صفة خادم الصف.
class-hosting_words = الطلاب الذين يكتبون العنوان يتحققون من هذه الكلمات:
class-join_link = رابط الانضمام ورمز QR
class-join_link_hint = ينضم Satchel لدى الطالب بهذا الرابط وحده: فهو يحدد خادم الصف هذا، والرمز، والبصمة التي تثبت أنه لك.
class-join_link_qr = رمز QR لرابط الانضمام
class-claim_code_is = ينضم { $name } برمز الصف وبرمز الاستلام هذا: { $code } (يعمل مرة واحدة، ولمدة أسبوع).
class-added_by_name = أضافني معلّمي باسمي
class-claim_code = رمز الاستلام من معلّمك
class-new_code = رمز جديد
class-code_until = يعمل حتى { $date }. الرمز الجديد يُبطل القديم.
class-export_progress = كتابة تقدّمي لمعلّمي…
class-progress_written = كُتب تقدّمك لمعلّمك. لا يفتحه إلا خادم صفك.
class-bundle_code_is = رمز ملف النقل (يطلبه الحاسوب الآخر مرة واحدة):
class-bundle_code_ask = ملف النقل هذا مختوم. اكتب رمزه (24 رقمًا): الرمز الذي ظهر حيث كُتب، أو الذي أعطاك إياه معلّمك.
class-bundle_code_open = افتحه
class-student_code = رمز ملف النقل:

## error

error-bundle_code = يحتاج ملف النقل هذا إلى رمزه ليُفتح.
error-full = لم تعد في حسابك مساحة على الخادم. لم يضِع شيء: ما زال على هذا الحاسوب. اطلب مساحة أكبر ممن يدير الخادم.

## error-detail: exactly what was wrong, from the core's detail (the placeholders
## are filled in by the window; $field and $file choose the sentence)

error-detail-required =
    { $field ->
        [profile_name] اكتب اسمًا من فضلك.
        [passphrase] اكتب عبارة مرور من فضلك.
        [note_title] أعطِ الملاحظة عنوانًا من فضلك.
        [card_front] وجه البطاقة فارغ.
        [card_back] ظهر البطاقة فارغ.
        [deck_name] اكتب اسمًا للمجموعة من فضلك.
        [join_name] اكتب الاسم الذي تنضم به إلى الصف من فضلك.
        [join_code] اكتب رمز الانضمام إلى الصف من فضلك.
       *[other] شيء مطلوب هنا ما زال فارغًا.
    }
error-detail-too_long =
    { $field ->
        [profile_name] يجب ألّا يزيد الاسم على
        [note_title] يجب ألّا يزيد عنوان الملاحظة على
        [card_front] يجب ألّا يزيد وجه البطاقة على
        [card_back] يجب ألّا يزيد ظهر البطاقة على
        [deck_name] يجب ألّا يزيد اسم المجموعة على
       *[other] هذا أطول من المسموح به: يجب ألّا يزيد على
    } { $max ->
        [zero] { $max } حرف
        [one] حرف واحد
        [two] حرفين
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    }.
error-detail-too_short =
    { $field ->
        [passphrase] تحتاج عبارة المرور إلى
       *[other] يحتاج هذا إلى
    } { $min ->
        [zero] { $min } حرف
        [one] حرف واحد
        [two] حرفين
        [few] { $min } أحرف
        [many] { $min } حرفًا
       *[other] { $min } حرف
    } على الأقل.
error-detail-one_line =
    { $field ->
        [profile_name] يجب أن يكون الاسم سطرًا واحدًا من الحروف العادية.
        [deck_name] يجب أن يكون اسم المجموعة سطرًا واحدًا من الحروف العادية.
       *[other] يجب أن يكون هذا سطرًا واحدًا من الحروف العادية.
    }
error-detail-cloze_unmarked = ضع الكلمات التي تريد إخفاءها بين قوسين معقوفين مزدوجين، مثل {"{{"}c1::باريس{"}}"}.
error-detail-cloze_empty = يجب أن تُخفي علامة الإخفاء بعض الكلمات: {"{{"}c1::{"}}"} فارغة.
error-detail-no_wrong_choice = تحتاج بطاقة الاختيار من متعدد إلى إجابة خاطئة واحدة على الأقل.
error-detail-too_many_choices =
    لبطاقة الاختيار من متعدد { $max ->
        [zero] { $max } خيار
        [one] خيار واحد
        [two] خياران
        [few] { $max } خيارات
        [many] { $max } خيارًا
       *[other] { $max } خيار
    } على الأكثر.
error-detail-recovery_code_shape =
    يتكوّن رمز الاسترداد من { $letters ->
        [zero] { $letters } خانة
        [one] خانة واحدة
        [two] خانتين
        [few] { $letters } خانات
        [many] { $letters } خانة
       *[other] { $letters } خانة
    } من الحروف والأرقام، في مجموعات كلٌّ منها { $group ->
        [zero] { $group } خانة
        [one] خانة واحدة
        [two] خانتان
        [few] { $group } خانات
        [many] { $group } خانة
       *[other] { $group } خانة
    }، مثل ABCD-EFGH-…
error-detail-card_suspended = هذه البطاقة موضوعة جانبًا. أعِدها إلى المراجعات أولًا.
error-detail-nothing_to_undo = لا توجد إجابة للتراجع عنها.
error-detail-too_few_reviews =
    يتعلّم Satchel من مراجعاتك حين يصبح عددها كافيًا؛ { $reviews ->
        [zero] ولم تُجرِ أي مراجعة بعد.
        [one] ومراجعة واحدة لا تكفي بعد.
        [two] ومراجعتان لا تكفيان بعد.
        [few] و{ $reviews } مراجعات لا تكفي بعد.
        [many] و{ $reviews } مراجعة لا تكفي بعد.
       *[other] و{ $reviews } مراجعة لا تكفي بعد.
    }
error-detail-not_https = لا يتصل Satchel بالحواسيب الأخرى إلا عبر https. تحقّق من العنوان: { $address }
error-detail-not_an_address = هذا ليس عنوان خادم: { $address }
error-detail-file_too_large = هذا الملف أكبر من { $size }، وهو أقصى ما يقبله Satchel في المرة الواحدة. لم يضِع شيء.
error-detail-note_too_large = تتّسع الملاحظة الواحدة لنصّ حجمه { $size } على الأكثر. قسّمها إلى عدّة ملاحظات.
error-detail-recording_too_long = يقبل Satchel في المرة الواحدة تسجيلات تصل مدتها إلى { $length }. وما سُجِّل حتى ذلك الحين محفوظ.
error-detail-unsupported_file =
    { $file ->
        [audio] لا يستطيع Satchel قراءة هذا الملف بوصفه تسجيلًا. فهو يقرأ ملفات WAV وMP3 وFLAC وOgg وM4A.
        [image] لا يستطيع Satchel قراءة هذا الملف بوصفه صورة. فهو يقرأ ملفات PNG وJPEG وWebP.
       *[document] لا يستطيع Satchel قراءة هذا الملف بوصفه مستندًا. فهو يقرأ ملفات PDF.
    }
error-detail-damaged_file =
    { $file ->
        [audio] هذا التسجيل تالف، لذا لا يستطيع Satchel قراءته. لم يتغيّر أي شيء آخر.
        [image] هذه الصورة تالفة، لذا لا يستطيع Satchel قراءتها. لم يتغيّر أي شيء آخر.
       *[document] هذا المستند تالف، لذا لا يستطيع Satchel قراءته. لم يتغيّر أي شيء آخر.
    }
error-detail-no_sound = لا يحتوي هذا التسجيل على أي صوت يمكن كتابته نصًّا.
error-detail-model_missing = نموذج يحتاج إليه Satchel ({ $model }) غير موجود على هذا الحاسوب. أعِد تثبيت Satchel، أو استورد حزمة نماذج من معلّمك.
error-detail-unsupported_processor = معالج هذا الحاسوب لا يدعم { $missing }، وهي ميزة تحتاج إليها كتابة الكلام نصًّا. أما كل شيء آخر في Satchel فيعمل.

## backups

backups-title = النسخ الاحتياطية
backups-explained = يحفظ Satchel نسخة من مكتبتك بنفسه كل نصف ساعة من الاستخدام، ويبقي أحدث النسخ، ونسخة كل يوم لمدة أسبوع، ونسخة كل أسبوع لمدة شهر. النسخة مقفلة مثل مكتبتك: تفتحها عبارة المرور أو سلسلة مفاتيح هذا الحاسوب أو رمز الاسترداد. احتفظ بنسخة على ذاكرة USB أيضًا، تحسبًا لضياع هذا الحاسوب.
backups-now = انسخ الآن
backups-to_folder = انسخ إلى مجلد أو ذاكرة USB…
backups-restore_file = استعد من ملف…
backups-working = جارٍ العمل…
backups-made = تم النسخ ({ $date }):
backups-restored = عادت مكتبتك كما كانت في { $date }.
backups-replaced_kept = المكتبة التي استُبدلت محفوظة كنسخة احتياطية.
backups-restore_this = استعد نسخة { $date }
backups-restore = استعادة…
backups-none = لا توجد نسخ بعد.
backups-confirm = هل تستبدل مكتبة { $name } بمكتبة { $date }؟
backups-confirm_kept = تُحفظ مكتبتك كما هي الآن كنسخة أولًا، فلا يضيع شيء.
backups-passphrase_then = عبارة المرور التي كانت للمكتبة حينها
backups-restore_confirm = استعادة
backups-contents =
    { $notes ->
        [zero] { $notes } ملاحظة
        [one] ملاحظة واحدة
        [two] ملاحظتان
        [few] { $notes } ملاحظات
        [many] { $notes } ملاحظة
       *[other] { $notes } ملاحظة
    }، { $sources ->
        [zero] { $sources } مصدر
        [one] مصدر واحد
        [two] مصدران
        [few] { $sources } مصادر
        [many] { $sources } مصدرًا
       *[other] { $sources } مصدر
    }، { $cards ->
        [zero] { $cards } بطاقة
        [one] بطاقة واحدة
        [two] بطاقتان
        [few] { $cards } بطاقات
        [many] { $cards } بطاقة
       *[other] { $cards } بطاقة
    }، { $reviews ->
        [zero] { $reviews } مراجعة
        [one] مراجعة واحدة
        [two] مراجعتان
        [few] { $reviews } مراجعات
        [many] { $reviews } مراجعة
       *[other] { $reviews } مراجعة
    }
backups-contents_unknown = المكتبة كما كانت قبل الاستعادة
backups-kind-automatic = تلقائية
backups-kind-manual = صنعتها أنت
backups-kind-before_restore = محفوظة قبل الاستعادة
welcome-restore = استعد نسخة احتياطية…
welcome-restore_title = استعادة مكتبة { $name } من { $date }

## learner

learner-title = المتعلّم
learner-name = الاسم
learner-rename = إعادة التسمية
learner-renamed = تمت إعادة التسمية.
learner-protection = ما يفتح هذه المكتبة
learner-by_keychain = تفتحها سلسلة مفاتيح هذا الحاسوب دون كتابة شيء. اختر عبارة مرور بدلًا من ذلك إن كان غيرك يستخدم حساب هذا الحاسوب.
learner-by_passphrase = تفتحها عبارة المرور الخاصة بك.
learner-current_passphrase = عبارة المرور الحالية
learner-new_passphrase = عبارة مرور جديدة
learner-use_passphrase = استخدم عبارة مرور
learner-change_passphrase = غيّر عبارة المرور
learner-use_keychain = استخدم سلسلة مفاتيح هذا الحاسوب بدلًا منها
learner-protected_passphrase = من الآن تفتح عبارة المرور هذه المكتبة.
learner-protected_keychain = من الآن تفتح سلسلة مفاتيح هذا الحاسوب هذه المكتبة.
learner-mismatch = عبارتا المرور مختلفتان.
learner-remove_title = إزالة هذا المتعلّم
learner-remove = إزالة هذا المتعلّم…
learner-remove_explained = يزيل هذا { $name } وكل ما في مكتبته من هذا الحاسوب.
learner-type_name = اكتب { $name } للتأكيد
learner-keep_backup = احتفظ بنسخة احتياطية أخيرة أولًا (يمكن استعادتها لاحقًا)
learner-remove_confirm = إزالة

## help

nav-help = مساعدة
help-title = مساعدة
help-start = البداية
help-step-bring = أحضر ما تتعلّم منه: اكتب ملاحظة، أو أحضر صورة للسبورة أو تسجيلًا لدرس أو ملف PDF أو ملفًا نصيًا. يقرؤه Satchel ويفرّغه على هذا الحاسوب دون إنترنت.
help-step-pack = افتح ملاحظة أو مصدرًا واصنع حزمة دراسة: ملخّصًا وبطاقات واختبارًا، كلٌّ منها مرتبط بالكلمات التي جاء منها.
help-step-study = اضغط «ادرس الآن»: يسألك Satchel عمّا حان وقته، ويجدول كل بطاقة بحسب معرفتك بها، وتُظهر صفحة التقدّم ما تعرفه.
help-step-share = زامن مع أجهزتك الأخرى أو انضم إلى صف حين تتوفر شبكة؛ تبقى مكتبتك على هذا الحاسوب في كل الأحوال.
help-step-safe = مكتبتك مشفّرة وتُنسخ احتياطيًا كل نصف ساعة من الاستخدام. احتفظ برمز الاسترداد ونسخة على ذاكرة USB.
help-shortcuts = اختصارات لوحة المفاتيح
help-keys-everywhere = في كل مكان
help-keys-notes = الملاحظات
help-keys-review = دراسة البطاقات
help-key = المفتاح
help-does = ما يفعله
help-key-question = ?
help-key-slash = /
help-key-tab = Tab و Shift+Tab
help-key-ctrl_s = Ctrl+S
help-key-space = المسافة أو Enter
help-key-ratings = 1 2 3 4
help-key-choices = من 1 إلى 8
help-key-h = H
help-key-e = E
help-key-u = U
help-does-help = افتح قائمة الاختصارات هذه
help-does-search = ابحث في ملاحظاتك ومصادرك
help-does-move = تنقّل بين عناصر التحكم؛ Enter أو المسافة يضغط أحدها
help-does-save = احفظ الملاحظة الآن (تُحفظ أيضًا أثناء الكتابة)
help-does-show = أظهر الإجابة
help-does-rate = مرة أخرى، صعب، جيد، سهل
help-does-choose = اختر إجابة في بطاقة اختيار من متعدد
help-does-hint = تلميح قبل الإجابة
help-does-explain = اشرح البطاقة من مصدرها بعد الإجابة
help-does-undo = تراجع عن آخر إجابة

## csv

progress-save_reviews_csv = احفظ المراجعات بصيغة CSV
progress-save_mastery_csv = احفظ ما أعرفه بصيغة CSV
class-save_csv = احفظ بصيغة CSV
csv-saved = حُفظ: { $path }

# الطباعة: صفحة على الورق أو ملف PDF.
print-print = اطبع…
print-save_pdf = احفظ بصيغة PDF
print-saved = حُفظ: { $path }
sheet-title = { $deck }: أسئلة
sheet-questions = الأسئلة
sheet-answers = الإجابات
sheet-empty = لا بطاقات في هذه المجموعة لطباعتها.
cards-sheet = ورقة
cards-sheet_of = اطبع { $deck } ورقةَ أسئلة
class-printable = تقرير للطباعة
class-report_title = { $class }: تقرير الصف
progress-print_name = تقدّم { $learner }

# الدرس النموذجي، يُعرض حين تكون المكتبة فارغة.
sample-title = جرّب درسًا نموذجيًا
sample-explained = انظر ماذا يصنع Satchel بدرس قبل أن تحضر دروسك: ملاحظات مكتوبة، وصورة للسبورة، ومحاضرة مسجّلة، وصفحتان من كتاب عن دورة الماء، تُقرأ كلها على هذا الحاسوب وتصير حِزم دراسة فيها بطاقات للمراجعة.
sample-start = أحضر الدرس النموذجي
sample-making = تُعدّ حِزم الدراسة للدرس النموذجي
sample-open_pack = افتح حزمته
sample-failed = تعذّر إعداد هذه الحزمة.
sample-waiting = قيد الإعداد
sample-ready = حِزم الدراسة الأربع جاهزة.
sample-study = ادرسها الآن

# التذكيرات: إشعار حين تنتظر مراجعات.
reminder-title = مراجعات في انتظارك
reminder-body =
    { $n ->
        [zero] { $learner }، لا بطاقات جاهزة للمراجعة في Satchel.
        [one] { $learner }، بطاقة واحدة جاهزة للمراجعة في Satchel.
        [two] { $learner }، بطاقتان جاهزتان للمراجعة في Satchel.
        [few] { $learner }، { $n } بطاقات جاهزة للمراجعة في Satchel.
        [many] { $learner }، { $n } بطاقة جاهزة للمراجعة في Satchel.
       *[other] { $learner }، { $n } بطاقة جاهزة للمراجعة في Satchel.
    }
reminders-title = التذكيرات
reminders-explained = ما دام Satchel مفتوحًا، يخبرك إشعار حين تصير بطاقات جاهزة للمراجعة، مرة كل أربع ساعات على الأكثر.
reminders-on = ذكّرني حين يحين موعد المراجعات
reminders-child = هذه مكتبة طفل
reminders-child_hint = تبدأ مكتبة الطفل والتذكيرات مطفأة؛ يستطيع أحد الوالدين تشغيلها من هنا.
