# L’interface de Satchel en français, traduite depuis en.ftl.

## app

app-name = Satchel

## nav

nav-library = Bibliothèque
nav-settings = Paramètres
nav-switch_learner = Changer de profil
nav-main = Principal

## welcome

welcome-title = Qui apprend aujourd’hui ?
welcome-subtitle = Chaque profil a sa propre bibliothèque, privée et verrouillée, sur cet ordinateur.
welcome-add_learner = Ajouter un profil
welcome-loading = Ouverture…

## create

create-title = Ajouter un profil
create-name = Nom
create-name_hint = Comment doit-on vous appeler ? 40 caractères au maximum.
create-use_passphrase = Protéger par une phrase de passe
create-keychain_explained = Votre bibliothèque est verrouillée par une clé que cet ordinateur garde en sécurité pour vous : vous n’aurez rien à taper pour l’ouvrir.
create-passphrase_explained = Une phrase de passe est un mot de passe que vous choisissez. Vous la taperez à chaque fois que vous ouvrirez votre bibliothèque.
create-no_keychain = Cet ordinateur n’a pas de trousseau pour garder votre clé : choisissez donc une phrase de passe.
create-passphrase = Phrase de passe
create-passphrase_hint = Au moins 8 caractères. Quelques mots sans rapport entre eux sont faciles à retenir.
create-passphrase_confirm = Retapez-la
create-passphrase_mismatch = Les deux phrases de passe ne sont pas identiques.
create-submit = Créer
create-cancel = Annuler
create-working = Verrouillage de votre nouvelle bibliothèque…

## recovery

recovery-title = Votre code de secours
recovery-explained = Si le trousseau de cet ordinateur ou votre phrase de passe sont un jour perdus, ce code sera le seul moyen d’ouvrir votre bibliothèque. Notez-le sur papier et gardez-le en lieu sûr. Il n’est affiché que maintenant.
recovery-acknowledge = Je l’ai noté
recovery-continue = Continuer

## unlock

unlock-title = Ouvrir la bibliothèque de { $name }
unlock-passphrase = Phrase de passe
unlock-submit = Ouvrir
unlock-forgot = Phrase de passe oubliée ? Utilisez le code de secours
unlock-recovery_code = Code de secours
unlock-recovery_hint = Le code que vous avez noté, comme ABCD-EFGH-… Les majuscules et les tirets n’ont pas d’importance.
unlock-new_passphrase = Nouvelle phrase de passe
unlock-new_passphrase_hint = Choisissez la phrase de passe qui ouvrira cette bibliothèque à partir de maintenant.
unlock-use_recovery = Ouvrir avec le code de secours
unlock-back = Retour

## library

library-title = Votre bibliothèque
library-new_note = Nouvelle note
library-empty = Rien ici pour l’instant. Écrivez votre première note, ou importez l’enregistrement d’un cours.
library-count =
    { $n ->
        [one] { $n } note
       *[other] { $n } notes
    }

## note

note-untitled = Note sans titre
note-title = Titre
note-title_placeholder = De quoi parle cette note ?
note-body = Note
note-body_placeholder = Écrivez ici. Le Markdown fonctionne : # titres, **gras**, - listes.
note-save = Enregistrer
note-saved = Enregistré
note-heading = Note
note-saving = Enregistrement…
note-unsaved = Pas encore enregistré
note-delete = Supprimer
note-delete_confirm = Supprimer cette note pour de bon ?
note-delete_yes = Oui, la supprimer
note-back = Retour à la bibliothèque
note-shortcut = Enregistré pendant que vous écrivez · Ctrl+S enregistre tout de suite

## settings

settings-title = Paramètres
settings-appearance = Apparence
settings-theme = Thème
settings-theme_system = Comme cet ordinateur
settings-theme_light = Clair
settings-theme_dark = Sombre
settings-language = Langue
settings-language_system = Comme cet ordinateur
settings-language_hint = Les mots, les dates et les nombres de Satchel. Ce que vous étudiez peut être dans n’importe quelle langue.
settings-security = Sécurité
settings-rotate_explained = Changer la clé reverrouille toute votre bibliothèque avec une nouvelle clé et vous donne un nouveau code de secours. L’ancien code ne marche plus.
settings-rotate = Changer la clé
settings-rotating = Reverrouillage de votre bibliothèque…
settings-rotated = Votre bibliothèque est verrouillée avec une nouvelle clé.
settings-about = À propos
settings-version = Version
settings-encryption = Chiffrement
settings-data_folder = Dossier des données

## time

time-just_now = à l’instant

## error

error-wrong_key = Cette phrase de passe ou ce code n’ouvre pas cette bibliothèque. Rien n’a été modifié — veuillez réessayer.
error-keychain_unavailable = Le trousseau de cet ordinateur ne répond pas, donc la bibliothèque ne peut pas s’ouvrir toute seule. Vos notes sont en sécurité : ouvrez-la avec votre code de secours.
error-key_missing = Le trousseau de cet ordinateur n’a plus la clé de cette bibliothèque. Vos notes sont en sécurité : ouvrez-la avec votre code de secours.
error-passphrase_required = Veuillez choisir une phrase de passe pour protéger cette bibliothèque.
error-profile_not_found = Ce profil n’est plus sur cet ordinateur.
error-profile_exists = Il y a déjà un profil avec ce nom. Veuillez en choisir un autre.
error-not_found = Cette note n’est plus là. Elle a peut-être été supprimée.
error-invalid_input = Un élément du formulaire est à revoir.
error-locked = La bibliothèque est verrouillée. Veuillez la rouvrir.
error-storage = Satchel n’a pas pu lire ou écrire ses fichiers. Rien n’a été perdu ; veuillez réessayer.
error-internal = Un problème inattendu est survenu. Rien n’a été perdu ; veuillez réessayer.
error-conflict = C’est déjà pris, ou cela a été modifié ailleurs entre-temps. Rien n’a été perdu ; vérifiez et réessayez.
error-forbidden = Ce compte n’a pas le droit de faire cela. Demandez à votre professeur ou à la personne qui gère le serveur.
error-no_shell = Cette page fonctionne dans l’application Satchel. Ouvrez Satchel pour l’utiliser.

## library

library-import = Importer un fichier
speech-language = Langue parlée
speech-detect = La détecter automatiquement
speech-language_hint = La langue des enregistrements que vous importez ou faites. Satchel peut la détecter seul, mais la connaître est plus rapide et plus sûr.
library-importing = Importation…
library-drop_here = Déposez des fichiers ici pour les importer et créer des kits de révision
library-drop_hint = Vous pouvez aussi déposer des enregistrements, des images (PNG, JPEG, WebP), des PDF ou du texte n’importe où sur cette page pour créer un kit de révision avec chacun, ou coller une image.
library-recordings = Enregistrements
library-notes = Notes
library-import_failed = { $file } : { $reason }

## source

source-status-queued = En attente de transcription
source-status-transcribing = Transcription…
source-status-ready = Transcrit
source-status-failed = La transcription a échoué
source-status-cancelled = Arrêté
source-progress = Transcription de { $title } — { $done } sur { $total }
source-progress_open = Transcription de { $title } — { $done } pour l’instant
source-cancel = Arrêter
source-retry = Transcrire à nouveau
source-retranscribe_in = Transcrire à nouveau en
source-back = Retour à la bibliothèque
source-transcript = Transcription
source-no_speech = Aucune parole n’a été entendue dans cet enregistrement.
source-waiting = La transcription s’affichera ici dès qu’elle sera prête. Vous pouvez continuer à travailler en attendant.
source-play_from = Écouter à partir de { $time }
source-delete = Supprimer
source-delete_confirm = Supprimer cet enregistrement et sa transcription pour de bon ?
source-delete_yes = Oui, le supprimer
source-language = Langue
source-length = Durée
source-file = Fichier

## error

error-model_missing = Le modèle vocal de Satchel n’est pas installé sur cet ordinateur, donc il ne peut pas encore transcrire. Votre enregistrement est gardé ; il pourra être transcrit dès que le modèle sera là.
error-bad_media = Satchel ne peut pas lire ce fichier. Il lit les enregistrements (WAV, MP3, FLAC, Ogg, M4A), les images (PNG, JPEG, WebP) et les PDF.
error-cancelled = Arrêté. L’enregistrement est gardé ; vous pouvez le transcrire à nouveau quand vous voulez.
error-busy = Une tâche est encore en cours. Attendez qu’elle se termine, ou arrêtez-la, puis réessayez.

## library

library-recordings_count =
    { $n ->
        [one] { $n } enregistrement
       *[other] { $n } enregistrements
    }

## error

error-no_microphone = Aucun micro n’a répondu. Branchez-en un, ou choisissez-en un comme entrée dans les réglages du son de votre ordinateur, puis réessayez.

## record

record-start = Enregistrer
record-title = Enregistrement, { $when }
record-label = Enregistrement depuis le micro
record-starting = Démarrage du micro…
record-from = Enregistrement depuis { $device }
record-level = Niveau sonore
record-stop = Arrêter et garder
record-saving = Sauvegarde…
record-discard = Jeter
record-discard_confirm = Jeter cet enregistrement ? Il ne pourra pas être récupéré.
record-discard_yes = Oui, le jeter

## error

error-document_password = Ce document est protégé par un mot de passe. Tapez son mot de passe pour l’ouvrir.

## source

source-status-queued_reading = En attente de lecture
source-status-reading = Lecture…
source-status-read = Lu
source-status-read_failed = La lecture a échoué
source-no_text = Aucun texte n’a été trouvé ici.
source-picture = L’image telle qu’elle a été importée
source-text = Texte
source-page = Page { $n }
source-page_text = Texte de la page { $n }
source-pages =
    { $n ->
        [one] { $n } page
       *[other] { $n } pages
    }
source-page_unshown = Impossible d’afficher cette page ; son texte est à côté.
source-page_no_text = Pas de texte sur cette page.
source-pasted_title = Image collée
source-reading_pages = Lecture de { $title } — page { $done } sur { $total }
source-reading = Lecture de { $title }…
source-password = Mot de passe de ce document
source-open = Ouvrir
source-opening = Ouverture…

## nav

nav-ask = Demander
nav-topics = Thèmes

## search

search-placeholder = Tout rechercher
search-label = Cherchez dans vos notes, photos, enregistrements et documents
search-submit = Rechercher
search-indexing =
    Préparation de la recherche pour les nouveautés — { $done } sur { $total ->
        [one] { $total } passage
       *[other] { $total } passages
    }
search-title = Résultats pour « { $query } »
search-nothing = Rien trouvé. Essayez d’autres mots, ou posez une question avec vos propres mots.
search-at = à { $time }

## kind

kind-note = Note
kind-audio = Enregistrement
kind-image = Photo
kind-document = Document
kind-text = Fichier texte

## ask

ask-title = Demander
ask-subtitle = Posez une question avec vos propres mots. Les réponses viennent de vos notes, photos, enregistrements et documents.
ask-label = Votre question
ask-placeholder = Comment les plantes fabriquent-elles leur nourriture ?
ask-submit = Demander
ask-asking = Recherche…
ask-nothing = Rien dans votre bibliothèque ne répond encore à cette question. Ajoutez des notes ou des sources sur ce sujet, ou posez la question autrement.

## topics

topics-title = Thèmes
topics-subtitle = De quoi parlent vos notes, photos, enregistrements et documents, et lesquels ont un thème en commun.
topics-none = Pas encore de thèmes. Ils apparaissent au fur et à mesure que vous ajoutez des notes et des sources.
topics-shared = Thèmes en commun
topics-link = { $a } et { $b } ont en commun : { $topics }

## source

source-topics = Thèmes
source-also_in = aussi dans

## nav

nav-jobs = Tâches en arrière-plan

## pack

pack-make = Créer un kit de révision
pack-open_last = Ouvrir le dernier kit de révision
pack-title = Kit de révision
pack-from = D’après « { $title } »
pack-building = Création de votre kit de révision — étape { $done } sur { $total }
pack-building_hint = Vous pouvez continuer à utiliser Satchel ; le kit apparaîtra ici quand il sera prêt.
pack-failed = Ce kit de révision n’a pas pu être créé. Rien n’a été perdu.
pack-see_jobs = Voir ce qui n’a pas marché et réessayer
pack-summary = Résumé
pack-where_from = D’où ça vient
pack-cards =
    { $n ->
        [one] Cartes ({ $n })
       *[other] Cartes ({ $n })
    }
pack-cards_hint = Gardez les cartes que vous voulez étudier, corrigez celles qui ne sont pas tout à fait justes et supprimez les autres. Satchel apprend de vos choix.
pack-quiz = Quiz
pack-check = Vérifier mes réponses
pack-score =
    { $right ->
        [one] { $right } bonne réponse sur { $total }
       *[other] { $right } bonnes réponses sur { $total }
    }

## card

card-kind-cloze = Texte à trous
card-kind-definition = Question
card-kind-term = Mot clé
card-kind-basic = Question et réponse
card-kind-reversed = Dans les deux sens
card-kind-choice = Choix multiple
card-kept = Gardée
card-edited = Modifiée
card-front = Recto
card-back = Verso
card-keep = Garder
card-edit = Modifier
card-delete = Supprimer
card-save = Enregistrer
card-why = Pourquoi cette carte ?
card-made_by = Créée par le rédacteur « { $generator } » à partir de ces mots :
card-open_source = Ouvrir « { $title } » à cet endroit

## jobs

jobs-title = Tâches en arrière-plan
jobs-subtitle = Ce que Satchel fait pour vous : lire, préparer la recherche et créer des kits de révision.
jobs-none = Aucune tâche en cours.
jobs-kind-read = Lecture ou transcription
jobs-kind-index = Préparation de la recherche
jobs-kind-pack = Kit de révision : { $step }
jobs-step-extract = lecture du contenu
jobs-step-index = préparation de la recherche
jobs-step-summary = rédaction du résumé
jobs-step-concepts = recherche des idées principales
jobs-step-cards = création des cartes
jobs-step-quiz = création du quiz
jobs-step-validate = vérification des cartes
jobs-step-deliver = assemblage
jobs-queued = en attente
jobs-running = en cours
jobs-done = terminé
jobs-dead =
    { $n ->
        [one] échec après { $n } essai
       *[other] échec après { $n } essais
    }
jobs-cancelled = arrêté
jobs-retrying = nouvel essai bientôt (essai { $n } sur { $max })
jobs-retry = Réessayer
jobs-cancel = Arrêter

## settings

settings-helper = Assistant sur votre réseau (facultatif)
settings-helper_explained = Si votre école ou votre professeur fait tourner un modèle de langage sur le réseau local, Satchel peut lui demander de mieux formuler les questions de révision. Il est joint en https:// (ajoutez #sha256= et l’empreinte de son certificat s’il a créé le sien lui-même), donc rien ne passe en clair sur le Wi-Fi. Satchel fonctionne très bien sans lui ; si l’assistant ne répond pas, Satchel continue seul.
settings-helper_url = Adresse de l’assistant
settings-helper_model = Nom du modèle
settings-helper_save = Enregistrer et essayer
settings-helper_trying = Essai…
settings-helper_ok = L’assistant a répondu. Vos prochains kits de révision pourront l’utiliser.
settings-helper_cleared = Aucun assistant n’est réglé. Satchel crée les kits de révision tout seul.
settings-helper_failed = Enregistré, mais l’assistant n’a pas répondu ({ $problem }). Satchel continue sans lui et réessaiera plus tard.

## pack

pack-plain_by_helper = En mots plus simples, par l’assistant de votre réseau, à partir des phrases ci-dessous :

## nav

nav-study = Réviser
nav-cards = Cartes
nav-progress = Progrès

## study

study-title = Réviser
study-nothing = Rien à réviser pour l’instant. Écrivez une carte, ou créez un kit de révision à partir d’un élément de votre bibliothèque.
study-reviews =
    { $n ->
        [one] { $n } révision en attente
       *[other] { $n } révisions en attente
    }
study-start = Commencer à réviser
study-known = Connu à { $percent } · d’après « { $title } »
study-read = Le relire
study-pack = Son kit de révision
study-new =
    { $n ->
        [one] { $n } nouvelle carte dans { $deck }
       *[other] { $n } nouvelles cartes dans { $deck }
    }
study-learn = Apprendre

## review

review-title = Révision
review-picture_front = Image de la question : { $text }
review-picture_back = Image de la réponse : { $text }
review-sound_front = Son de la question : { $text }
review-sound_back = Son de la réponse : { $text }
review-progress = { $done } sur { $total }
review-done = Fini pour l’instant
review-done_summary =
    { $n ->
        [one] { $n } carte revue, { $seconds } s par carte en moyenne. Les prochaines cartes à revoir vous attendront le moment venu.
       *[other] { $n } cartes revues, { $seconds } s par carte en moyenne. Les prochaines cartes à revoir vous attendront le moment venu.
    }
review-new = Nouvelle
review-seconds = { $n } s
review-show = Voir la réponse
review-space = Espace
review-from = D’où ça vient : { $title }
review-how_well = Vous vous en souveniez bien ?
review-again = À revoir
review-hard = Difficile
review-good = Bien
review-easy = Facile
review-in_minutes = { $n } min
review-in_hours = { $n } h
review-in_days = { $n } j
review-in_months = { $n } mois
review-undo = Annuler
review-bury = Pas aujourd’hui
review-suspend = Mettre de côté
review-hint = Indice
review-hint_text = Commence par « { $first } » : { $letters ->
        [one] une lettre
       *[other] { $letters } lettres
    }, { $words ->
        [one] un mot
       *[other] { $words } mots
    }.
review-explain = Expliquer
review-explained = Avec les mots de « { $title } »
review-no_source = Cette carte a été écrite à la main : aucune source ne l’explique.
review-moment = L’entendre dans « { $title } » à { $time }
review-occluded = L’image « { $title } », une étiquette cachée
review-occluded_shown = L’image « { $title } », l’étiquette cachée entourée
tutor-title = Relis-le là d’où il vient
tutor-continue = Continuer
tutor-easier = Manquée deux fois : une carte plus facile sur ce point vient ensuite.

## cards

cards-title = Cartes
cards-decks = Paquets
cards-deck_counts =
    { $cards ->
        [one] { $cards } carte
       *[other] { $cards } cartes
    } · { $due } à revoir · { $new ->
        [one] { $new } nouvelle
       *[other] { $new } nouvelles
    }
cards-no_decks = Pas encore de cartes. Écrivez-en une ci-dessous, ou créez un kit de révision à partir de votre bibliothèque.
cards-write = Écrire une carte
cards-kind = Type de carte
cards-deck = Paquet
cards-deck_default = Par défaut
cards-front = Question
cards-back = Réponse
cards-right = Bonne réponse
cards-wrong = Mauvaises réponses, une par ligne
cards-cloze_text = Texte
cards-cloze_hint = Mettez ce qu’il faut cacher entre doubles accolades : {"{{"}c1::Paris{"}}"} est la capitale de la {"{{"}c2::France{"}}"}. Chaque numéro donne une carte.
cards-add = Ajouter la carte
cards-saved =
    { $n ->
        [one] { $n } carte ajoutée.
       *[other] { $n } cartes ajoutées.
    }
cards-in_deck = Cartes de ce paquet
cards-unsuspend = Reprendre
cards-delete = Supprimer

## progress

progress-title = Progrès
progress-reviews_total = Révisions
progress-retention = Mémorisation (30 jours)
progress-due_today = À revoir aujourd’hui
progress-time_total = Temps de révision
progress-minutes =
    { $n ->
        [one] { $n } min
       *[other] { $n } min
    }
progress-cards = Cartes
progress-card_counts =
    { $new ->
        [one] { $new } nouvelle
       *[other] { $new } nouvelles
    } · { $learning } en apprentissage · { $young ->
        [one] { $young } récente
       *[other] { $young } récentes
    } · { $mature ->
        [one] { $mature } bien ancrée
       *[other] { $mature } bien ancrées
    }
progress-as_table = Afficher sous forme de tableau
progress-heatmap = Révisions de l’année passée
progress-heatmap_summary =
    { $n ->
        [one] { $n } révision
       *[other] { $n } révisions
    } sur { $days ->
        [one] { $days } jour.
       *[other] { $days } jours.
    }
progress-day_reviews =
    { $n ->
        [one] { $date } : { $n } révision
       *[other] { $date } : { $n } révisions
    }
progress-day = Jour
progress-week = Semaine
progress-reviews = Révisions
progress-retention_title = Cartes retenues quand elles étaient à revoir, par semaine
progress-retention_summary = Ces 30 derniers jours, vous avez retenu { $percent } des cartes quand elles étaient à revoir (votre objectif : { $desired }).
progress-retention_none = Aucune carte n’a encore été à revoir.
progress-recalled = Retenues
progress-forecast = Cartes bientôt à revoir
progress-forecast_summary =
    { $today ->
        [one] { $today } carte à revoir aujourd’hui
       *[other] { $today } cartes à revoir aujourd’hui
    }, { $week } dans les 7 prochains jours.
progress-due = À revoir
progress-time = Temps passé
progress-time_summary =
    { $n ->
        [one] { $n } minute de révision ces 30 derniers jours.
       *[other] { $n } minutes de révision ces 30 derniers jours.
    }
progress-mastery = À quel point vous connaissez chaque thème
progress-mastery_summary =
    { $known ->
        [one] { $known } thème bien connu sur { $n }.
       *[other] { $known } thèmes bien connus sur { $n }.
    }
progress-mastery_none = Créez un kit de révision et révisez ses cartes pour voir à quel point vous connaissez chaque thème.
progress-concept = Thème
progress-known = Connu
progress-scheduling = Révisions
progress-desired = Retenir { $percent } des cartes quand elles sont à revoir
progress-desired_hint = Plus c’est haut, plus il y a de révisions ; 90 % convient à la plupart des élèves.
progress-new_per_day = Nouvelles cartes par jour
progress-save = Enregistrer
progress-saved = Enregistré.
progress-optimised =
    Satchel a appris comment vous retenez grâce à { $reviews ->
        [one] { $reviews } révision
       *[other] { $reviews } révisions
    } : ses prévisions sont meilleures ({ $before } → { $after }, plus c’est bas, mieux c’est) et il s’en sert désormais pour planifier.
progress-optimised_kept =
    Satchel a étudié { $reviews ->
        [one] { $reviews } révision
       *[other] { $reviews } révisions
    } ; le calendrier habituel prévoit déjà aussi bien ({ $before } → { $after }), donc il est gardé.
progress-not_optimised = Après environ 400 révisions, Satchel apprend comment vous retenez et planifie pour vous. Révisions faites jusqu’ici : { $n }.
progress-optimise = Apprendre de mes révisions maintenant
progress-optimise_queued = C’est en cours, en arrière-plan.

## cards

cards-import_anki = Importer un paquet Anki
cards-export_anki = Exporter tous les paquets pour Anki
cards-export_short = Exporter pour Anki
cards-export_deck = Exporter { $deck } pour Anki
cards-exporting = Écriture du paquet pour Anki…
cards-exported =
    { $cards ->
        [one] { $cards } carte écrite
       *[other] { $cards } cartes écrites
    } dans { $decks ->
        [one] { $decks } paquet
       *[other] { $decks } paquets
    }, avec { $reviews ->
        [one] { $reviews } révision passée
       *[other] { $reviews } révisions passées
    } et { $media ->
        [one] { $media } image ou son
       *[other] { $media } images et sons
    }. Anki ouvre le fichier avec Fichier › Importer.
cards-exported_left_out = { $n ->
        [one] { $n } carte d’occlusion d’image a été laissée de côté : Anki les crée dans son propre éditeur.
       *[other] { $n } cartes d’occlusion d’image ont été laissées de côté : Anki les crée dans son propre éditeur.
    }
cards-importing = Importation du paquet…
cards-imported =
    { $cards ->
        [one] { $cards } carte importée
       *[other] { $cards } cartes importées
    } dans { $decks ->
        [one] { $decks } paquet
       *[other] { $decks } paquets
    }, avec { $reviews ->
        [one] { $reviews } révision passée
       *[other] { $reviews } révisions passées
    } et { $media ->
        [one] { $media } image ou son
       *[other] { $media } images et sons
    } (déjà là : { $here }).
cards-media = Images et sons
cards-media_front = Ajouter à la question…
cards-media_back = Ajouter à la réponse…
cards-on_front = avec la question
cards-on_back = avec la réponse
cards-remove_media = Retirer

## sync

sync-offline = Hors ligne — les modifications sont gardées ici
sync-offline_waiting =
    { $n ->
        [one] Hors ligne — { $n } modification gardée ici
       *[other] Hors ligne — { $n } modifications gardées ici
    }
sync-waiting =
    { $n ->
        [one] { $n } modification en attente de synchronisation
       *[other] { $n } modifications en attente de synchronisation
    }
sync-synced = Synchronisé { $when }
sync-never = Pas encore synchronisé
sync-syncing = Synchronisation… { $size }
sync-syncing_label = Synchronisation
sync-sync_now = Synchroniser

## settings

settings-sync = Synchronisation
settings-sync_explained = Connectez-vous au serveur de synchronisation de votre école ou de votre famille, et vos notes, cartes et révisions seront les mêmes sur tous vos appareils. Tout fonctionne aussi sans.
settings-sync_server = Adresse du serveur
settings-sync_name = Nom
settings-sync_password = Mot de passe
settings-sync_sign_in = Se connecter
settings-sync_signing_in = Connexion…
settings-sync_state = Synchronisation
settings-sync_failed = La dernière synchronisation n’a pas abouti ({ $problem }). Rien n’a été perdu : vos modifications restent ici et partiront avec la prochaine synchronisation.
settings-sync_running = Synchronisation…
settings-sync_sign_out = Se déconnecter

## error

error-offline = Le serveur de synchronisation n’a pas répondu. Rien n’a été perdu : vos modifications restent ici et partiront avec la prochaine synchronisation. Vérifiez le réseau et l’adresse du serveur.
error-sign_in_needed = Veuillez vous connecter (à nouveau) au serveur de synchronisation. Rien n’a été perdu.

## source

source-original_elsewhere = Ceci a été importé sur un autre de vos appareils. Son texte est ici ; l’original arrivera avec la prochaine synchronisation.

## nav

nav-class = Classe

## class

class-title = Classe
class-lessons = Leçons de votre professeur
class-in_classes = Vos classes : { $classes }
class-no_lessons = Pas encore de leçons. Quand votre professeur vous en donne une, elle apparaît ici et dans « Réviser » après la prochaine synchronisation.
class-lesson_from = De { $teacher } · { $class }
class-lesson_progress =
    { $studied ->
        [one] { $studied } carte étudiée sur { $cards }
       *[other] { $studied } cartes étudiées sur { $cards }
    }
class-lesson_progress_label = Quelle part de la leçon est étudiée
class-read = Lire
class-study = Réviser
class-join = Rejoindre une classe
class-looking = Recherche des classes à proximité…
class-none_found = Aucune classe n’a répondu à proximité. Demandez l’adresse à votre professeur et tapez-la ci-dessous.
class-look_again = Chercher à nouveau
class-nearby = Classes à proximité
class-address = Adresse du serveur de classe
class-code = Code de la classe
class-joining = Connexion…
class-join_button = Rejoindre
class-joined = Vous avez rejoint { $class } ({ $teacher }). Ses leçons arrivent à chaque synchronisation.
class-teach = Animer une classe
class-teach_hint = Faites tourner le serveur de classe sur cet ordinateur : les applications des élèves sur le même réseau le trouvent et le rejoignent avec un code. Pas besoin d’internet.
class-start = Démarrer le serveur de classe
class-starting = Démarrage…
class-stop = Arrêter le serveur de classe
class-hosting = Le serveur de classe tourne à l’adresse
class-hosting_hint = Les élèves le choisissent parmi les classes à proximité, ou tapent cette adresse si leur réseau le cache.
class-new_class = Nouvelle classe
class-new_class_placeholder = Sciences – 6e
class-create = Créer la classe
class-code_is = Les élèves rejoignent la classe avec le code
class-students =
    { $n ->
        [one] { $n } élève
       *[other] { $n } élèves
    }
class-assign_what = Leçon à donner (un document qui a un kit de révision)
class-choose_material = Choisir dans votre bibliothèque…
class-assign_to = Pour
class-whole_class_hint = Cochez des élèves pour la donner seulement à eux ; ne cochez personne pour la donner à toute la classe (et à ceux qui la rejoindront plus tard).
class-assign = Donner
class-assigning = Envoi de la leçon…
class-assigned =
    { $n ->
        [one] Donnée à { $n } élève. Elle lui parviendra à la prochaine synchronisation de son application.
       *[other] Donnée à { $n } élèves. Elle parviendra à chacun à la prochaine synchronisation de son application.
    }
class-refresh = Actualiser le tableau de bord
class-completion = Leçons
class-no_assignments = Aucune leçon donnée pour l’instant.
class-done_of =
    { $done ->
        [one] { $done } a fini
       *[other] { $done } ont fini
    }, { $started ->
        [one] { $started } a commencé
       *[other] { $started } ont commencé
    }, sur { $n }
class-matrix = Ce que chaque élève sait, par notion
class-matrix_summary =
    { $students ->
        [one] { $students } élève
       *[other] { $students } élèves
    } et { $concepts ->
        [one] { $concepts } notion
       *[other] { $concepts } notions
    } ; plus c’est foncé, mieux c’est su ; en gris, ce n’est pas encore étudié. { $struggles ->
        [one] { $struggles } endroit où un élève a du mal.
       *[other] { $struggles } endroits où un élève a du mal.
    }
class-not_yet = pas encore
class-student = Élève
class-struggling = Qui a du mal avec quoi
class-nobody_struggling = Personne n’a de difficulté avec ce qui a été étudié.
class-struggles_with = { $student } : { $concept } ({ $percent })
class-bundle = Pas de réseau ? Emportez tout sur une clé USB
class-bundle_hint = Écrivez vos notes, cartes, révisions et votre bibliothèque dans un fichier, puis importez-le sur un autre ordinateur (ou importez-en un venu de là-bas). Il est scellé : seuls cet ordinateur et la personne qui a son code d’archive peuvent l’ouvrir. Il se fusionne comme une synchronisation ; rien n’est perdu, dans un sens comme dans l’autre.
class-export = Écrire une archive…
class-import = Importer une archive…
class-bundle_working = En cours… cela peut prendre une minute pour une grande bibliothèque.
class-exported =
    { $docs ->
        [one] { $docs } document
       *[other] { $docs } documents
    } et { $media ->
        [one] { $media } fichier
       *[other] { $media } fichiers
    } écrits.
class-imported =
    Fusion de { $docs ->
        [one] { $docs } document
       *[other] { $docs } documents
    } ; nouveautés ou modifications ici : { $reviews ->
        [one] { $reviews } révision
       *[other] { $reviews } révisions
    }, { $cards ->
        [one] { $cards } carte
       *[other] { $cards } cartes
    }, { $notes ->
        [one] { $notes } note
       *[other] { $notes } notes
    } ; { $media ->
        [one] { $media } fichier importé.
       *[other] { $media } fichiers importés.
    }

## study

study-lesson = { $title } — une leçon de { $teacher }
study-lesson_left =
    { $left ->
        [one] { $left } carte à étudier sur { $cards }
       *[other] { $left } cartes à étudier sur { $cards }
    }

## class

class-roster = Élèves
class-lessons_to_stick = Leçons sur une clé USB…
class-progress_from_stick = Importer les progrès d’un élève depuis une clé USB…
class-no_network_hint = Pas de réseau dans la classe ? Ajoutez les élèves par leur nom, copiez les leçons de chacun sur une clé USB et récupérez leurs progrès de la même façon. Quand ils rejoindront plus tard la classe par un réseau, tout se retrouvera.
class-add_student = Ajouter un élève par son nom
class-add = Ajouter
class-student_added = { $name } fait partie de la classe. Ses leçons peuvent maintenant aller sur une clé USB.
class-student_bundle_out = Les leçons de l’élève sont écrites et scellées. Donnez-lui la clé USB et son code d’archive : { $code }. Sur son ordinateur : Classe → Importer une archive.
class-student_bundle_in =
    Progrès de { $name } importés ({ $docs ->
        [one] { $docs } document modifié
       *[other] { $docs } documents modifiés
    }).
class-remove = Retirer de la classe
class-remove_confirm = Retirer { $name } de la classe ? Les leçons déjà reçues restent ; les nouvelles ne lui parviendront pas.
class-remove_yes = Retirer
class-remove_no = Garder
class-student_removed = { $name } ne fait plus partie de la classe.
class-legend = Ce que veulent dire les couleurs
class-legend_0 = moins de { $low }
class-legend_1 = de { $low } à { $high }
class-legend_2 = de { $low } à { $high }
class-legend_3 = de { $low } à { $high }
class-legend_4 = { $low } et plus

## startup

startup-failed-title = Satchel ne peut pas démarrer
startup-failed-body = Satchel n’a pas pu s’ouvrir. Rien n’a été modifié dans votre bibliothèque. Si cela se reproduit, montrez ce message à la personne qui s’occupe de cet ordinateur.

## error

error-untrusted = Satchel n’a pas accepté ceci : un contrôle de sécurité a échoué, donc rien n’a été modifié ni envoyé.

## models

models-title = Ce que Satchel peut faire sur cet ordinateur
models-transcribe_english = Mettre par écrit les enregistrements en anglais
models-transcribe_other_languages = Mettre par écrit les enregistrements dans d’autres langues
models-read_images = Lire les photos et les pages scannées
models-read_other_scripts = Lire l’hindi et l’arabe dans les photos et les scans
models-search_by_meaning = Chercher par le sens, les notions et les kits de révision
models-ready = prêt
models-missing = il faut un pack de modèles
models-missing_tesseract = il faut Tesseract : sous Linux, installez les paquets tesseract-ocr-hin et tesseract-ocr-ara ; sous Windows, réinstallez Satchel
models-pack_explained = Un pack de modèles apporte ce qui manque. C’est un seul fichier, venu d’une clé USB ou de votre professeur ; Satchel vérifie sa signature avant d’en prendre quoi que ce soit.
models-imported = Le pack de modèles { $version } est utilisé.
models-import = Importer un pack de modèles…
models-importing = Vérification et importation du pack de modèles…
models-import_done = Le pack de modèles a été vérifié et importé. Ce qu’il apporte fonctionne dès maintenant.
models-banner = Certaines choses que fait Satchel ont besoin de modèles qui manquent sur cet ordinateur : { $missing }.
models-banner_link = Importer un pack de modèles

## update

update-title = Mettre à jour Satchel
update-explained = Une mise à jour peut arriver sur une clé USB. Satchel vérifie qu’elle est signée, complète et plus récente avant de vous la montrer ; rien ne change tant que vous ne choisissez pas de l’installer.
update-choose = Vérifier un fichier de mise à jour…
update-checking = Vérification…
update-offer = Satchel { $version } est prêt à être installé (version actuelle : { $current }).
update-install = Installer
update-not_now = Pas maintenant
update-installed = La mise à jour est installée. Elle servira au prochain démarrage de Satchel.

## offers

offers-title = De votre classe
offers-explained = Le Satchel de votre professeur distribue ces éléments sur le réseau de la classe. Satchel vérifie que chacun est signé, complet et plus récent avant de l’utiliser.
offers-update = Satchel, version { $version }
offers-models = Pack de modèles { $version }
offers-take = Le prendre
offers-have_it = Déjà sur cet ordinateur
offers-models_taken = Le pack de modèles { $version } a été vérifié et importé. Ce qu’il apporte fonctionne dès maintenant.
offers-update_taken = La mise à jour a été vérifiée. Allez dans « Mettre à jour Satchel » pour l’installer quand vous le voulez.
offers-offered_title = Distribué à vos élèves
offers-offered_hint = Les applications des élèves sur ce serveur de classe peuvent prendre ceci : une mise à jour de Satchel, et les modèles pour un ordinateur qui ne les a pas.
offers-offer_models = Distribuer les modèles de cet ordinateur
offers-offer_file = Distribuer un fichier de pack…
offers-withdraw = Arrêter
offers-withdraw_named = Ne plus distribuer { $what }

## error

error-confirm_server = Satchel ne connaît pas encore ce serveur de classe. Avant que quoi que ce soit ne soit envoyé, vérifiez que l’écran du professeur affiche les mêmes mots.

## class

class-address_placeholder = 192.168.1.20:7480, ou le lien d’invitation du professeur
class-code_in_link = Inutile avec un lien d’invitation
class-confirm_server = Cet ordinateur rencontre ce serveur pour la première fois. L’écran de votre professeur (ou de la personne qui gère le serveur) affiche-t-il ces mots ?
class-confirm_server_hint = Si les mots sont les mêmes, vous êtes bien sur le vrai serveur, et pas sur quelqu’un qui se fait passer pour lui. Rien n’a encore été envoyé.
class-words_match = Ce sont les mêmes : rejoindre
class-words_differ_button = Ce ne sont pas les mêmes
class-words_differ = Les mots n’étaient pas les mêmes, donc rien n’a été envoyé. Prévenez votre professeur : quelqu’un sur ce réseau se fait peut-être passer pour le serveur de classe.
class-hosting_words = Les élèves qui tapent l’adresse vérifient ces mots :
class-join_link = Lien d’invitation et QR code
class-join_link_hint = Le Satchel d’un élève rejoint la classe avec ce seul lien : il indique ce serveur de classe, le code et l’empreinte qui prouve que c’est bien le vôtre.
class-join_link_qr = QR code du lien d’invitation
class-claim_code_is = { $name } rejoint la classe avec le code de la classe et ce code personnel à usage unique : { $code } (valable une fois, pendant une semaine).
class-added_by_name = Mon professeur a ajouté mon nom
class-claim_code = Code personnel donné par votre professeur
class-new_code = Nouveau code
class-code_until = Valable jusqu’au { $date }. Un nouveau code remplace l’ancien.
class-export_progress = Écrire mes progrès pour mon professeur…
class-progress_written = Vos progrès sont écrits pour votre professeur. Seul votre serveur de classe peut les ouvrir.
class-bundle_code_is = Son code d’archive (un autre ordinateur le demandera une fois) :
class-bundle_code_ask = Cette archive est scellée. Tapez son code d’archive (24 chiffres) : celui affiché là où elle a été écrite, ou celui que votre professeur vous a donné.
class-bundle_code_open = L’ouvrir
class-student_code = Code d’archive :

## error

error-bundle_code = Cette archive a besoin de son code pour s’ouvrir.
error-full = Votre compte n’a plus de place sur le serveur. Rien n’a été perdu : tout reste sur cet ordinateur. Demandez plus de place à la personne qui gère le serveur.

## error-detail: exactly what was wrong, from the core's detail (the placeholders
## are filled in by the window; $field and $file choose the sentence)

error-detail-required =
    { $field ->
        [profile_name] Veuillez taper un nom.
        [passphrase] Veuillez taper une phrase de passe.
        [note_title] Veuillez donner un titre à la note.
        [card_front] Le recto de la carte est vide.
        [card_back] Le verso de la carte est vide.
        [deck_name] Veuillez donner un nom au paquet.
        [join_name] Veuillez taper le nom avec lequel vous rejoindrez la classe.
        [join_code] Veuillez taper le code de la classe.
       *[other] Un élément nécessaire est vide.
    }
error-detail-too_long =
    { $field ->
        [profile_name]
            Un nom ne peut pas dépasser { $max ->
                [one] { $max } caractère
               *[other] { $max } caractères
            }.
        [note_title]
            Le titre d’une note ne peut pas dépasser { $max ->
                [one] { $max } caractère
               *[other] { $max } caractères
            }.
        [card_front]
            Le recto d’une carte ne peut pas dépasser { $max ->
                [one] { $max } caractère
               *[other] { $max } caractères
            }.
        [card_back]
            Le verso d’une carte ne peut pas dépasser { $max ->
                [one] { $max } caractère
               *[other] { $max } caractères
            }.
        [deck_name]
            Le nom d’un paquet ne peut pas dépasser { $max ->
                [one] { $max } caractère
               *[other] { $max } caractères
            }.
       *[other]
            Ceci dépasse la limite de { $max ->
                [one] { $max } caractère
               *[other] { $max } caractères
            }.
    }
error-detail-too_short =
    { $field ->
        [passphrase]
            Une phrase de passe doit avoir au moins { $min ->
                [one] { $min } caractère
               *[other] { $min } caractères
            }.
       *[other]
            Il faut au moins { $min ->
                [one] { $min } caractère
               *[other] { $min } caractères
            } ici.
    }
error-detail-one_line =
    { $field ->
        [profile_name] Un nom tient sur une seule ligne, en lettres ordinaires.
        [deck_name] Le nom d’un paquet tient sur une seule ligne, en lettres ordinaires.
       *[other] Ceci doit tenir sur une seule ligne, en lettres ordinaires.
    }
error-detail-cloze_unmarked = Mettez les mots à cacher entre doubles accolades, comme ceci : {"{{"}c1::Paris{"}}"}.
error-detail-cloze_empty = Des doubles accolades doivent cacher au moins un mot : {"{{"}c1::{"}}"} est vide.
error-detail-no_wrong_choice = Une carte à choix multiple a besoin d’au moins une mauvaise réponse.
error-detail-too_many_choices = Une carte à choix multiple peut avoir au maximum { $max } choix.
error-detail-recovery_code_shape =
    Un code de secours compte { $letters ->
        [one] { $letters } lettre ou chiffre
       *[other] { $letters } lettres et chiffres
    } par groupes de { $group }, comme ABCD-EFGH-…
error-detail-card_suspended = Cette carte est mise de côté. Reprenez-la d’abord pour la remettre dans vos révisions.
error-detail-nothing_to_undo = Il n’y a aucune réponse à annuler.
error-detail-too_few_reviews =
    Satchel apprend de vos révisions quand il y en a assez ; { $reviews ->
        [one] { $reviews } révision, ce n’est pas encore assez.
       *[other] { $reviews } révisions, ce n’est pas encore assez.
    }
error-detail-not_https = Satchel ne communique avec d’autres ordinateurs qu’en https. Vérifiez l’adresse : { $address }
error-detail-not_an_address = Ce n’est pas l’adresse d’un serveur : { $address }
error-detail-file_too_large = Ce fichier dépasse la limite de { $size } que Satchel accepte en une fois. Rien n’a été perdu.
error-detail-note_too_large = Une note contient au plus { $size } de texte. Répartissez-la en plusieurs notes.
error-detail-recording_too_long = Satchel accepte des enregistrements de { $length } au maximum en une fois. Ce qui a été enregistré jusque-là est gardé.
error-detail-unsupported_file =
    { $file ->
        [audio] Satchel ne peut pas lire ce fichier comme un enregistrement. Il lit les formats WAV, MP3, FLAC, Ogg et M4A.
        [image] Satchel ne peut pas lire ce fichier comme une image. Il lit les formats PNG, JPEG et WebP.
       *[document] Satchel ne peut pas lire ce fichier comme un document. Il lit les PDF.
    }
error-detail-damaged_file =
    { $file ->
        [audio] Cet enregistrement est abîmé, donc Satchel ne peut pas le lire. Rien d’autre n’a été modifié.
        [image] Cette image est abîmée, donc Satchel ne peut pas la lire. Rien d’autre n’a été modifié.
       *[document] Ce document est abîmé, donc Satchel ne peut pas le lire. Rien d’autre n’a été modifié.
    }
error-detail-no_sound = Cet enregistrement ne contient aucun son à transcrire.
error-detail-model_missing = Un modèle dont Satchel a besoin ({ $model }) n’est pas sur cet ordinateur. Réinstallez Satchel, ou importez un pack de modèles donné par votre professeur.
error-detail-unsupported_processor = Il manque { $missing } au processeur de cet ordinateur, et Satchel en a besoin pour mettre la parole par écrit. Tout le reste de Satchel fonctionne.

## backups

backups-title = Sauvegardes
backups-explained = Satchel sauvegarde ta bibliothèque tout seul à chaque demi-heure d’utilisation, et garde les plus récentes, une par jour pendant une semaine et une par semaine pendant un mois. Une sauvegarde est verrouillée comme ta bibliothèque : ta phrase secrète, le trousseau de cet ordinateur ou ton code de récupération l’ouvre. Garde-en aussi une sur une clé USB, au cas où cet ordinateur serait perdu.
backups-now = Sauvegarder maintenant
backups-to_folder = Sauvegarder dans un dossier ou sur une clé USB…
backups-restore_file = Restaurer depuis un fichier…
backups-working = En cours…
backups-made = Sauvegardé ({ $date }) :
backups-restored = Ta bibliothèque est revenue à son état du { $date }.
backups-replaced_kept = La bibliothèque remplacée est gardée comme sauvegarde.
backups-restore_this = Restaurer la sauvegarde du { $date }
backups-restore = Restaurer…
backups-none = Pas encore de sauvegarde.
backups-confirm = Remplacer la bibliothèque de { $name } par celle du { $date } ?
backups-confirm_kept = Ta bibliothèque telle qu’elle est maintenant est d’abord gardée comme sauvegarde : rien n’est perdu.
backups-passphrase_then = La phrase secrète qu’avait alors la bibliothèque
backups-restore_confirm = Restaurer
backups-contents =
    { $notes ->
        [one] { $notes } note
       *[other] { $notes } notes
    }, { $sources ->
        [one] { $sources } source
       *[other] { $sources } sources
    }, { $cards ->
        [one] { $cards } carte
       *[other] { $cards } cartes
    }, { $reviews ->
        [one] { $reviews } révision
       *[other] { $reviews } révisions
    }
backups-contents_unknown = la bibliothèque telle qu’elle était avant une restauration
backups-kind-automatic = automatique
backups-kind-manual = faite par toi
backups-kind-before_restore = gardée avant une restauration
welcome-restore = Restaurer une sauvegarde…
welcome-restore_title = Restaurer la bibliothèque de { $name } du { $date }

## learner

learner-title = Élève
learner-name = Nom
learner-rename = Renommer
learner-renamed = Renommé.
learner-protection = Ce qui ouvre cette bibliothèque
learner-by_keychain = Le trousseau de cet ordinateur l’ouvre, sans rien taper. Choisis plutôt une phrase secrète si d’autres utilisent ce compte.
learner-by_passphrase = Ta phrase secrète l’ouvre.
learner-current_passphrase = Phrase secrète actuelle
learner-new_passphrase = Nouvelle phrase secrète
learner-use_passphrase = Utiliser une phrase secrète
learner-change_passphrase = Changer la phrase secrète
learner-use_keychain = Utiliser plutôt le trousseau de cet ordinateur
learner-protected_passphrase = Désormais, ta phrase secrète ouvre cette bibliothèque.
learner-protected_keychain = Désormais, le trousseau de cet ordinateur ouvre cette bibliothèque.
learner-mismatch = Les deux phrases secrètes diffèrent.
learner-remove_title = Retirer cet élève
learner-remove = Retirer cet élève…
learner-remove_explained = Cela retire { $name } et tout ce que contient sa bibliothèque de cet ordinateur.
learner-type_name = Tape { $name } pour confirmer
learner-keep_backup = Garder d’abord une dernière sauvegarde (restaurable plus tard)
learner-remove_confirm = Retirer

## help

nav-help = Aide
help-title = Aide
help-start = Pour commencer
help-step-bring = Apporte ce avec quoi tu apprends : écris une note, ou importe une photo du tableau, l’enregistrement d’un cours, un PDF ou un fichier texte. Satchel le lit et le transcrit sur cet ordinateur, sans internet.
help-step-pack = Ouvre une note ou une source et fais un paquet d’étude : un résumé, des cartes et un quiz, chacun relié aux mots d’où il vient.
help-step-study = Appuie sur Étudier maintenant : Satchel demande ce qui est dû, planifie chaque carte selon ce que tu savais, et Progrès montre ce que tu sais.
help-step-share = Synchronise avec tes autres appareils ou rejoins une classe quand un réseau est là ; ta bibliothèque reste de toute façon sur cet ordinateur.
help-step-safe = Ta bibliothèque est chiffrée et sauvegardée à chaque demi-heure d’utilisation. Garde ton code de récupération et une sauvegarde sur une clé USB.
help-shortcuts = Raccourcis clavier
help-keys-everywhere = Partout
help-keys-notes = Notes
help-keys-review = Étudier les cartes
help-key = Touche
help-does = Ce qu’elle fait
help-key-question = ?
help-key-slash = /
help-key-tab = Tab, Maj+Tab
help-key-ctrl_s = Ctrl+S
help-key-space = Espace ou Entrée
help-key-ratings = 1 2 3 4
help-key-choices = 1 à 8
help-key-h = H
help-key-e = E
help-key-u = U
help-does-help = Ouvrir cette liste de raccourcis
help-does-search = Chercher dans tes notes et sources
help-does-move = Passer d’une commande à l’autre ; Entrée ou Espace en active une
help-does-save = Enregistrer la note maintenant (elle l’est aussi pendant la saisie)
help-does-show = Montrer la réponse
help-does-rate = À revoir, Difficile, Bien, Facile
help-does-choose = Choisir une réponse sur une carte à choix multiple
help-does-hint = Un indice, avant la réponse
help-does-explain = Expliquer la carte par sa source, après la réponse
help-does-undo = Annuler la dernière réponse

## csv

progress-save_reviews_csv = Enregistrer les révisions en CSV
progress-save_mastery_csv = Enregistrer ce que je sais en CSV
class-save_csv = Enregistrer en CSV
csv-saved = Enregistré : { $path }

# Imprimer : une page sur papier ou en PDF.
print-print = Imprimer…
print-save_pdf = Enregistrer en PDF
print-saved = Enregistré : { $path }
sheet-title = { $deck } : questions
sheet-questions = Questions
sheet-answers = Réponses
sheet-empty = Ce paquet n’a aucune carte à imprimer.
cards-sheet = Feuille
cards-sheet_of = Imprimer { $deck } en feuille de questions
class-printable = Rapport à imprimer
class-report_title = { $class } : rapport de la classe
progress-print_name = Progrès de { $learner }

# La leçon d’exemple, proposée quand la bibliothèque est vide.
sample-title = Essayer une leçon d’exemple
sample-explained = Voyez ce que Satchel fait d’une leçon avant d’apporter les vôtres : des notes tapées, une photo du tableau, un cours enregistré et deux pages d’un manuel sur le cycle de l’eau sont lus sur cet ordinateur et transformés en kits de révision, avec des cartes à réviser.
sample-start = Apporter la leçon d’exemple
sample-making = Préparation des kits de révision de la leçon d’exemple
sample-open_pack = Ouvrir son kit
sample-failed = Ce kit n’a pas pu être préparé.
sample-waiting = En préparation
sample-ready = Les quatre kits de révision sont prêts.
sample-study = Les étudier maintenant

# Rappels : une notification quand des révisions attendent.
reminder-title = Des révisions vous attendent
reminder-body =
    { $n ->
        [one] { $learner }, { $n } carte est prête à réviser dans Satchel.
       *[other] { $learner }, { $n } cartes sont prêtes à réviser dans Satchel.
    }
reminders-title = Rappels
reminders-explained = Tant que Satchel est ouvert, une notification signale les cartes prêtes à réviser, au plus une fois toutes les quatre heures.
reminders-on = Me prévenir quand des révisions sont dues
reminders-child = C’est la bibliothèque d’un enfant
reminders-child_hint = La bibliothèque d’un enfant commence sans rappels ; un parent peut les activer ici.
