# Interface do Satchel em português, traduzida de en.ftl.

## app

app-name = Satchel

## nav

nav-library = Biblioteca
nav-settings = Configurações
nav-switch_learner = Trocar de estudante
nav-main = Principal

## welcome

welcome-title = Quem vai estudar hoje?
welcome-subtitle = Cada estudante tem sua própria biblioteca, particular e trancada, neste computador.
welcome-add_learner = Adicionar estudante
welcome-loading = Abrindo…

## create

create-title = Adicionar estudante
create-name = Nome
create-name_hint = Como devemos chamar você? Até 40 caracteres.
create-use_passphrase = Proteger com uma frase-senha
create-keychain_explained = Sua biblioteca fica trancada com uma chave que este computador guarda com segurança para você. Assim, você não precisa digitar nada para abri-la.
create-passphrase_explained = Uma frase-senha é uma senha que você escolhe. Você vai digitá-la sempre que abrir sua biblioteca.
create-no_keychain = Este computador não tem um chaveiro para guardar sua chave. Por favor, escolha uma frase-senha.
create-passphrase = Frase-senha
create-passphrase_hint = Pelo menos 8 caracteres. Algumas palavras sem relação entre si são fáceis de lembrar.
create-passphrase_confirm = Digite de novo
create-passphrase_mismatch = As duas frases-senha não são iguais.
create-submit = Criar
create-cancel = Cancelar
create-working = Trancando sua nova biblioteca…

## recovery

recovery-title = Seu código de recuperação
recovery-explained = Se um dia o chaveiro deste computador ou a sua frase-senha se perderem, este código será o único jeito de abrir sua biblioteca. Anote-o em um papel e guarde-o em um lugar seguro. Ele só aparece agora.
recovery-acknowledge = Já anotei
recovery-continue = Continuar

## unlock

unlock-title = Abrir a biblioteca de { $name }
unlock-passphrase = Frase-senha
unlock-submit = Abrir
unlock-forgot = Esqueceu a frase-senha? Use o código de recuperação
unlock-recovery_code = Código de recuperação
unlock-recovery_hint = O código que você anotou, como ABCD-EFGH-… Maiúsculas e traços não fazem diferença.
unlock-new_passphrase = Nova frase-senha
unlock-new_passphrase_hint = Escolha uma frase-senha para abrir esta biblioteca daqui em diante.
unlock-use_recovery = Abrir com o código de recuperação
unlock-back = Voltar

## library

library-title = Sua biblioteca
library-new_note = Nova anotação
library-empty = Ainda não há nada aqui. Escreva sua primeira anotação ou traga a gravação de uma aula.
library-count =
    { $n ->
        [one] { $n } anotação
       *[other] { $n } anotações
    }

## note

note-untitled = Anotação sem título
note-title = Título
note-title_placeholder = Sobre o que é esta anotação?
note-body = Anotação
note-body_placeholder = Escreva aqui. Markdown funciona: # títulos, **negrito**, - listas.
note-save = Salvar
note-saved = Salvo
note-heading = Anotação
note-saving = Salvando…
note-unsaved = Ainda não salvo
note-delete = Apagar
note-delete_confirm = Apagar esta anotação para sempre?
note-delete_yes = Sim, apagar
note-back = Voltar à biblioteca
note-shortcut = Salva enquanto você escreve · Ctrl+S salva agora

## settings

settings-title = Configurações
settings-appearance = Aparência
settings-theme = Tema
settings-theme_system = Igual ao deste computador
settings-theme_light = Claro
settings-theme_dark = Escuro
settings-language = Idioma
settings-language_system = Igual ao deste computador
settings-language_hint = As palavras, datas e números do Satchel. O que você estuda pode estar em qualquer idioma.
settings-security = Segurança
settings-rotate_explained = Trocar a chave tranca de novo toda a sua biblioteca com uma chave nova e dá a você um novo código de recuperação. O código antigo para de funcionar.
settings-rotate = Trocar a chave
settings-rotating = Trancando sua biblioteca de novo…
settings-rotated = Sua biblioteca está trancada com uma chave nova.
settings-about = Sobre
settings-version = Versão
settings-encryption = Criptografia
settings-data_folder = Pasta de dados

## time

time-just_now = agora mesmo

## error

error-wrong_key = Essa frase-senha ou esse código não abre esta biblioteca. Nada foi alterado — tente de novo.
error-keychain_unavailable = O chaveiro deste computador não está respondendo, então a biblioteca não consegue abrir sozinha. Suas anotações estão seguras: abra-a com seu código de recuperação.
error-key_missing = O chaveiro deste computador não tem mais a chave desta biblioteca. Suas anotações estão seguras: abra-a com seu código de recuperação.
error-passphrase_required = Escolha uma frase-senha para proteger esta biblioteca.
error-profile_not_found = Esse estudante não está mais neste computador.
error-profile_exists = Já existe um estudante com esse nome. Escolha outro, por favor.
error-not_found = Essa anotação não está mais aqui. Talvez tenha sido apagada.
error-invalid_input = Algo no formulário precisa ser revisto.
error-locked = A biblioteca está trancada. Abra-a de novo, por favor.
error-storage = O Satchel não conseguiu ler ou gravar seus arquivos. Nada foi perdido; tente de novo.
error-internal = Algo inesperado deu errado. Nada foi perdido; tente de novo.
error-conflict = Isso já está em uso ou foi alterado em outro lugar antes. Nada foi perdido; confira e tente de novo.
error-forbidden = Esta conta não tem permissão para fazer isso. Peça ao professor ou a quem cuida do servidor.
error-no_shell = Esta página funciona dentro do aplicativo Satchel. Abra o Satchel para usá-la.

## library

library-import = Trazer um arquivo
speech-language = Idioma falado
speech-detect = Descobrir sozinho
speech-language_hint = O idioma das gravações que você traz ou faz. O Satchel pode descobrir sozinho, mas saber antes é mais rápido e seguro.
library-importing = Guardando…
library-drop_here = Solte arquivos aqui para trazê-los e criar pacotes de estudo
library-drop_hint = Ou solte gravações, imagens (PNG, JPEG, WebP), PDFs ou textos em qualquer lugar desta página para criar um pacote de estudo de cada um, ou cole uma imagem.
library-recordings = Gravações
library-notes = Anotações
library-import_failed = { $file }: { $reason }

## source

source-status-queued = Esperando para ser transcrita
source-status-transcribing = Transcrevendo…
source-status-ready = Transcrita
source-status-failed = A transcrição falhou
source-status-cancelled = Parada
source-progress = Transcrevendo { $title } — { $done } de { $total }
source-progress_open = Transcrevendo { $title } — { $done } até agora
source-cancel = Parar
source-retry = Transcrever de novo
source-retranscribe_in = Transcrever de novo em
source-back = Voltar à biblioteca
source-transcript = Transcrição
source-no_speech = Nenhuma fala foi ouvida nesta gravação.
source-waiting = A transcrição aparece aqui assim que estiver pronta. Enquanto isso, você pode continuar trabalhando.
source-play_from = Tocar a partir de { $time }
source-delete = Apagar
source-delete_confirm = Apagar esta gravação e sua transcrição para sempre?
source-delete_yes = Sim, apagar
source-language = Idioma
source-length = Duração
source-file = Arquivo

## error

error-model_missing = O modelo de fala do Satchel não está instalado neste computador, então ele ainda não consegue transcrever. Sua gravação fica guardada; ela poderá ser transcrita quando o modelo estiver aqui.
error-bad_media = O Satchel não consegue ler este arquivo. Ele lê gravações (WAV, MP3, FLAC, Ogg, M4A), imagens (PNG, JPEG, WebP) e PDFs.
error-cancelled = Parado. A gravação fica guardada; você pode transcrevê-la de novo quando quiser.
error-busy = Ainda há algo em andamento. Espere terminar, ou pare, e tente de novo.

## library

library-recordings_count =
    { $n ->
        [one] { $n } gravação
       *[other] { $n } gravações
    }

## error

error-no_microphone = Nenhum microfone respondeu. Conecte um, ou escolha um como entrada nas configurações de som do computador, e tente de novo.

## record

record-start = Gravar
record-title = Gravação, { $when }
record-label = Gravando do microfone
record-starting = Ligando o microfone…
record-from = Gravando de { $device }
record-level = Nível do som
record-stop = Parar e salvar
record-saving = Salvando…
record-discard = Descartar
record-discard_confirm = Jogar esta gravação fora? Não dá para recuperá-la depois.
record-discard_yes = Sim, descartar

## error

error-document_password = Este documento está protegido por senha. Digite a senha dele para abri-lo.

## source

source-status-queued_reading = Esperando para ser lido
source-status-reading = Lendo…
source-status-read = Lido
source-status-read_failed = A leitura falhou
source-no_text = Nenhum texto foi encontrado aqui.
source-picture = A imagem como foi trazida
source-text = Texto
source-page = Página { $n }
source-page_text = Texto da página { $n }
source-pages =
    { $n ->
        [one] { $n } página
       *[other] { $n } páginas
    }
source-page_unshown = Não dá para mostrar esta página; o texto dela está ao lado.
source-page_no_text = Não há texto nesta página.
source-pasted_title = Imagem colada
source-reading_pages = Lendo { $title } — página { $done } de { $total }
source-reading = Lendo { $title }…
source-password = A senha deste documento
source-open = Abrir
source-opening = Abrindo…

## nav

nav-ask = Perguntar
nav-topics = Temas

## search

search-placeholder = Buscar em tudo
search-label = Busque em suas anotações, fotos, gravações e documentos
search-submit = Buscar
search-indexing =
    Preparando coisas novas para a busca — { $done } de { $total ->
        [one] { $total } trecho
       *[other] { $total } trechos
    }
search-title = Encontrado para “{ $query }”
search-nothing = Nada encontrado. Tente outras palavras ou faça uma pergunta com suas próprias palavras.
search-at = em { $time }

## kind

kind-note = Anotação
kind-audio = Gravação
kind-image = Foto
kind-document = Documento
kind-text = Arquivo de texto

## ask

ask-title = Perguntar
ask-subtitle = Faça uma pergunta com suas próprias palavras. As respostas vêm das suas anotações, fotos, gravações e documentos.
ask-label = Sua pergunta
ask-placeholder = Como as plantas fazem seu alimento?
ask-submit = Perguntar
ask-asking = Procurando…
ask-nothing = Nada na sua biblioteca responde a isso ainda. Adicione anotações ou materiais sobre o assunto, ou pergunte de outro jeito.

## topics

topics-title = Temas
topics-subtitle = Do que tratam suas anotações, fotos, gravações e documentos, e quais deles têm um tema em comum.
topics-none = Ainda não há temas. Eles aparecem à medida que você adiciona anotações e materiais.
topics-shared = Temas em comum
topics-link = { $a } e { $b } tratam de { $topics }

## source

source-topics = Temas
source-also_in = também em

## nav

nav-jobs = Tarefas em segundo plano

## pack

pack-make = Criar um pacote de estudo
pack-open_last = Abrir o último pacote de estudo
pack-title = Pacote de estudo
pack-from = De “{ $title }”
pack-building = Criando seu pacote de estudo — etapa { $done } de { $total }
pack-building_hint = Você pode continuar usando o Satchel; o pacote aparece aqui quando estiver pronto.
pack-failed = Não foi possível criar este pacote de estudo. Nada foi perdido.
pack-see_jobs = Ver o que deu errado e tentar de novo
pack-summary = Resumo
pack-where_from = De onde isto vem
pack-cards =
    { $n ->
        [one] Cartões ({ $n })
       *[other] Cartões ({ $n })
    }
pack-cards_hint = Fique com os cartões que você quer estudar, corrija os que não estão bem certos e apague o resto. O Satchel aprende com as suas escolhas.
pack-quiz = Teste
pack-check = Conferir minhas respostas
pack-score = Você acertou { $right } de { $total }

## card

card-kind-cloze = Complete a lacuna
card-kind-definition = Pergunta
card-kind-term = Palavra-chave
card-kind-basic = Pergunta e resposta
card-kind-reversed = Nos dois sentidos
card-kind-choice = Múltipla escolha
card-kept = Mantido
card-edited = Editado
card-front = Frente
card-back = Verso
card-keep = Manter
card-edit = Editar
card-delete = Apagar
card-save = Salvar
card-why = Por que este cartão?
card-made_by = Feito pelo gerador “{ $generator }” a partir destas palavras:
card-open_source = Abrir “{ $title }” neste ponto

## jobs

jobs-title = Tarefas em segundo plano
jobs-subtitle = O que o Satchel está fazendo por você: lendo, preparando coisas para a busca e criando pacotes de estudo.
jobs-none = Nada em andamento.
jobs-kind-read = Lendo ou transcrevendo
jobs-kind-index = Preparando para a busca
jobs-kind-pack = Pacote de estudo: { $step }
jobs-step-extract = lendo o material
jobs-step-index = preparando para a busca
jobs-step-summary = escrevendo o resumo
jobs-step-concepts = encontrando as ideias principais
jobs-step-cards = criando cartões
jobs-step-quiz = criando o quiz
jobs-step-validate = conferindo os cartões
jobs-step-deliver = juntando tudo
jobs-queued = esperando
jobs-running = trabalhando
jobs-done = pronto
jobs-dead =
    { $n ->
        [one] falhou depois de { $n } tentativa
       *[other] falhou depois de { $n } tentativas
    }
jobs-cancelled = parado
jobs-retrying = vai tentar de novo em breve (tentativa { $n } de { $max })
jobs-retry = Tentar de novo
jobs-cancel = Parar

## settings

settings-helper = Ajudante na sua rede (opcional)
settings-helper_explained = Se a sua escola ou o seu professor tiver um modelo de linguagem na rede local, o Satchel pode pedir a ele que escreva perguntas de estudo melhores. A conexão é por https:// (acrescente #sha256= e a impressão digital do certificado dele, se ele mesmo criou o certificado), então nada passa pelo Wi-Fi sem proteção. O Satchel funciona muito bem sem ele; quando o ajudante não responde, o Satchel continua sozinho.
settings-helper_url = Endereço do ajudante
settings-helper_model = Nome do modelo
settings-helper_save = Salvar e testar
settings-helper_trying = Testando…
settings-helper_ok = O ajudante respondeu. Seus próximos pacotes de estudo podem usá-lo.
settings-helper_cleared = Nenhum ajudante definido. O Satchel cria os pacotes de estudo sozinho.
settings-helper_failed = Salvo, mas o ajudante não respondeu ({ $problem }). O Satchel continua sem ele e tenta de novo mais tarde.

## pack

pack-plain_by_helper = Em palavras mais simples, pelo ajudante na sua rede, a partir das frases abaixo:

## nav

nav-study = Estudar agora
nav-cards = Cartões
nav-progress = Progresso

## study

study-title = Estudar agora
study-nothing = Nada para estudar agora. Escreva um cartão ou crie um pacote de estudo a partir de algo da sua biblioteca.
study-reviews =
    { $n ->
        [one] { $n } revisão esperando
       *[other] { $n } revisões esperando
    }
study-start = Começar a revisar
study-known = Você já sabe { $percent } · de “{ $title }”
study-read = Ler de novo
study-pack = O pacote de estudo dele
study-new =
    { $n ->
        [one] { $n } cartão novo em { $deck }
       *[other] { $n } cartões novos em { $deck }
    }
study-learn = Aprender

## review

review-title = Revisão
review-picture_front = Imagem da pergunta: { $text }
review-picture_back = Imagem da resposta: { $text }
review-sound_front = Som da pergunta: { $text }
review-sound_back = Som da resposta: { $text }
review-progress = { $done } de { $total }
review-done = Tudo pronto por enquanto
review-done_summary =
    { $n ->
        [one] { $n } cartão respondido, { $seconds } s por cartão em média. O que vier depois vai estar esperando por você na hora certa.
       *[other] { $n } cartões respondidos, { $seconds } s por cartão em média. O que vier depois vai estar esperando por você na hora certa.
    }
review-new = Novo
review-seconds = { $n } s
review-show = Mostrar resposta
review-space = Espaço
review-from = De onde isto vem: { $title }
review-how_well = Você lembrou bem?
review-again = De novo
review-hard = Difícil
review-good = Bom
review-easy = Fácil
review-in_minutes = { $n } min
review-in_hours = { $n } h
review-in_days = { $n } d
review-in_months =
    { $n ->
        [one] { $n } mês
       *[other] { $n } meses
    }
review-undo = Desfazer
review-bury = Hoje não
review-suspend = Deixar de lado
review-hint = Dica
review-hint_text = Começa com “{ $first }”: { $letters ->
        [one] uma letra
       *[other] { $letters } letras
    }, { $words ->
        [one] uma palavra
       *[other] { $words } palavras
    }.
review-explain = Explicar
review-explained = Nas palavras de “{ $title }”
review-no_source = Este cartão foi escrito à mão: não tem uma fonte que o explique.
review-moment = Ouça em “{ $title }” aos { $time }
review-occluded = A imagem “{ $title }”, com uma legenda tapada
review-occluded_shown = A imagem “{ $title }”, com a legenda tapada destacada
tutor-title = Leia onde isto aparece
tutor-continue = Continuar
tutor-easier = Errado duas vezes: um cartão mais fácil sobre isto vem a seguir.

## cards

cards-title = Cartões
cards-decks = Baralhos
cards-deck_counts =
    { $cards ->
        [one] { $cards } cartão
       *[other] { $cards } cartões
    } · { $due } para revisar · { $new ->
        [one] { $new } novo
       *[other] { $new } novos
    }
cards-no_decks = Ainda não há cartões. Escreva um abaixo ou crie um pacote de estudo a partir da sua biblioteca.
cards-write = Escrever um cartão
cards-kind = Tipo de cartão
cards-deck = Baralho
cards-deck_default = Padrão
cards-front = Pergunta
cards-back = Resposta
cards-right = Resposta certa
cards-wrong = Respostas erradas, uma por linha
cards-cloze_text = Texto
cards-cloze_hint = Coloque o que deve ficar escondido entre chaves duplas: {"{{"}c1::Paris{"}}"} é a capital da {"{{"}c2::França{"}}"}. Cada número vira um cartão.
cards-add = Adicionar cartão
cards-saved =
    { $n ->
        [one] { $n } cartão adicionado.
       *[other] { $n } cartões adicionados.
    }
cards-in_deck = Cartões neste baralho
cards-unsuspend = Trazer de volta
cards-delete = Apagar

## progress

progress-title = Progresso
progress-reviews_total = Revisões
progress-retention = Lembrados (30 dias)
progress-due_today = Para revisar hoje
progress-time_total = Tempo revisando
progress-minutes =
    { $n ->
        [one] { $n } min
       *[other] { $n } min
    }
progress-cards = Cartões
progress-card_counts =
    { $new ->
        [one] { $new } novo
       *[other] { $new } novos
    } · { $learning } aprendendo · { $young ->
        [one] { $young } recente
       *[other] { $young } recentes
    } · { $mature ->
        [one] { $mature } maduro
       *[other] { $mature } maduros
    }
progress-as_table = Mostrar como tabela
progress-heatmap = Revisões no último ano
progress-heatmap_summary =
    { $n ->
        [one] { $n } revisão
       *[other] { $n } revisões
    } em { $days ->
        [one] { $days } dia.
       *[other] { $days } dias.
    }
progress-day_reviews =
    { $n ->
        [one] { $date }: { $n } revisão
       *[other] { $date }: { $n } revisões
    }
progress-day = Dia
progress-week = Semana
progress-reviews = Revisões
progress-retention_title = Lembrados na hora da revisão, por semana
progress-retention_summary = Nos últimos 30 dias, você lembrou { $percent } dos cartões na hora de revisá-los (sua meta era { $desired }).
progress-retention_none = Nenhum cartão chegou à hora da revisão ainda.
progress-recalled = Lembrados
progress-forecast = Cartões para revisar em breve
progress-forecast_summary = { $today } para revisar hoje, { $week } nos próximos 7 dias.
progress-due = Para revisar
progress-time = Tempo gasto
progress-time_summary =
    { $n ->
        [one] { $n } minuto revisando nos últimos 30 dias.
       *[other] { $n } minutos revisando nos últimos 30 dias.
    }
progress-mastery = Quanto você sabe de cada tema
progress-mastery_summary =
    { $n ->
        [one] Você sabe bem { $known } de { $n } tema.
       *[other] Você sabe bem { $known } de { $n } temas.
    }
progress-mastery_none = Crie um pacote de estudo e revise os cartões dele para ver quanto você sabe de cada tema.
progress-concept = Tema
progress-known = Conhecido
progress-scheduling = Revisões
progress-desired = Lembrar { $percent } dos cartões na hora de revisá-los
progress-desired_hint = Quanto mais alto, mais revisões; 90% serve para a maioria dos estudantes.
progress-new_per_day = Cartões novos por dia
progress-save = Salvar
progress-saved = Salvo.
progress-optimised =
    { $reviews ->
        [one] O Satchel aprendeu com a sua { $reviews } revisão como você lembra: as previsões dele melhoraram ({ $before } → { $after }, menor é melhor) e agora ele agenda com elas.
       *[other] O Satchel aprendeu com as suas { $reviews } revisões como você lembra: as previsões dele melhoraram ({ $before } → { $after }, menor é melhor) e agora ele agenda com elas.
    }
progress-optimised_kept =
    { $reviews ->
        [one] O Satchel analisou a sua { $reviews } revisão; o agendamento de sempre já a prevê tão bem quanto ({ $before } → { $after }), então ele continua.
       *[other] O Satchel analisou as suas { $reviews } revisões; o agendamento de sempre já as prevê tão bem quanto ({ $before } → { $after }), então ele continua.
    }
progress-not_optimised = Depois de umas 400 revisões, o Satchel aprende como você lembra e agenda para você. Revisões até agora: { $n }.
progress-optimise = Aprender com minhas revisões agora
progress-optimise_queued = Trabalhando nisso em segundo plano.

## cards

cards-import_anki = Trazer um baralho do Anki
cards-export_anki = Exportar todos os baralhos para o Anki
cards-export_short = Exportar para o Anki
cards-export_deck = Exportar { $deck } para o Anki
cards-exporting = Escrevendo o baralho para o Anki…
cards-exported =
    { $cards ->
        [one] { $cards } cartão escrito
       *[other] { $cards } cartões escritos
    } em { $decks ->
        [one] { $decks } baralho
       *[other] { $decks } baralhos
    }, com { $reviews ->
        [one] { $reviews } revisão anterior
       *[other] { $reviews } revisões anteriores
    } e { $media ->
        [one] { $media } imagem ou som
       *[other] { $media } imagens e sons
    }. O Anki abre o arquivo em Arquivo › Importar.
cards-exported_left_out = { $n ->
        [one] { $n } cartão de oclusão de imagem ficou de fora: o Anki os cria no seu próprio editor.
       *[other] { $n } cartões de oclusão de imagem ficaram de fora: o Anki os cria no seu próprio editor.
    }
cards-importing = Trazendo o baralho…
cards-imported =
    { $cards ->
        [one] { $cards } cartão trazido
       *[other] { $cards } cartões trazidos
    } em { $decks ->
        [one] { $decks } baralho
       *[other] { $decks } baralhos
    }, com { $reviews ->
        [one] { $reviews } revisão anterior
       *[other] { $reviews } revisões anteriores
    } e { $media ->
        [one] { $media } imagem ou som
       *[other] { $media } imagens e sons
    } ({ $here ->
        [one] { $here } já estava aqui
       *[other] { $here } já estavam aqui
    }).
cards-media = Imagens e sons
cards-media_front = Adicionar à pergunta…
cards-media_back = Adicionar à resposta…
cards-on_front = com a pergunta
cards-on_back = com a resposta
cards-remove_media = Remover

## sync

sync-offline = Sem conexão — as alterações ficam guardadas aqui
sync-offline_waiting =
    { $n ->
        [one] Sem conexão — { $n } alteração guardada aqui
       *[other] Sem conexão — { $n } alterações guardadas aqui
    }
sync-waiting =
    { $n ->
        [one] { $n } alteração esperando para sincronizar
       *[other] { $n } alterações esperando para sincronizar
    }
sync-synced = Sincronizado { $when }
sync-never = Ainda não sincronizado
sync-syncing = Sincronizando… { $size }
sync-syncing_label = Sincronizando
sync-sync_now = Sincronizar agora

## settings

settings-sync = Sincronização
settings-sync_explained = Entre no servidor de sincronização da sua escola ou da sua família, e suas anotações, cartões e revisões ficam iguais em todos os aparelhos que você usa. Tudo funciona sem isso também.
settings-sync_server = Endereço do servidor
settings-sync_name = Nome
settings-sync_password = Senha
settings-sync_sign_in = Entrar
settings-sync_signing_in = Entrando…
settings-sync_state = Sincronização
settings-sync_failed = A última sincronização não terminou ({ $problem }). Nada foi perdido: suas alterações ficam aqui e vão na próxima sincronização.
settings-sync_running = Sincronizando…
settings-sync_sign_out = Sair

## error

error-offline = O servidor de sincronização não respondeu. Nada foi perdido: suas alterações ficam aqui e vão na próxima sincronização. Confira a rede e o endereço do servidor.
error-sign_in_needed = Entre no servidor de sincronização (de novo), por favor. Nada foi perdido.

## source

source-original_elsewhere = Isto foi trazido em outro aparelho seu. O texto está aqui; o original chega na próxima sincronização.

## nav

nav-class = Turma

## class

class-title = Turma
class-lessons = Lições do seu professor
class-in_classes = Você está em: { $classes }
class-no_lessons = Ainda não há lições. Quando seu professor passar uma, ela aparece aqui e em Estudar agora depois da próxima sincronização.
class-lesson_from = De { $teacher } · { $class }
class-lesson_progress =
    { $cards ->
        [one] { $studied } de { $cards } cartão estudado
       *[other] { $studied } de { $cards } cartões estudados
    }
class-lesson_progress_label = Quanto da lição já foi estudado
class-read = Ler
class-study = Estudar
class-join = Entrar em uma turma
class-looking = Procurando salas de aula por perto…
class-none_found = Nenhuma sala de aula respondeu por perto. Peça o endereço ao seu professor e digite-o abaixo.
class-look_again = Procurar de novo
class-nearby = Salas de aula por perto
class-address = Endereço do servidor da turma
class-code = Código da turma
class-joining = Entrando…
class-join_button = Entrar
class-joined = Você entrou em { $class } ({ $teacher }). As lições da turma chegam a cada sincronização.
class-teach = Dar aula para uma turma
class-teach_hint = Ligue o servidor da turma neste notebook: os aplicativos dos alunos na mesma rede o encontram e entram com um código. Não precisa de internet.
class-start = Ligar o servidor da turma
class-starting = Ligando…
class-stop = Desligar o servidor da turma
class-hosting = O servidor da turma está funcionando em
class-hosting_hint = Os alunos o escolhem entre as salas de aula por perto, ou digitam este endereço se a rede deles o esconder.
class-new_class = Nova turma
class-new_class_placeholder = Ciências do 7º ano
class-create = Criar a turma
class-code_is = Os alunos entram com o código
class-students =
    { $n ->
        [one] { $n } aluno
       *[other] { $n } alunos
    }
class-assign_what = Lição para passar (material com pacote de estudo)
class-choose_material = Escolher da sua biblioteca…
class-assign_to = Para
class-whole_class_hint = Marque alunos para dar a lição só a eles; não marque nenhum para dar à turma toda (e a quem entrar depois).
class-assign = Passar
class-assigning = Enviando a lição…
class-assigned =
    { $n ->
        [one] Passada para { $n } aluno. Ela chega quando o aplicativo dele sincronizar de novo.
       *[other] Passada para { $n } alunos. Ela chega a cada um quando o aplicativo dele sincronizar de novo.
    }
class-refresh = Atualizar o painel
class-completion = Lições
class-no_assignments = Nenhuma lição passada ainda.
class-done_of =
    { $done ->
        [one] { $done } terminou
       *[other] { $done } terminaram
    }, { $started ->
        [one] { $started } começou
       *[other] { $started } começaram
    }, de { $n }
class-matrix = O que cada aluno sabe, por conceito
class-matrix_summary =
    { $students ->
        [one] { $students } aluno
       *[other] { $students } alunos
    } e { $concepts ->
        [one] { $concepts } conceito
       *[other] { $concepts } conceitos
    }; quanto mais escuro, mais o aluno sabe; cinza é o que ainda não foi estudado. { $struggles ->
        [one] { $struggles } ponto em que um aluno está com dificuldade.
       *[other] { $struggles } pontos em que um aluno está com dificuldade.
    }
class-not_yet = ainda não
class-student = Aluno
class-struggling = Quem está com dificuldade em quê
class-nobody_struggling = Ninguém está com dificuldade em nada que já estudou.
class-struggles_with = { $student } — { $concept } ({ $percent })
class-bundle = Sem rede? Leve tudo em um pendrive
class-bundle_hint = Grave suas anotações, cartões, revisões e biblioteca em um arquivo e traga-o em outro computador (ou traga de lá um arquivo para cá). Ele é selado: só este computador e quem tiver o código do pacote podem abri-lo. Ele se junta como uma sincronização; nada se perde em nenhum dos dois lados.
class-export = Gravar um pacote…
class-import = Trazer um pacote…
class-bundle_working = Trabalhando… isso pode levar um minuto se a biblioteca for grande.
class-exported =
    { $docs ->
        [one] { $docs } documento
       *[other] { $docs } documentos
    } e { $media ->
        [one] { $media } arquivo gravados.
       *[other] { $media } arquivos gravados.
    }
class-imported =
    { $docs ->
        [one] { $docs } documento juntado
       *[other] { $docs } documentos juntados
    }. Novos ou alterados aqui: { $reviews ->
        [one] { $reviews } revisão
       *[other] { $reviews } revisões
    }, { $cards ->
        [one] { $cards } cartão
       *[other] { $cards } cartões
    }, { $notes ->
        [one] { $notes } anotação
       *[other] { $notes } anotações
    }; { $media ->
        [one] { $media } arquivo trazido.
       *[other] { $media } arquivos trazidos.
    }

## study

study-lesson = { $title } — uma lição de { $teacher }
study-lesson_left =
    { $cards ->
        [one] { $left } de { $cards } cartão para estudar
       *[other] { $left } de { $cards } cartões para estudar
    }

## class

class-roster = Alunos
class-lessons_to_stick = Lições para um pendrive…
class-progress_from_stick = Trazer o progresso de um aluno de um pendrive…
class-no_network_hint = Não tem rede na sala de aula? Adicione os alunos pelo nome, grave as lições de cada um em um pendrive e traga o progresso deles de volta do mesmo jeito. Quando mais tarde eles entrarem por uma rede, tudo se junta.
class-add_student = Adicionar um aluno pelo nome
class-add = Adicionar
class-student_added = { $name } está na turma. As lições já podem ir para um pendrive.
class-student_bundle_out = As lições do aluno foram gravadas e seladas. Entregue a ele o pendrive e o código do pacote: { $code }. No notebook dele: Turma → Trazer um pacote.
class-student_bundle_in =
    Progresso de { $name } recebido ({ $docs ->
        [one] { $docs } documento alterado
       *[other] { $docs } documentos alterados
    }).
class-remove = Tirar da turma
class-remove_confirm = Tirar { $name } da turma? As lições que já tem continuam com essa pessoa; as novas não vão chegar.
class-remove_yes = Tirar
class-remove_no = Manter
class-student_removed = { $name } não está mais na turma.
class-legend = O que as cores significam
class-legend_0 = abaixo de { $low }
class-legend_1 = de { $low } a { $high }
class-legend_2 = de { $low } a { $high }
class-legend_3 = de { $low } a { $high }
class-legend_4 = { $low } ou mais

## startup

startup-failed-title = O Satchel não consegue iniciar
startup-failed-body = O Satchel não conseguiu abrir. Nada na sua biblioteca foi alterado. Se isso acontecer de novo, mostre esta mensagem a quem cuida deste computador.

## error

error-untrusted = O Satchel não aceitou isto: não passou em uma verificação de segurança, então nada foi alterado nem enviado.

## models

models-title = O que o Satchel consegue fazer neste computador
models-transcribe_english = Escrever gravações em inglês
models-transcribe_other_languages = Escrever gravações em outros idiomas
models-read_images = Ler fotos e páginas digitalizadas
models-read_other_scripts = Ler hindi e árabe em fotos e digitalizações
models-search_by_meaning = Buscar pelo sentido, conceitos e pacotes de estudo
models-ready = pronto
models-missing = precisa de um pacote de modelos
models-missing_tesseract = precisa do Tesseract: no Linux, instale os pacotes tesseract-ocr-hin e tesseract-ocr-ara; no Windows, instale o Satchel de novo
models-pack_explained = Um pacote de modelos traz o que está faltando. É um único arquivo, de um pendrive ou do seu professor; o Satchel confere a assinatura dele antes de usar qualquer coisa dele.
models-imported = O pacote de modelos { $version } está em uso.
models-import = Trazer um pacote de modelos…
models-importing = Conferindo e trazendo o pacote de modelos…
models-import_done = O pacote de modelos foi conferido e trazido. O que ele traz já funciona.
models-banner = Algumas coisas que o Satchel faz precisam de modelos que este computador não tem: { $missing }.
models-banner_link = Trazer um pacote de modelos

## update

update-title = Atualizar o Satchel
update-explained = Uma atualização pode vir em um pendrive. O Satchel confere se ela está assinada, completa e se é mais nova antes de mostrá-la; nada muda até você escolher instalar.
update-choose = Conferir um arquivo de atualização…
update-checking = Conferindo…
update-offer = O Satchel { $version } está pronto para instalar (a sua versão é a { $current }).
update-install = Instalar
update-not_now = Agora não
update-installed = A atualização foi instalada. Ela passa a valer na próxima vez que o Satchel iniciar.

## offers

offers-title = Da sua turma
offers-explained = O Satchel do seu professor distribui estes itens pela rede da sala de aula. O Satchel confere se cada um está assinado, completo e se é mais novo antes de usá-lo.
offers-update = Satchel { $version }
offers-models = Pacote de modelos { $version }
offers-take = Pegar
offers-have_it = Já está neste computador
offers-models_taken = O pacote de modelos { $version } foi conferido e trazido. O que ele traz já funciona.
offers-update_taken = A atualização foi conferida. Veja “Atualizar o Satchel” para instalá-la quando quiser.
offers-offered_title = Distribuído para seus alunos
offers-offered_hint = Os aplicativos dos alunos neste servidor da turma podem pegar estes itens: uma atualização do Satchel e os modelos para um computador que não os tenha.
offers-offer_models = Distribuir os modelos deste computador
offers-offer_file = Distribuir um arquivo de pacote…
offers-withdraw = Parar
offers-withdraw_named = Parar de distribuir { $what }

## error

error-confirm_server = O Satchel ainda não conhece este servidor da turma. Antes de enviar qualquer coisa, confira se a tela do professor mostra as mesmas palavras.

## class

class-address_placeholder = 192.168.1.20:7480, ou o link de entrada do professor
class-code_in_link = Não precisa com um link de entrada
class-confirm_server = Este computador está se conectando a este servidor pela primeira vez. A tela do seu professor (ou de quem cuida do servidor) mostra estas palavras?
class-confirm_server_hint = Palavras iguais mostram que você chegou ao servidor verdadeiro, e não a alguém se passando por ele. Nada foi enviado ainda.
class-words_match = São iguais: entrar
class-words_differ_button = Não são iguais
class-words_differ = As palavras não eram iguais, então nada foi enviado. Avise seu professor: alguém nesta rede pode estar se passando pelo servidor da turma.
class-hosting_words = Os alunos que digitarem o endereço conferem estas palavras:
class-join_link = Link de entrada e QR code
class-join_link_hint = O Satchel de um aluno entra só com este link: ele indica este servidor da turma, o código e a impressão digital que prova que o servidor é seu.
class-join_link_qr = QR code do link de entrada
class-claim_code_is = { $name } entra com o código da turma e este código de uso único: { $code } (funciona uma vez, por uma semana).
class-added_by_name = Meu professor me adicionou pelo nome
class-claim_code = Código de uso único do seu professor
class-new_code = Novo código
class-code_until = Vale até { $date }. Um código novo cancela o antigo.
class-export_progress = Gravar meu progresso para o professor…
class-progress_written = Seu progresso foi gravado para o professor. Só o servidor da sua turma pode abri-lo.
class-bundle_code_is = O código do pacote (o outro computador pede uma vez):
class-bundle_code_ask = Este pacote está selado. Digite o código do pacote (24 dígitos): o que apareceu onde ele foi gravado ou o que seu professor lhe deu.
class-bundle_code_open = Abrir
class-student_code = Código do pacote:

## error

error-bundle_code = Este pacote precisa do código dele para abrir.
error-full = Sua conta não tem mais espaço no servidor. Nada foi perdido: tudo continua neste computador. Peça mais espaço a quem cuida do servidor.

## error-detail: exactly what was wrong, from the core's detail (the placeholders
## are filled in by the window; $field and $file choose the sentence)

error-detail-required =
    { $field ->
        [profile_name] Digite um nome, por favor.
        [passphrase] Digite uma frase-senha, por favor.
        [note_title] Dê um título à anotação, por favor.
        [card_front] A frente do cartão está vazia.
        [card_back] O verso do cartão está vazio.
        [deck_name] Dê um nome ao baralho, por favor.
        [join_name] Digite o nome com que você vai entrar na turma, por favor.
        [join_code] Digite o código da turma, por favor.
       *[other] Falta preencher algo que é necessário.
    }
error-detail-too_long =
    { $field ->
        [profile_name]
            Um nome pode ter no máximo { $max ->
                [one] { $max } caractere
               *[other] { $max } caracteres
            }.
        [note_title]
            O título de uma anotação pode ter no máximo { $max ->
                [one] { $max } caractere
               *[other] { $max } caracteres
            }.
        [card_front]
            A frente de um cartão pode ter no máximo { $max ->
                [one] { $max } caractere
               *[other] { $max } caracteres
            }.
        [card_back]
            O verso de um cartão pode ter no máximo { $max ->
                [one] { $max } caractere
               *[other] { $max } caracteres
            }.
        [deck_name]
            O nome de um baralho pode ter no máximo { $max ->
                [one] { $max } caractere
               *[other] { $max } caracteres
            }.
       *[other]
            Isto passa do limite de { $max ->
                [one] { $max } caractere
               *[other] { $max } caracteres
            }.
    }
error-detail-too_short =
    { $field ->
        [passphrase]
            Uma frase-senha precisa ter pelo menos { $min ->
                [one] { $min } caractere
               *[other] { $min } caracteres
            }.
       *[other]
            Isto precisa ter pelo menos { $min ->
                [one] { $min } caractere
               *[other] { $min } caracteres
            }.
    }
error-detail-one_line =
    { $field ->
        [profile_name] Um nome precisa ficar em uma só linha, com letras comuns.
        [deck_name] O nome de um baralho precisa ficar em uma só linha, com letras comuns.
       *[other] Isto precisa ficar em uma só linha, com letras comuns.
    }
error-detail-cloze_unmarked = Coloque entre chaves duplas as palavras que devem ficar escondidas, assim: {"{{"}c1::Paris{"}}"}.
error-detail-cloze_empty = Cada par de chaves duplas precisa esconder alguma palavra: {"{{"}c1::{"}}"} está vazio.
error-detail-no_wrong_choice = Um cartão de múltipla escolha precisa de pelo menos uma resposta errada.
error-detail-too_many_choices =
    Um cartão de múltipla escolha pode ter no máximo { $max ->
        [one] { $max } opção
       *[other] { $max } opções
    }.
error-detail-recovery_code_shape =
    Um código de recuperação tem { $letters ->
        [one] { $letters } letra ou número
       *[other] { $letters } letras e números
    } em grupos de { $group }, como ABCD-EFGH-…
error-detail-card_suspended = Este cartão foi deixado de lado. Primeiro, traga-o de volta para as revisões.
error-detail-nothing_to_undo = Não há nenhuma resposta para desfazer.
error-detail-too_few_reviews =
    O Satchel aprende com as suas revisões quando já há bastante; { $reviews ->
        [one] { $reviews } revisão ainda não é o suficiente.
       *[other] { $reviews } revisões ainda não são o suficiente.
    }
error-detail-not_https = O Satchel só se conecta a outros computadores por https. Confira o endereço: { $address }
error-detail-not_an_address = Este não é o endereço de um servidor: { $address }
error-detail-file_too_large = Este arquivo passa do limite de { $size } que o Satchel aceita de uma vez. Nada foi perdido.
error-detail-note_too_large = Uma anotação guarda no máximo { $size } de texto. Divida-a em várias anotações.
error-detail-recording_too_long = O Satchel aceita gravações de até { $length } de uma vez. O que foi gravado até ali fica guardado.
error-detail-unsupported_file =
    { $file ->
        [audio] O Satchel não consegue ler este arquivo como gravação. Ele lê WAV, MP3, FLAC, Ogg e M4A.
        [image] O Satchel não consegue ler este arquivo como imagem. Ele lê PNG, JPEG e WebP.
       *[document] O Satchel não consegue ler este arquivo como documento. Ele lê PDFs.
    }
error-detail-damaged_file =
    { $file ->
        [audio] Esta gravação está danificada, então o Satchel não consegue lê-la. Nada mais foi alterado.
        [image] Esta imagem está danificada, então o Satchel não consegue lê-la. Nada mais foi alterado.
       *[document] Este documento está danificado, então o Satchel não consegue lê-lo. Nada mais foi alterado.
    }
error-detail-no_sound = Esta gravação não tem nenhum som para transcrever.
error-detail-model_missing = Um modelo de que o Satchel precisa ({ $model }) não está neste computador. Instale o Satchel de novo ou traga um pacote de modelos do seu professor.
error-detail-unsupported_processor = Falta { $missing } no processador deste computador, e isso é necessário para transcrever falas. Todo o resto do Satchel funciona.

## backups

backups-title = Cópias de segurança
backups-explained = O Satchel faz uma cópia da sua biblioteca sozinho a cada meia hora de uso, e guarda as mais recentes, uma por dia durante uma semana e uma por semana durante um mês. Uma cópia fica trancada como a sua biblioteca: a sua frase-senha, o chaveiro deste computador ou o seu código de recuperação a abre. Guarde também uma num pen drive, caso perca este computador.
backups-now = Fazer cópia agora
backups-to_folder = Copiar para uma pasta ou pen drive…
backups-restore_file = Restaurar de um arquivo…
backups-working = Trabalhando…
backups-made = Cópia feita ({ $date }):
backups-restored = A sua biblioteca voltou a estar como em { $date }.
backups-replaced_kept = A biblioteca substituída fica guardada como cópia.
backups-restore_this = Restaurar a cópia de { $date }
backups-restore = Restaurar…
backups-none = Ainda não há cópias.
backups-confirm = Substituir a biblioteca de { $name } pela de { $date }?
backups-confirm_kept = A sua biblioteca como está agora é guardada antes como cópia, então nada se perde.
backups-passphrase_then = A frase-senha que a biblioteca tinha então
backups-restore_confirm = Restaurar
backups-contents =
    { $notes ->
        [one] { $notes } nota
       *[other] { $notes } notas
    }, { $sources ->
        [one] { $sources } fonte
       *[other] { $sources } fontes
    }, { $cards ->
        [one] { $cards } cartão
       *[other] { $cards } cartões
    }, { $reviews ->
        [one] { $reviews } revisão
       *[other] { $reviews } revisões
    }
backups-contents_unknown = a biblioteca como estava antes de uma restauração
backups-kind-automatic = automática
backups-kind-manual = feita por você
backups-kind-before_restore = guardada antes de restaurar
welcome-restore = Restaurar uma cópia…
welcome-restore_title = Restaurar a biblioteca de { $name } de { $date }

## learner

learner-title = Estudante
learner-name = Nome
learner-rename = Renomear
learner-renamed = Nome alterado.
learner-protection = O que abre esta biblioteca
learner-by_keychain = O chaveiro deste computador a abre, sem digitar nada. Escolha uma frase-senha se outras pessoas usam esta conta do computador.
learner-by_passphrase = A sua frase-senha a abre.
learner-current_passphrase = Frase-senha atual
learner-new_passphrase = Nova frase-senha
learner-use_passphrase = Usar uma frase-senha
learner-change_passphrase = Mudar a frase-senha
learner-use_keychain = Usar o chaveiro deste computador
learner-protected_passphrase = De agora em diante a sua frase-senha abre esta biblioteca.
learner-protected_keychain = De agora em diante o chaveiro deste computador abre esta biblioteca.
learner-mismatch = As duas frases-senha são diferentes.
learner-remove_title = Remover este estudante
learner-remove = Remover este estudante…
learner-remove_explained = Isto remove { $name } e tudo da sua biblioteca deste computador.
learner-type_name = Digite { $name } para confirmar
learner-keep_backup = Guardar antes uma última cópia (pode ser restaurada depois)
learner-remove_confirm = Remover

## help

nav-help = Ajuda
help-title = Ajuda
help-start = Para começar
help-step-bring = Traga aquilo com que você aprende: escreva uma nota, ou traga uma foto do quadro, a gravação de uma aula, um PDF ou um arquivo de texto. O Satchel lê e transcreve neste computador, sem internet.
help-step-pack = Abra uma nota ou uma fonte e faça um pacote de estudo: um resumo, cartões e um questionário, cada um ligado às palavras de onde veio.
help-step-study = Toque em Estudar agora: o Satchel pergunta o que está na hora, agenda cada cartão conforme você o sabia, e Progresso mostra o que você sabe.
help-step-share = Sincronize com seus outros dispositivos ou entre numa turma quando houver rede; a sua biblioteca fica neste computador de qualquer forma.
help-step-safe = A sua biblioteca é cifrada e copiada a cada meia hora de uso. Guarde o seu código de recuperação e uma cópia num pen drive.
help-shortcuts = Atalhos de teclado
help-keys-everywhere = Em todo lugar
help-keys-notes = Notas
help-keys-review = Estudar cartões
help-key = Tecla
help-does = O que faz
help-key-question = ?
help-key-slash = /
help-key-tab = Tab e Shift+Tab
help-key-ctrl_s = Ctrl+S
help-key-space = Espaço ou Enter
help-key-ratings = 1 2 3 4
help-key-choices = 1 a 8
help-key-h = H
help-key-e = E
help-key-u = U
help-does-help = Abrir esta lista de atalhos
help-does-search = Pesquisar nas suas notas e fontes
help-does-move = Mover entre controles; Enter ou Espaço aciona um
help-does-save = Salvar a nota agora (ela também é salva enquanto você digita)
help-does-show = Mostrar a resposta
help-does-rate = De novo, Difícil, Bom, Fácil
help-does-choose = Escolher uma opção num cartão de múltipla escolha
help-does-hint = Uma dica, antes da resposta
help-does-explain = Explicar o cartão pela sua fonte, depois da resposta
help-does-undo = Desfazer a última resposta

## csv

progress-save_reviews_csv = Salvar revisões como CSV
progress-save_mastery_csv = Salvar o que sei como CSV
class-save_csv = Salvar como CSV
csv-saved = Salvo: { $path }

# Imprimir: uma página em papel ou como PDF.
print-print = Imprimir…
print-save_pdf = Salvar como PDF
print-saved = Salvo: { $path }
sheet-title = { $deck }: perguntas
sheet-questions = Perguntas
sheet-answers = Respostas
sheet-empty = Este baralho não tem cartões para imprimir.
cards-sheet = Folha
cards-sheet_of = Imprimir { $deck } como folha de perguntas
class-printable = Relatório para imprimir
class-report_title = { $class }: relatório da turma
progress-print_name = Progresso de { $learner }

# A lição de exemplo, oferecida numa biblioteca vazia.
sample-title = Experimente uma lição de exemplo
sample-explained = Veja o que o Satchel faz com uma lição antes de trazer as suas: anotações digitadas, uma foto do quadro, uma aula gravada e duas páginas de um livro sobre o ciclo da água são lidas neste computador e viram pacotes de estudo, com cartões para revisar.
sample-start = Trazer a lição de exemplo
sample-making = Preparando os pacotes de estudo da lição de exemplo
sample-open_pack = Abrir o pacote
sample-failed = Não foi possível preparar este pacote.
sample-waiting = Em preparação
sample-ready = Os quatro pacotes de estudo estão prontos.
sample-study = Estudar agora

# Lembretes: um aviso quando há revisões à espera.
reminder-title = Há revisões à sua espera
reminder-body =
    { $n ->
        [one] { $learner }, { $n } cartão está pronto para revisar no Satchel.
       *[other] { $learner }, { $n } cartões estão prontos para revisar no Satchel.
    }
reminders-title = Lembretes
reminders-explained = Enquanto o Satchel está aberto, um aviso diz quando há cartões prontos para revisar, no máximo uma vez a cada quatro horas.
reminders-on = Avisar-me quando houver revisões
reminders-child = Esta é a biblioteca de uma criança
reminders-child_hint = A biblioteca de uma criança começa com os lembretes desligados; um responsável pode ligá-los aqui.
