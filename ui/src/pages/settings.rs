//! Settings: appearance, changing the key, and what this Satchel is.

use leptos::prelude::*;
use leptos::task::spawn_local;
use satchel_types::{
    Ability, AboutView, ModelStatus, OfferTaken, PackOffer, PackOfferKind, Protection, UpdateOffer,
    command,
};

use super::recovery::RecoveryCodeNotice;
use crate::app::session;
use crate::i18n::t;
use crate::ipc;
use crate::theme::Theme;
use crate::widgets::ErrorBanner;

#[component]
pub fn Settings() -> impl IntoView {
    let session = session();
    let theme = RwSignal::new(Theme::load());
    let about = RwSignal::new(None::<AboutView>);
    let error = RwSignal::new(None);
    let rotating = RwSignal::new(false);
    let new_code = RwSignal::new(None::<String>);
    let rotated = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let needs_passphrase = move || {
        session.profile.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.protection == Protection::Passphrase)
        })
    };

    spawn_local(async move {
        match ipc::invoke(command::About {}).await {
            Ok(view) => about.set(Some(view)),
            Err(e) => error.set(Some(e)),
        }
    });

    let rotate = move |_| {
        rotating.set(true);
        error.set(None);
        let args = command::RotateKey {
            passphrase: needs_passphrase().then(|| passphrase.get_untracked()),
        };
        spawn_local(async move {
            let result = ipc::invoke(args).await;
            rotating.set(false);
            match result {
                Ok(view) => new_code.set(Some(view.recovery_code)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let theme_choice = move |value: Theme, key: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="theme" prop:checked=move || theme.get() == value
                    on:change=move |_| {
                        theme.set(value);
                        value.apply_and_save();
                    }/>
                {t(key)}
            </label>
        }
    };
    let code_done = Callback::new(move |()| {
        new_code.set(None);
        rotated.set(true);
    });
    // Models and an update may also come from the class: the cards show what arrived.
    let models_changed = RwSignal::new(0u32);
    let update_offer = RwSignal::new(None::<UpdateOffer>);

    view! {
        <div class="page settings">
            <header class="page-header"><h1>{t("settings-title")}</h1></header>
            <ErrorBanner error/>
            <section class="card" aria-labelledby="appearance-title">
                <h2 id="appearance-title">{t("settings-appearance")}</h2>
                <fieldset>
                    <legend>{t("settings-theme")}</legend>
                    {theme_choice(Theme::System, "settings-theme_system")}
                    {theme_choice(Theme::Light, "settings-theme_light")}
                    {theme_choice(Theme::Dark, "settings-theme_dark")}
                </fieldset>
                <crate::widgets::LanguagePicker id="language"/>
            </section>
            <Reminders/>
            <super::sync::SyncSettingsCard/>
            <section class="card" aria-labelledby="security-title">
                <h2 id="security-title">{t("settings-security")}</h2>
                {move || match new_code.get() {
                    Some(code) => view! { <RecoveryCodeNotice code on_done=code_done/> }.into_any(),
                    None => view! {
                        <p class="prose">{t("settings-rotate_explained")}</p>
                        <Show when=needs_passphrase>
                            <div class="field">
                                <label for="rotate-passphrase">{t("unlock-passphrase")}</label>
                                <input id="rotate-passphrase" type="password" autocomplete="current-password"
                                    on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                            </div>
                        </Show>
                        <div class="actions">
                            <button id="rotate-key" class="button" disabled=move || rotating.get() on:click=rotate>
                                {move || if rotating.get() { t("settings-rotating") } else { t("settings-rotate") }}
                            </button>
                        </div>
                        <Show when=move || rotated.get()>
                            <p class="banner ok" role="status">{t("settings-rotated")}</p>
                        </Show>
                    }.into_any(),
                }}
            </section>
            <super::learner::LearnerCard/>
            <super::backups::BackupsCard/>
            <ModelsCard changed=models_changed/>
            <UpdateCard offer=update_offer/>
            <ClassOffersCard models_changed update_offer/>
            <HelperSettingsCard/>
            <section class="card" aria-labelledby="about-title">
                <h2 id="about-title">{t("settings-about")}</h2>
                {move || about.get().map(|about| view! {
                    <dl class="facts">
                        <dt>{t("settings-version")}</dt><dd>{about.version}</dd>
                        <dt>{t("settings-encryption")}</dt><dd>{format!("SQLCipher {}", about.cipher_version)}</dd>
                        <dt>{t("settings-data_folder")}</dt><dd class="mono">{about.data_dir}</dd>
                    </dl>
                })}
            </section>
        </div>
    }
}

/// The optional helper on the network: its address and model, tried when saved.
#[component]
fn HelperSettingsCard() -> impl IntoView {
    let url = RwSignal::new(String::new());
    let model = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<bool, String>>);
    let saving = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(Some(settings)) = ipc::invoke(command::Helper {}).await {
            url.set(settings.url);
            model.set(settings.model);
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saving.set(true);
        let args = command::SetHelper {
            url: url.get_untracked(),
            model: model.get_untracked(),
        };
        let cleared = args.url.trim().is_empty();
        spawn_local(async move {
            let result = ipc::invoke(args).await;
            outcome.set(Some(match result {
                Ok(None) => Ok(!cleared),
                Ok(Some(problem)) => Err(problem.message),
                Err(e) => Err(crate::widgets::error_text(&e)),
            }));
            saving.set(false);
        });
    };
    view! {
        <section class="card" aria-labelledby="helper-title">
            <h2 id="helper-title">{t("settings-helper")}</h2>
            <p class="prose">{t("settings-helper_explained")}</p>
            <form on:submit=save>
                <div class="field">
                    <label for="helper-url">{t("settings-helper_url")}</label>
                    <input id="helper-url" type="url" placeholder="https://192.168.1.20:8443/#sha256=…"
                        prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="helper-model">{t("settings-helper_model")}</label>
                    <input id="helper-model" type="text"
                        prop:value=move || model.get() on:input=move |ev| model.set(event_target_value(&ev))/>
                </div>
                <div class="actions">
                    <button id="save-helper" type="submit" class="button" disabled=move || saving.get()>
                        {move || if saving.get() { t("settings-helper_trying") } else { t("settings-helper_save") }}
                    </button>
                </div>
            </form>
            {move || outcome.get().map(|outcome| match outcome {
                Ok(true) => view! { <p class="banner ok" role="status" id="helper-status">{t("settings-helper_ok")}</p> }.into_any(),
                Ok(false) => view! { <p class="banner ok" role="status" id="helper-status">{t("settings-helper_cleared")}</p> }.into_any(),
                Err(problem) => view! {
                    <p class="banner error" role="alert" id="helper-status">
                        {crate::i18n::t_with("settings-helper_failed", &[("problem", &problem)])}
                    </p>
                }.into_any(),
            })}
        </section>
    }
}

/// The key of an ability's name.
pub fn ability_key(ability: Ability) -> &'static str {
    match ability {
        Ability::TranscribeEnglish => "models-transcribe_english",
        Ability::TranscribeOtherLanguages => "models-transcribe_other_languages",
        Ability::ReadImages => "models-read_images",
        Ability::ReadOtherScripts => "models-read_other_scripts",
        Ability::SearchByMeaning => "models-search_by_meaning",
    }
}

/// What the models on this computer let Satchel do, and a model pack to bring in what
/// is missing (from a USB stick, or a file the class server handed out).
#[component]
fn ModelsCard(changed: RwSignal<u32>) -> impl IntoView {
    let status = RwSignal::new(None::<ModelStatus>);
    let error = RwSignal::new(None);
    let importing = RwSignal::new(false);
    let imported = RwSignal::new(false);
    Effect::new(move |_| {
        changed.track();
        spawn_local(async move {
            match ipc::invoke(command::Models {}).await {
                Ok(view) => status.set(Some(view)),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let import = move |_| {
        error.set(None);
        imported.set(false);
        spawn_local(async move {
            let path = match ipc::invoke(command::PickModelPack {}).await {
                Ok(Some(path)) => path,
                Ok(None) => return,
                Err(e) => return error.set(Some(e)),
            };
            importing.set(true);
            let result = ipc::invoke(command::ImportModelPack { path }).await;
            importing.set(false);
            match result {
                Ok(view) => {
                    status.set(Some(view));
                    imported.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" id="models" aria-labelledby="models-title">
            <h2 id="models-title">{t("models-title")}</h2>
            <ErrorBanner error/>
            {move || status.get().map(|status| view! {
                <ul class="abilities" id="abilities">
                    {
                    // Hindi and Arabic are read in what PP-OCR finds: without it, the
                    // pack that brings it is what is missing, not Tesseract.
                    let images_ready = status
                        .abilities
                        .iter()
                        .any(|a| a.ability == Ability::ReadImages && a.ready);
                    status.abilities.into_iter().map(move |a| {
                        let state = if a.ready {
                            t("models-ready")
                        } else if a.ability.comes_in_model_packs() || !images_ready {
                            t("models-missing")
                        } else {
                            t("models-missing_tesseract")
                        };
                        view! {
                            <li data-ability=format!("{:?}", a.ability) data-ready=a.ready.to_string()>
                                <strong>{t(ability_key(a.ability))}</strong>": "{state}
                            </li>
                        }
                    }).collect_view()
                    }
                </ul>
                <p class="prose">{match status.imported_pack {
                    Some(version) => crate::i18n::t_with("models-imported", &[("version", &version)]),
                    None => t("models-pack_explained"),
                }}</p>
            })}
            <div class="actions">
                <button id="import-model-pack" type="button" class="button" on:click=import
                    disabled=move || importing.get() aria-busy=move || importing.get().to_string()>
                    {move || if importing.get() { t("models-importing") } else { t("models-import") }}
                </button>
            </div>
            <Show when=move || imported.get()>
                <p class="banner ok" role="status" id="models-imported">{t("models-import_done")}</p>
            </Show>
        </section>
    }
}

/// An update of Satchel from a file (a USB stick's): checked whole first, then shown
/// with what changes, and installed only when the learner chooses.
#[component]
fn UpdateCard(offer: RwSignal<Option<UpdateOffer>>) -> impl IntoView {
    let error = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let installed = RwSignal::new(false);
    let choose = move |_| {
        error.set(None);
        offer.set(None);
        installed.set(false);
        spawn_local(async move {
            let path = match ipc::invoke(command::PickUpdate {}).await {
                Ok(Some(path)) => path,
                Ok(None) => return,
                Err(e) => return error.set(Some(e)),
            };
            busy.set(true);
            let result = ipc::invoke(command::CheckUpdate { path }).await;
            busy.set(false);
            match result {
                Ok(view) => offer.set(Some(view)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let install = move |_| {
        let Some(installer) = offer.get_untracked().map(|o| o.installer) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let result = ipc::invoke(command::InstallUpdate { installer }).await;
            busy.set(false);
            match result {
                Ok(()) => installed.set(true),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" id="update" aria-labelledby="update-title">
            <h2 id="update-title">{t("update-title")}</h2>
            <p class="prose">{t("update-explained")}</p>
            <ErrorBanner error/>
            {move || offer.get().map(|shown| view! {
                <div id="update-offer" role="status">
                    <p><strong>{crate::i18n::t_with("update-offer", &[("version", &shown.version), ("current", &shown.current)])}</strong></p>
                    <p class="prose">{shown.notes}</p>
                    <div class="actions">
                        <button id="install-update" type="button" class="button primary" on:click=install disabled=move || busy.get()>
                            {t("update-install")}
                        </button>
                        <button type="button" class="button" on:click=move |_| offer.set(None)>{t("update-not_now")}</button>
                    </div>
                </div>
            })}
            <div class="actions">
                <button id="choose-update" type="button" class="button" on:click=choose
                    disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                    {move || if busy.get() { t("update-checking") } else { t("update-choose") }}
                </button>
            </div>
            <Show when=move || installed.get()>
                <p class="banner ok" role="status">{t("update-installed")}</p>
            </Show>
        </section>
    }
}

fn megabytes(bytes: u64) -> String {
    crate::i18n::intl::bytes(bytes)
}

/// What the class server offers (the teacher's update of Satchel, their model pack):
/// taken over the classroom network, checked whole like a file from a USB stick.
/// Shown only to a library signed in to a class server that offers something.
#[component]
fn ClassOffersCard(
    models_changed: RwSignal<u32>,
    update_offer: RwSignal<Option<UpdateOffer>>,
) -> impl IntoView {
    let session = session();
    let offers = RwSignal::new(Vec::<PackOffer>::new());
    let error = RwSignal::new(None);
    let taking = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let load = move || {
        spawn_local(async move {
            // Not in a class, or the server out of reach: nothing to offer, no alarm.
            if let Ok(list) = ipc::invoke(command::ClassOffers {}).await {
                offers.set(list);
            }
        });
    };
    load();
    let take = move |name: String| {
        error.set(None);
        done.set(None);
        taking.set(Some(name.clone()));
        spawn_local(async move {
            let result = ipc::invoke(command::ClassTakeOffer { name }).await;
            taking.set(None);
            session.offer_progress.set(None);
            match result {
                Ok(OfferTaken::Models { version }) => {
                    done.set(Some(crate::i18n::t_with(
                        "offers-models_taken",
                        &[("version", &version)],
                    )));
                    models_changed.update(|n| *n += 1);
                }
                Ok(OfferTaken::App(update)) => {
                    done.set(Some(t("offers-update_taken")));
                    update_offer.set(Some(update));
                }
                Err(e) => error.set(Some(e)),
            }
            load();
        });
    };
    let progress = move || {
        let name = taking.get()?;
        session
            .offer_progress
            .get()
            .filter(|(n, ..)| *n == name)
            .map(|(_, bytes, total)| (bytes, total.max(1)))
            .or(Some((0, 1)))
    };
    view! {
        <Show when=move || !offers.with(Vec::is_empty)>
            <section class="card" id="class-offers" aria-labelledby="class-offers-title">
                <h2 id="class-offers-title">{t("offers-title")}</h2>
                <p class="prose">{t("offers-explained")}</p>
                <ErrorBanner error/>
                <ul class="offers">
                    {move || offers.get().into_iter().map(|offer| {
                        let name = offer.name.clone();
                        let what = match offer.kind {
                            PackOfferKind::App => crate::i18n::t_with("offers-update", &[("version", &offer.version)]),
                            PackOfferKind::Models => crate::i18n::t_with("offers-models", &[("version", &offer.version)]),
                        };
                        let wanted = offer.wanted;
                        let label = what.clone();
                        view! {
                            <li data-offer=offer.name.clone() data-wanted=wanted.to_string()>
                                <strong>{what}</strong>" · "{megabytes(offer.size)}
                                <p class="prose">{offer.notes}</p>
                                {if wanted {
                                    let name = name.clone();
                                    view! {
                                        <button type="button" class="button take-offer" aria-label=label
                                            disabled=move || taking.get().is_some()
                                            on:click=move |_| take(name.clone())>
                                            {t("offers-take")}
                                        </button>
                                    }.into_any()
                                } else {
                                    view! { <span class="muted">{t("offers-have_it")}</span> }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || progress().map(|(bytes, total)| view! {
                    <div role="status" id="offer-progress">
                        <progress max=total.to_string() value=bytes.to_string()></progress>
                        " "{format!("{} / {}", megabytes(bytes), megabytes(total))}
                    </div>
                })}
                {move || done.get().map(|text| view! {
                    <p class="banner ok" role="status" id="offer-taken">{text}</p>
                })}
            </section>
        </Show>
    }
}

/// Reminders of reviews waiting, and whether the library is a child's (whose reminders
/// start off).
#[component]
fn Reminders() -> impl IntoView {
    use satchel_types::ReminderSettings;
    let settings = RwSignal::new(None::<ReminderSettings>);
    let error = RwSignal::new(None);
    spawn_local(async move {
        match ipc::invoke(command::Reminders {}).await {
            Ok(kept) => settings.set(Some(kept)),
            Err(e) => error.set(Some(e)),
        }
    });
    let save = move |next: ReminderSettings| {
        spawn_local(async move {
            match ipc::invoke(command::SetReminders { settings: next }).await {
                Ok(kept) => {
                    error.set(None);
                    settings.set(Some(kept));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="reminders-title" id="reminders">
            <h2 id="reminders-title">{t("reminders-title")}</h2>
            <p class="prose">{t("reminders-explained")}</p>
            {move || settings.get().map(|now| view! {
                <label class="check">
                    <input type="checkbox" id="reminders-on" prop:checked=now.enabled()
                        on:change=move |ev| save(ReminderSettings {
                            chosen: Some(event_target_checked(&ev)),
                            ..now
                        })/>
                    {t("reminders-on")}
                </label>
                <label class="check">
                    // Marking the library a child's (or not) goes back to that default.
                    <input type="checkbox" id="child-library" prop:checked=now.child
                        on:change=move |ev| save(ReminderSettings {
                            child: event_target_checked(&ev),
                            chosen: None,
                        })/>
                    {t("reminders-child")}
                </label>
                <p class="hint">{t("reminders-child_hint")}</p>
            })}
            <ErrorBanner error/>
        </section>
    }
}
