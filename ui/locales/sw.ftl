# Kiolesura cha Satchel kwa Kiswahili, kimetafsiriwa kutoka en.ftl.

## app

app-name = Satchel

## nav

nav-library = Maktaba
nav-settings = Mipangilio
nav-switch_learner = Badilisha mwanafunzi
nav-main = Sehemu kuu

## welcome

welcome-title = Nani anajifunza leo?
welcome-subtitle = Kila mwanafunzi ana maktaba yake binafsi, iliyofungwa, kwenye kompyuta hii.
welcome-add_learner = Ongeza mwanafunzi
welcome-loading = Inafungua…

## create

create-title = Ongeza mwanafunzi
create-name = Jina
create-name_hint = Tukuite nani? Hadi herufi 40.
create-use_passphrase = Linda kwa kaulisiri
create-keychain_explained = Maktaba yako imefungwa kwa ufunguo ambao kompyuta hii inakutunzia salama, kwa hiyo hutahitaji kuandika chochote ili kuifungua.
create-passphrase_explained = Kaulisiri ni nenosiri unalochagua mwenyewe. Utaiandika kila mara unapofungua maktaba yako.
create-no_keychain = Kompyuta hii haina hifadhi ya funguo ya kutunza ufunguo wako, kwa hiyo tafadhali chagua kaulisiri.
create-passphrase = Kaulisiri
create-passphrase_hint = Angalau herufi 8. Maneno machache yasiyohusiana ni rahisi kukumbuka.
create-passphrase_confirm = Iandike tena
create-passphrase_mismatch = Kaulisiri hizo mbili hazifanani.
create-submit = Unda
create-cancel = Ghairi
create-working = Inafunga maktaba yako mpya…

## recovery

recovery-title = Msimbo wako wa kurejesha
recovery-explained = Ikiwa hifadhi ya funguo ya kompyuta hii au kaulisiri yako itapotea siku moja, msimbo huu ndiyo njia pekee ya kufungua maktaba yako. Uandike kwenye karatasi na uuweke mahali salama. Unaonyeshwa sasa tu.
recovery-acknowledge = Nimeuandika
recovery-continue = Endelea

## unlock

unlock-title = Fungua maktaba ya { $name }
unlock-passphrase = Kaulisiri
unlock-submit = Fungua
unlock-forgot = Umesahau kaulisiri? Tumia msimbo wa kurejesha
unlock-recovery_code = Msimbo wa kurejesha
unlock-recovery_hint = Msimbo uliouandika, kama ABCD-EFGH-… Herufi kubwa na vistari havijalishi.
unlock-new_passphrase = Kaulisiri mpya
unlock-new_passphrase_hint = Chagua kaulisiri ya kufungua maktaba hii kuanzia sasa.
unlock-use_recovery = Fungua kwa msimbo wa kurejesha
unlock-back = Rudi

## library

library-title = Maktaba yako
library-new_note = Dokezo jipya
library-empty = Bado hakuna kitu hapa. Andika dokezo lako la kwanza, au leta rekodi ya somo.
library-count =
    { $n ->
        [one] Dokezo { $n }
       *[other] Madokezo { $n }
    }

## note

note-untitled = Dokezo lisilo na kichwa
note-title = Kichwa
note-title_placeholder = Dokezo hili linahusu nini?
note-body = Dokezo
note-body_placeholder = Andika hapa. Markdown inafanya kazi: # vichwa, **herufi nzito**, - orodha.
note-save = Hifadhi
note-saved = Imehifadhiwa
note-heading = Dokezo
note-saving = Inahifadhi…
note-unsaved = Bado haijahifadhiwa
note-delete = Futa
note-delete_confirm = Ufute dokezo hili kabisa?
note-delete_yes = Ndiyo, lifute
note-back = Rudi kwenye maktaba
note-shortcut = Inahifadhi unapoandika · Ctrl+S inahifadhi sasa hivi

## settings

settings-title = Mipangilio
settings-appearance = Mwonekano
settings-theme = Mandhari
settings-theme_system = Sawa na kompyuta hii
settings-theme_light = Mwanga
settings-theme_dark = Giza
settings-language = Lugha
settings-language_system = Sawa na kompyuta hii
settings-language_hint = Maneno, tarehe na namba za Satchel. Unachojifunzia kinaweza kuwa kwa lugha yoyote.
settings-security = Usalama
settings-rotate_explained = Kubadilisha ufunguo kunafunga upya maktaba yako yote kwa ufunguo mpya na kukupa msimbo mpya wa kurejesha. Msimbo wa zamani unaacha kufanya kazi.
settings-rotate = Badilisha ufunguo
settings-rotating = Inafunga upya maktaba yako…
settings-rotated = Maktaba yako imefungwa kwa ufunguo mpya.
settings-about = Kuhusu
settings-version = Toleo
settings-encryption = Usimbaji fiche
settings-data_folder = Folda ya data

## time

time-just_now = sasa hivi

## error

error-wrong_key = Kaulisiri au msimbo huo haufungui maktaba hii. Hakuna kilichobadilishwa — tafadhali jaribu tena.
error-keychain_unavailable = Hifadhi ya funguo ya kompyuta hii haijibu, kwa hiyo maktaba haiwezi kujifungua yenyewe. Madokezo yako yako salama: ifungue kwa msimbo wako wa kurejesha.
error-key_missing = Hifadhi ya funguo ya kompyuta hii haina tena ufunguo wa maktaba hii. Madokezo yako yako salama: ifungue kwa msimbo wako wa kurejesha.
error-passphrase_required = Tafadhali chagua kaulisiri ya kulinda maktaba hii.
error-profile_not_found = Mwanafunzi huyo hayupo tena kwenye kompyuta hii.
error-profile_exists = Tayari kuna mwanafunzi mwenye jina hilo. Tafadhali chagua jina jingine.
error-not_found = Dokezo hilo halipo tena hapa. Huenda limefutwa.
error-invalid_input = Kuna kitu kwenye fomu kinachohitaji kuangaliwa tena.
error-locked = Maktaba imefungwa. Tafadhali ifungue tena.
error-storage = Satchel haikuweza kusoma au kuandika faili zake. Hakuna kilichopotea; tafadhali jaribu tena.
error-internal = Kuna hitilafu isiyotarajiwa. Hakuna kilichopotea; tafadhali jaribu tena.
error-conflict = Hicho kimeshachukuliwa, au kimebadilishwa mahali pengine kwanza. Hakuna kilichopotea; tafadhali angalia kisha ujaribu tena.
error-forbidden = Akaunti hii hairuhusiwi kufanya hivyo. Muulize mwalimu au mtu anayesimamia seva.
error-no_shell = Ukurasa huu unafanya kazi ndani ya programu ya Satchel. Fungua Satchel ili kuutumia.

## library

library-import = Leta faili
speech-language = Lugha inayozungumzwa
speech-detect = Itambue yenyewe
speech-language_hint = Lugha ya rekodi unazoleta au kutengeneza. Satchel inaweza kuitambua yenyewe, lakini ikijulikana ni haraka na sahihi zaidi.
library-importing = Inahifadhi…
library-drop_here = Dondosha faili hapa ili kuziingiza na kutengeneza vifurushi vya kujifunza
library-drop_hint = Au dondosha rekodi, picha (PNG, JPEG, WebP), PDF au maandishi popote kwenye ukurasa huu ili kutengeneza kifurushi cha kujifunza kutoka kwa kila kimoja, au bandika picha.
library-recordings = Rekodi
library-notes = Madokezo
library-import_failed = { $file }: { $reason }

## source

source-status-queued = Inasubiri kunakiliwa
source-status-transcribing = Inanakili…
source-status-ready = Imenakiliwa
source-status-failed = Kunakili kumeshindikana
source-status-cancelled = Imesimamishwa
source-progress = Inanakili { $title } — { $done } kati ya { $total }
source-progress_open = Inanakili { $title } — { $done } hadi sasa
source-cancel = Simamisha
source-retry = Nakili tena
source-retranscribe_in = Nakili tena kwa lugha
source-back = Rudi kwenye maktaba
source-transcript = Maneno ya rekodi
source-no_speech = Hakuna maneno yaliyosikika kwenye rekodi hii.
source-waiting = Maneno ya rekodi yataonekana hapa mara yatakapokuwa tayari. Unaweza kuendelea na kazi nyingine wakati huo.
source-play_from = Cheza kuanzia { $time }
source-delete = Futa
source-delete_confirm = Ufute rekodi hii na maneno yake kabisa?
source-delete_yes = Ndiyo, ifute
source-language = Lugha
source-length = Urefu
source-file = Faili

## error

error-model_missing = Modeli ya sauti ya Satchel haijasakinishwa kwenye kompyuta hii, kwa hiyo bado haiwezi kunakili. Rekodi yako imehifadhiwa; itanakiliwa mara modeli itakapokuwepo.
error-bad_media = Satchel haiwezi kusoma faili hii. Inasoma rekodi (WAV, MP3, FLAC, Ogg, M4A), picha (PNG, JPEG, WebP) na PDF.
error-cancelled = Imesimamishwa. Rekodi imehifadhiwa; unaweza kuinakili tena wakati wowote.
error-busy = Kuna kitu bado kinaendelea. Tafadhali subiri kimalizike, au kisimamishe, kisha ujaribu tena.

## library

library-recordings_count =
    { $n ->
        [one] Rekodi { $n }
       *[other] Rekodi { $n }
    }

## error

error-no_microphone = Hakuna maikrofoni iliyojibu. Chomeka moja, au uichague kama kifaa cha kuingiza sauti kwenye mipangilio ya sauti ya kompyuta yako, kisha ujaribu tena.

## record

record-start = Rekodi
record-title = Rekodi, { $when }
record-label = Kurekodi kutoka kwenye maikrofoni
record-starting = Inawasha maikrofoni…
record-from = Inarekodi kutoka { $device }
record-level = Kiwango cha sauti
record-stop = Simamisha na uhifadhi
record-saving = Inahifadhi…
record-discard = Tupa
record-discard_confirm = Utupe rekodi hii? Haiwezi kurudishwa.
record-discard_yes = Ndiyo, itupe

## error

error-document_password = Hati hii imelindwa kwa nenosiri. Andika nenosiri lake ili kuifungua.

## source

source-status-queued_reading = Inasubiri kusomwa
source-status-reading = Inasoma…
source-status-read = Imesomwa
source-status-read_failed = Kusoma kumeshindikana
source-no_text = Hakuna maandishi yaliyopatikana hapa.
source-picture = Picha kama ilivyoletwa
source-text = Maandishi
source-page = Ukurasa { $n }
source-page_text = Maandishi ya ukurasa { $n }
source-pages =
    { $n ->
        [one] Ukurasa { $n }
       *[other] Kurasa { $n }
    }
source-page_unshown = Ukurasa huu hauwezi kuchorwa; maandishi yake yako kando yake.
source-page_no_text = Hakuna maandishi kwenye ukurasa huu.
source-pasted_title = Picha iliyobandikwa
source-reading_pages = Inasoma { $title } — ukurasa { $done } kati ya { $total }
source-reading = Inasoma { $title }…
source-password = Nenosiri la hati hii
source-open = Fungua
source-opening = Inafungua…

## nav

nav-ask = Uliza
nav-topics = Mada

## search

search-placeholder = Tafuta kila kitu
search-label = Tafuta kwenye madokezo, picha, rekodi na hati zako
search-submit = Tafuta
search-indexing =
    Inaandaa vitu vipya ili viweze kutafutwa — { $total ->
        [one] kifungu { $done } kati ya { $total }
       *[other] vifungu { $done } kati ya { $total }
    }
search-title = Matokeo ya “{ $query }”
search-nothing = Hakuna kilichopatikana. Jaribu maneno mengine, au uliza swali kwa maneno yako mwenyewe.
search-at = kwenye { $time }

## kind

kind-note = Dokezo
kind-audio = Rekodi
kind-image = Picha
kind-document = Hati
kind-text = Faili ya maandishi

## ask

ask-title = Uliza
ask-subtitle = Uliza swali kwa maneno yako mwenyewe. Majibu yanatoka kwenye madokezo, picha, rekodi na hati zako mwenyewe.
ask-label = Swali lako
ask-placeholder = Mimea hutengenezaje chakula chake?
ask-submit = Uliza
ask-asking = Inatafuta…
ask-nothing = Bado hakuna kitu kwenye maktaba yako kinachojibu swali hilo. Ongeza madokezo au vyanzo kuhusu jambo hilo, au uliza kwa njia nyingine.

## topics

topics-title = Mada
topics-subtitle = Madokezo, picha, rekodi na hati zako zinahusu nini, na zipi kati yake zina mada moja.
topics-none = Bado hakuna mada. Zitaonekana unapoongeza madokezo na vyanzo.
topics-shared = Mada zinazoshirikiwa
topics-link = { $a } na { $b } zote zinahusu { $topics }

## source

source-topics = Mada
source-also_in = pia katika

## nav

nav-jobs = Kazi zinazoendelea

## pack

pack-make = Tengeneza kifurushi cha kujifunza
pack-open_last = Fungua kifurushi cha mwisho cha kujifunza
pack-title = Kifurushi cha kujifunza
pack-from = Kutoka “{ $title }”
pack-building = Inatengeneza kifurushi chako cha kujifunza — hatua { $done } kati ya { $total }
pack-building_hint = Unaweza kuendelea kutumia Satchel; kifurushi kitaonekana hapa kikiwa tayari.
pack-failed = Kifurushi hiki cha kujifunza hakikuweza kutengenezwa. Hakuna kilichopotea.
pack-see_jobs = Angalia kilichoharibika kisha ujaribu tena
pack-summary = Muhtasari
pack-where_from = Hiki kimetoka wapi
pack-cards =
    { $n ->
        [one] Kadi ({ $n })
       *[other] Kadi ({ $n })
    }
pack-cards_hint = Kubali kadi unazotaka kujifunza, rekebisha zile ambazo si sahihi kabisa, na ufute zilizobaki. Satchel hujifunza kutokana na machaguo yako.
pack-quiz = Jaribio
pack-check = Sahihisha majibu yangu
pack-score = Sahihi { $right } kati ya { $total }

## card

card-kind-cloze = Jaza pengo
card-kind-definition = Swali
card-kind-term = Neno muhimu
card-kind-basic = Swali na jibu
card-kind-reversed = Pande zote mbili
card-kind-choice = Chagua jibu sahihi
card-kept = Imekubaliwa
card-edited = Imehaririwa
card-front = Mbele
card-back = Nyuma
card-keep = Kubali
card-edit = Hariri
card-delete = Futa
card-save = Hifadhi
card-why = Kwa nini kadi hii?
card-made_by = Imetengenezwa na mwandishi wa “{ $generator }” kutoka kwa maneno haya:
card-open_source = Fungua “{ $title }” hapo

## jobs

jobs-title = Kazi zinazoendelea
jobs-subtitle = Mambo ambayo Satchel inakufanyia: kusoma, kuandaa vitu ili viweze kutafutwa, na kutengeneza vifurushi vya kujifunza.
jobs-none = Hakuna kinachoendelea.
jobs-kind-read = Kusoma au kunakili
jobs-kind-index = Kuandaa kwa ajili ya kutafuta
jobs-kind-pack = Kifurushi cha kujifunza: { $step }
jobs-step-extract = kusoma maudhui
jobs-step-index = kuandaa utafutaji
jobs-step-summary = kuandika muhtasari
jobs-step-concepts = kutafuta mawazo makuu
jobs-step-cards = kutengeneza kadi
jobs-step-quiz = kutengeneza jaribio
jobs-step-validate = kukagua kadi
jobs-step-deliver = kuunganisha yote
jobs-queued = inasubiri
jobs-running = inafanya kazi
jobs-done = imekamilika
jobs-dead =
    { $n ->
        [one] imeshindikana baada ya jaribio { $n }
       *[other] imeshindikana baada ya majaribio { $n }
    }
jobs-cancelled = imesimamishwa
jobs-retrying = itajaribu tena hivi karibuni (jaribio { $n } kati ya { $max })
jobs-retry = Jaribu tena
jobs-cancel = Simamisha

## settings

settings-helper = Msaidizi kwenye mtandao wako (si lazima)
settings-helper_explained = Ikiwa shule yako au mwalimu wako anaendesha modeli ya lugha kwenye mtandao wa hapo, Satchel inaweza kuiomba itunge maswali bora ya kujifunzia. Inafikiwa kupitia https:// (ongeza #sha256= na alama ya kidole ya cheti chake ikiwa ilijitengenezea cheti chake yenyewe), kwa hiyo hakuna kinachopita kwenye Wi-Fi bila kufichwa. Satchel inafanya kazi kikamilifu bila msaidizi; msaidizi asipojibu, Satchel inaendelea peke yake.
settings-helper_url = Anwani ya msaidizi
settings-helper_model = Jina la modeli
settings-helper_save = Hifadhi na ujaribu
settings-helper_trying = Inajaribu…
settings-helper_ok = Msaidizi amejibu. Vifurushi vyako vijavyo vya kujifunza vinaweza kumtumia.
settings-helper_cleared = Hakuna msaidizi aliyewekwa. Satchel inatengeneza vifurushi vya kujifunza yenyewe.
settings-helper_failed = Imehifadhiwa, lakini msaidizi hakujibu ({ $problem }). Satchel inaendelea bila yeye na itajaribu tena baadaye.

## pack

pack-plain_by_helper = Kwa maneno rahisi zaidi, na msaidizi kwenye mtandao wako, kutoka kwa sentensi zilizo hapa chini:

## nav

nav-study = Jifunze sasa
nav-cards = Kadi
nav-progress = Maendeleo

## study

study-title = Jifunze sasa
study-nothing = Hakuna cha kujifunza sasa hivi. Andika kadi, au tengeneza kifurushi cha kujifunza kutoka kwa kitu kilicho kwenye maktaba yako.
study-reviews =
    { $n ->
        [one] Kadi { $n } ya kurudia inasubiri
       *[other] Kadi { $n } za kurudia zinasubiri
    }
study-start = Anza kurudia
study-known = Unajua { $percent } · kutoka “{ $title }”
study-read = Soma tena
study-pack = Kifurushi chake cha kujifunza
study-new =
    { $n ->
        [one] Kadi { $n } mpya katika { $deck }
       *[other] Kadi { $n } mpya katika { $deck }
    }
study-learn = Jifunza

## review

review-title = Marudio
review-picture_front = Picha ya swali: { $text }
review-picture_back = Picha ya jibu: { $text }
review-sound_front = Sauti ya swali: { $text }
review-sound_back = Sauti ya jibu: { $text }
review-progress = { $done } kati ya { $total }
review-done = Umemaliza kwa sasa
review-done_summary =
    { $n ->
        [one] Umejibu kadi { $n }, kwa wastani sekunde { $seconds } kwa kila kadi. Kadi zinazofuata zitakusubiri wakati wake ukifika.
       *[other] Umejibu kadi { $n }, kwa wastani sekunde { $seconds } kwa kila kadi. Kadi zinazofuata zitakusubiri wakati wake ukifika.
    }
review-new = Mpya
review-seconds = { $n } s
review-show = Onyesha jibu
review-space = Space
review-from = Imetoka wapi: { $title }
review-how_well = Ulikumbuka vizuri kiasi gani?
review-again = Tena
review-hard = Ngumu
review-good = Vizuri
review-easy = Rahisi
review-in_minutes = dakika { $n }
review-in_hours = saa { $n }
review-in_days = siku { $n }
review-in_months =
    { $n ->
        [one] mwezi { $n }
       *[other] miezi { $n }
    }
review-undo = Tendua
review-bury = Si leo
review-suspend = Weka kando
review-hint = Dokezo
review-hint_text = Huanza na “{ $first }”: { $letters ->
        [one] herufi moja
       *[other] herufi { $letters }
    }, { $words ->
        [one] neno moja
       *[other] maneno { $words }
    }.
review-explain = Eleza
review-explained = Kwa maneno ya “{ $title }”
review-no_source = Kadi hii iliandikwa kwa mkono: haina chanzo cha kuieleza.
review-moment = Isikilize katika “{ $title }” kwenye { $time }
review-occluded = Picha “{ $title }”, lebo moja imefunikwa
review-occluded_shown = Picha “{ $title }”, lebo iliyofichwa imezungushiwa mstari
tutor-title = Isome pale ilipotoka
tutor-continue = Endelea
tutor-easier = Umekosea mara mbili: kadi rahisi zaidi kuhusu hili inafuata.

## cards

cards-title = Kadi
cards-decks = Mafungu
cards-deck_counts =
    { $cards ->
        [one] Kadi { $cards }
       *[other] Kadi { $cards }
    } · za kurudia: { $due } · mpya: { $new }
cards-no_decks = Bado hakuna kadi. Andika moja hapa chini, au tengeneza kifurushi cha kujifunza kutoka kwenye maktaba yako.
cards-write = Andika kadi
cards-kind = Aina ya kadi
cards-deck = Fungu
cards-deck_default = Kawaida
cards-front = Swali
cards-back = Jibu
cards-right = Jibu sahihi
cards-wrong = Majibu yasiyo sahihi, moja kwa kila mstari
cards-cloze_text = Maandishi
cards-cloze_hint = Weka unachotaka kuficha ndani ya mabano mawili, hivi: {"{{"}c1::Paris{"}}"} ni mji mkuu wa {"{{"}c2::Ufaransa{"}}"}. Kila namba inatengeneza kadi moja.
cards-add = Ongeza kadi
cards-saved =
    { $n ->
        [one] Kadi { $n } imeongezwa.
       *[other] Kadi { $n } zimeongezwa.
    }
cards-in_deck = Kadi zilizo kwenye fungu hili
cards-unsuspend = Rudisha
cards-delete = Futa

## progress

progress-title = Maendeleo
progress-reviews_total = Marudio
progress-retention = Ulizokumbuka (siku 30)
progress-due_today = Za kurudia leo
progress-time_total = Muda wa kurudia
progress-minutes =
    { $n ->
        [one] dakika { $n }
       *[other] dakika { $n }
    }
progress-cards = Kadi
progress-card_counts = Mpya: { $new } · Zinazojifunzwa: { $learning } · Changa: { $young } · Zilizokomaa: { $mature }
progress-as_table = Onyesha kama jedwali
progress-heatmap = Marudio katika mwaka uliopita
progress-heatmap_summary =
    { $n ->
        [one] Rudio { $n } katika siku { $days }.
       *[other] Marudio { $n } katika siku { $days }.
    }
progress-day_reviews =
    { $n ->
        [one] { $date }: rudio { $n }
       *[other] { $date }: marudio { $n }
    }
progress-day = Siku
progress-week = Wiki
progress-reviews = Marudio
progress-retention_title = Kadi ulizokumbuka wakati wa kurudia, kwa kila wiki
progress-retention_summary = Katika siku 30 zilizopita ulikumbuka { $percent } ya kadi zilipofika wakati wa kurudiwa (uliomba { $desired }).
progress-retention_none = Bado hakuna kadi iliyofika wakati wa kurudiwa.
progress-recalled = Ulizokumbuka
progress-forecast = Kadi zinazokuja kurudiwa
progress-forecast_summary = Za kurudia leo: { $today }; katika siku 7 zijazo: { $week }.
progress-due = Za kurudia
progress-time = Muda uliotumika
progress-time_summary =
    { $n ->
        [one] Dakika { $n } ya kurudia katika siku 30 zilizopita.
       *[other] Dakika { $n } za kurudia katika siku 30 zilizopita.
    }
progress-mastery = Unajua kila mada kwa kiasi gani
progress-mastery_summary =
    { $n ->
        [one] Unajua vizuri mada { $known } kati ya { $n }.
       *[other] Unajua vizuri mada { $known } kati ya { $n }.
    }
progress-mastery_none = Tengeneza kifurushi cha kujifunza na urudie kadi zake ili uone unavyojua kila mada.
progress-concept = Mada
progress-known = Unajua
progress-scheduling = Marudio
progress-desired = Kumbuka { $percent } ya kadi zinapofika wakati wa kurudiwa
progress-desired_hint = Juu zaidi ni marudio mengi zaidi; 90 % inawafaa wanafunzi wengi.
progress-new_per_day = Kadi mpya kwa siku
progress-save = Hifadhi
progress-saved = Imehifadhiwa.
progress-optimised =
    Satchel imejifunza kutokana na { $reviews ->
        [one] rudio lako { $reviews }
       *[other] marudio yako { $reviews }
    } jinsi unavyokumbuka: utabiri wake umeboreka ({ $before } → { $after }, chini ni bora zaidi) na sasa inapanga marudio kwa kuutumia.
progress-optimised_kept =
    Satchel imeangalia { $reviews ->
        [one] rudio lako { $reviews }
       *[other] marudio yako { $reviews }
    }; mpangilio wa kawaida tayari unatabiri vizuri vilevile ({ $before } → { $after }), kwa hiyo unabaki.
progress-not_optimised = Baada ya marudio 400 hivi, Satchel hujifunza jinsi unavyokumbuka na kukupangia marudio. Marudio hadi sasa: { $n }.
progress-optimise = Jifunza kutokana na marudio yangu sasa
progress-optimise_queued = Inashughulikiwa chinichini.

## cards

cards-import_anki = Leta fungu la Anki
cards-export_anki = Hamisha mafungu yote kwa Anki
cards-export_short = Hamisha kwa Anki
cards-export_deck = Hamisha { $deck } kwa Anki
cards-exporting = Inaandika fungu kwa Anki…
cards-exported =
    Umeandika { $cards ->
        [one] kadi { $cards }
       *[other] kadi { $cards }
    } katika { $decks ->
        [one] fungu { $decks }
       *[other] mafungu { $decks }
    }, pamoja na { $reviews ->
        [one] rudio { $reviews } la zamani
       *[other] marudio { $reviews } ya zamani
    } na { $media ->
        [one] picha au sauti { $media }
       *[other] picha na sauti { $media }
    }. Anki hufungua faili kwa Faili › Leta.
cards-exported_left_out = { $n ->
        [one] Kadi { $n } ya kuficha picha imeachwa: Anki huzitengeneza katika kihariri chake.
       *[other] Kadi { $n } za kuficha picha zimeachwa: Anki huzitengeneza katika kihariri chake.
    }
cards-importing = Inaleta fungu…
cards-imported =
    Umeleta { $cards ->
        [one] kadi { $cards }
       *[other] kadi { $cards }
    } katika { $decks ->
        [one] fungu { $decks }
       *[other] mafungu { $decks }
    }, pamoja na { $reviews ->
        [one] rudio { $reviews } la zamani
       *[other] marudio { $reviews } ya zamani
    } na { $media ->
        [one] picha au sauti { $media }
       *[other] picha na sauti { $media }
    } (tayari vilikuwa hapa: { $here }).
cards-media = Picha na sauti
cards-media_front = Ongeza kwenye swali…
cards-media_back = Ongeza kwenye jibu…
cards-on_front = pamoja na swali
cards-on_back = pamoja na jibu
cards-remove_media = Ondoa

## sync

sync-offline = Nje ya mtandao — mabadiliko yanahifadhiwa hapa
sync-offline_waiting =
    { $n ->
        [one] Nje ya mtandao — badiliko { $n } limehifadhiwa hapa
       *[other] Nje ya mtandao — mabadiliko { $n } yamehifadhiwa hapa
    }
sync-waiting =
    { $n ->
        [one] Badiliko { $n } linasubiri kusawazishwa
       *[other] Mabadiliko { $n } yanasubiri kusawazishwa
    }
sync-synced = Imesawazishwa { $when }
sync-never = Bado haijasawazishwa
sync-syncing = Inasawazisha… { $size }
sync-syncing_label = Inasawazisha
sync-sync_now = Sawazisha sasa

## settings

settings-sync = Usawazishaji
settings-sync_explained = Ingia kwenye seva ya usawazishaji ya shule yako au ya familia yako, na madokezo, kadi na marudio yako yatakuwa sawa kwenye kila kifaa unachotumia. Kila kitu kinafanya kazi hata bila hiyo.
settings-sync_server = Anwani ya seva
settings-sync_name = Jina
settings-sync_password = Nenosiri
settings-sync_sign_in = Ingia
settings-sync_signing_in = Inaingia…
settings-sync_state = Usawazishaji
settings-sync_failed = Usawazishaji wa mwisho haukukamilika ({ $problem }). Hakuna kilichopotea: mabadiliko yako yanabaki hapa na yataenda na usawazishaji unaofuata.
settings-sync_running = Inasawazisha…
settings-sync_sign_out = Toka

## error

error-offline = Seva ya usawazishaji haikujibu. Hakuna kilichopotea: mabadiliko yako yanabaki hapa na yataenda na usawazishaji unaofuata. Angalia mtandao na anwani ya seva.
error-sign_in_needed = Tafadhali ingia kwenye seva ya usawazishaji (tena). Hakuna kilichopotea.

## source

source-original_elsewhere = Hiki kililetwa kwenye kifaa chako kingine. Maandishi yake yako hapa; faili ya asili itafika na usawazishaji unaofuata.

## nav

nav-class = Darasa

## class

class-title = Darasa
class-lessons = Masomo kutoka kwa mwalimu wako
class-in_classes = Uko katika: { $classes }
class-no_lessons = Bado hakuna masomo. Mwalimu wako akikupa somo, litaonekana hapa na katika Jifunze sasa baada ya usawazishaji unaofuata.
class-lesson_from = Kutoka kwa { $teacher } · { $class }
class-lesson_progress =
    { $cards ->
        [one] Umejifunza kadi { $studied } kati ya { $cards }
       *[other] Umejifunza kadi { $studied } kati ya { $cards }
    }
class-lesson_progress_label = Kiasi cha somo ulichojifunza
class-read = Soma
class-study = Jifunza
class-join = Jiunge na darasa
class-looking = Inatafuta madarasa yaliyo karibu…
class-none_found = Hakuna darasa lililojibu karibu. Muulize mwalimu wako anwani na uiandike hapa chini.
class-look_again = Tafuta tena
class-nearby = Madarasa yaliyo karibu
class-address = Anwani ya seva ya darasa
class-code = Msimbo wa darasa
class-joining = Inajiunga…
class-join_button = Jiunge
class-joined = Umejiunga na { $class } ({ $teacher }). Masomo yake yatafika kila unaposawazisha.
class-teach = Fundisha darasa
class-teach_hint = Endesha seva ya darasa kwenye kompyuta hii: programu za wanafunzi zilizo kwenye mtandao huo huo zitaipata na kujiunga kwa msimbo. Haihitaji intaneti.
class-start = Washa seva ya darasa
class-starting = Inawasha…
class-stop = Zima seva ya darasa
class-hosting = Seva ya darasa inafanya kazi kwenye anwani
class-hosting_hint = Wanafunzi wanaichagua kutoka kwenye madarasa yaliyo karibu, au wanaandika anwani hii ikiwa mtandao wao unaificha.
class-new_class = Darasa jipya
class-new_class_placeholder = Sayansi – Darasa la 7
class-create = Unda darasa
class-code_is = Wanafunzi wanajiunga kwa msimbo
class-students =
    { $n ->
        [one] Mwanafunzi { $n }
       *[other] Wanafunzi { $n }
    }
class-assign_what = Somo la kutoa (kitu chenye kifurushi cha kujifunza)
class-choose_material = Chagua kutoka kwenye maktaba yako…
class-assign_to = Kwa
class-whole_class_hint = Weka alama kwa wanafunzi ili uwape wao tu; usiweke alama yoyote ili uwape darasa zima (na yeyote atakayejiunga baadaye).
class-assign = Toa somo
class-assigning = Inatuma somo…
class-assigned =
    { $n ->
        [one] Limetolewa kwa mwanafunzi { $n }. Litamfikia programu yake itakaposawazisha tena.
       *[other] Limetolewa kwa wanafunzi { $n }. Litamfikia kila mmoja programu yake itakaposawazisha tena.
    }
class-refresh = Onyesha upya dashibodi
class-completion = Masomo
class-no_assignments = Bado hakuna masomo yaliyotolewa.
class-done_of = Wamemaliza: { $done }, wameanza: { $started }, kati ya { $n }
class-matrix = Kile kila mwanafunzi anachojua, kwa kila dhana
class-matrix_summary =
    { $students ->
        [one] Mwanafunzi { $students }
       *[other] Wanafunzi { $students }
    } na { $concepts ->
        [one] dhana { $concepts }
       *[other] dhana { $concepts }
    }; rangi iliyokolea zaidi inamaanisha inajulikana vizuri zaidi, kijivu inamaanisha bado haijasomwa. { $struggles ->
        [one] Kuna sehemu { $struggles } ambapo mwanafunzi anatatizika.
       *[other] Kuna sehemu { $struggles } ambapo mwanafunzi anatatizika.
    }
class-not_yet = bado
class-student = Mwanafunzi
class-struggling = Nani anatatizika na nini
class-nobody_struggling = Hakuna anayetatizika na chochote alichojifunza.
class-struggles_with = { $student } — { $concept } ({ $percent })
class-bundle = Hakuna mtandao? Ibebe kwenye flash ya USB
class-bundle_hint = Andika madokezo, kadi, marudio na maktaba yako kwenye bahasha (faili moja), kisha uilete kwenye kompyuta nyingine (au ulete bahasha kutoka huko). Imefungwa: ni kompyuta hii tu na mtu mwenye msimbo wa bahasha hiyo wanaoweza kuifungua. Inaunganishwa kama usawazishaji; hakuna kinachopotea upande wowote.
class-export = Andika bahasha…
class-import = Leta bahasha…
class-bundle_working = Inafanya kazi… hii inaweza kuchukua dakika moja kwa maktaba kubwa.
class-exported =
    { $docs ->
        [one] Hati { $docs }
       *[other] Hati { $docs }
    } na { $media ->
        [one] faili { $media }
       *[other] faili { $media }
    } zimeandikwa.
class-imported =
    { $docs ->
        [one] Hati { $docs } imeunganishwa
       *[other] Hati { $docs } zimeunganishwa
    }. Vipya au vilivyobadilika hapa — marudio: { $reviews }, kadi: { $cards }, madokezo: { $notes }. { $media ->
        [one] Faili { $media } imeletwa.
       *[other] Faili { $media } zimeletwa.
    }

## study

study-lesson = { $title } — somo kutoka kwa { $teacher }
study-lesson_left =
    { $left ->
        [one] Imebaki kadi { $left } ya kujifunza kati ya { $cards }
       *[other] Zimebaki kadi { $left } za kujifunza kati ya { $cards }
    }

## class

class-roster = Wanafunzi
class-lessons_to_stick = Masomo kwenye flash ya USB…
class-progress_from_stick = Leta maendeleo ya mwanafunzi kutoka kwenye flash ya USB…
class-no_network_hint = Hakuna mtandao darasani? Ongeza wanafunzi kwa majina yao, andika masomo ya kila mmoja kwenye flash, kisha urudishe maendeleo yao kwa njia hiyo hiyo. Baadaye wakijiunga kwenye mtandao, kila kitu kinakutana.
class-add_student = Ongeza mwanafunzi kwa jina
class-add = Ongeza
class-student_added = { $name } yuko darasani. Masomo yake yanaweza kuwekwa kwenye flash sasa.
class-student_bundle_out = Masomo ya mwanafunzi yameandikwa na kufungwa. Mpe flash na msimbo wake wa bahasha: { $code }. Kwenye kompyuta yake: Darasa → Leta bahasha.
class-student_bundle_in =
    Maendeleo ya { $name } yameletwa ({ $docs ->
        [one] hati { $docs } imebadilika
       *[other] hati { $docs } zimebadilika
    }).
class-remove = Mtoe darasani
class-remove_confirm = Umtoe { $name } darasani? Atabaki na masomo aliyonayo; masomo mapya hayatamfikia.
class-remove_yes = Mtoe
class-remove_no = Mbakize
class-student_removed = { $name } hayupo tena darasani.
class-legend = Maana ya rangi
class-legend_0 = chini ya { $low }
class-legend_1 = { $low } hadi { $high }
class-legend_2 = { $low } hadi { $high }
class-legend_3 = { $low } hadi { $high }
class-legend_4 = { $low } na zaidi

## startup

startup-failed-title = Satchel haiwezi kuanza
startup-failed-body = Satchel haikuweza kufunguka. Hakuna kilichobadilishwa kwenye maktaba yako. Hili likitokea tena, mwonyeshe ujumbe huu mtu anayeitunza kompyuta hii.

## error

error-untrusted = Satchel haikukipokea hiki: kimeshindwa ukaguzi wa usalama, kwa hiyo hakuna kilichobadilishwa wala kutumwa.

## models

models-title = Kile Satchel inaweza kufanya kwenye kompyuta hii
models-transcribe_english = Kuandika maneno ya rekodi za Kiingereza
models-transcribe_other_languages = Kuandika maneno ya rekodi za lugha nyingine
models-read_images = Kusoma picha na kurasa zilizoskaniwa
models-read_other_scripts = Kusoma Kihindi na Kiarabu katika picha na kurasa zilizoskaniwa
models-search_by_meaning = Kutafuta kwa maana, dhana na vifurushi vya kujifunza
models-ready = tayari
models-missing = inahitaji kifurushi cha modeli
models-missing_tesseract = inahitaji Tesseract: kwenye Linux, sakinisha vifurushi tesseract-ocr-hin na tesseract-ocr-ara; kwenye Windows, sakinisha Satchel upya
models-pack_explained = Kifurushi cha modeli kinaleta kile kinachokosekana. Ni faili moja, kutoka kwenye flash ya USB au kwa mwalimu wako; Satchel hukagua sahihi yake kabla ya kuchukua chochote kutoka humo.
models-imported = Kifurushi cha modeli { $version } kinatumika.
models-import = Leta kifurushi cha modeli…
models-importing = Inakagua na kuleta kifurushi cha modeli…
models-import_done = Kifurushi cha modeli kimekaguliwa na kuletwa. Kile kinacholeta kinafanya kazi sasa.
models-banner = Baadhi ya mambo ambayo Satchel hufanya yanahitaji modeli ambazo kompyuta hii haina: { $missing }.
models-banner_link = Leta kifurushi cha modeli

## update

update-title = Sasisha Satchel
update-explained = Sasisho linaweza kuja kwenye flash ya USB. Satchel hukagua kwamba limesainiwa, liko kamili na ni jipya zaidi kabla ya kulionyesha; hakuna kinachobadilika hadi utakapochagua kulisakinisha.
update-choose = Kagua faili ya sasisho…
update-checking = Inakagua…
update-offer = Satchel { $version } iko tayari kusakinishwa (uliyonayo sasa ni { $current }).
update-install = Sakinisha
update-not_now = Si sasa
update-installed = Sasisho limesakinishwa. Litatumika Satchel itakapoanza tena.

## offers

offers-title = Kutoka darasani kwako
offers-explained = Satchel ya mwalimu wako inatoa vitu hivi kupitia mtandao wa darasa. Satchel hukagua kwamba kila kimoja kimesainiwa, kiko kamili na ni kipya zaidi kabla ya kukitumia.
offers-update = Satchel { $version }
offers-models = Kifurushi cha modeli { $version }
offers-take = Pokea
offers-have_it = Tayari kiko kwenye kompyuta hii
offers-models_taken = Kifurushi cha modeli { $version } kimekaguliwa na kuletwa. Kile kinacholeta kinafanya kazi sasa.
offers-update_taken = Sasisho limekaguliwa. Nenda kwenye “Sasisha Satchel” ili ulisakinishe utakapoamua.
offers-offered_title = Vinavyotolewa kwa wanafunzi wako
offers-offered_hint = Programu za wanafunzi kwenye seva hii ya darasa zinaweza kuchukua vitu hivi: sasisho la Satchel, na modeli kwa kompyuta isiyokuwa nazo.
offers-offer_models = Toa modeli za kompyuta hii
offers-offer_file = Toa faili ya kifurushi…
offers-withdraw = Acha
offers-withdraw_named = Acha kutoa { $what }

## error

error-confirm_server = Satchel haijawahi kukutana na seva hii ya darasa. Kabla ya kutuma chochote, hakikisha skrini ya mwalimu inaonyesha maneno yale yale.

## class

class-address_placeholder = 192.168.1.20:7480, au kiungo cha kujiunga cha mwalimu
class-code_in_link = Hauhitajiki ukiwa na kiungo cha kujiunga
class-confirm_server = Kompyuta hii inakutana na seva hii kwa mara ya kwanza. Je, skrini ya mwalimu wako (au ya mtu anayeendesha seva) inaonyesha maneno haya?
class-confirm_server_hint = Maneno yakifanana, inaonyesha kwamba umefika kwenye seva halisi na si kwa mtu anayejifanya kuwa seva hiyo. Hakuna kilichotumwa bado.
class-words_match = Yanafanana: jiunge
class-words_differ_button = Hayafanani
class-words_differ = Maneno hayakufanana, kwa hiyo hakuna kilichotumwa. Mwambie mwalimu wako: huenda kuna mtu kwenye mtandao huu anayejifanya kuwa seva ya darasa.
class-hosting_words = Wanafunzi wanaoandika anwani wanakagua maneno haya:
class-join_link = Kiungo cha kujiunga na msimbo wa QR
class-join_link_hint = Satchel ya mwanafunzi inajiunga kwa kiungo hiki peke yake: kinataja seva hii ya darasa, msimbo, na alama ya kidole inayothibitisha kwamba ni yako.
class-join_link_qr = Msimbo wa QR wa kiungo cha kujiunga
class-claim_code_is = { $name } anajiunga kwa msimbo wa darasa na msimbo huu wa kudai wa mara moja: { $code } (unafanya kazi mara moja tu, kwa wiki moja).
class-added_by_name = Mwalimu wangu aliniongeza kwa jina
class-claim_code = Msimbo wa kudai kutoka kwa mwalimu wako
class-new_code = Msimbo mpya
class-code_until = Unafanya kazi hadi { $date }. Msimbo mpya unazima ule wa zamani.
class-export_progress = Andika maendeleo yangu kwa ajili ya mwalimu wangu…
class-progress_written = Maendeleo yako yameandikwa kwa ajili ya mwalimu wako. Ni seva ya darasa lako tu inayoweza kuyafungua.
class-bundle_code_is = Msimbo wake wa bahasha (kompyuta nyingine itauomba mara moja):
class-bundle_code_ask = Bahasha hii imefungwa. Andika msimbo wake wa bahasha (tarakimu 24): ule ulioonyeshwa ilipoandikwa, au ule aliokupa mwalimu wako.
class-bundle_code_open = Ifungue
class-student_code = Msimbo wa bahasha:

## error

error-bundle_code = Bahasha hii inahitaji msimbo wake wa bahasha ili kufunguka.
error-full = Akaunti yako haina nafasi zaidi kwenye seva. Hakuna kilichopotea: kinabaki kwenye kompyuta hii. Muombe mtu anayesimamia seva akupe nafasi zaidi.

## error-detail: exactly what was wrong, from the core's detail (the placeholders
## are filled in by the window; $field and $file choose the sentence)

error-detail-required =
    { $field ->
        [profile_name] Tafadhali andika jina.
        [passphrase] Tafadhali andika kaulisiri.
        [note_title] Tafadhali lipe dokezo kichwa.
        [card_front] Upande wa mbele wa kadi hauna kitu.
        [card_back] Upande wa nyuma wa kadi hauna kitu.
        [deck_name] Tafadhali lipe fungu jina.
        [join_name] Tafadhali andika jina utakalotumia kujiunga na darasa.
        [join_code] Tafadhali andika msimbo wa kujiunga na darasa.
       *[other] Kuna sehemu inayohitajika ambayo bado iko tupu.
    }
error-detail-too_long =
    { $field ->
        [profile_name] Jina linaweza kuwa na hadi herufi { $max }.
        [note_title] Kichwa cha dokezo kinaweza kuwa na hadi herufi { $max }.
        [card_front] Upande wa mbele wa kadi unaweza kuwa na hadi herufi { $max }.
        [card_back] Upande wa nyuma wa kadi unaweza kuwa na hadi herufi { $max }.
        [deck_name] Jina la fungu linaweza kuwa na hadi herufi { $max }.
       *[other] Hiki ni kirefu mno: kinaweza kuwa na hadi herufi { $max }.
    }
error-detail-too_short =
    { $field ->
        [passphrase] Kaulisiri inahitaji angalau herufi { $min }.
       *[other] Hiki kinahitaji angalau herufi { $min }.
    }
error-detail-one_line =
    { $field ->
        [profile_name] Jina linapaswa kuwa mstari mmoja wa herufi za kawaida.
        [deck_name] Jina la fungu linapaswa kuwa mstari mmoja wa herufi za kawaida.
       *[other] Hiki kinapaswa kuwa mstari mmoja wa herufi za kawaida.
    }
error-detail-cloze_unmarked = Weka maneno ya kuficha ndani ya mabano mawili, kama {"{{"}c1::Paris{"}}"}.
error-detail-cloze_empty = Mabano ya kuficha yanahitaji maneno ndani yake: ndani ya {"{{"}c1::{"}}"} hakuna kitu.
error-detail-no_wrong_choice = Kadi ya kuchagua jibu sahihi inahitaji angalau jibu moja lisilo sahihi.
error-detail-too_many_choices =
    { $max ->
        [one] Kadi ya kuchagua jibu sahihi inaweza kuwa na hadi chaguo { $max }.
       *[other] Kadi ya kuchagua jibu sahihi inaweza kuwa na hadi machaguo { $max }.
    }
error-detail-recovery_code_shape = Msimbo wa kurejesha una herufi na tarakimu { $letters }, katika vikundi vya { $group }, kama ABCD-EFGH-…
error-detail-card_suspended = Kadi hii imewekwa kando. Irudishe kwenye marudio kwanza.
error-detail-nothing_to_undo = Hakuna jibu la kutendua.
error-detail-too_few_reviews =
    { $reviews ->
        [one] Satchel hujifunza kutokana na marudio yako yakishatosha; rudio { $reviews } bado halitoshi.
       *[other] Satchel hujifunza kutokana na marudio yako yakishatosha; marudio { $reviews } bado hayatoshi.
    }
error-detail-not_https = Satchel huwasiliana na kompyuta nyingine kupitia https tu. Angalia anwani: { $address }
error-detail-not_an_address = Hii si anwani ya seva: { $address }
error-detail-file_too_large = Faili hii ni kubwa mno: Satchel hupokea hadi { $size } kwa mara moja. Hakuna kilichopotea.
error-detail-note_too_large = Dokezo moja linabeba maandishi ya hadi { $size }. Ligawanye katika madokezo kadhaa.
error-detail-recording_too_long = Satchel hupokea rekodi za hadi { $length } kwa mara moja. Kilichorekodiwa hadi wakati huo kimehifadhiwa.
error-detail-unsupported_file =
    { $file ->
        [audio] Satchel haiwezi kusoma faili hii kama rekodi. Inasoma WAV, MP3, FLAC, Ogg na M4A.
        [image] Satchel haiwezi kusoma faili hii kama picha. Inasoma PNG, JPEG na WebP.
       *[document] Satchel haiwezi kusoma faili hii kama hati. Inasoma PDF.
    }
error-detail-damaged_file =
    { $file ->
        [audio] Rekodi hii imeharibika, kwa hiyo Satchel haiwezi kuisoma. Hakuna kingine kilichobadilishwa.
        [image] Picha hii imeharibika, kwa hiyo Satchel haiwezi kuisoma. Hakuna kingine kilichobadilishwa.
       *[document] Hati hii imeharibika, kwa hiyo Satchel haiwezi kuisoma. Hakuna kingine kilichobadilishwa.
    }
error-detail-no_sound = Rekodi hii haina sauti yoyote ya kunakili.
error-detail-model_missing = Modeli ambayo Satchel inahitaji ({ $model }) haipo kwenye kompyuta hii. Sakinisha Satchel upya, au leta kifurushi cha modeli kutoka kwa mwalimu wako.
error-detail-unsupported_processor = Kichakataji (prosesa) cha kompyuta hii hakina uwezo wa { $missing }, unaohitajika ili kuandika maneno ya rekodi. Kila kitu kingine kwenye Satchel kinafanya kazi.

## backups

backups-title = Nakala za akiba
backups-explained = Satchel huhifadhi nakala ya maktaba yako yenyewe kila nusu saa ya matumizi, na huweka zile mpya zaidi, moja kwa siku kwa wiki moja na moja kwa wiki kwa mwezi mmoja. Nakala imefungwa kama maktaba yako: kaulisiri yako, kiweka-funguo cha kompyuta hii au msimbo wako wa kurejesha huifungua. Weka moja kwenye kifimbo cha USB pia, endapo kompyuta hii itapotea.
backups-now = Hifadhi nakala sasa
backups-to_folder = Hifadhi nakala kwenye folda au USB…
backups-restore_file = Rejesha kutoka kwa faili…
backups-working = Inafanya kazi…
backups-made = Nakala imehifadhiwa ({ $date }):
backups-restored = Maktaba yako imerudi kama ilivyokuwa tarehe { $date }.
backups-replaced_kept = Maktaba iliyobadilishwa imehifadhiwa kama nakala.
backups-restore_this = Rejesha nakala ya { $date }
backups-restore = Rejesha…
backups-none = Bado hakuna nakala.
backups-confirm = Ubadilishe maktaba ya { $name } kwa ile ya { $date }?
backups-confirm_kept = Maktaba yako kama ilivyo sasa huhifadhiwa kwanza kama nakala, kwa hiyo hakuna kinachopotea.
backups-passphrase_then = Kaulisiri ambayo maktaba ilikuwa nayo wakati huo
backups-restore_confirm = Rejesha
backups-contents =
    { $notes ->
        [one] dokezo { $notes }
       *[other] madokezo { $notes }
    }, { $sources ->
        [one] chanzo { $sources }
       *[other] vyanzo { $sources }
    }, { $cards ->
        [one] kadi { $cards }
       *[other] kadi { $cards }
    }, { $reviews ->
        [one] rudio { $reviews }
       *[other] marudio { $reviews }
    }
backups-contents_unknown = maktaba kama ilivyokuwa kabla ya kurejesha
backups-kind-automatic = ya kiotomatiki
backups-kind-manual = uliyotengeneza wewe
backups-kind-before_restore = iliyohifadhiwa kabla ya kurejesha
welcome-restore = Rejesha nakala…
welcome-restore_title = Rejesha maktaba ya { $name } ya { $date }

## learner

learner-title = Mwanafunzi
learner-name = Jina
learner-rename = Badilisha jina
learner-renamed = Jina limebadilishwa.
learner-protection = Kinachofungua maktaba hii
learner-by_keychain = Kiweka-funguo cha kompyuta hii huifungua bila kuandika chochote. Chagua kaulisiri badala yake ikiwa wengine hutumia akaunti hii ya kompyuta.
learner-by_passphrase = Kaulisiri yako huifungua.
learner-current_passphrase = Kaulisiri ya sasa
learner-new_passphrase = Kaulisiri mpya
learner-use_passphrase = Tumia kaulisiri
learner-change_passphrase = Badilisha kaulisiri
learner-use_keychain = Tumia kiweka-funguo cha kompyuta hii badala yake
learner-protected_passphrase = Kuanzia sasa kaulisiri yako hufungua maktaba hii.
learner-protected_keychain = Kuanzia sasa kiweka-funguo cha kompyuta hii hufungua maktaba hii.
learner-mismatch = Kaulisiri hizo mbili hazifanani.
learner-remove_title = Ondoa mwanafunzi huyu
learner-remove = Ondoa mwanafunzi huyu…
learner-remove_explained = Hii inamwondoa { $name } na kila kitu katika maktaba yake kwenye kompyuta hii.
learner-type_name = Andika { $name } kuthibitisha
learner-keep_backup = Hifadhi nakala ya mwisho kwanza (inaweza kurejeshwa baadaye)
learner-remove_confirm = Ondoa

## help

nav-help = Msaada
help-title = Msaada
help-start = Kuanza
help-step-bring = Leta unachojifunzia: andika dokezo, au leta picha ya ubao, rekodi ya somo, PDF au faili ya maandishi. Satchel huisoma na kuiandika kwenye kompyuta hii, bila intaneti.
help-step-pack = Fungua dokezo au chanzo na utengeneze kifurushi cha kusomea: muhtasari, kadi na jaribio, kila kimoja kimeunganishwa na maneno kilikotoka.
help-step-study = Bonyeza Soma sasa: Satchel huuliza kilichofika wakati wake, hupanga kila kadi kulingana na ulivyoijua, na Maendeleo huonyesha unachojua.
help-step-share = Linganisha na vifaa vyako vingine au jiunge na darasa mtandao ukiwepo; maktaba yako hubaki kwenye kompyuta hii hata hivyo.
help-step-safe = Maktaba yako imesimbwa na huhifadhiwa nakala kila nusu saa ya matumizi. Tunza msimbo wako wa kurejesha na nakala kwenye USB.
help-shortcuts = Njia za mkato za kibodi
help-keys-everywhere = Kila mahali
help-keys-notes = Madokezo
help-keys-review = Kusoma kadi
help-key = Kitufe
help-does = Kinachofanya
help-key-question = ?
help-key-slash = /
help-key-tab = Tab na Shift+Tab
help-key-ctrl_s = Ctrl+S
help-key-space = Nafasi au Enter
help-key-ratings = 1 2 3 4
help-key-choices = 1 hadi 8
help-key-h = H
help-key-e = E
help-key-u = U
help-does-help = Fungua orodha hii ya njia za mkato
help-does-search = Tafuta katika madokezo na vyanzo vyako
help-does-move = Hamia kati ya vidhibiti; Enter au Nafasi hubonyeza kimoja
help-does-save = Hifadhi dokezo sasa (pia huhifadhiwa unapoandika)
help-does-show = Onyesha jibu
help-does-rate = Tena, Ngumu, Vizuri, Rahisi
help-does-choose = Chagua jibu kwenye kadi ya chaguo nyingi
help-does-hint = Dokezo kabla ya jibu
help-does-explain = Eleza kadi kutoka chanzo chake baada ya jibu
help-does-undo = Tendua jibu la mwisho

## csv

progress-save_reviews_csv = Hifadhi marudio kama CSV
progress-save_mastery_csv = Hifadhi ninachojua kama CSV
class-save_csv = Hifadhi kama CSV
csv-saved = Imehifadhiwa: { $path }

# Kuchapisha: ukurasa kwenye karatasi au kama PDF.
print-print = Chapisha…
print-save_pdf = Hifadhi kama PDF
print-saved = Imehifadhiwa: { $path }
sheet-title = { $deck }: maswali
sheet-questions = Maswali
sheet-answers = Majibu
sheet-empty = Fungu hili halina kadi za kuchapisha.
cards-sheet = Karatasi
cards-sheet_of = Chapisha { $deck } kama karatasi ya maswali
class-printable = Ripoti ya kuchapisha
class-report_title = { $class }: ripoti ya darasa
progress-print_name = Maendeleo ya { $learner }

# Somo la mfano, linalotolewa maktaba ikiwa tupu.
sample-title = Jaribu somo la mfano
sample-explained = Ona Satchel hufanya nini na somo kabla ya kuleta masomo yako: maandishi yaliyochapwa, picha ya ubao, mhadhara uliorekodiwa na kurasa mbili za kitabu kuhusu mzunguko wa maji husomwa kwenye kompyuta hii na kugeuzwa kuwa vifurushi vya kujifunza, vyenye kadi za kurudia.
sample-start = Leta somo la mfano
sample-making = Vifurushi vya kujifunza vya somo la mfano vinaandaliwa
sample-open_pack = Fungua kifurushi chake
sample-failed = Kifurushi hiki hakikuweza kuandaliwa.
sample-waiting = Kinaandaliwa
sample-ready = Vifurushi vyote vinne vya kujifunza viko tayari.
sample-study = Jifunze sasa

# Vikumbusho: taarifa kadi zinaposubiri kurudiwa.
reminder-title = Kadi zinasubiri kurudiwa
reminder-body =
    { $n ->
        [one] { $learner }, kadi { $n } iko tayari kurudiwa katika Satchel.
       *[other] { $learner }, kadi { $n } ziko tayari kurudiwa katika Satchel.
    }
reminders-title = Vikumbusho
reminders-explained = Satchel ikiwa wazi, taarifa inaeleza kadi zikiwa tayari kurudiwa, mara moja kila saa nne zaidi.
reminders-on = Nikumbushe wakati wa kurudia kadi
reminders-child = Hii ni maktaba ya mtoto
reminders-child_hint = Maktaba ya mtoto huanza bila vikumbusho; mzazi anaweza kuviwasha hapa.
