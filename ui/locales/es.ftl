# La interfaz de Satchel en español (latinoamericano neutro), traducida de en.ftl.

## app

app-name = Satchel

## nav

nav-library = Biblioteca
nav-settings = Configuración
nav-switch_learner = Cambiar de estudiante
nav-main = Principal

## welcome

welcome-title = ¿Quién aprende hoy?
welcome-subtitle = Cada estudiante tiene su propia biblioteca, privada y bajo llave, en esta computadora.
welcome-add_learner = Agregar un estudiante
welcome-loading = Abriendo…

## create

create-title = Agregar un estudiante
create-name = Nombre
create-name_hint = ¿Cómo te llamamos? Hasta 40 caracteres.
create-use_passphrase = Proteger con una frase secreta
create-keychain_explained = Tu biblioteca se cierra con una llave que esta computadora guarda por ti, así que no tendrás que escribir nada para abrirla.
create-passphrase_explained = Una frase secreta es una contraseña que tú eliges. La escribirás cada vez que abras tu biblioteca.
create-no_keychain = Esta computadora no tiene un llavero donde guardar tu llave, así que elige una frase secreta, por favor.
create-passphrase = Frase secreta
create-passphrase_hint = Al menos 8 caracteres. Unas cuantas palabras que no tengan nada que ver entre sí son fáciles de recordar.
create-passphrase_confirm = Escríbela otra vez
create-passphrase_mismatch = Las dos frases secretas no son iguales.
create-submit = Crear
create-cancel = Cancelar
create-working = Cerrando con llave tu nueva biblioteca…

## recovery

recovery-title = Tu código de recuperación
recovery-explained = Si algún día se pierde el llavero de esta computadora o tu frase secreta, este código es la única forma de abrir tu biblioteca. Anótalo en papel y guárdalo en un lugar seguro. Solo se muestra ahora.
recovery-acknowledge = Ya lo anoté
recovery-continue = Continuar

## unlock

unlock-title = Abrir la biblioteca de { $name }
unlock-passphrase = Frase secreta
unlock-submit = Abrir
unlock-forgot = ¿Olvidaste la frase secreta? Usa el código de recuperación
unlock-recovery_code = Código de recuperación
unlock-recovery_hint = El código que anotaste, como ABCD-EFGH-… No importan las mayúsculas ni los guiones.
unlock-new_passphrase = Nueva frase secreta
unlock-new_passphrase_hint = Elige una frase secreta para abrir esta biblioteca de ahora en adelante.
unlock-use_recovery = Abrir con el código de recuperación
unlock-back = Volver

## library

library-title = Tu biblioteca
library-new_note = Nueva nota
library-empty = Aún no hay nada aquí. Escribe tu primera nota o trae la grabación de una clase.
library-count =
    { $n ->
        [one] { $n } nota
       *[other] { $n } notas
    }

## note

note-untitled = Nota sin título
note-title = Título
note-title_placeholder = ¿De qué trata esta nota?
note-body = Nota
note-body_placeholder = Escribe aquí. Puedes usar Markdown: # títulos, **negrita**, - listas.
note-save = Guardar
note-saved = Guardado
note-heading = Nota
note-saving = Guardando…
note-unsaved = Aún sin guardar
note-delete = Borrar
note-delete_confirm = ¿Borrar esta nota para siempre?
note-delete_yes = Sí, bórrala
note-back = Volver a la biblioteca
note-shortcut = Se guarda mientras escribes · Ctrl+S guarda ahora

## settings

settings-title = Configuración
settings-appearance = Apariencia
settings-theme = Tema
settings-theme_system = Igual que esta computadora
settings-theme_light = Claro
settings-theme_dark = Oscuro
settings-language = Idioma
settings-language_system = Igual que esta computadora
settings-language_hint = Las palabras, fechas y números de Satchel. Lo que estudias puede estar en cualquier idioma.
settings-security = Seguridad
settings-rotate_explained = Cambiar la llave vuelve a cerrar toda tu biblioteca con una llave nueva y te da un nuevo código de recuperación. El código anterior deja de funcionar.
settings-rotate = Cambiar la llave
settings-rotating = Volviendo a cerrar tu biblioteca…
settings-rotated = Tu biblioteca está cerrada con una llave nueva.
settings-about = Acerca de
settings-version = Versión
settings-encryption = Cifrado
settings-data_folder = Carpeta de datos

## time

time-just_now = hace un momento

## error

error-wrong_key = Esa frase secreta o ese código no abre esta biblioteca. No se cambió nada; inténtalo de nuevo.
error-keychain_unavailable = El llavero de esta computadora no responde, así que la biblioteca no puede abrirse sola. Tus notas están a salvo: ábrela con tu código de recuperación.
error-key_missing = El llavero de esta computadora ya no tiene la llave de esta biblioteca. Tus notas están a salvo: ábrela con tu código de recuperación.
error-passphrase_required = Elige una frase secreta para proteger esta biblioteca, por favor.
error-profile_not_found = Ese estudiante ya no está en esta computadora.
error-profile_exists = Ya hay un estudiante con ese nombre. Elige otro, por favor.
error-not_found = Esa nota ya no está aquí. Puede que la hayan borrado.
error-invalid_input = Hay algo en el formulario que debes revisar.
error-locked = La biblioteca está cerrada. Ábrela de nuevo, por favor.
error-storage = Satchel no pudo leer ni guardar sus archivos. No se perdió nada; inténtalo de nuevo.
error-internal = Algo salió mal sin que lo esperáramos. No se perdió nada; inténtalo de nuevo.
error-conflict = Eso ya está en uso, o alguien lo cambió antes en otro lugar. No se perdió nada; revísalo e inténtalo de nuevo.
error-forbidden = Esta cuenta no tiene permiso para hacer eso. Pregúntale al profesor o a quien administra el servidor.
error-no_shell = Esta página funciona dentro de la aplicación Satchel. Abre Satchel para usarla.

## library

library-import = Traer un archivo
speech-language = Idioma hablado
speech-detect = Detectarlo solo
speech-language_hint = El idioma de las grabaciones que traes o haces. Satchel puede detectarlo solo, pero si lo sabe es más rápido y seguro.
library-importing = Guardando…
library-drop_here = Suelta archivos aquí para traerlos y hacer paquetes de estudio
library-drop_hint = O suelta grabaciones, imágenes (PNG, JPEG, WebP), PDF o texto en cualquier parte de esta página para hacer un paquete de estudio con cada uno, o pega una imagen.
library-recordings = Grabaciones
library-notes = Notas
library-import_failed = { $file }: { $reason }

## source

source-status-queued = Esperando para transcribirse
source-status-transcribing = Transcribiendo…
source-status-ready = Transcrita
source-status-failed = No se pudo transcribir
source-status-cancelled = Detenida
source-progress = Transcribiendo { $title } — { $done } de { $total }
source-progress_open = Transcribiendo { $title } — { $done } hasta ahora
source-cancel = Detener
source-retry = Transcribir de nuevo
source-retranscribe_in = Transcribir de nuevo en
source-back = Volver a la biblioteca
source-transcript = Transcripción
source-no_speech = No se escuchó ninguna voz en esta grabación.
source-waiting = La transcripción aparecerá aquí en cuanto esté lista. Mientras tanto, puedes seguir trabajando.
source-play_from = Reproducir desde { $time }
source-delete = Borrar
source-delete_confirm = ¿Borrar esta grabación y su transcripción para siempre?
source-delete_yes = Sí, bórrala
source-language = Idioma
source-length = Duración
source-file = Archivo

## error

error-model_missing = El modelo de voz de Satchel no está instalado en esta computadora, así que todavía no puede transcribir. Tu grabación se guarda; se podrá transcribir cuando el modelo esté instalado.
error-bad_media = Satchel no puede leer este archivo. Lee grabaciones (WAV, MP3, FLAC, Ogg, M4A), imágenes (PNG, JPEG, WebP) y PDF.
error-cancelled = Detenido. La grabación se guarda; puedes transcribirla otra vez cuando quieras.
error-busy = Todavía hay algo en marcha. Espera a que termine, o detenlo, e inténtalo de nuevo.

## library

library-recordings_count =
    { $n ->
        [one] { $n } grabación
       *[other] { $n } grabaciones
    }

## error

error-no_microphone = Ningún micrófono respondió. Conecta uno, o elígelo como entrada en la configuración de sonido de tu computadora, e inténtalo de nuevo.

## record

record-start = Grabar
record-title = Grabación, { $when }
record-label = Grabando con el micrófono
record-starting = Encendiendo el micrófono…
record-from = Grabando con { $device }
record-level = Nivel de sonido
record-stop = Detener y guardar
record-saving = Guardando…
record-discard = Descartar
record-discard_confirm = ¿Tirar esta grabación? No se podrá recuperar.
record-discard_yes = Sí, descártala

## error

error-document_password = Este documento está protegido con una contraseña. Escribe su contraseña para abrirlo.

## source

source-status-queued_reading = Esperando para leerse
source-status-reading = Leyendo…
source-status-read = Leído
source-status-read_failed = No se pudo leer
source-no_text = No se encontró texto aquí.
source-picture = La imagen tal como se trajo
source-text = Texto
source-page = Página { $n }
source-page_text = Texto de la página { $n }
source-pages =
    { $n ->
        [one] { $n } página
       *[other] { $n } páginas
    }
source-page_unshown = Esta página no se puede mostrar; su texto está al lado.
source-page_no_text = No hay texto en esta página.
source-pasted_title = Imagen pegada
source-reading_pages = Leyendo { $title } — página { $done } de { $total }
source-reading = Leyendo { $title }…
source-password = Contraseña de este documento
source-open = Abrir
source-opening = Abriendo…

## nav

nav-ask = Preguntar
nav-topics = Temas

## search

search-placeholder = Buscar en todo
search-label = Busca en tus notas, fotos, grabaciones y documentos
search-submit = Buscar
search-indexing =
    { $total ->
        [one] Preparando lo nuevo para la búsqueda — { $done } de { $total } fragmento
       *[other] Preparando lo nuevo para la búsqueda — { $done } de { $total } fragmentos
    }
search-title = Resultados para “{ $query }”
search-nothing = No se encontró nada. Prueba con otras palabras o haz una pregunta a tu manera.
search-at = en { $time }

## kind

kind-note = Nota
kind-audio = Grabación
kind-image = Foto
kind-document = Documento
kind-text = Archivo de texto

## ask

ask-title = Preguntar
ask-subtitle = Haz una pregunta con tus propias palabras. Las respuestas salen de tus propias notas, fotos, grabaciones y documentos.
ask-label = Tu pregunta
ask-placeholder = ¿Cómo fabrican su alimento las plantas?
ask-submit = Preguntar
ask-asking = Buscando…
ask-nothing = Todavía no hay nada en tu biblioteca que responda eso. Agrega notas o fuentes sobre el tema, o pregunta de otra forma.

## topics

topics-title = Temas
topics-subtitle = De qué tratan tus notas, fotos, grabaciones y documentos, y cuáles comparten un tema.
topics-none = Aún no hay temas. Aparecen a medida que agregas notas y fuentes.
topics-shared = Temas en común
topics-link = Tanto { $a } como { $b } tratan { $topics }

## source

source-topics = Temas
source-also_in = también en

## nav

nav-jobs = Tareas en segundo plano

## pack

pack-make = Hacer un paquete de estudio
pack-open_last = Abrir el último paquete de estudio
pack-title = Paquete de estudio
pack-from = De “{ $title }”
pack-building = Haciendo tu paquete de estudio — paso { $done } de { $total }
pack-building_hint = Puedes seguir usando Satchel; el paquete aparecerá aquí cuando esté listo.
pack-failed = No se pudo hacer este paquete de estudio. No se perdió nada.
pack-see_jobs = Ver qué salió mal e intentarlo de nuevo
pack-summary = Resumen
pack-where_from = De dónde viene esto
pack-cards =
    { $n ->
        [one] Tarjetas ({ $n })
       *[other] Tarjetas ({ $n })
    }
pack-cards_hint = Quédate con las tarjetas que quieras estudiar, corrige las que no estén del todo bien y borra las demás. Satchel aprende de lo que eliges.
pack-quiz = Cuestionario
pack-check = Revisar mis respuestas
pack-score = Acertaste { $right } de { $total }

## card

card-kind-cloze = Completa el espacio
card-kind-definition = Pregunta
card-kind-term = Palabra clave
card-kind-basic = Pregunta y respuesta
card-kind-reversed = En ambos sentidos
card-kind-choice = Opción múltiple
card-kept = Guardada
card-edited = Editada
card-front = Frente
card-back = Reverso
card-keep = Conservar
card-edit = Editar
card-delete = Borrar
card-save = Guardar
card-why = ¿Por qué esta tarjeta?
card-made_by = La hizo el redactor “{ $generator }” a partir de estas palabras:
card-open_source = Abrir “{ $title }” en ese punto

## jobs

jobs-title = Tareas en segundo plano
jobs-subtitle = Lo que Satchel hace por ti: leer, preparar las cosas para la búsqueda y hacer paquetes de estudio.
jobs-none = No hay nada en marcha.
jobs-kind-read = Lectura o transcripción
jobs-kind-index = Preparación para la búsqueda
jobs-kind-pack = Paquete de estudio: { $step }
jobs-step-extract = leyendo el material
jobs-step-index = preparándolo para buscar
jobs-step-summary = escribiendo el resumen
jobs-step-concepts = buscando las ideas principales
jobs-step-cards = creando tarjetas
jobs-step-quiz = creando el cuestionario
jobs-step-validate = revisando las tarjetas
jobs-step-deliver = juntándolo todo
jobs-queued = en espera
jobs-running = en curso
jobs-done = listo
jobs-dead =
    { $n ->
        [one] falló tras { $n } intento
       *[other] falló tras { $n } intentos
    }
jobs-cancelled = detenido
jobs-retrying = se volverá a intentar pronto (intento { $n } de { $max })
jobs-retry = Intentar de nuevo
jobs-cancel = Detener

## settings

settings-helper = Ayudante en tu red (opcional)
settings-helper_explained = Si tu escuela o tu profesor tiene un modelo de lenguaje en la red local, Satchel puede pedirle que redacte mejores preguntas de estudio. Se conecta por https:// (agrega #sha256= y la huella de su certificado si él mismo lo creó), así que nada viaja sin cifrar por el Wi-Fi. Satchel funciona perfectamente sin él; cuando el ayudante no responde, Satchel sigue solo.
settings-helper_url = Dirección del ayudante
settings-helper_model = Nombre del modelo
settings-helper_save = Guardar y probar
settings-helper_trying = Probando…
settings-helper_ok = El ayudante respondió. Tus próximos paquetes de estudio pueden usarlo.
settings-helper_cleared = No hay ningún ayudante configurado. Satchel hace los paquetes de estudio por su cuenta.
settings-helper_failed = Se guardó, pero el ayudante no respondió ({ $problem }). Satchel sigue sin él y volverá a intentarlo más tarde.

## pack

pack-plain_by_helper = En palabras más sencillas, del ayudante de tu red, a partir de las oraciones de abajo:

## nav

nav-study = Estudiar ahora
nav-cards = Tarjetas
nav-progress = Progreso

## study

study-title = Estudiar ahora
study-nothing = No hay nada que estudiar por ahora. Escribe una tarjeta o haz un paquete de estudio con algo de tu biblioteca.
study-reviews =
    { $n ->
        [one] { $n } repaso pendiente
       *[other] { $n } repasos pendientes
    }
study-start = Empezar a repasar
study-known = Ya sabes { $percent } · de “{ $title }”
study-read = Leerlo de nuevo
study-pack = Su paquete de estudio
study-new =
    { $n ->
        [one] { $n } tarjeta nueva en { $deck }
       *[other] { $n } tarjetas nuevas en { $deck }
    }
study-learn = Aprender

## review

review-title = Repaso
review-picture_front = Imagen de la pregunta: { $text }
review-picture_back = Imagen de la respuesta: { $text }
review-sound_front = Sonido de la pregunta: { $text }
review-sound_back = Sonido de la respuesta: { $text }
review-progress = { $done } de { $total }
review-done = Todo listo por ahora
review-done_summary =
    { $n ->
        [one] { $n } tarjeta respondida, { $seconds } s por tarjeta en promedio. Lo que toque repasar después te estará esperando cuando llegue el momento.
       *[other] { $n } tarjetas respondidas, { $seconds } s por tarjeta en promedio. Lo que toque repasar después te estará esperando cuando llegue el momento.
    }
review-new = Nueva
review-seconds = { $n } s
review-show = Mostrar respuesta
review-space = Espacio
review-from = De dónde viene esto: { $title }
review-how_well = ¿Qué tan bien lo recordaste?
review-again = Otra vez
review-hard = Difícil
review-good = Bien
review-easy = Fácil
review-in_minutes = { $n } min
review-in_hours = { $n } h
review-in_days = { $n } d
review-in_months =
    { $n ->
        [one] { $n } mes
       *[other] { $n } meses
    }
review-undo = Deshacer
review-bury = Hoy no
review-suspend = Dejar de lado
review-hint = Pista
review-hint_text = Empieza por «{ $first }»: { $letters ->
        [one] una letra
       *[other] { $letters } letras
    }, { $words ->
        [one] una palabra
       *[other] { $words } palabras
    }.
review-explain = Explicar
review-explained = Con las palabras de «{ $title }»
review-no_source = Esta tarjeta se escribió a mano: no tiene una fuente que la explique.
review-moment = Escúchalo en «{ $title }» a los { $time }
review-occluded = La imagen «{ $title }», con una etiqueta tapada
review-occluded_shown = La imagen «{ $title }», con la etiqueta tapada marcada
tutor-title = Léelo donde aparece
tutor-continue = Continuar
tutor-easier = Fallada dos veces: ahora viene una tarjeta más fácil sobre esto.

## cards

cards-title = Tarjetas
cards-decks = Mazos
cards-deck_counts =
    { $cards ->
        [one] { $cards } tarjeta
       *[other] { $cards } tarjetas
    } · { $due } por repasar · { $new ->
        [one] { $new } nueva
       *[other] { $new } nuevas
    }
cards-no_decks = Aún no hay tarjetas. Escribe una abajo o haz un paquete de estudio con algo de tu biblioteca.
cards-write = Escribir una tarjeta
cards-kind = Tipo de tarjeta
cards-deck = Mazo
cards-deck_default = General
cards-front = Pregunta
cards-back = Respuesta
cards-right = Respuesta correcta
cards-wrong = Respuestas incorrectas, una por línea
cards-cloze_text = Texto
cards-cloze_hint = Pon entre llaves dobles lo que quieras ocultar: {"{{"}c1::París{"}}"} es la capital de {"{{"}c2::Francia{"}}"}. Cada número crea una tarjeta.
cards-add = Agregar tarjeta
cards-saved =
    { $n ->
        [one] Se agregó { $n } tarjeta.
       *[other] Se agregaron { $n } tarjetas.
    }
cards-in_deck = Tarjetas de este mazo
cards-unsuspend = Recuperar
cards-delete = Borrar

## progress

progress-title = Progreso
progress-reviews_total = Repasos
progress-retention = Recordadas (30 días)
progress-due_today = Para hoy
progress-time_total = Tiempo repasando
progress-minutes =
    { $n ->
        [one] { $n } min
       *[other] { $n } min
    }
progress-cards = Tarjetas
progress-card_counts =
    { $new ->
        [one] { $new } nueva
       *[other] { $new } nuevas
    } · { $learning } en aprendizaje · { $young ->
        [one] { $young } joven
       *[other] { $young } jóvenes
    } · { $mature ->
        [one] { $mature } madura
       *[other] { $mature } maduras
    }
progress-as_table = Mostrar como tabla
progress-heatmap = Repasos del último año
progress-heatmap_summary =
    { $n ->
        [one] { $n } repaso
       *[other] { $n } repasos
    } en { $days ->
        [one] { $days } día.
       *[other] { $days } días.
    }
progress-day_reviews =
    { $n ->
        [one] { $date }: { $n } repaso
       *[other] { $date }: { $n } repasos
    }
progress-day = Día
progress-week = Semana
progress-reviews = Repasos
progress-retention_title = Recordadas a tiempo, por semana
progress-retention_summary = En los últimos 30 días recordaste el { $percent } de las tarjetas cuando tocaba repasarlas (tu meta era { $desired }).
progress-retention_none = Todavía no ha tocado repasar ninguna tarjeta.
progress-recalled = Recordadas
progress-forecast = Tarjetas por repasar
progress-forecast_summary = { $today } para hoy, { $week } en los próximos 7 días.
progress-due = Por repasar
progress-time = Tiempo dedicado
progress-time_summary =
    { $n ->
        [one] { $n } minuto repasando en los últimos 30 días.
       *[other] { $n } minutos repasando en los últimos 30 días.
    }
progress-mastery = Qué tan bien conoces cada tema
progress-mastery_summary =
    { $n ->
        [one] Conoces bien { $known } de { $n } tema.
       *[other] Conoces bien { $known } de { $n } temas.
    }
progress-mastery_none = Haz un paquete de estudio y repasa sus tarjetas para ver qué tan bien conoces cada tema.
progress-concept = Tema
progress-known = Cuánto sabes
progress-scheduling = Repasos
progress-desired = Recordar el { $percent } de las tarjetas cuando toque repasarlas
progress-desired_hint = Más alto significa más repasos; 90 % les va bien a la mayoría.
progress-new_per_day = Tarjetas nuevas por día
progress-save = Guardar
progress-saved = Guardado.
progress-optimised =
    { $reviews ->
        [one] Satchel aprendió de tu { $reviews } repaso
       *[other] Satchel aprendió de tus { $reviews } repasos
    } cómo recuerdas: sus predicciones mejoraron ({ $before } → { $after }; cuanto más bajo, mejor) y ahora organiza tus repasos con ellas.
progress-optimised_kept =
    { $reviews ->
        [one] Satchel revisó tu { $reviews } repaso; la forma habitual de organizar los repasos ya lo predice igual de bien
       *[other] Satchel revisó tus { $reviews } repasos; la forma habitual de organizar los repasos ya los predice igual de bien
    } ({ $before } → { $after }), así que se queda como está.
progress-not_optimised = Después de unos 400 repasos, Satchel aprende cómo recuerdas y organiza los repasos para ti. Repasos hasta ahora: { $n }.
progress-optimise = Aprender de mis repasos ahora
progress-optimise_queued = Trabajando en ello en segundo plano.

## cards

cards-import_anki = Traer un mazo de Anki
cards-export_anki = Exportar todos los mazos para Anki
cards-export_short = Exportar para Anki
cards-export_deck = Exportar { $deck } para Anki
cards-exporting = Escribiendo el mazo para Anki…
cards-exported =
    Se { $cards ->
        [one] escribió { $cards } tarjeta
       *[other] escribieron { $cards } tarjetas
    } en { $decks ->
        [one] { $decks } mazo
       *[other] { $decks } mazos
    }, con { $reviews ->
        [one] { $reviews } repaso anterior
       *[other] { $reviews } repasos anteriores
    } y { $media ->
        [one] { $media } imagen o sonido
       *[other] { $media } imágenes y sonidos
    }. Anki abre el archivo con Archivo › Importar.
cards-exported_left_out = { $n ->
        [one] Se dejó fuera { $n } tarjeta de oclusión de imagen: Anki las crea en su propio editor.
       *[other] Se dejaron fuera { $n } tarjetas de oclusión de imagen: Anki las crea en su propio editor.
    }
cards-importing = Trayendo el mazo…
cards-imported =
    { $cards ->
        [one] Se trajo { $cards } tarjeta
       *[other] Se trajeron { $cards } tarjetas
    } en { $decks ->
        [one] { $decks } mazo
       *[other] { $decks } mazos
    }, con { $reviews ->
        [one] { $reviews } repaso anterior
       *[other] { $reviews } repasos anteriores
    } y { $media ->
        [one] { $media } imagen o sonido
       *[other] { $media } imágenes y sonidos
    } ({ $here ->
        [one] { $here } ya estaba aquí
       *[other] { $here } ya estaban aquí
    }).
cards-media = Imágenes y sonidos
cards-media_front = Agregar a la pregunta…
cards-media_back = Agregar a la respuesta…
cards-on_front = con la pregunta
cards-on_back = con la respuesta
cards-remove_media = Quitar

## sync

sync-offline = Sin conexión — los cambios se guardan aquí
sync-offline_waiting =
    { $n ->
        [one] Sin conexión — { $n } cambio guardado aquí
       *[other] Sin conexión — { $n } cambios guardados aquí
    }
sync-waiting =
    { $n ->
        [one] { $n } cambio esperando para sincronizarse
       *[other] { $n } cambios esperando para sincronizarse
    }
sync-synced = Sincronizado { $when }
sync-never = Aún sin sincronizar
sync-syncing = Sincronizando… { $size }
sync-syncing_label = Sincronizando
sync-sync_now = Sincronizar ahora

## settings

settings-sync = Sincronización
settings-sync_explained = Inicia sesión en el servidor de sincronización de tu escuela o de tu familia, y tus notas, tarjetas y repasos serán los mismos en todos los dispositivos que uses. Todo funciona también sin él.
settings-sync_server = Dirección del servidor
settings-sync_name = Nombre
settings-sync_password = Contraseña
settings-sync_sign_in = Iniciar sesión
settings-sync_signing_in = Iniciando sesión…
settings-sync_state = Sincronización
settings-sync_failed = La última sincronización no terminó ({ $problem }). No se perdió nada: tus cambios se quedan aquí y se enviarán en la próxima sincronización.
settings-sync_running = Sincronizando…
settings-sync_sign_out = Cerrar sesión

## error

error-offline = El servidor de sincronización no respondió. No se perdió nada: tus cambios se quedan aquí y se enviarán en la próxima sincronización. Revisa la red y la dirección del servidor.
error-sign_in_needed = Inicia sesión (otra vez) en el servidor de sincronización, por favor. No se perdió nada.

## source

source-original_elsewhere = Esto se trajo en otro de tus dispositivos. Su texto está aquí; el original llegará con la próxima sincronización.

## nav

nav-class = Clase

## class

class-title = Clase
class-lessons = Lecciones de tu profesor
class-in_classes = Estás en: { $classes }
class-no_lessons = Aún no hay lecciones. Cuando tu profesor te asigne una, aparecerá aquí y en Estudiar ahora después de la próxima sincronización.
class-lesson_from = De { $teacher } · { $class }
class-lesson_progress =
    { $cards ->
        [one] Estudiaste { $studied } de { $cards } tarjeta
       *[other] Estudiaste { $studied } de { $cards } tarjetas
    }
class-lesson_progress_label = Cuánto llevas estudiado de la lección
class-read = Leer
class-study = Estudiar
class-join = Unirse a una clase
class-looking = Buscando aulas cercanas…
class-none_found = Ninguna aula cercana respondió. Pídele la dirección a tu profesor y escríbela abajo.
class-look_again = Buscar de nuevo
class-nearby = Aulas cercanas
class-address = Dirección del servidor de la clase
class-code = Código de la clase
class-joining = Uniéndote…
class-join_button = Unirme
class-joined = Te uniste a { $class } ({ $teacher }). Sus lecciones llegarán con cada sincronización.
class-teach = Dar una clase
class-teach_hint = Pon en marcha el servidor de la clase en esta computadora: las aplicaciones de los estudiantes en la misma red lo encuentran y se unen con un código. No necesita internet.
class-start = Iniciar el servidor de la clase
class-starting = Iniciando…
class-stop = Detener el servidor de la clase
class-hosting = El servidor de la clase está funcionando en
class-hosting_hint = Los estudiantes lo eligen en Aulas cercanas, o escriben esta dirección si su red lo oculta.
class-new_class = Nueva clase
class-new_class_placeholder = Ciencias, 7.º grado
class-create = Crear la clase
class-code_is = Los estudiantes se unen con el código
class-students =
    { $n ->
        [one] { $n } estudiante
       *[other] { $n } estudiantes
    }
class-assign_what = Lección para asignar (material con paquete de estudio)
class-choose_material = Elige de tu biblioteca…
class-assign_to = Para
class-whole_class_hint = Marca estudiantes para dársela solo a ellos; no marques ninguno para dársela a toda la clase (y a quien se una más tarde).
class-assign = Asignar
class-assigning = Enviando la lección…
class-assigned =
    { $n ->
        [one] Asignada a { $n } estudiante. Le llegará la próxima vez que su aplicación se sincronice.
       *[other] Asignada a { $n } estudiantes. A cada uno le llegará la próxima vez que su aplicación se sincronice.
    }
class-refresh = Actualizar el panel
class-completion = Lecciones
class-no_assignments = Aún no hay lecciones asignadas.
class-done_of =
    { $done ->
        [one] { $done } la terminó
       *[other] { $done } la terminaron
    }, { $started ->
        [one] { $started } la empezó
       *[other] { $started } la empezaron
    }, de { $n ->
        [one] { $n } estudiante
       *[other] { $n } estudiantes
    }
class-matrix = Lo que sabe cada estudiante, por concepto
class-matrix_summary =
    { $students ->
        [one] { $students } estudiante
       *[other] { $students } estudiantes
    } y { $concepts ->
        [one] { $concepts } concepto
       *[other] { $concepts } conceptos
    }; más oscuro significa que se sabe mejor, y gris, que aún no se ha estudiado. { $struggles ->
        [one] { $struggles } caso en que un estudiante tiene dificultades.
       *[other] { $struggles } casos en que un estudiante tiene dificultades.
    }
class-not_yet = aún no
class-student = Estudiante
class-struggling = Quién tiene dificultades con qué
class-nobody_struggling = Nadie tiene dificultades con lo que ha estudiado.
class-struggles_with = { $student } — { $concept } ({ $percent })
class-bundle = ¿No hay red? Llévalo en una memoria USB
class-bundle_hint = Guarda tus notas, tarjetas, repasos y biblioteca en un archivo y tráelo en otra computadora (o trae uno desde allá). Está sellado: solo esta computadora y quien tenga su código de la copia pueden abrirlo. Se combina como una sincronización; no se pierde nada en ningún sentido.
class-export = Guardar una copia…
class-import = Traer una copia…
class-bundle_working = Trabajando… Con una biblioteca grande, esto puede tardar un minuto.
class-exported =
    { $docs ->
        [one] { $docs } documento
       *[other] { $docs } documentos
    } y { $media ->
        [one] { $media } archivo
       *[other] { $media } archivos
    } guardados.
class-imported =
    { $docs ->
        [one] Se combinó { $docs } documento
       *[other] Se combinaron { $docs } documentos
    }. Nuevo o cambiado aquí: { $reviews ->
        [one] { $reviews } repaso
       *[other] { $reviews } repasos
    }, { $cards ->
        [one] { $cards } tarjeta
       *[other] { $cards } tarjetas
    } y { $notes ->
        [one] { $notes } nota
       *[other] { $notes } notas
    }; { $media ->
        [one] se trajo { $media } archivo.
       *[other] se trajeron { $media } archivos.
    }

## study

study-lesson = { $title } — una lección de { $teacher }
study-lesson_left =
    { $cards ->
        [one] Por estudiar: { $left } de { $cards } tarjeta
       *[other] Por estudiar: { $left } de { $cards } tarjetas
    }

## class

class-roster = Estudiantes
class-lessons_to_stick = Lecciones a una memoria USB…
class-progress_from_stick = Traer el progreso de un estudiante desde una memoria USB…
class-no_network_hint = ¿No hay red en el aula? Agrega a los estudiantes por nombre, guarda las lecciones de cada uno en una memoria USB y trae su progreso de vuelta de la misma forma. Cuando más tarde se unan por la red, todo se junta.
class-add_student = Agregar un estudiante por nombre
class-add = Agregar
class-student_added = { $name } ya está en la clase. Ya puedes pasar sus lecciones a una memoria USB.
class-student_bundle_out = Se guardaron las lecciones del estudiante, selladas. Dale la memoria USB y su código de la copia: { $code }. En su computadora: Clase → Traer una copia.
class-student_bundle_in =
    { $docs ->
        [one] Se recibió el progreso de { $name } ({ $docs } documento cambiado).
       *[other] Se recibió el progreso de { $name } ({ $docs } documentos cambiados).
    }
class-remove = Sacar de la clase
class-remove_confirm = ¿Sacar a { $name } de la clase? Conservará las lecciones que ya tiene; las nuevas no le llegarán.
class-remove_yes = Sacar
class-remove_no = Mantener
class-student_removed = { $name } ya no está en la clase.
class-legend = Qué significan los colores
class-legend_0 = menos de { $low }
class-legend_1 = de { $low } a { $high }
class-legend_2 = de { $low } a { $high }
class-legend_3 = de { $low } a { $high }
class-legend_4 = { $low } o más

## startup

startup-failed-title = Satchel no puede iniciar
startup-failed-body = Satchel no se pudo abrir. No se cambió nada en tu biblioteca. Si vuelve a pasar, muéstrale este mensaje a quien se encarga de esta computadora.

## error

error-untrusted = Satchel no aceptó esto: no pasó un control de seguridad, así que no se cambió ni se envió nada.

## models

models-title = Lo que Satchel puede hacer en esta computadora
models-transcribe_english = Transcribir grabaciones en inglés
models-transcribe_other_languages = Transcribir grabaciones en otros idiomas
models-read_images = Leer fotos y páginas escaneadas
models-read_other_scripts = Leer hindi y árabe en fotos y escaneos
models-search_by_meaning = Buscar por significado, conceptos y paquetes de estudio
models-ready = listo
models-missing = necesita un paquete de modelos
models-missing_tesseract = necesita Tesseract: en Linux, instala los paquetes tesseract-ocr-hin y tesseract-ocr-ara; en Windows, vuelve a instalar Satchel
models-pack_explained = Un paquete de modelos trae lo que falta. Es un solo archivo, de una memoria USB o de tu profesor; Satchel revisa su firma antes de tomar nada de él.
models-imported = El paquete de modelos { $version } está en uso.
models-import = Traer un paquete de modelos…
models-importing = Revisando y trayendo el paquete de modelos…
models-import_done = El paquete de modelos se revisó y se trajo. Lo que trae ya funciona.
models-banner = Algunas cosas que hace Satchel necesitan modelos que esta computadora no tiene: { $missing }.
models-banner_link = Traer un paquete de modelos

## update

update-title = Actualizar Satchel
update-explained = Una actualización puede llegar en una memoria USB. Antes de mostrarla, Satchel revisa que esté firmada, completa y que sea más nueva; nada cambia hasta que decidas instalarla.
update-choose = Revisar un archivo de actualización…
update-checking = Revisando…
update-offer = Satchel { $version } está listo para instalarse (esta es la versión { $current }).
update-install = Instalar
update-not_now = Ahora no
update-installed = La actualización está instalada. Se usará la próxima vez que Satchel se inicie.

## offers

offers-title = De tu clase
offers-explained = El Satchel de tu profesor reparte esto por la red del aula. Antes de usar cada cosa, Satchel revisa que esté firmada, completa y que sea más nueva.
offers-update = Satchel { $version }
offers-models = Paquete de modelos { $version }
offers-take = Obtener
offers-have_it = Ya está en esta computadora
offers-models_taken = El paquete de modelos { $version } se revisó y se trajo. Lo que trae ya funciona.
offers-update_taken = La actualización se revisó. Ve a “Actualizar Satchel” para instalarla cuando quieras.
offers-offered_title = Repartido a tus estudiantes
offers-offered_hint = Las aplicaciones de los estudiantes en este servidor de clase pueden tomar esto: una actualización de Satchel y los modelos para una computadora que no los tenga.
offers-offer_models = Repartir los modelos de esta computadora
offers-offer_file = Repartir un archivo de paquete…
offers-withdraw = Detener
offers-withdraw_named = Dejar de repartir { $what }

## error

error-confirm_server = Satchel no conoce este servidor de clase. Antes de enviar nada, revisa que la pantalla del profesor muestre las mismas palabras.

## class

class-address_placeholder = 192.168.1.20:7480, o el enlace para unirse que te dio el profesor
class-code_in_link = No hace falta con un enlace para unirse
class-confirm_server = Esta computadora se conecta a este servidor por primera vez. ¿La pantalla de tu profesor (o de quien administra el servidor) muestra estas palabras?
class-confirm_server_hint = Si las palabras coinciden, llegaste al servidor real y no a alguien que se hace pasar por él. Todavía no se ha enviado nada.
class-words_match = Coinciden: unirme
class-words_differ_button = No coinciden
class-words_differ = Las palabras no coincidieron, así que no se envió nada. Avísale a tu profesor: alguien en esta red podría estar haciéndose pasar por el servidor de la clase.
class-hosting_words = Los estudiantes que escriben la dirección comprueban estas palabras:
class-join_link = Enlace para unirse y código QR
class-join_link_hint = El Satchel de un estudiante se une solo con este enlace: indica este servidor de clase, el código y la huella que demuestra que es el tuyo.
class-join_link_qr = Código QR del enlace para unirse
class-claim_code_is = { $name } se une con el código de la clase y este código de acceso de un solo uso: { $code } (funciona una vez, durante una semana).
class-added_by_name = Mi profesor me agregó por nombre
class-claim_code = Código de acceso de tu profesor
class-new_code = Nuevo código
class-code_until = Funciona hasta el { $date }. Un código nuevo anula el anterior.
class-export_progress = Guardar mi progreso para mi profesor…
class-progress_written = Se guardó tu progreso para tu profesor. Solo el servidor de tu clase puede abrirlo.
class-bundle_code_is = Su código de la copia (otra computadora lo pedirá una vez):
class-bundle_code_ask = Esta copia está sellada. Escribe su código de la copia (24 dígitos): el que se mostró donde se guardó, o el que te dio tu profesor.
class-bundle_code_open = Abrirla
class-student_code = Código de la copia:

## error

error-bundle_code = Esta copia necesita su código para abrirse.
error-full = Tu cuenta ya no tiene espacio en el servidor. No se perdió nada: se queda en esta computadora. Pide más espacio a quien administra el servidor.

## error-detail: exactly what was wrong, from the core's detail (the placeholders
## are filled in by the window; $field and $file choose the sentence)

error-detail-required =
    { $field ->
        [profile_name] Escribe un nombre, por favor.
        [passphrase] Escribe una frase secreta, por favor.
        [note_title] Ponle un título a la nota, por favor.
        [card_front] El frente de la tarjeta está vacío.
        [card_back] El reverso de la tarjeta está vacío.
        [deck_name] Ponle un nombre al mazo, por favor.
        [join_name] Escribe el nombre con el que te unirás a la clase, por favor.
        [join_code] Escribe el código de la clase, por favor.
       *[other] Hay algo necesario que está vacío.
    }
error-detail-too_long =
    { $field ->
        [profile_name]
            Un nombre puede tener como máximo { $max ->
                [one] { $max } carácter
               *[other] { $max } caracteres
            }.
        [note_title]
            El título de una nota puede tener como máximo { $max ->
                [one] { $max } carácter
               *[other] { $max } caracteres
            }.
        [card_front]
            El frente de una tarjeta puede tener como máximo { $max ->
                [one] { $max } carácter
               *[other] { $max } caracteres
            }.
        [card_back]
            El reverso de una tarjeta puede tener como máximo { $max ->
                [one] { $max } carácter
               *[other] { $max } caracteres
            }.
        [deck_name]
            El nombre de un mazo puede tener como máximo { $max ->
                [one] { $max } carácter
               *[other] { $max } caracteres
            }.
       *[other]
            Esto pasa del límite de { $max ->
                [one] { $max } carácter
               *[other] { $max } caracteres
            }.
    }
error-detail-too_short =
    { $field ->
        [passphrase]
            Una frase secreta necesita al menos { $min ->
                [one] { $min } carácter
               *[other] { $min } caracteres
            }.
       *[other]
            Esto necesita al menos { $min ->
                [one] { $min } carácter
               *[other] { $min } caracteres
            }.
    }
error-detail-one_line =
    { $field ->
        [profile_name] Un nombre va en una sola línea, con letras normales.
        [deck_name] El nombre de un mazo va en una sola línea, con letras normales.
       *[other] Esto va en una sola línea, con letras normales.
    }
error-detail-cloze_unmarked = Pon entre llaves dobles las palabras que quieras ocultar, así: {"{{"}c1::París{"}}"}.
error-detail-cloze_empty = Cada par de llaves dobles tiene que ocultar alguna palabra: {"{{"}c1::{"}}"} está vacío.
error-detail-no_wrong_choice = Una tarjeta de opción múltiple necesita al menos una respuesta incorrecta.
error-detail-too_many_choices =
    Una tarjeta de opción múltiple puede tener como máximo { $max ->
        [one] { $max } opción
       *[other] { $max } opciones
    }.
error-detail-recovery_code_shape =
    Un código de recuperación tiene { $letters ->
        [one] { $letters } letra o número
       *[other] { $letters } letras y números
    } en grupos de { $group }, como ABCD-EFGH-…
error-detail-card_suspended = Dejaste esta tarjeta de lado. Primero recupérala para que vuelva a los repasos.
error-detail-nothing_to_undo = No hay ninguna respuesta que deshacer.
error-detail-too_few_reviews =
    Satchel aprende de tus repasos cuando hay suficientes; { $reviews ->
        [one] { $reviews } repaso todavía no es suficiente.
       *[other] { $reviews } repasos todavía no son suficientes.
    }
error-detail-not_https = Satchel solo se conecta con otras computadoras por https. Revisa la dirección: { $address }
error-detail-not_an_address = Esta no es la dirección de un servidor: { $address }
error-detail-file_too_large = Este archivo pasa del límite de { $size } que Satchel acepta de una vez. No se perdió nada.
error-detail-note_too_large = Una nota guarda como máximo { $size } de texto. Divídela en varias notas.
error-detail-recording_too_long = Satchel acepta grabaciones de hasta { $length } de una vez. Lo que se grabó hasta ese momento está guardado.
error-detail-unsupported_file =
    { $file ->
        [audio] Satchel no puede leer este archivo como grabación. Lee WAV, MP3, FLAC, Ogg y M4A.
        [image] Satchel no puede leer este archivo como imagen. Lee PNG, JPEG y WebP.
       *[document] Satchel no puede leer este archivo como documento. Lee PDF.
    }
error-detail-damaged_file =
    { $file ->
        [audio] Esta grabación está dañada, así que Satchel no puede leerla. No se cambió nada más.
        [image] Esta imagen está dañada, así que Satchel no puede leerla. No se cambió nada más.
       *[document] Este documento está dañado, así que Satchel no puede leerlo. No se cambió nada más.
    }
error-detail-no_sound = Esta grabación no tiene ningún sonido que transcribir.
error-detail-model_missing = Un modelo que Satchel necesita ({ $model }) no está en esta computadora. Vuelve a instalar Satchel o trae un paquete de modelos de tu profesor.
error-detail-unsupported_processor = Al procesador de esta computadora le falta { $missing }, que se necesita para transcribir grabaciones. Todo lo demás en Satchel funciona.

## backups

backups-title = Copias de seguridad
backups-explained = Satchel hace una copia de tu biblioteca por sí solo cada media hora de uso, y guarda las más recientes, una al día durante una semana y una a la semana durante un mes. Una copia está cerrada como tu biblioteca: la abre tu frase de contraseña, el llavero de este ordenador o tu código de recuperación. Guarda también una en una memoria USB, por si pierdes este ordenador.
backups-now = Hacer una copia ahora
backups-to_folder = Copiar a una carpeta o memoria USB…
backups-restore_file = Restaurar desde un archivo…
backups-working = Trabajando…
backups-made = Copia hecha ({ $date }):
backups-restored = Tu biblioteca ha vuelto a como estaba el { $date }.
backups-replaced_kept = La biblioteca que reemplazó se guarda como copia.
backups-restore_this = Restaurar la copia del { $date }
backups-restore = Restaurar…
backups-none = Todavía no hay copias.
backups-confirm = ¿Reemplazar la biblioteca de { $name } por la del { $date }?
backups-confirm_kept = Tu biblioteca tal como está ahora se guarda antes como copia, así que no se pierde nada.
backups-passphrase_then = La frase de contraseña que tenía entonces la biblioteca
backups-restore_confirm = Restaurar
backups-contents =
    { $notes ->
        [one] { $notes } nota
       *[other] { $notes } notas
    }, { $sources ->
        [one] { $sources } fuente
       *[other] { $sources } fuentes
    }, { $cards ->
        [one] { $cards } tarjeta
       *[other] { $cards } tarjetas
    }, { $reviews ->
        [one] { $reviews } repaso
       *[other] { $reviews } repasos
    }
backups-contents_unknown = la biblioteca tal como estaba antes de una restauración
backups-kind-automatic = automática
backups-kind-manual = hecha por ti
backups-kind-before_restore = guardada antes de restaurar
welcome-restore = Restaurar una copia…
welcome-restore_title = Restaurar la biblioteca de { $name } del { $date }

## learner

learner-title = Estudiante
learner-name = Nombre
learner-rename = Cambiar el nombre
learner-renamed = Nombre cambiado.
learner-protection = Qué abre esta biblioteca
learner-by_keychain = El llavero de este ordenador la abre, sin escribir nada. Elige una frase de contraseña si otras personas usan esta cuenta del ordenador.
learner-by_passphrase = Tu frase de contraseña la abre.
learner-current_passphrase = Frase de contraseña actual
learner-new_passphrase = Nueva frase de contraseña
learner-use_passphrase = Usar una frase de contraseña
learner-change_passphrase = Cambiar la frase de contraseña
learner-use_keychain = Usar el llavero de este ordenador
learner-protected_passphrase = A partir de ahora tu frase de contraseña abre esta biblioteca.
learner-protected_keychain = A partir de ahora el llavero de este ordenador abre esta biblioteca.
learner-mismatch = Las dos frases de contraseña no coinciden.
learner-remove_title = Quitar a este estudiante
learner-remove = Quitar a este estudiante…
learner-remove_explained = Esto quita a { $name } y todo lo de su biblioteca de este ordenador.
learner-type_name = Escribe { $name } para confirmar
learner-keep_backup = Guardar antes una última copia (se puede restaurar después)
learner-remove_confirm = Quitar

## help

nav-help = Ayuda
help-title = Ayuda
help-start = Para empezar
help-step-bring = Trae aquello con lo que aprendes: escribe una nota, o trae una foto de la pizarra, la grabación de una clase, un PDF o un archivo de texto. Satchel lo lee y lo transcribe en este ordenador, sin internet.
help-step-pack = Abre una nota o una fuente y haz un paquete de estudio: un resumen, tarjetas y un cuestionario, cada uno unido a las palabras de donde salió.
help-step-study = Pulsa Estudiar ahora: Satchel pregunta lo que toca, programa cada tarjeta según lo bien que la sabías, y Progreso muestra lo que sabes.
help-step-share = Sincroniza con tus otros dispositivos o únete a una clase cuando haya red; tu biblioteca se queda en este ordenador de todos modos.
help-step-safe = Tu biblioteca está cifrada y se copia cada media hora de uso. Guarda tu código de recuperación y una copia en una memoria USB.
help-shortcuts = Atajos de teclado
help-keys-everywhere = En todas partes
help-keys-notes = Notas
help-keys-review = Estudiar tarjetas
help-key = Tecla
help-does = Qué hace
help-key-question = ?
help-key-slash = /
help-key-tab = Tab, Mayús+Tab
help-key-ctrl_s = Ctrl+S
help-key-space = Espacio o Intro
help-key-ratings = 1 2 3 4
help-key-choices = 1 a 8
help-key-h = H
help-key-e = E
help-key-u = U
help-does-help = Abrir esta lista de atajos
help-does-search = Buscar en tus notas y fuentes
help-does-move = Moverse entre controles; Intro o Espacio pulsa uno
help-does-save = Guardar la nota ahora (también se guarda mientras escribes)
help-does-show = Mostrar la respuesta
help-does-rate = Otra vez, Difícil, Bien, Fácil
help-does-choose = Elegir una opción en una tarjeta de opción múltiple
help-does-hint = Una pista, antes de la respuesta
help-does-explain = Explicar la tarjeta con su fuente, después de la respuesta
help-does-undo = Deshacer la última respuesta

## csv

progress-save_reviews_csv = Guardar repasos como CSV
progress-save_mastery_csv = Guardar lo que sé como CSV
class-save_csv = Guardar como CSV
csv-saved = Guardado: { $path }

# Imprimir: una página en papel o como PDF.
print-print = Imprimir…
print-save_pdf = Guardar como PDF
print-saved = Guardado: { $path }
sheet-title = { $deck }: preguntas
sheet-questions = Preguntas
sheet-answers = Respuestas
sheet-empty = Este mazo no tiene tarjetas que imprimir.
cards-sheet = Hoja
cards-sheet_of = Imprimir { $deck } como hoja de preguntas
class-printable = Informe para imprimir
class-report_title = { $class }: informe de la clase
progress-print_name = Progreso de { $learner }

# La lección de ejemplo, ofrecida en una biblioteca vacía.
sample-title = Prueba una lección de ejemplo
sample-explained = Mira lo que Satchel hace con una lección antes de traer las tuyas: unos apuntes escritos, una foto de la pizarra, una clase grabada y dos páginas de un libro sobre el ciclo del agua se leen en esta computadora y se convierten en paquetes de estudio, con tarjetas para repasar.
sample-start = Traer la lección de ejemplo
sample-making = Preparando los paquetes de estudio de la lección de ejemplo
sample-open_pack = Abrir su paquete
sample-failed = No se pudo preparar este paquete.
sample-waiting = En preparación
sample-ready = Los cuatro paquetes de estudio están listos.
sample-study = Estudiarlos ahora

# Recordatorios: un aviso cuando hay repasos pendientes.
reminder-title = Tienes repasos pendientes
reminder-body =
    { $n ->
        [one] { $learner }, { $n } tarjeta está lista para repasar en Satchel.
       *[other] { $learner }, { $n } tarjetas están listas para repasar en Satchel.
    }
reminders-title = Recordatorios
reminders-explained = Mientras Satchel está abierto, un aviso dice cuándo hay tarjetas listas para repasar, como mucho una vez cada cuatro horas.
reminders-on = Avisarme cuando haya repasos pendientes
reminders-child = Es la biblioteca de un niño o una niña
reminders-child_hint = La biblioteca de un niño empieza con los recordatorios apagados; un padre o una madre puede encenderlos aquí.
