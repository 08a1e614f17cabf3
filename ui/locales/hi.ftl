# Satchel का इंटरफ़ेस हिंदी (देवनागरी) में, en.ftl से अनुवाद किया गया।

## app

app-name = Satchel

## nav

nav-library = लाइब्रेरी
nav-settings = सेटिंग्स
nav-switch_learner = सीखने वाला बदलें
nav-main = मुख्य

## welcome

welcome-title = आज कौन सीख रहा है?
welcome-subtitle = इस कंप्यूटर पर हर सीखने वाले की अपनी निजी, लॉक की हुई लाइब्रेरी है।
welcome-add_learner = सीखने वाला जोड़ें
welcome-loading = खुल रहा है…

## create

create-title = सीखने वाला जोड़ें
create-name = नाम
create-name_hint = हम आपको किस नाम से बुलाएँ? ज़्यादा से ज़्यादा 40 अक्षर।
create-use_passphrase = पासफ़्रेज़ से सुरक्षित करें
create-keychain_explained = आपकी लाइब्रेरी एक चाबी से लॉक है, जिसे यह कंप्यूटर आपके लिए सँभालकर रखता है, इसलिए इसे खोलने के लिए आपको कुछ भी टाइप नहीं करना पड़ेगा।
create-passphrase_explained = पासफ़्रेज़ एक पासवर्ड है जिसे आप खुद चुनते हैं। हर बार अपनी लाइब्रेरी खोलते समय आपको इसे टाइप करना होगा।
create-no_keychain = इस कंप्यूटर में आपकी चाबी रखने के लिए कोई कीचेन नहीं है, इसलिए कृपया एक पासफ़्रेज़ चुनें।
create-passphrase = पासफ़्रेज़
create-passphrase_hint = कम से कम 8 अक्षर। आपस में बेमेल कुछ शब्द याद रखना आसान होता है।
create-passphrase_confirm = इसे फिर से टाइप करें
create-passphrase_mismatch = दोनों पासफ़्रेज़ एक जैसे नहीं हैं।
create-submit = बनाएँ
create-cancel = रद्द करें
create-working = आपकी नई लाइब्रेरी लॉक की जा रही है…

## recovery

recovery-title = आपका रिकवरी कोड
recovery-explained = अगर कभी इस कंप्यूटर की कीचेन या आपका पासफ़्रेज़ खो जाए, तो आपकी लाइब्रेरी खोलने का यही एक तरीका है। इसे कागज़ पर लिख लें और किसी सुरक्षित जगह रखें। यह सिर्फ़ अभी दिखाया जा रहा है।
recovery-acknowledge = मैंने इसे लिख लिया है
recovery-continue = आगे बढ़ें

## unlock

unlock-title = { $name } की लाइब्रेरी खोलें
unlock-passphrase = पासफ़्रेज़
unlock-submit = खोलें
unlock-forgot = पासफ़्रेज़ भूल गए? रिकवरी कोड इस्तेमाल करें
unlock-recovery_code = रिकवरी कोड
unlock-recovery_hint = वह कोड जो आपने लिखा था, जैसे ABCD-EFGH-… बड़े-छोटे अक्षरों और डैश से कोई फ़र्क नहीं पड़ता।
unlock-new_passphrase = नया पासफ़्रेज़
unlock-new_passphrase_hint = अब से यह लाइब्रेरी खोलने के लिए एक पासफ़्रेज़ चुनें।
unlock-use_recovery = रिकवरी कोड से खोलें
unlock-back = वापस

## library

library-title = आपकी लाइब्रेरी
library-new_note = नया नोट
library-empty = यहाँ अभी कुछ नहीं है। अपना पहला नोट लिखें, या किसी क्लास की रिकॉर्डिंग लाएँ।
library-count =
    { $n ->
        [one] { $n } नोट
       *[other] { $n } नोट
    }

## note

note-untitled = बिना शीर्षक का नोट
note-title = शीर्षक
note-title_placeholder = यह नोट किस बारे में है?
note-body = नोट
note-body_placeholder = यहाँ लिखें। Markdown चलता है: # शीर्षक, **बोल्ड**, - सूची।
note-save = सेव करें
note-saved = सेव हो गया
note-heading = नोट
note-saving = सेव हो रहा है…
note-unsaved = अभी सेव नहीं हुआ
note-delete = मिटाएँ
note-delete_confirm = यह नोट हमेशा के लिए मिटा दें?
note-delete_yes = हाँ, मिटा दें
note-back = लाइब्रेरी पर वापस
note-shortcut = लिखते-लिखते सेव होता है · Ctrl+S से अभी सेव करें

## settings

settings-title = सेटिंग्स
settings-appearance = रूप-रंग
settings-theme = थीम
settings-theme_system = इस कंप्यूटर जैसी
settings-theme_light = लाइट
settings-theme_dark = डार्क
settings-language = भाषा
settings-language_system = इस कंप्यूटर जैसी
settings-language_hint = Satchel के शब्द, तारीखें और संख्याएँ। आप जिस चीज़ से सीखते हैं, वह किसी भी भाषा में हो सकती है।
settings-security = सुरक्षा
settings-rotate_explained = चाबी बदलने से आपकी पूरी लाइब्रेरी एक नई चाबी से फिर से लॉक हो जाती है और आपको नया रिकवरी कोड मिलता है। पुराना कोड काम करना बंद कर देता है।
settings-rotate = चाबी बदलें
settings-rotating = आपकी लाइब्रेरी फिर से लॉक की जा रही है…
settings-rotated = आपकी लाइब्रेरी नई चाबी से लॉक हो गई है।
settings-about = जानकारी
settings-version = वर्ज़न
settings-encryption = एन्क्रिप्शन
settings-data_folder = डेटा फ़ोल्डर

## time

time-just_now = अभी-अभी

## error

error-wrong_key = यह पासफ़्रेज़ या कोड इस लाइब्रेरी को नहीं खोलता। कुछ भी नहीं बदला — कृपया फिर से कोशिश करें।
error-keychain_unavailable = इस कंप्यूटर की कीचेन जवाब नहीं दे रही, इसलिए लाइब्रेरी अपने-आप नहीं खुल सकती। आपके नोट सुरक्षित हैं: इसे अपने रिकवरी कोड से खोलें।
error-key_missing = इस कंप्यूटर की कीचेन में अब इस लाइब्रेरी की चाबी नहीं है। आपके नोट सुरक्षित हैं: इसे अपने रिकवरी कोड से खोलें।
error-passphrase_required = इस लाइब्रेरी को सुरक्षित रखने के लिए कृपया एक पासफ़्रेज़ चुनें।
error-profile_not_found = वह सीखने वाला अब इस कंप्यूटर पर नहीं है।
error-profile_exists = इस नाम का एक सीखने वाला पहले से है। कृपया कोई दूसरा नाम चुनें।
error-not_found = वह नोट अब यहाँ नहीं है। शायद उसे मिटा दिया गया है।
error-invalid_input = फ़ॉर्म में कुछ चीज़ें फिर से देखनी होंगी।
error-locked = लाइब्रेरी लॉक है। कृपया इसे फिर से खोलें।
error-storage = Satchel अपनी फ़ाइलें पढ़ या लिख नहीं सका। कुछ भी नहीं खोया; कृपया फिर से कोशिश करें।
error-internal = कुछ अनचाही गड़बड़ हो गई। कुछ भी नहीं खोया; कृपया फिर से कोशिश करें।
error-conflict = यह पहले से लिया जा चुका है, या पहले ही कहीं और बदल दिया गया। कुछ भी नहीं खोया; कृपया जाँचकर फिर से कोशिश करें।
error-forbidden = इस अकाउंट को यह करने की इजाज़त नहीं है। टीचर से या सर्वर चलाने वाले से पूछें।
error-no_shell = यह पेज Satchel ऐप के अंदर चलता है। इसे इस्तेमाल करने के लिए Satchel खोलें।

## library

library-import = फ़ाइल लाएँ
speech-language = बोली जाने वाली भाषा
speech-detect = खुद पहचाने
speech-language_hint = आप जो रिकॉर्डिंग लाते या बनाते हैं, उनकी भाषा। Satchel इसे खुद पहचान सकता है, पर पहले से पता हो तो काम जल्दी और सही होता है।
library-importing = रखा जा रहा है…
library-drop_here = फ़ाइलें यहाँ छोड़ें, ताकि वे आ जाएँ और उनसे स्टडी पैक बनें
library-drop_hint = या रिकॉर्डिंग, तस्वीरें (PNG, JPEG, WebP), PDF या टेक्स्ट इस पेज पर कहीं भी छोड़ें, हर एक से एक स्टडी पैक बनेगा; या कोई तस्वीर पेस्ट करें।
library-recordings = रिकॉर्डिंग
library-notes = नोट
library-import_failed = { $file }: { $reason }

## source

source-status-queued = लिखे जाने का इंतज़ार
source-status-transcribing = बोली लिखी जा रही है…
source-status-ready = लिख लिया गया
source-status-failed = लिखा नहीं जा सका
source-status-cancelled = रोक दिया गया
source-progress = { $title } लिखा जा रहा है — { $total } में से { $done }
source-progress_open = { $title } लिखा जा रहा है — अब तक { $done }
source-cancel = रोकें
source-retry = फिर से लिखें
source-retranscribe_in = इस भाषा में फिर से लिखें
source-back = लाइब्रेरी पर वापस
source-transcript = लिखा हुआ पाठ
source-no_speech = इस रिकॉर्डिंग में कोई बोलता हुआ सुनाई नहीं दिया।
source-waiting = लिखा हुआ पाठ तैयार होते ही यहाँ दिखेगा। तब तक आप अपना काम करते रह सकते हैं।
source-play_from = { $time } से चलाएँ
source-delete = मिटाएँ
source-delete_confirm = यह रिकॉर्डिंग और इसका लिखा हुआ पाठ हमेशा के लिए मिटा दें?
source-delete_yes = हाँ, मिटा दें
source-language = भाषा
source-length = लंबाई
source-file = फ़ाइल

## error

error-model_missing = इस कंप्यूटर पर Satchel का बोली पहचानने वाला मॉडल इंस्टॉल नहीं है, इसलिए यह अभी बोली को लिख नहीं सकता। आपकी रिकॉर्डिंग रखी हुई है; मॉडल आ जाने पर इसे लिखा जा सकता है।
error-bad_media = Satchel यह फ़ाइल नहीं पढ़ सकता। यह रिकॉर्डिंग (WAV, MP3, FLAC, Ogg, M4A), तस्वीरें (PNG, JPEG, WebP) और PDF पढ़ता है।
error-cancelled = रोक दिया गया। रिकॉर्डिंग रखी हुई है; आप इसे कभी भी फिर से लिखवा सकते हैं।
error-busy = कोई काम अभी चल रहा है। कृपया उसके पूरा होने का इंतज़ार करें, या उसे रोकें, और फिर से कोशिश करें।

## library

library-recordings_count =
    { $n ->
        [one] { $n } रिकॉर्डिंग
       *[other] { $n } रिकॉर्डिंग
    }

## error

error-no_microphone = किसी माइक्रोफ़ोन ने जवाब नहीं दिया। कोई माइक लगाएँ, या कंप्यूटर की साउंड सेटिंग्स में किसी माइक को इनपुट चुनें, और फिर से कोशिश करें।

## record

record-start = रिकॉर्ड करें
record-title = रिकॉर्डिंग, { $when }
record-label = माइक्रोफ़ोन से रिकॉर्डिंग
record-starting = माइक्रोफ़ोन चालू हो रहा है…
record-from = { $device } से रिकॉर्डिंग हो रही है
record-level = आवाज़ का स्तर
record-stop = रोकें और सेव करें
record-saving = सेव हो रहा है…
record-discard = हटा दें
record-discard_confirm = यह रिकॉर्डिंग फेंक दें? इसे वापस नहीं लाया जा सकेगा।
record-discard_yes = हाँ, हटा दें

## error

error-document_password = यह डॉक्यूमेंट पासवर्ड से सुरक्षित है। इसे खोलने के लिए इसका पासवर्ड टाइप करें।

## source

source-status-queued_reading = पढ़े जाने का इंतज़ार
source-status-reading = पढ़ा जा रहा है…
source-status-read = पढ़ लिया गया
source-status-read_failed = पढ़ा नहीं जा सका
source-no_text = यहाँ कोई टेक्स्ट नहीं मिला।
source-picture = तस्वीर, जैसी वह लाई गई थी
source-text = टेक्स्ट
source-page = पेज { $n }
source-page_text = पेज { $n } का पाठ
source-pages =
    { $n ->
        [one] { $n } पेज
       *[other] { $n } पेज
    }
source-page_unshown = यह पेज दिखाया नहीं जा सकता; इसका टेक्स्ट बगल में है।
source-page_no_text = इस पेज पर कोई टेक्स्ट नहीं है।
source-pasted_title = पेस्ट की गई तस्वीर
source-reading_pages = { $title } पढ़ा जा रहा है — पेज { $done }, कुल { $total }
source-reading = { $title } पढ़ा जा रहा है…
source-password = इस डॉक्यूमेंट का पासवर्ड
source-open = खोलें
source-opening = खुल रहा है…

## nav

nav-ask = पूछें
nav-topics = विषय

## search

search-placeholder = सब कुछ खोजें
search-label = अपने नोट, फ़ोटो, रिकॉर्डिंग और डॉक्यूमेंट खोजें
search-submit = खोजें
search-indexing =
    नई चीज़ें खोज के लिए तैयार हो रही हैं — { $total } में से { $done } { $done ->
        [one] हिस्सा
       *[other] हिस्से
    }
search-title = “{ $query }” के लिए मिला
search-nothing = कुछ नहीं मिला। दूसरे शब्द आज़माएँ, या अपने शब्दों में कोई सवाल पूछें।
search-at = { $time } पर

## kind

kind-note = नोट
kind-audio = रिकॉर्डिंग
kind-image = फ़ोटो
kind-document = डॉक्यूमेंट
kind-text = टेक्स्ट फ़ाइल

## ask

ask-title = पूछें
ask-subtitle = अपने शब्दों में सवाल पूछें। जवाब आपके अपने नोट, फ़ोटो, रिकॉर्डिंग और डॉक्यूमेंट से आते हैं।
ask-label = आपका सवाल
ask-placeholder = पौधे अपना खाना कैसे बनाते हैं?
ask-submit = पूछें
ask-asking = ढूँढ रहे हैं…
ask-nothing = आपकी लाइब्रेरी में अभी इसका जवाब नहीं है। इसके बारे में नोट या सामग्री जोड़ें, या किसी और तरह से पूछें।

## topics

topics-title = विषय
topics-subtitle = आपके नोट, फ़ोटो, रिकॉर्डिंग और डॉक्यूमेंट किस बारे में हैं, और किन-किन का विषय एक ही है।
topics-none = अभी कोई विषय नहीं है। नोट और सामग्री जोड़ने पर विषय यहाँ दिखेंगे।
topics-shared = साझा विषय
topics-link = { $a } और { $b } दोनों में { $topics } की बात है

## source

source-topics = विषय
source-also_in = इनमें भी

## nav

nav-jobs = पीछे चल रहे काम

## pack

pack-make = स्टडी पैक बनाएँ
pack-open_last = पिछला स्टडी पैक खोलें
pack-title = स्टडी पैक
pack-from = “{ $title }” से
pack-building = आपका स्टडी पैक बन रहा है — चरण { $done }, कुल { $total }
pack-building_hint = आप Satchel इस्तेमाल करते रह सकते हैं; पैक तैयार होते ही यहाँ दिखेगा।
pack-failed = यह स्टडी पैक नहीं बन सका। कुछ भी नहीं खोया।
pack-see_jobs = देखें क्या गड़बड़ हुई और फिर से कोशिश करें
pack-summary = सारांश
pack-where_from = यह कहाँ से है
pack-cards =
    { $n ->
        [one] कार्ड ({ $n })
       *[other] कार्ड ({ $n })
    }
pack-cards_hint = जिन कार्ड का आप अभ्यास करना चाहते हैं उन्हें रखें, जो पूरी तरह सही नहीं हैं उन्हें ठीक करें, और बाकी मिटा दें। Satchel आपकी पसंद से सीखता है।
pack-quiz = क्विज़
pack-check = मेरे जवाब जाँचें
pack-score = { $total } में से { $right } सही

## card

card-kind-cloze = खाली जगह भरें
card-kind-definition = सवाल
card-kind-term = मुख्य शब्द
card-kind-basic = सवाल और जवाब
card-kind-reversed = दोनों तरफ़ से
card-kind-choice = कई विकल्पों में से चुनें
card-kept = रखा गया
card-edited = बदला गया
card-front = सामने
card-back = पीछे
card-keep = रखें
card-edit = बदलें
card-delete = मिटाएँ
card-save = सेव करें
card-why = यह कार्ड क्यों?
card-made_by = “{ $generator }” लेखक ने इन शब्दों से बनाया:
card-open_source = “{ $title }” में यह जगह खोलें

## jobs

jobs-title = पीछे चल रहे काम
jobs-subtitle = Satchel आपके लिए क्या कर रहा है: पढ़ना, चीज़ों को खोज के लिए तैयार करना, और स्टडी पैक बनाना।
jobs-none = अभी कुछ नहीं चल रहा।
jobs-kind-read = पढ़ना या बोली को लिखना
jobs-kind-index = खोज के लिए तैयार करना
jobs-kind-pack = स्टडी पैक: { $step }
jobs-step-extract = सामग्री पढ़ी जा रही है
jobs-step-index = खोज के लिए तैयार किया जा रहा है
jobs-step-summary = सारांश लिखा जा रहा है
jobs-step-concepts = मुख्य बातें ढूँढी जा रही हैं
jobs-step-cards = कार्ड बनाए जा रहे हैं
jobs-step-quiz = क्विज़ बनाया जा रहा है
jobs-step-validate = कार्ड जाँचे जा रहे हैं
jobs-step-deliver = सब जोड़ा जा रहा है
jobs-queued = इंतज़ार में
jobs-running = चल रहा है
jobs-done = पूरा हुआ
jobs-dead =
    { $n ->
        [one] { $n } कोशिश के बाद नहीं हो सका
       *[other] { $n } कोशिशों के बाद नहीं हो सका
    }
jobs-cancelled = रोका गया
jobs-retrying = जल्द ही फिर से कोशिश होगी (कोशिश { $n }, कुल { $max })
jobs-retry = फिर से कोशिश करें
jobs-cancel = रोकें

## settings

settings-helper = आपके नेटवर्क पर सहायक (ज़रूरी नहीं)
settings-helper_explained = अगर आपका स्कूल या टीचर लोकल नेटवर्क पर कोई लैंग्वेज मॉडल चलाते हैं, तो Satchel उससे पढ़ाई के बेहतर सवाल लिखवा सकता है। उससे https:// के ज़रिए जुड़ा जाता है (अगर उसने अपना सर्टिफ़िकेट खुद बनाया है, तो #sha256= और उसके सर्टिफ़िकेट का फ़िंगरप्रिंट जोड़ें), इसलिए Wi-Fi पर कुछ भी खुले में नहीं जाता। Satchel इसके बिना भी पूरी तरह काम करता है; जब सहायक जवाब नहीं देता, तो Satchel अकेले ही काम करता रहता है।
settings-helper_url = सहायक का पता
settings-helper_model = मॉडल का नाम
settings-helper_save = सेव करें और आज़माएँ
settings-helper_trying = आज़मा रहे हैं…
settings-helper_ok = सहायक ने जवाब दिया। आपके अगले स्टडी पैक इसका इस्तेमाल कर सकते हैं।
settings-helper_cleared = कोई सहायक सेट नहीं है। Satchel खुद ही स्टडी पैक बनाता है।
settings-helper_failed = सेव हो गया, पर सहायक ने जवाब नहीं दिया ({ $problem })। Satchel इसके बिना काम करता रहेगा और बाद में फिर कोशिश करेगा।

## pack

pack-plain_by_helper = आसान शब्दों में, आपके नेटवर्क वाले सहायक ने नीचे दिए वाक्यों से लिखा:

## nav

nav-study = अभी अभ्यास करें
nav-cards = कार्ड
nav-progress = प्रगति

## study

study-title = अभी अभ्यास करें
study-nothing = अभी अभ्यास के लिए कुछ नहीं है। कोई कार्ड लिखें, या अपनी लाइब्रेरी की किसी चीज़ से स्टडी पैक बनाएँ।
study-reviews =
    { $n ->
        [one] { $n } रिव्यू बाकी है
       *[other] { $n } रिव्यू बाकी हैं
    }
study-start = रिव्यू शुरू करें
study-known = { $percent } याद है · “{ $title }” से
study-read = फिर से पढ़ें
study-pack = इसका स्टडी पैक
study-new =
    { $n ->
        [one] { $deck } में { $n } नया कार्ड
       *[other] { $deck } में { $n } नए कार्ड
    }
study-learn = सीखें

## review

review-title = रिव्यू
review-picture_front = सवाल की तस्वीर: { $text }
review-picture_back = जवाब की तस्वीर: { $text }
review-sound_front = सवाल की आवाज़: { $text }
review-sound_back = जवाब की आवाज़: { $text }
review-progress = { $total } में से { $done }
review-done = अभी के लिए सब हो गया
review-done_summary =
    { $n ->
        [one] { $n } कार्ड का जवाब दिया, औसतन हर कार्ड पर { $seconds } सेकंड। आगे जो दोहराना है, वह समय आने पर यहाँ मिलेगा।
       *[other] { $n } कार्डों के जवाब दिए, औसतन हर कार्ड पर { $seconds } सेकंड। आगे जो दोहराना है, वह समय आने पर यहाँ मिलेगा।
    }
review-new = नया
review-seconds =
    { $n ->
        [one] { $n } सेकंड
       *[other] { $n } सेकंड
    }
review-show = जवाब दिखाएँ
review-space = Space
review-from = यह कहाँ से है: { $title }
review-how_well = आपको कितना अच्छा याद था?
review-again = फिर से
review-hard = मुश्किल
review-good = अच्छा
review-easy = आसान
review-in_minutes =
    { $n ->
        [one] { $n } मिनट
       *[other] { $n } मिनट
    }
review-in_hours =
    { $n ->
        [one] { $n } घंटा
       *[other] { $n } घंटे
    }
review-in_days =
    { $n ->
        [one] { $n } दिन
       *[other] { $n } दिन
    }
review-in_months =
    { $n ->
        [one] { $n } महीना
       *[other] { $n } महीने
    }
review-undo = वापस लें
review-bury = आज नहीं
review-suspend = अलग रखें
review-hint = संकेत
review-hint_text = “{ $first }” से शुरू होता है: { $letters ->
        [one] एक अक्षर
       *[other] { $letters } अक्षर
    }, { $words ->
        [one] एक शब्द
       *[other] { $words } शब्द
    }।
review-explain = समझाएँ
review-explained = “{ $title }” के शब्दों में
review-no_source = यह कार्ड हाथ से लिखा गया था: इसे समझाने के लिए कोई स्रोत नहीं है।
review-moment = इसे “{ $title }” में { $time } पर सुनें
review-occluded = चित्र “{ $title }”, एक लेबल ढका हुआ
review-occluded_shown = चित्र “{ $title }”, छिपा लेबल घेरा हुआ
tutor-title = इसे वहीं पढ़ें जहाँ से यह आया
tutor-continue = आगे बढ़ें
tutor-easier = दो बार चूक गए: इस पर एक आसान कार्ड आगे आएगा।

## cards

cards-title = कार्ड
cards-decks = डेक
cards-deck_counts =
    { $cards ->
        [one] { $cards } कार्ड
       *[other] { $cards } कार्ड
    } · { $due } बाकी · { $new } { $new ->
        [one] नया
       *[other] नए
    }
cards-no_decks = अभी कोई कार्ड नहीं है। नीचे एक कार्ड लिखें, या अपनी लाइब्रेरी से स्टडी पैक बनाएँ।
cards-write = कार्ड लिखें
cards-kind = कार्ड का प्रकार
cards-deck = डेक
cards-deck_default = सामान्य
cards-front = सवाल
cards-back = जवाब
cards-right = सही जवाब
cards-wrong = गलत जवाब, हर लाइन में एक
cards-cloze_text = टेक्स्ट
cards-cloze_hint = जो छिपाना है उसे दोहरे ब्रैकेट में रखें: {"{{"}c1::पेरिस{"}}"} {"{{"}c2::फ़्रांस{"}}"} की राजधानी है। हर नंबर से एक कार्ड बनता है।
cards-add = कार्ड जोड़ें
cards-saved =
    { $n ->
        [one] { $n } कार्ड जोड़ा गया।
       *[other] { $n } कार्ड जोड़े गए।
    }
cards-in_deck = इस डेक के कार्ड
cards-unsuspend = वापस लाएँ
cards-delete = मिटाएँ

## progress

progress-title = प्रगति
progress-reviews_total = रिव्यू
progress-retention = याद रहे (30 दिन)
progress-due_today = आज बाकी
progress-time_total = रिव्यू में लगा समय
progress-minutes =
    { $n ->
        [one] { $n } मिनट
       *[other] { $n } मिनट
    }
progress-cards = कार्ड
progress-card_counts = नए: { $new } · सीख रहे: { $learning } · कच्चे: { $young } · पक्के: { $mature }
progress-as_table = टेबल के रूप में दिखाएँ
progress-heatmap = पिछले एक साल के रिव्यू
progress-heatmap_summary =
    { $days ->
        [one] { $days } दिन
       *[other] { $days } दिनों
    } में { $n ->
        [one] { $n } रिव्यू।
       *[other] { $n } रिव्यू।
    }
progress-day_reviews =
    { $n ->
        [one] { $date }: { $n } रिव्यू
       *[other] { $date }: { $n } रिव्यू
    }
progress-day = दिन
progress-week = हफ़्ता
progress-reviews = रिव्यू
progress-retention_title = समय आने पर याद रहे, हफ़्ते के हिसाब से
progress-retention_summary = पिछले 30 दिनों में, दोहराने का समय आने पर आपको { $percent } कार्ड याद थे (आपने { $desired } चाहा था)।
progress-retention_none = अभी तक किसी कार्ड को दोहराने का समय नहीं आया।
progress-recalled = याद रहे
progress-forecast = दोहराने के लिए आने वाले कार्ड
progress-forecast_summary = आज { $today } बाकी, अगले 7 दिनों में { $week }।
progress-due = बाकी
progress-time = लगा समय
progress-time_summary =
    { $n ->
        [one] पिछले 30 दिनों में { $n } मिनट रिव्यू किया।
       *[other] पिछले 30 दिनों में { $n } मिनट रिव्यू किया।
    }
progress-mastery = आपको हर विषय कितना अच्छा आता है
progress-mastery_summary =
    { $known ->
        [one] { $n } में से { $known } विषय अच्छे से आता है।
       *[other] { $n } में से { $known } विषय अच्छे से आते हैं।
    }
progress-mastery_none = हर विषय आपको कितना अच्छा आता है, यह देखने के लिए एक स्टडी पैक बनाएँ और उसके कार्ड का रिव्यू करें।
progress-concept = विषय
progress-known = आता है
progress-scheduling = रिव्यू
progress-desired = दोहराने का समय आने पर { $percent } कार्ड याद रहें
progress-desired_hint = ज़्यादा रखने पर रिव्यू भी ज़्यादा होंगे; ज़्यादातर लोगों के लिए 90% ठीक है।
progress-new_per_day = रोज़ के नए कार्ड
progress-save = सेव करें
progress-saved = सेव हो गया।
progress-optimised = Satchel ने आपके { $reviews } रिव्यू से सीखा कि आपको चीज़ें कैसे याद रहती हैं: उसके अनुमान बेहतर हुए ({ $before } → { $after }, कम होना बेहतर है) और अब वह इन्हीं से रिव्यू का समय तय करता है।
progress-optimised_kept = Satchel ने आपके { $reviews } रिव्यू देखे; सामान्य तरीका भी उनका उतना ही अच्छा अनुमान लगाता है ({ $before } → { $after }), इसलिए वही तरीका रहेगा।
progress-not_optimised = लगभग 400 रिव्यू के बाद Satchel सीख लेता है कि आपको कैसे याद रहता है, और आपके लिए रिव्यू का समय तय करता है। अब तक के रिव्यू: { $n }।
progress-optimise = अभी मेरे रिव्यू से सीखें
progress-optimise_queued = पीछे चल रहे कामों में इस पर काम हो रहा है।

## cards

cards-import_anki = Anki डेक लाएँ
cards-export_anki = सभी डेक Anki के लिए निर्यात करें
cards-export_short = Anki के लिए निर्यात करें
cards-export_deck = { $deck } को Anki के लिए निर्यात करें
cards-exporting = Anki के लिए डेक लिखा जा रहा है…
cards-exported =
    { $decks ->
        [one] { $decks } डेक
       *[other] { $decks } डेक
    } में { $cards ->
        [one] { $cards } कार्ड लिखा गया
       *[other] { $cards } कार्ड लिखे गए
    }, साथ में { $reviews ->
        [one] { $reviews } पुराना रिव्यू
       *[other] { $reviews } पुराने रिव्यू
    } और { $media ->
        [one] { $media } तस्वीर या आवाज़
       *[other] { $media } तस्वीरें और आवाज़ें
    }। Anki फ़ाइल को File › Import से खोलता है।
cards-exported_left_out = { $n ->
        [one] { $n } छवि-छिपाव कार्ड छोड़ा गया: Anki उन्हें अपने संपादक में बनाता है।
       *[other] { $n } छवि-छिपाव कार्ड छोड़े गए: Anki उन्हें अपने संपादक में बनाता है।
    }
cards-importing = डेक लाया जा रहा है…
cards-imported =
    { $decks ->
        [one] { $decks } डेक
       *[other] { $decks } डेक
    } में { $cards ->
        [one] { $cards } कार्ड लाया गया
       *[other] { $cards } कार्ड लाए गए
    }, साथ में { $reviews ->
        [one] { $reviews } पुराना रिव्यू
       *[other] { $reviews } पुराने रिव्यू
    } और { $media ->
        [one] { $media } तस्वीर या आवाज़
       *[other] { $media } तस्वीरें और आवाज़ें
    } ({ $here ->
        [one] { $here } पहले से यहाँ था
       *[other] { $here } पहले से यहाँ थे
    })।
cards-media = तस्वीरें और आवाज़ें
cards-media_front = सवाल में जोड़ें…
cards-media_back = जवाब में जोड़ें…
cards-on_front = सवाल के साथ
cards-on_back = जवाब के साथ
cards-remove_media = हटाएँ

## sync

sync-offline = ऑफ़लाइन — बदलाव यहीं रखे हैं
sync-offline_waiting =
    { $n ->
        [one] ऑफ़लाइन — { $n } बदलाव यहीं रखा है
       *[other] ऑफ़लाइन — { $n } बदलाव यहीं रखे हैं
    }
sync-waiting =
    { $n ->
        [one] { $n } बदलाव सिंक होने का इंतज़ार कर रहा है
       *[other] { $n } बदलाव सिंक होने का इंतज़ार कर रहे हैं
    }
sync-synced = सिंक हुआ: { $when }
sync-never = अभी तक सिंक नहीं हुआ
sync-syncing = सिंक हो रहा है… { $size }
sync-syncing_label = सिंक हो रहा है
sync-sync_now = अभी सिंक करें

## settings

settings-sync = सिंक
settings-sync_explained = अपने स्कूल या परिवार के सिंक सर्वर में साइन इन करें, तो आपके नोट, कार्ड और रिव्यू आपके हर डिवाइस पर एक जैसे रहेंगे। इसके बिना भी सब कुछ काम करता है।
settings-sync_server = सर्वर का पता
settings-sync_name = नाम
settings-sync_password = पासवर्ड
settings-sync_sign_in = साइन इन करें
settings-sync_signing_in = साइन इन हो रहा है…
settings-sync_state = सिंक
settings-sync_failed = पिछला सिंक पूरा नहीं हुआ ({ $problem })। कुछ भी नहीं खोया: आपके बदलाव यहीं रहेंगे और अगले सिंक के साथ जाएँगे।
settings-sync_running = सिंक हो रहा है…
settings-sync_sign_out = साइन आउट करें

## error

error-offline = सिंक सर्वर ने जवाब नहीं दिया। कुछ भी नहीं खोया: आपके बदलाव यहीं रहेंगे और अगले सिंक के साथ जाएँगे। नेटवर्क और सर्वर का पता जाँचें।
error-sign_in_needed = कृपया सिंक सर्वर में (फिर से) साइन इन करें। कुछ भी नहीं खोया।

## source

source-original_elsewhere = यह आपके किसी दूसरे डिवाइस पर लाया गया था। इसका टेक्स्ट यहाँ है; असली फ़ाइल अगले सिंक के साथ आएगी।

## nav

nav-class = क्लास

## class

class-title = क्लास
class-lessons = आपके टीचर के पाठ
class-in_classes = आप इनमें हैं: { $classes }
class-no_lessons = अभी कोई पाठ नहीं है। जब आपके टीचर कोई पाठ देंगे, तो वह अगले सिंक के बाद यहाँ और “अभी अभ्यास करें” में दिखेगा।
class-lesson_from = { $teacher } से · { $class }
class-lesson_progress =
    { $studied ->
        [one] { $cards } में से { $studied } कार्ड का अभ्यास हो गया
       *[other] { $cards } में से { $studied } कार्डों का अभ्यास हो गया
    }
class-lesson_progress_label = पाठ का कितना हिस्सा हो गया
class-read = पढ़ें
class-study = अभ्यास करें
class-join = क्लास में शामिल हों
class-looking = आस-पास की क्लासें ढूँढी जा रही हैं…
class-none_found = आस-पास किसी क्लास ने जवाब नहीं दिया। अपने टीचर से पता पूछें और नीचे टाइप करें।
class-look_again = फिर से ढूँढें
class-nearby = आस-पास की क्लासें
class-address = क्लास सर्वर का पता
class-code = क्लास कोड
class-joining = शामिल हो रहे हैं…
class-join_button = शामिल हों
class-joined = आप { $class } ({ $teacher }) में शामिल हो गए। इसके पाठ हर सिंक के साथ आएँगे।
class-teach = क्लास पढ़ाएँ
class-teach_hint = क्लास सर्वर इसी लैपटॉप पर चलाएँ: उसी नेटवर्क पर छात्रों के ऐप इसे ढूँढ लेते हैं और एक कोड से शामिल हो जाते हैं। इसके लिए इंटरनेट की ज़रूरत नहीं है।
class-start = क्लास सर्वर चालू करें
class-starting = चालू हो रहा है…
class-stop = क्लास सर्वर बंद करें
class-hosting = क्लास सर्वर इस पते पर चल रहा है:
class-hosting_hint = छात्र इसे आस-पास की क्लासों में से चुनते हैं, या अगर उनका नेटवर्क इसे छिपा देता है तो यह पता टाइप करते हैं।
class-new_class = नई क्लास
class-new_class_placeholder = कक्षा 7 विज्ञान
class-create = क्लास बनाएँ
class-code_is = छात्र इस कोड से शामिल होते हैं
class-students =
    { $n ->
        [one] { $n } छात्र
       *[other] { $n } छात्र
    }
class-assign_what = देने के लिए पाठ (ऐसी सामग्री जिसका स्टडी पैक हो)
class-choose_material = अपनी लाइब्रेरी से चुनें…
class-assign_to = किसके लिए
class-whole_class_hint = सिर्फ़ कुछ छात्रों को देने के लिए उन पर टिक करें; पूरी क्लास (और बाद में जुड़ने वाले सभी) के लिए किसी पर टिक न करें।
class-assign = दें
class-assigning = पाठ भेजा जा रहा है…
class-assigned =
    { $n ->
        [one] { $n } छात्र को दिया गया। अगली बार उनका ऐप सिंक होने पर यह उन तक पहुँच जाएगा।
       *[other] { $n } छात्रों को दिया गया। अगली बार हर एक का ऐप सिंक होने पर यह उस तक पहुँच जाएगा।
    }
class-refresh = डैशबोर्ड रीफ़्रेश करें
class-completion = पाठ
class-no_assignments = अभी कोई पाठ नहीं दिया गया।
class-done_of = { $n } में से { $done } ने पूरा किया, { $started } ने शुरू किया
class-matrix = हर छात्र को क्या आता है, कॉन्सेप्ट के हिसाब से
class-matrix_summary =
    { $students ->
        [one] { $students } छात्र
       *[other] { $students } छात्र
    } और { $concepts ->
        [one] { $concepts } कॉन्सेप्ट
       *[other] { $concepts } कॉन्सेप्ट
    }; रंग जितना गहरा, उतना अच्छा आता है, ग्रे यानी अभी अभ्यास नहीं हुआ। { $struggles ->
        [one] { $struggles } जगह पर किसी छात्र को दिक्कत हो रही है।
       *[other] { $struggles } जगहों पर किसी छात्र को दिक्कत हो रही है।
    }
class-not_yet = अभी नहीं
class-student = छात्र
class-struggling = किसे किस चीज़ में दिक्कत है
class-nobody_struggling = किसी को भी अपनी पढ़ी हुई चीज़ों में दिक्कत नहीं हो रही।
class-struggles_with = { $student } — { $concept } ({ $percent })
class-bundle = नेटवर्क नहीं है? पेन ड्राइव में ले जाएँ
class-bundle_hint = अपने नोट, कार्ड, रिव्यू और लाइब्रेरी एक फ़ाइल (बंडल) में लिखें, और उसे किसी दूसरे कंप्यूटर पर ले आएँ (या वहाँ से कोई बंडल यहाँ ले आएँ)। बंडल सील किया हुआ होता है: इसे सिर्फ़ यह कंप्यूटर और वही खोल सकता है जिसके पास इसका बंडल कोड हो। यह सिंक की तरह आपस में मिल जाता है; किसी भी तरफ़ कुछ नहीं खोता।
class-export = बंडल लिखें…
class-import = बंडल लाएँ…
class-bundle_working = काम चल रहा है… बड़ी लाइब्रेरी में एक मिनट लग सकता है।
class-exported =
    { $docs ->
        [one] { $docs } डॉक्यूमेंट
       *[other] { $docs } डॉक्यूमेंट
    } और { $media ->
        [one] { $media } फ़ाइल लिखी गई।
       *[other] { $media } फ़ाइलें लिखी गईं।
    }
class-imported =
    { $docs ->
        [one] { $docs } डॉक्यूमेंट मिलाया गया
       *[other] { $docs } डॉक्यूमेंट मिलाए गए
    }: यहाँ नए या बदले हुए — { $reviews } रिव्यू, { $cards } कार्ड, { $notes } नोट; { $media ->
        [one] { $media } फ़ाइल लाई गई।
       *[other] { $media } फ़ाइलें लाई गईं।
    }

## study

study-lesson = { $title } — { $teacher } से मिला पाठ
study-lesson_left =
    { $left ->
        [one] { $cards } में से { $left } कार्ड का अभ्यास बाकी है
       *[other] { $cards } में से { $left } कार्डों का अभ्यास बाकी है
    }

## class

class-roster = छात्र
class-lessons_to_stick = पाठ पेन ड्राइव में लिखें…
class-progress_from_stick = पेन ड्राइव से किसी छात्र की प्रगति लाएँ…
class-no_network_hint = क्लास में नेटवर्क नहीं है? छात्रों को नाम से जोड़ें, हर एक के पाठ पेन ड्राइव में लिखें, और उनकी प्रगति भी इसी तरह वापस लाएँ। बाद में जब वे नेटवर्क पर जुड़ेंगे, तो सब कुछ आपस में मिल जाएगा।
class-add_student = नाम से छात्र जोड़ें
class-add = जोड़ें
class-student_added = { $name } अब क्लास में हैं। उनके पाठ अब पेन ड्राइव में जा सकते हैं।
class-student_bundle_out = छात्र के पाठ सील करके लिख दिए गए। उन्हें पेन ड्राइव और उनका बंडल कोड दें: { $code }। उनके लैपटॉप पर: क्लास → बंडल लाएँ।
class-student_bundle_in =
    { $name } की प्रगति ले ली गई ({ $docs ->
        [one] { $docs } डॉक्यूमेंट बदला
       *[other] { $docs } डॉक्यूमेंट बदले
    })।
class-remove = क्लास से हटाएँ
class-remove_confirm = { $name } को क्लास से हटाएँ? उनके पास जो पाठ हैं, वे रहेंगे; नए पाठ उन तक नहीं पहुँचेंगे।
class-remove_yes = हटाएँ
class-remove_no = रहने दें
class-student_removed = { $name } अब क्लास में नहीं हैं।
class-legend = रंगों का मतलब
class-legend_0 = { $low } से कम
class-legend_1 = { $low } से { $high }
class-legend_2 = { $low } से { $high }
class-legend_3 = { $low } से { $high }
class-legend_4 = { $low } और उससे ज़्यादा

## startup

startup-failed-title = Satchel शुरू नहीं हो पा रहा
startup-failed-body = Satchel खुल नहीं सका। आपकी लाइब्रेरी में कुछ भी नहीं बदला। अगर ऐसा फिर हो, तो यह संदेश उस व्यक्ति को दिखाएँ जो इस कंप्यूटर की देखभाल करता है।

## error

error-untrusted = Satchel ने इसे नहीं लिया: यह सुरक्षा जाँच में पास नहीं हुआ, इसलिए कुछ भी बदला या भेजा नहीं गया।

## models

models-title = इस कंप्यूटर पर Satchel क्या-क्या कर सकता है
models-transcribe_english = अंग्रेज़ी रिकॉर्डिंग की बोली को लिखना
models-transcribe_other_languages = दूसरी भाषाओं की रिकॉर्डिंग की बोली को लिखना
models-read_images = फ़ोटो और स्कैन किए गए पेज पढ़ना
models-read_other_scripts = फ़ोटो और स्कैन में हिंदी और अरबी पढ़ना
models-search_by_meaning = मतलब से खोजना, कॉन्सेप्ट और स्टडी पैक बनाना
models-ready = तैयार
models-missing = मॉडल पैक चाहिए
models-missing_tesseract = Tesseract चाहिए: Linux पर tesseract-ocr-hin और tesseract-ocr-ara पैकेज इंस्टॉल करें; Windows पर Satchel फिर से इंस्टॉल करें
models-pack_explained = जो कमी है, वह मॉडल पैक ले आता है। यह एक फ़ाइल होती है, जो पेन ड्राइव से या आपके टीचर से मिलती है; Satchel उसमें से कुछ भी लेने से पहले उसके सिग्नेचर की जाँच करता है।
models-imported = मॉडल पैक { $version } इस्तेमाल हो रहा है।
models-import = मॉडल पैक लाएँ…
models-importing = मॉडल पैक की जाँच करके उसे लाया जा रहा है…
models-import_done = मॉडल पैक की जाँच हो गई और वह आ गया। वह जो कुछ लाया है, वह अब काम करता है।
models-banner = Satchel के कुछ कामों के लिए ऐसे मॉडल चाहिए जो इस कंप्यूटर पर नहीं हैं: { $missing }।
models-banner_link = मॉडल पैक लाएँ

## update

update-title = Satchel अपडेट करें
update-explained = अपडेट पेन ड्राइव पर भी आ सकता है। Satchel उसे दिखाने से पहले जाँचता है कि वह साइन किया हुआ, पूरा और नया है; जब तक आप उसे इंस्टॉल करना न चुनें, कुछ नहीं बदलता।
update-choose = अपडेट फ़ाइल जाँचें…
update-checking = जाँच हो रही है…
update-offer = Satchel { $version } इंस्टॉल के लिए तैयार है (अभी वाला { $current } है)।
update-install = इंस्टॉल करें
update-not_now = अभी नहीं
update-installed = अपडेट इंस्टॉल हो गया। Satchel अगली बार शुरू होने पर इसका इस्तेमाल करेगा।

## offers

offers-title = आपकी क्लास से
offers-explained = आपके टीचर का Satchel इन्हें क्लास के नेटवर्क पर बाँटता है। Satchel इस्तेमाल से पहले हर एक की जाँच करता है कि वह साइन किया हुआ, पूरा और नया है।
offers-update = Satchel { $version }
offers-models = मॉडल पैक { $version }
offers-take = लें
offers-have_it = इस कंप्यूटर पर पहले से है
offers-models_taken = मॉडल पैक { $version } की जाँच हो गई और वह आ गया। वह जो कुछ लाया है, वह अब काम करता है।
offers-update_taken = अपडेट की जाँच हो गई। जब चाहें, इसे इंस्टॉल करने के लिए “Satchel अपडेट करें” देखें।
offers-offered_title = आपके छात्रों को बाँटा जा रहा है
offers-offered_hint = इस क्लास सर्वर से छात्रों के ऐप ये ले सकते हैं: Satchel का अपडेट, और उन कंप्यूटरों के लिए मॉडल जिनमें वे नहीं हैं।
offers-offer_models = इस कंप्यूटर के मॉडल बाँटें
offers-offer_file = कोई पैक फ़ाइल बाँटें…
offers-withdraw = रोकें
offers-withdraw_named = { $what } बाँटना बंद करें

## error

error-confirm_server = Satchel पहली बार इस क्लास सर्वर से मिल रहा है। कुछ भी भेजने से पहले जाँच लें कि टीचर की स्क्रीन पर यही शब्द दिख रहे हैं।

## class

class-address_placeholder = 192.168.1.20:7480, या टीचर का जॉइन लिंक
class-code_in_link = जॉइन लिंक हो तो ज़रूरत नहीं
class-confirm_server = यह कंप्यूटर पहली बार इस सर्वर से मिल रहा है। क्या आपके टीचर की (या सर्वर चलाने वाले की) स्क्रीन पर यही शब्द दिख रहे हैं?
class-confirm_server_hint = शब्द मिलने का मतलब है कि आप असली सर्वर तक पहुँचे हैं, किसी नकली सर्वर तक नहीं। अभी तक कुछ भी नहीं भेजा गया है।
class-words_match = शब्द मिलते हैं: शामिल हों
class-words_differ_button = शब्द नहीं मिलते
class-words_differ = शब्द नहीं मिले, इसलिए कुछ भी नहीं भेजा गया। अपने टीचर को बताएँ: इस नेटवर्क पर कोई नकली क्लास सर्वर बनकर बैठा हो सकता है।
class-hosting_words = जो छात्र पता टाइप करते हैं, वे ये शब्द मिलाकर देखते हैं:
class-join_link = जॉइन लिंक और QR कोड
class-join_link_hint = छात्र का Satchel सिर्फ़ इस लिंक से शामिल हो जाता है: इसमें इस क्लास सर्वर का पता, कोड, और वह फ़िंगरप्रिंट है जो साबित करता है कि सर्वर आपका ही है।
class-join_link_qr = जॉइन लिंक का QR कोड
class-claim_code_is = { $name } क्लास के कोड और इस एक बार वाले क्लेम कोड से शामिल होंगे: { $code } (यह एक ही बार, एक हफ़्ते तक काम करता है)।
class-added_by_name = मेरे टीचर ने मुझे नाम से जोड़ा है
class-claim_code = आपके टीचर से मिला क्लेम कोड
class-new_code = नया कोड
class-code_until = { $date } तक काम करता है। नया कोड बनाने पर पुराना बंद हो जाता है।
class-export_progress = अपने टीचर के लिए अपनी प्रगति लिखें…
class-progress_written = आपकी प्रगति आपके टीचर के लिए लिख दी गई। इसे सिर्फ़ आपका क्लास सर्वर खोल सकता है।
class-bundle_code_is = इसका बंडल कोड (दूसरा कंप्यूटर इसे एक बार माँगता है):
class-bundle_code_ask = यह बंडल सील किया हुआ है। इसका बंडल कोड (24 अंक) टाइप करें: वह जो इसे लिखते समय दिखाया गया था, या वह जो आपके टीचर ने आपको दिया।
class-bundle_code_open = इसे खोलें
class-student_code = बंडल कोड:

## error

error-bundle_code = यह बंडल खोलने के लिए इसका बंडल कोड चाहिए।
error-full = सर्वर पर आपके अकाउंट में अब और जगह नहीं है। कुछ भी नहीं खोया: सब कुछ इस कंप्यूटर पर है। सर्वर सँभालने वाले से और जगह माँगें।

## error-detail: exactly what was wrong, from the core's detail (the placeholders
## are filled in by the window; $field and $file choose the sentence)

error-detail-required =
    { $field ->
        [profile_name] कृपया एक नाम टाइप करें।
        [passphrase] कृपया एक पासफ़्रेज़ टाइप करें।
        [note_title] कृपया नोट को एक शीर्षक दें।
        [card_front] कार्ड का सामने वाला हिस्सा खाली है।
        [card_back] कार्ड का पीछे वाला हिस्सा खाली है।
        [deck_name] कृपया डेक को एक नाम दें।
        [join_name] कृपया वह नाम टाइप करें जिससे आप क्लास में शामिल होंगे।
        [join_code] कृपया क्लास में शामिल होने का कोड टाइप करें।
       *[other] कोई ज़रूरी चीज़ अभी खाली है।
    }
error-detail-too_long =
    { $field ->
        [profile_name] नाम में { $max } से ज़्यादा अक्षर नहीं हो सकते।
        [note_title] नोट के शीर्षक में { $max } से ज़्यादा अक्षर नहीं हो सकते।
        [card_front] कार्ड के सामने वाले हिस्से में { $max } से ज़्यादा अक्षर नहीं हो सकते।
        [card_back] कार्ड के पीछे वाले हिस्से में { $max } से ज़्यादा अक्षर नहीं हो सकते।
        [deck_name] डेक के नाम में { $max } से ज़्यादा अक्षर नहीं हो सकते।
       *[other] यह बहुत लंबा है: इसमें { $max } से ज़्यादा अक्षर नहीं हो सकते।
    }
error-detail-too_short =
    { $field ->
        [passphrase] पासफ़्रेज़ के लिए कम से कम { $min } अक्षर चाहिए।
       *[other] इसके लिए कम से कम { $min } अक्षर चाहिए।
    }
error-detail-one_line =
    { $field ->
        [profile_name] नाम में सिर्फ़ एक लाइन और सामान्य अक्षर होने चाहिए।
        [deck_name] डेक के नाम में सिर्फ़ एक लाइन और सामान्य अक्षर होने चाहिए।
       *[other] इसमें सिर्फ़ एक लाइन और सामान्य अक्षर होने चाहिए।
    }
error-detail-cloze_unmarked = जो शब्द छिपाने हैं, उन्हें दोहरे ब्रैकेट में रखें, जैसे {"{{"}c1::पेरिस{"}}"}।
error-detail-cloze_empty = छिपाने वाले ब्रैकेट में कुछ शब्द होने चाहिए: {"{{"}c1::{"}}"} खाली है।
error-detail-no_wrong_choice = कई विकल्पों वाले कार्ड में कम से कम एक गलत जवाब होना चाहिए।
error-detail-too_many_choices = कई विकल्पों वाले कार्ड में { $max } से ज़्यादा विकल्प नहीं हो सकते।
error-detail-recovery_code_shape = रिकवरी कोड में { $letters } अक्षर और अंक होते हैं, { $group }-{ $group } के समूहों में, जैसे ABCD-EFGH-…
error-detail-card_suspended = यह कार्ड अलग रखा गया है। पहले इसे रिव्यू में वापस लाएँ।
error-detail-nothing_to_undo = वापस लेने के लिए कोई जवाब नहीं है।
error-detail-too_few_reviews =
    { $reviews ->
        [one] काफ़ी रिव्यू हो जाने पर Satchel उनसे सीखता है; अभी { $reviews } रिव्यू काफ़ी नहीं है।
       *[other] काफ़ी रिव्यू हो जाने पर Satchel उनसे सीखता है; अभी { $reviews } रिव्यू काफ़ी नहीं हैं।
    }
error-detail-not_https = Satchel दूसरे कंप्यूटरों से सिर्फ़ https पर बात करता है। पता जाँचें: { $address }
error-detail-not_an_address = यह किसी सर्वर का पता नहीं है: { $address }
error-detail-file_too_large = Satchel एक बार में { $size } तक की फ़ाइल लेता है, और यह फ़ाइल उससे बड़ी है। कुछ भी नहीं खोया।
error-detail-note_too_large = एक नोट में ज़्यादा से ज़्यादा { $size } लिखा जा सकता है। इसे कई नोट्स में बाँट दें।
error-detail-recording_too_long = Satchel एक बार में { $length } तक की रिकॉर्डिंग लेता है। तब तक जो रिकॉर्ड हुआ, वह रखा हुआ है।
error-detail-unsupported_file =
    { $file ->
        [audio] Satchel इस फ़ाइल को रिकॉर्डिंग के रूप में नहीं पढ़ सकता। यह WAV, MP3, FLAC, Ogg और M4A पढ़ता है।
        [image] Satchel इस फ़ाइल को तस्वीर के रूप में नहीं पढ़ सकता। यह PNG, JPEG और WebP पढ़ता है।
       *[document] Satchel इस फ़ाइल को डॉक्यूमेंट के रूप में नहीं पढ़ सकता। यह PDF पढ़ता है।
    }
error-detail-damaged_file =
    { $file ->
        [audio] यह रिकॉर्डिंग खराब हो गई है, इसलिए Satchel इसे नहीं पढ़ सकता। बाकी कुछ भी नहीं बदला।
        [image] यह तस्वीर खराब हो गई है, इसलिए Satchel इसे नहीं पढ़ सकता। बाकी कुछ भी नहीं बदला।
       *[document] यह डॉक्यूमेंट खराब हो गया है, इसलिए Satchel इसे नहीं पढ़ सकता। बाकी कुछ भी नहीं बदला।
    }
error-detail-no_sound = इस रिकॉर्डिंग में लिखने लायक कोई आवाज़ नहीं है।
error-detail-model_missing = Satchel को जिस मॉडल ({ $model }) की ज़रूरत है, वह इस कंप्यूटर पर नहीं है। Satchel फिर से इंस्टॉल करें, या अपने टीचर से मॉडल पैक लाएँ।
error-detail-unsupported_processor = इस कंप्यूटर के प्रोसेसर में { $missing } नहीं है, जो बोली को लिखने के लिए ज़रूरी है। Satchel में बाकी सब कुछ काम करता है।

## backups

backups-title = बैकअप
backups-explained = Satchel आपकी लाइब्रेरी का बैकअप हर आधे घंटे के इस्तेमाल पर अपने-आप लेता है, और सबसे नए कुछ, एक हफ़्ते तक रोज़ का एक और एक महीने तक हर हफ़्ते का एक रखता है। बैकअप आपकी लाइब्रेरी की तरह ताले में रहता है: आपका पासफ़्रेज़, इस कंप्यूटर का कीचेन या आपका रिकवरी कोड उसे खोलता है। एक बैकअप USB स्टिक पर भी रखें, ताकि कंप्यूटर खो जाए तब भी कुछ न खोए।
backups-now = अभी बैकअप लें
backups-to_folder = फ़ोल्डर या USB स्टिक में बैकअप लें…
backups-restore_file = फ़ाइल से वापस लाएँ…
backups-working = काम हो रहा है…
backups-made = बैकअप लिया गया ({ $date }):
backups-restored = आपकी लाइब्रेरी वैसी ही लौट आई जैसी { $date } को थी।
backups-replaced_kept = जिस लाइब्रेरी की जगह ली गई, वह बैकअप के रूप में रखी गई है।
backups-restore_this = { $date } का बैकअप वापस लाएँ
backups-restore = वापस लाएँ…
backups-none = अभी तक कोई बैकअप नहीं।
backups-confirm = { $name } की लाइब्रेरी को { $date } वाली से बदलें?
backups-confirm_kept = आपकी लाइब्रेरी जैसी अभी है, पहले बैकअप के रूप में रखी जाती है, इसलिए कुछ नहीं खोता।
backups-passphrase_then = वह पासफ़्रेज़ जो उस समय लाइब्रेरी का था
backups-restore_confirm = वापस लाएँ
backups-contents =
    { $notes ->
        [one] { $notes } नोट
       *[other] { $notes } नोट
    }, { $sources ->
        [one] { $sources } स्रोत
       *[other] { $sources } स्रोत
    }, { $cards ->
        [one] { $cards } कार्ड
       *[other] { $cards } कार्ड
    }, { $reviews ->
        [one] { $reviews } रिव्यू
       *[other] { $reviews } रिव्यू
    }
backups-contents_unknown = लाइब्रेरी जैसी वापस लाने से पहले थी
backups-kind-automatic = अपने-आप
backups-kind-manual = आपने लिया
backups-kind-before_restore = वापस लाने से पहले रखा गया
welcome-restore = बैकअप वापस लाएँ…
welcome-restore_title = { $name } की { $date } वाली लाइब्रेरी वापस लाएँ

## learner

learner-title = सीखने वाला
learner-name = नाम
learner-rename = नाम बदलें
learner-renamed = नाम बदल गया।
learner-protection = यह लाइब्रेरी किससे खुलती है
learner-by_keychain = इस कंप्यूटर का कीचेन इसे बिना कुछ लिखे खोलता है। अगर इस कंप्यूटर खाते को दूसरे भी इस्तेमाल करते हैं तो पासफ़्रेज़ चुनें।
learner-by_passphrase = आपका पासफ़्रेज़ इसे खोलता है।
learner-current_passphrase = मौजूदा पासफ़्रेज़
learner-new_passphrase = नया पासफ़्रेज़
learner-use_passphrase = पासफ़्रेज़ इस्तेमाल करें
learner-change_passphrase = पासफ़्रेज़ बदलें
learner-use_keychain = इसके बजाय इस कंप्यूटर का कीचेन इस्तेमाल करें
learner-protected_passphrase = अब से आपका पासफ़्रेज़ यह लाइब्रेरी खोलेगा।
learner-protected_keychain = अब से इस कंप्यूटर का कीचेन यह लाइब्रेरी खोलेगा।
learner-mismatch = दोनों पासफ़्रेज़ अलग हैं।
learner-remove_title = इस सीखने वाले को हटाएँ
learner-remove = इस सीखने वाले को हटाएँ…
learner-remove_explained = इससे { $name } और उनकी लाइब्रेरी का सब कुछ इस कंप्यूटर से हट जाता है।
learner-type_name = पुष्टि के लिए { $name } लिखें
learner-keep_backup = पहले एक आख़िरी बैकअप रखें (बाद में वापस लाया जा सकता है)
learner-remove_confirm = हटाएँ

## help

nav-help = मदद
help-title = मदद
help-start = शुरुआत
help-step-bring = जिससे आप सीखते हैं उसे लाएँ: नोट लिखें, या बोर्ड की फ़ोटो, कक्षा की रिकॉर्डिंग, PDF या टेक्स्ट फ़ाइल लाएँ। Satchel उसे इसी कंप्यूटर पर, बिना इंटरनेट के, पढ़ता और लिखता है।
help-step-pack = कोई नोट या स्रोत खोलें और स्टडी पैक बनाएँ: सारांश, कार्ड और क्विज़, हर एक उन शब्दों से जुड़ा जिनसे वह बना।
help-step-study = अभी पढ़ें दबाएँ: Satchel वह पूछता है जिसका समय हो गया है, हर कार्ड को आपकी जानकारी के हिसाब से तय करता है, और प्रगति दिखाती है कि आप क्या जानते हैं।
help-step-share = नेटवर्क हो तो अपने दूसरे डिवाइसों से सिंक करें या कक्षा में जुड़ें; आपकी लाइब्रेरी हर हाल में इसी कंप्यूटर पर रहती है।
help-step-safe = आपकी लाइब्रेरी एन्क्रिप्टेड है और हर आधे घंटे के इस्तेमाल पर उसका बैकअप बनता है। अपना रिकवरी कोड और एक बैकअप USB स्टिक पर रखें।
help-shortcuts = कीबोर्ड शॉर्टकट
help-keys-everywhere = हर जगह
help-keys-notes = नोट
help-keys-review = कार्ड पढ़ना
help-key = कुंजी
help-does = यह क्या करती है
help-key-question = ?
help-key-slash = /
help-key-tab = Tab और Shift+Tab
help-key-ctrl_s = Ctrl+S
help-key-space = Space या Enter
help-key-ratings = 1 2 3 4
help-key-choices = 1 से 8
help-key-h = H
help-key-e = E
help-key-u = U
help-does-help = शॉर्टकट की यह सूची खोलें
help-does-search = अपने नोट और स्रोत खोजें
help-does-move = एक नियंत्रण से दूसरे पर जाएँ; Enter या Space उसे दबाता है
help-does-save = नोट अभी सहेजें (लिखते समय भी सहेजा जाता है)
help-does-show = जवाब दिखाएँ
help-does-rate = फिर से, कठिन, ठीक, आसान
help-does-choose = बहुविकल्पी कार्ड पर विकल्प चुनें
help-does-hint = जवाब से पहले एक संकेत
help-does-explain = जवाब के बाद कार्ड को उसके स्रोत से समझाएँ
help-does-undo = आख़िरी जवाब वापस लें

## csv

progress-save_reviews_csv = रिव्यू CSV में सहेजें
progress-save_mastery_csv = जो मैं जानता हूँ उसे CSV में सहेजें
class-save_csv = CSV में सहेजें
csv-saved = सहेजा गया: { $path }

# छपाई: काग़ज़ पर या PDF के रूप में एक पन्ना।
print-print = छापें…
print-save_pdf = PDF के रूप में सहेजें
print-saved = सहेजा गया: { $path }
sheet-title = { $deck }: प्रश्न
sheet-questions = प्रश्न
sheet-answers = उत्तर
sheet-empty = इस डेक में छापने के लिए कोई कार्ड नहीं है।
cards-sheet = पत्रक
cards-sheet_of = { $deck } को प्रश्न-पत्रक के रूप में छापें
class-printable = छापने योग्य रिपोर्ट
class-report_title = { $class }: कक्षा की रिपोर्ट
progress-print_name = { $learner } की प्रगति

# नमूना पाठ, खाली लाइब्रेरी में दिखाया जाता है।
sample-title = एक नमूना पाठ आज़माएँ
sample-explained = अपने पाठ लाने से पहले देखें कि Satchel एक पाठ के साथ क्या करता है: जल चक्र पर टाइप किए नोट्स, बोर्ड की एक फ़ोटो, एक रिकॉर्ड किया गया व्याख्यान और पाठ्यपुस्तक के दो पन्ने इसी कंप्यूटर पर पढ़े जाते हैं और दोहराने के कार्डों वाले स्टडी पैक बन जाते हैं।
sample-start = नमूना पाठ लाएँ
sample-making = नमूना पाठ के स्टडी पैक बन रहे हैं
sample-open_pack = इसका पैक खोलें
sample-failed = यह पैक नहीं बन सका।
sample-waiting = बन रहा है
sample-ready = चारों स्टडी पैक तैयार हैं।
sample-study = अभी पढ़ें

# रिमाइंडर: दोहराने के कार्ड इंतज़ार करें तो एक सूचना।
reminder-title = दोहराने का समय हो गया
reminder-body =
    { $n ->
        [one] { $learner }, Satchel में { $n } कार्ड दोहराने के लिए तैयार है।
       *[other] { $learner }, Satchel में { $n } कार्ड दोहराने के लिए तैयार हैं।
    }
reminders-title = रिमाइंडर
reminders-explained = जब तक Satchel खुला है, कार्ड दोहराने के लिए तैयार होने पर एक सूचना आती है, चार घंटे में ज़्यादा से ज़्यादा एक बार।
reminders-on = दोहराने का समय होने पर मुझे याद दिलाएँ
reminders-child = यह एक बच्चे की लाइब्रेरी है
reminders-child_hint = बच्चे की लाइब्रेरी में रिमाइंडर शुरू में बंद रहते हैं; माता-पिता उन्हें यहाँ चालू कर सकते हैं।
