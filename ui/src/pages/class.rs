//! Class: for a student, joining a class (a classroom found nearby, or an address
//! typed) and the lessons given; for a teacher, running the class server, making
//! classes, assigning lessons and the class dashboard. And, for everyone, carrying a
//! bundle on a USB stick where there is no network at all.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use satchel_types::{
    BundleOutcome, ClassInfo, ClassReport, Classmate, ClassroomView, ErrorCode, ErrorView,
    FoundServer, LessonView, PackOffer, PackOfferKind, ServerProbe, SourceStatus, command,
};

use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::widgets::{ConfirmServer, ErrorBanner, confirm_or_report};

fn load(view: RwSignal<Option<ClassroomView>>, error: RwSignal<Option<ErrorView>>) {
    spawn_local(async move {
        match ipc::invoke(command::Classroom {}).await {
            Ok(v) => view.set(Some(v)),
            Err(e) => error.set(Some(e)),
        }
    });
}

#[component]
pub fn ClassPage() -> impl IntoView {
    let session = session();
    let view_ = RwSignal::new(None::<ClassroomView>);
    let error = RwSignal::new(None::<ErrorView>);
    // Again whenever a sync brought something (a lesson may have arrived).
    Effect::new(move |_| {
        session.learned.track();
        load(view_, error);
    });
    view! {
        <div class="page class-page">
            <header class="page-header"><h1>{t("class-title")}</h1></header>
            <ErrorBanner error/>
            {move || view_.get().map(|v| {
                let joined: Vec<ClassInfo> = v.classes.iter().filter(|c| !c.teaching).cloned().collect();
                view! { <Lessons lessons=v.lessons.clone() joined=joined/> }
            })}
            <JoinClass view_ error/>
            <TeachCard view_ error/>
            // Keyed, so a class's form and dashboard keep their state when the page
            // reads the classroom again (after every sync).
            <For
                each=move || view_.with(|v| v.as_ref().map(|v| v.classes.iter().filter(|c| c.teaching).cloned().collect::<Vec<_>>()).unwrap_or_default())
                key=|c: &ClassInfo| (c.id.clone(), c.students)
                children=move |class: ClassInfo| view! { <TaughtClass class view_/> }
            />
            <BundleCard/>
        </div>
    }
}

#[component]
fn Lessons(lessons: Vec<LessonView>, joined: Vec<ClassInfo>) -> impl IntoView {
    let classes = joined
        .iter()
        .map(|c| format!("{} ({})", c.name, c.teacher))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="card" aria-labelledby="lessons-title" id="lessons">
            <h2 id="lessons-title" class="section-title">{t("class-lessons")}</h2>
            {(!classes.is_empty()).then(|| view! {
                <p class="muted" id="joined-classes">{t_with("class-in_classes", &[("classes", &classes)])}</p>
            })}
            {if lessons.is_empty() {
                view! { <p class="muted">{t("class-no_lessons")}</p> }.into_any()
            } else {
                view! {
                    <ul class="lesson-list" id="lesson-list">
                        {lessons.into_iter().map(|l| {
                            let percent = (l.studied * 100).checked_div(l.cards).unwrap_or(0);
                            view! {
                                <li class="lesson">
                                    <div class="step-text">
                                        <strong>{l.title.clone()}</strong>
                                        <span class="muted">{t_with("class-lesson_from", &[("teacher", &l.teacher), ("class", &l.class_name)])}</span>
                                        <span class="muted">{t_with("class-lesson_progress", &[("studied", &l.studied), ("cards", &l.cards)])}</span>
                                        <progress max="100" value=percent.to_string() aria-label=t("class-lesson_progress_label")></progress>
                                    </div>
                                    {l.source_id.clone().map(|id| view! {
                                        <A href=format!("/sources/{id}") attr:class="button">{t("class-read")}</A>
                                    })}
                                    <A href=format!("/review?deck={}", l.deck_id) attr:class="button primary">{t("class-study")}</A>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Joining: the classrooms found nearby to pick from, or an address typed.
#[component]
fn JoinClass(
    view_: RwSignal<Option<ClassroomView>>,
    error: RwSignal<Option<ErrorView>>,
) -> impl IntoView {
    let found = RwSignal::new(None::<Vec<FoundServer>>);
    let server = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let claim = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let joined = RwSignal::new(None::<ClassInfo>);
    // A server met for the first time, waiting for the learner to compare its words.
    let unconfirmed = RwSignal::new(None::<ServerProbe>);
    let look = move || {
        found.set(None);
        spawn_local(async move {
            let servers = ipc::invoke(command::ClassFind {}).await.unwrap_or_default();
            if let [one] = servers.as_slice()
                && server.get_untracked().is_empty()
            {
                server.set(one.address.clone());
            }
            found.set(Some(servers));
        });
    };
    look();
    let join_at = move |address: String| {
        busy.set(true);
        error.set(None);
        let args = command::ClassJoin {
            server: address.clone(),
            code: code.get_untracked(),
            claim: Some(claim.get_untracked()).filter(|c| !c.trim().is_empty()),
        };
        spawn_local(async move {
            let result = ipc::invoke(args).await;
            match result {
                Ok(class) => {
                    busy.set(false);
                    unconfirmed.set(None);
                    joined.set(Some(class));
                    code.set(String::new());
                    session().learned.update(|n| *n += 1);
                    load(view_, error);
                }
                // Nothing was sent: a new server shows its words to compare first.
                Err(e) => {
                    confirm_or_report(e, address, unconfirmed, error).await;
                    busy.set(false);
                }
            }
        });
    };
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        unconfirmed.set(None);
        join_at(server.get_untracked());
    };
    view! {
        <section class="card" aria-labelledby="join-title">
            <h2 id="join-title" class="section-title">{t("class-join")}</h2>
            {move || match found.get() {
                None => view! { <p class="muted" role="status" id="looking">{t("class-looking")}</p> }.into_any(),
                Some(servers) if servers.is_empty() => view! {
                    <p class="muted" id="none-found">{t("class-none_found")}
                        " " <button class="button quiet" type="button" on:click=move |_| look()>{t("class-look_again")}</button>
                    </p>
                }.into_any(),
                Some(servers) => view! {
                    <fieldset class="found-servers" id="found-servers">
                        <legend>{t("class-nearby")}</legend>
                        {servers.into_iter().map(|s| {
                            let address = s.address.clone();
                            let chosen = address.clone();
                            view! {
                                <label class="check">
                                    <input type="radio" name="class-server"
                                        prop:checked=move || server.get() == chosen
                                        on:change=move |_| server.set(address.clone())/>
                                    {format!("{} — {}", s.name, s.address)}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                }.into_any(),
            }}
            <form on:submit=join id="join-form">
                <div class="field">
                    <label for="class-server">{t("class-address")}</label>
                    <input id="class-server" type="text" inputmode="url" placeholder=t("class-address_placeholder")
                        prop:value=move || server.get() on:input=move |ev| server.set(event_target_value(&ev)) required/>
                </div>
                <div class="field">
                    <label for="class-code">{t("class-code")}</label>
                    <input id="class-code" autocomplete="off" maxlength="12" class="code-input"
                        placeholder=t("class-code_in_link")
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                </div>
                <details class="claim">
                    <summary>{t("class-added_by_name")}</summary>
                    <div class="field">
                        <label for="class-claim">{t("class-claim_code")}</label>
                        <input id="class-claim" autocomplete="off" maxlength="12" class="code-input"
                            prop:value=move || claim.get() on:input=move |ev| claim.set(event_target_value(&ev))/>
                    </div>
                </details>
                <button id="join-class" class="button primary" type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("class-joining") } else { t("class-join_button") }}
                </button>
            </form>
            <ConfirmServer probe=unconfirmed busy error on_match=Callback::new(join_at)/>
            {move || joined.get().map(|c| view! {
                <p class="saved" role="status" id="joined">{t_with("class-joined", &[("class", &c.name), ("teacher", &c.teacher)])}</p>
            })}
        </section>
    }
}

/// Teacher mode: the class server on this laptop, and making classes.
#[component]
fn TeachCard(
    view_: RwSignal<Option<ClassroomView>>,
    error: RwSignal<Option<ErrorView>>,
) -> impl IntoView {
    let hosting = move || view_.with(|v| v.as_ref().and_then(|v| v.hosting.clone()));
    let can_teach = move || view_.with(|v| v.as_ref().is_some_and(|v| v.can_teach));
    let busy = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let host = move |start: bool| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = if start {
                ipc::invoke(command::ClassHostStart {}).await
            } else {
                ipc::invoke(command::ClassHostStop {}).await
            };
            busy.set(false);
            match result {
                Ok(v) => view_.set(Some(v)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let args = command::ClassCreate {
            name: name.get_untracked(),
        };
        spawn_local(async move {
            match ipc::invoke(args).await {
                Ok(_) => {
                    name.set(String::new());
                    load(view_, error);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="teach-title">
            <h2 id="teach-title" class="section-title">{t("class-teach")}</h2>
            {move || match hosting() {
                Some(address) => view! {
                    <p id="hosting" role="status">{t("class-hosting")} " " <strong class="address">{address}</strong></p>
                    <p class="muted">{t("class-hosting_hint")}</p>
                    {move || view_.with(|v| v.as_ref().and_then(|v| v.hosting_words.clone())).map(|words| view! {
                        <p id="hosting-words">{t("class-hosting_words")} " " <strong class="fingerprint-words">{words}</strong></p>
                    })}
                    <button id="stop-class-server" class="button" on:click=move |_| host(false) disabled=move || busy.get()>
                        {t("class-stop")}
                    </button>
                }.into_any(),
                None => view! {
                    <p class="muted">{t("class-teach_hint")}</p>
                    <button id="start-class-server" class="button primary" on:click=move |_| host(true) disabled=move || busy.get()>
                        {move || if busy.get() { t("class-starting") } else { t("class-start") }}
                    </button>
                }.into_any(),
            }}
            <Show when=move || can_teach() || hosting().is_some()>
                <form on:submit=create id="create-class-form">
                    <div class="field">
                        <label for="class-name">{t("class-new_class")}</label>
                        <input id="class-name" maxlength="80" placeholder=t("class-new_class_placeholder")
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) required/>
                    </div>
                    <button id="create-class" class="button" type="submit">{t("class-create")}</button>
                </form>
            </Show>
            <Show when=move || can_teach() || hosting().is_some()>
                <OffersCard/>
            </Show>
        </section>
    }
}

/// What the class server on this laptop hands out to the students' apps: this
/// computer's models as their signed pack, and update or model pack files the teacher
/// brings on a USB stick. Each is checked whole before it is offered.
#[component]
fn OffersCard() -> impl IntoView {
    let offered = RwSignal::new(Vec::<PackOffer>::new());
    let error = RwSignal::new(None);
    let busy = RwSignal::new(false);
    spawn_local(async move {
        match ipc::invoke(command::ClassOffered {}).await {
            Ok(list) => offered.set(list),
            Err(e) => error.set(Some(e)),
        }
    });
    let finish = move |result: Result<Option<Vec<PackOffer>>, ErrorView>| {
        busy.set(false);
        match result {
            Ok(Some(list)) => offered.set(list),
            Ok(None) => {}
            Err(e) => error.set(Some(e)),
        }
    };
    let offer_models = move |_| {
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            finish(ipc::invoke(command::ClassOfferModels {}).await.map(Some));
        });
    };
    let offer_file = move |_| {
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            finish(ipc::invoke(command::ClassOfferFile {}).await);
        });
    };
    let withdraw = move |name: String| {
        error.set(None);
        spawn_local(async move {
            finish(
                ipc::invoke(command::ClassWithdrawOffer { name })
                    .await
                    .map(Some),
            );
        });
    };
    view! {
        <div id="class-offered" aria-labelledby="offered-title">
            <h3 id="offered-title">{t("offers-offered_title")}</h3>
            <p class="muted">{t("offers-offered_hint")}</p>
            <ErrorBanner error/>
            <ul class="offers">
                {move || offered.get().into_iter().map(|offer| {
                    let what = match offer.kind {
                        PackOfferKind::App => t_with("offers-update", &[("version", &offer.version)]),
                        PackOfferKind::Models => t_with("offers-models", &[("version", &offer.version)]),
                    };
                    let name = offer.name.clone();
                    let label = t_with("offers-withdraw_named", &[("what", &what)]);
                    view! {
                        <li data-offer=offer.name.clone()>
                            <strong>{what}</strong>" · "{crate::i18n::intl::bytes(offer.size)}
                            " "
                            <button type="button" class="button quiet danger" aria-label=label
                                on:click=move |_| withdraw(name.clone())>
                                {t("offers-withdraw")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="actions">
                <button id="offer-models" type="button" class="button" on:click=offer_models
                    disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                    {t("offers-offer_models")}
                </button>
                <button id="offer-file" type="button" class="button" on:click=offer_file
                    disabled=move || busy.get()>
                    {t("offers-offer_file")}
                </button>
            </div>
        </div>
    }
}

/// The link that joins a class: the server, the class's code and the server's
/// fingerprint, as a student's app reads it.
fn join_link(address: &str, code: &str, fingerprint: &str) -> String {
    let code: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!("{address}/join#code={code}&sha256={fingerprint}")
}

/// `text` as a QR code, in SVG (drawn here: nothing leaves the machine).
fn qr_svg(text: &str) -> String {
    qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M)
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

/// A class taught: its code, assigning a lesson, and its dashboard.
#[component]
fn TaughtClass(class: ClassInfo, view_: RwSignal<Option<ClassroomView>>) -> impl IntoView {
    let session = session();
    // The join link, when this app runs the class server: its address, the class's
    // code and the server's fingerprint, so a student's app needs nothing typed.
    let link = {
        let code = class.code.clone();
        move || {
            view_.with(|v| {
                let v = v.as_ref()?;
                Some(join_link(
                    v.hosting.as_ref()?,
                    code.as_ref()?,
                    v.hosting_fingerprint.as_ref()?,
                ))
            })
        }
    };
    let report = RwSignal::new(None::<ClassReport>);
    let roster = RwSignal::new(Vec::<Classmate>::new());
    let error = RwSignal::new(None::<ErrorView>);
    let material = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let assigning = RwSignal::new(false);
    let assigned = RwSignal::new(None::<u32>);
    let id = class.id.clone();
    let refresh = {
        let id = id.clone();
        move || {
            let id = id.clone();
            spawn_local(async move {
                match ipc::invoke(command::ClassReport {
                    class_id: id.clone(),
                })
                .await
                {
                    Ok(r) => report.set(Some(r)),
                    Err(e) => error.set(Some(e)),
                }
                if let Ok(r) = ipc::invoke(command::ClassRoster { class_id: id }).await {
                    roster.set(r);
                }
            });
        }
    };
    refresh();
    let assign = {
        let id = id.clone();
        let refresh = refresh.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            assigning.set(true);
            error.set(None);
            let args = command::ClassAssign {
                class_id: id.clone(),
                material: material.get_untracked(),
                students: chosen.get_untracked(),
            };
            let refresh = refresh.clone();
            spawn_local(async move {
                let result = ipc::invoke(args).await;
                assigning.set(false);
                match result {
                    Ok(n) => {
                        assigned.set(Some(n));
                        refresh();
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let materials = move || {
        session.sources.with(|sources| {
            sources
                .iter()
                .filter(|s| s.status == SourceStatus::Ready)
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    // The join code and until when it works; a new one replaces both.
    let code_now = RwSignal::new((
        class.code.clone().unwrap_or_default(),
        class.code_expires_at,
    ));
    let shown_code = move || {
        let code = code_now.get().0;
        if code.len() == 6 {
            format!("{}-{}", &code[..3], &code[3..])
        } else {
            code
        }
    };
    let renew = {
        let id = class.id.clone();
        move |_| {
            let args = command::ClassRenewCode {
                class_id: id.clone(),
            };
            spawn_local(async move {
                match ipc::invoke(args).await {
                    Ok(renewed) => {
                        code_now.set((renewed.code.unwrap_or_default(), renewed.code_expires_at))
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    view! {
        <section class="card taught-class" aria-label=class.name.clone()>
            <h2 class="section-title">{class.name.clone()}</h2>
            <p>{t("class-code_is")} " " <strong class="join-code" id="join-code">{shown_code}</strong>
                " " <button type="button" class="button quiet renew-code" on:click=renew>{t("class-new_code")}</button></p>
            {move || code_now.get().1.map(|until| view! {
                <p class="muted code-expiry">{t_with("class-code_until", &[("date", &crate::widgets::local_date(until))])}</p>
            })}
            {move || link().map(|link| view! {
                <details class="join-link">
                    <summary>{t("class-join_link")}</summary>
                    <p class="muted">{t("class-join_link_hint")}</p>
                    <div class="qr" role="img" aria-label=t("class-join_link_qr") inner_html=qr_svg(&link)></div>
                    <p><code class="join-link-text">{link}</code></p>
                </details>
            })}
            <p class="muted">{t_with("class-students", &[("n", &class.students)])}</p>
            <ErrorBanner error/>
            <form on:submit=assign>
                <div class="field">
                    <label for="lesson-material">{t("class-assign_what")}</label>
                    <select id="lesson-material" prop:value=move || material.get()
                        on:change=move |ev| material.set(event_target_value(&ev)) required>
                        <option value="">{t("class-choose_material")}</option>
                        {move || materials().into_iter().map(|(id, title)| view! {
                            <option value=id>{title}</option>
                        }).collect_view()}
                    </select>
                </div>
                <fieldset class="audience">
                    <legend>{t("class-assign_to")}</legend>
                    <p class="muted">{t("class-whole_class_hint")}</p>
                    {move || roster.get().into_iter().map(|s| {
                        let sid = s.id.clone();
                        let toggle = s.id.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&sid))
                                    on:change=move |_| chosen.update(|c| {
                                        if let Some(i) = c.iter().position(|x| *x == toggle) { c.remove(i); } else { c.push(toggle.clone()); }
                                    })/>
                                {s.name.clone()}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <button id="assign-lesson" class="button primary" type="submit" disabled=move || assigning.get()>
                    {move || if assigning.get() { t("class-assigning") } else { t("class-assign") }}
                </button>
                {move || assigned.get().map(|n| view! {
                    <p class="saved" role="status" id="assigned">{t_with("class-assigned", &[("n", &n)])}</p>
                })}
            </form>
            <Roster class_id=id.clone() roster error refresh=refresh.clone()/>
            <button class="button quiet" id="refresh-dashboard" on:click=move |_| refresh()>{t("class-refresh")}</button>
            {move || report.get().map(|r| view! { <Dashboard report=r/> })}
        </section>
    }
}

/// The class's students (each can be taken out, after a confirmation), and for a
/// classroom with no network: adding a student by name, their lessons to a USB stick,
/// and their progress back from one.
#[component]
fn Roster(
    class_id: String,
    roster: RwSignal<Vec<Classmate>>,
    error: RwSignal<Option<ErrorView>>,
    refresh: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // The student whose removal waits for the teacher to confirm it.
    let confirming = RwSignal::new(None::<String>);
    let add = {
        let class_id = class_id.clone();
        let refresh = refresh.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let args = command::ClassAddStudent {
                class_id: class_id.clone(),
                name: name.get_untracked(),
            };
            let refresh = refresh.clone();
            spawn_local(async move {
                match ipc::invoke(args).await {
                    Ok(s) => {
                        name.set(String::new());
                        let added = t_with("class-student_added", &[("name", &s.name)]);
                        // The one-time code the student claims the account with.
                        let claim = s.claim_code.as_ref().map(|code| {
                            t_with("class-claim_code_is", &[("name", &s.name), ("code", code)])
                        });
                        done.set(Some(match claim {
                            Some(claim) => format!("{added} {claim}"),
                            None => added,
                        }));
                        refresh();
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let bring_in = {
        let class_id = class_id.clone();
        let refresh = refresh.clone();
        move |_| {
            busy.set(true);
            let args = command::ClassImportStudentBundle {
                class_id: class_id.clone(),
            };
            let refresh = refresh.clone();
            spawn_local(async move {
                let result = ipc::invoke(args).await;
                busy.set(false);
                match result {
                    Ok(Some((s, o))) => {
                        done.set(Some(t_with(
                            "class-student_bundle_in",
                            &[("name", &s.name), ("docs", &o.docs)],
                        )));
                        refresh();
                    }
                    Ok(None) => {}
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    view! {
        <details class="roster" id="roster">
            <summary>{t("class-roster")}</summary>
            <ul class="roster-list">
                {move || roster.get().into_iter().map(|student| {
                    let class_id = class_id.clone();
                    let name = student.name.clone();
                    let id = student.id.clone();
                    let remove = {
                        let (class_id, student_id) = (class_id.clone(), id.clone());
                        let refresh = refresh.clone();
                        move |_| {
                            busy.set(true);
                            let args = command::ClassRemoveStudent { class_id: class_id.clone(), student_id: student_id.clone() };
                            let refresh = refresh.clone();
                            spawn_local(async move {
                                let result = ipc::invoke(args).await;
                                busy.set(false);
                                confirming.set(None);
                                match result {
                                    Ok(s) => {
                                        done.set(Some(t_with("class-student_removed", &[("name", &s.name)])));
                                        refresh();
                                    }
                                    Err(e) => error.set(Some(e)),
                                }
                            });
                        }
                    };
                    let asking = {
                        let id = id.clone();
                        move || confirming.get().as_deref() == Some(id.as_str())
                    };
                    let question = t_with("class-remove_confirm", &[("name", &name)]);
                    let bundle_code = student.bundle_code.clone().map(|c| view! {
                        <span class="muted bundle-code">{t("class-student_code")}" "<span class="code">{c}</span></span>
                    });
                    let write = move |_| {
                        busy.set(true);
                        let args = command::ClassExportStudentBundle { class_id: class_id.clone(), student: student.clone() };
                        spawn_local(async move {
                            let result = ipc::invoke(args).await;
                            busy.set(false);
                            match result {
                                Ok(Some(o)) => done.set(Some(t_with("class-student_bundle_out", &[("code", &o.code.as_deref().unwrap_or("-"))]))),
                                Ok(None) => {}
                                Err(e) => error.set(Some(e)),
                            }
                        });
                    };
                    view! {
                        <li class="roster-item">
                            <span>{name}</span>
                            {bundle_code}
                            <button class="button quiet" on:click=write disabled=move || busy.get()>{t("class-lessons_to_stick")}</button>
                            <Show
                                when=asking
                                fallback=move || {
                                    let id = id.clone();
                                    view! {
                                        <button class="button quiet remove-student"
                                            on:click=move |_| confirming.set(Some(id.clone()))
                                            disabled=move || busy.get()>{t("class-remove")}</button>
                                    }
                                }
                            >
                                <span class="confirm" role="alert">{question.clone()}</span>
                                <button class="button danger confirm-remove" on:click=remove.clone()
                                    disabled=move || busy.get()>{t("class-remove_yes")}</button>
                                <button class="button quiet" on:click=move |_| confirming.set(None)>{t("class-remove_no")}</button>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="muted">{t("class-no_network_hint")}</p>
            <button id="student-bundle-in" class="button" on:click=bring_in disabled=move || busy.get()>{t("class-progress_from_stick")}</button>
            <form on:submit=add id="add-student-form">
                <div class="field">
                    <label for="student-name">{t("class-add_student")}</label>
                    <input id="student-name" maxlength="64"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) required/>
                </div>
                <button id="add-student" class="button" type="submit">{t("class-add")}</button>
            </form>
            {move || done.get().map(|d| view! { <p class="saved" role="status">{d}</p> })}
        </details>
    }
}

/// The colour class of a mastery: five steps, and one for "not studied yet".
fn level(mastery: Option<f32>) -> &'static str {
    match mastery {
        None => "cell-none",
        Some(m) if m < 0.2 => "cell-0",
        Some(m) if m < 0.4 => "cell-1",
        Some(m) if m < 0.6 => "cell-2",
        Some(m) if m < 0.8 => "cell-3",
        Some(_) => "cell-4",
    }
}

fn percent(m: f32) -> String {
    crate::i18n::intl::percent(f64::from(m))
}

/// The class dashboard: lessons' completion, the student × concept matrix, and who
/// is struggling with what.
///
/// On the report's printable page (`sheet`), it offers no way to its own page again.
#[component]
pub(crate) fn Dashboard(report: ClassReport, #[prop(optional)] sheet: bool) -> impl IntoView {
    const CELL: usize = 28;
    const LABELS: usize = 150;
    const HEAD: usize = 110;
    let concepts = report.concepts.clone();
    // Room on the right for the last concept's slanted name.
    let width = LABELS + concepts.len() * CELL + HEAD;
    let height = HEAD + report.students.len() * CELL;
    let table_rows: Vec<(String, Vec<String>)> = report
        .students
        .iter()
        .zip(&report.mastery)
        .map(|(s, row)| {
            (
                s.name.clone(),
                row.iter()
                    .map(|m| m.map_or_else(|| t("class-not_yet"), percent))
                    .collect(),
            )
        })
        .collect();
    let summary = t_with(
        "class-matrix_summary",
        &[
            ("students", &report.students.len()),
            ("concepts", &concepts.len()),
            ("struggles", &report.struggling.len()),
        ],
    );
    let class_id = report.class.id.clone();
    let printable = format!("/print/class/{class_id}");
    view! {
        <div class="dashboard" id="class-dashboard">
            <div class="actions no-print">
                <crate::widgets::SaveCsvButton report=satchel_types::CsvReport::Class { class_id } id="save-class-csv" label="class-save_csv"/>
                {(!sheet).then(|| view! {
                    <leptos_router::components::A href=printable attr:class="button quiet" attr:id="class-printable">{t("class-printable")}</leptos_router::components::A>
                })}
            </div>
            <h3 class="section-title">{t("class-completion")}</h3>
            {if report.lessons.is_empty() {
                view! { <p class="muted">{t("class-no_assignments")}</p> }.into_any()
            } else {
                view! {
                    <ul class="completion-list" id="completion">
                        {report.lessons.iter().map(|l| {
                            let done = (l.done * 100).checked_div(l.assigned).unwrap_or(0);
                            let started = (l.started * 100).checked_div(l.assigned).unwrap_or(0);
                            view! {
                                <li class="mastery-item">
                                    <span>{l.title.clone()}</span>
                                    <svg class="mastery-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                        <rect x="0" y="0" width="100" height="8" class="bar-track"/>
                                        <rect x=done.to_string() y="0" width=started.to_string() height="8" class="bar started"/>
                                        <rect x="0" y="0" width=done.to_string() height="8" class="bar"/>
                                    </svg>
                                    <span class="muted">{t_with("class-done_of", &[("done", &l.done), ("started", &l.started), ("n", &l.assigned)])}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <figure class="chart" id="mastery-matrix">
                <h3 class="section-title">{t("class-matrix")}</h3>
                <figcaption class="chart-summary">{summary}</figcaption>
                <div class="matrix-scroll">
                    <svg class="matrix" width=width.to_string() height=height.to_string()
                        viewBox=format!("0 0 {width} {height}") role="img" aria-label=t("class-matrix")>
                        {concepts.iter().enumerate().map(|(c, label)| {
                            let x = LABELS + c * CELL + CELL / 2;
                            view! {
                                <text class="matrix-head" transform=format!("translate({x},{}) rotate(-50)", HEAD - 6)>{label.clone()}</text>
                            }
                        }).collect_view()}
                        {report.students.iter().zip(&report.mastery).enumerate().map(|(r, (student, row))| {
                            let y = HEAD + r * CELL;
                            view! {
                                <text class="matrix-name" x=(LABELS - 8).to_string() y=(y + CELL * 2 / 3).to_string() text-anchor="end">{student.name.clone()}</text>
                                {row.iter().enumerate().map(|(c, m)| {
                                    let title = format!("{} · {}: {}", student.name, concepts[c], m.map_or_else(|| t("class-not_yet"), percent));
                                    view! {
                                        <rect class=format!("matrix-cell {}", level(*m)) x=(LABELS + c * CELL + 1).to_string() y=(y + 1).to_string()
                                            width=(CELL - 2).to_string() height=(CELL - 2).to_string()>
                                            <title>{title}</title>
                                        </rect>
                                    }
                                }).collect_view()}
                            }
                        }).collect_view()}
                    </svg>
                </div>
                <ul class="matrix-legend" aria-label=t("class-legend")>
                    {[(None, "class-not_yet", 0.0), (Some(0.1), "class-legend_0", 0.2), (Some(0.3), "class-legend_1", 0.2),
                      (Some(0.5), "class-legend_2", 0.4), (Some(0.7), "class-legend_3", 0.6), (Some(0.9), "class-legend_4", 0.8)]
                        .into_iter()
                        .map(|(m, key, low)| view! {
                            <li>
                                <svg width="14" height="14" aria-hidden="true"><rect class=format!("matrix-cell {}", level(m)) width="14" height="14"/></svg>
                                {t_with(key, &[("low", &percent(low)), ("high", &percent(low + 0.2))])}
                            </li>
                        })
                        .collect_view()}
                </ul>
                <details class="chart-table">
                    <summary>{t("progress-as_table")}</summary>
                    <table>
                        <thead><tr>
                            <th scope="col">{t("class-student")}</th>
                            {concepts.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {table_rows.into_iter().map(|(name, cells)| view! {
                                <tr><th scope="row">{name}</th>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            </figure>
            <h3 class="section-title">{t("class-struggling")}</h3>
            {if report.struggling.is_empty() {
                view! { <p class="muted" id="struggling">{t("class-nobody_struggling")}</p> }.into_any()
            } else {
                view! {
                    <ul class="struggling" id="struggling">
                        {report.struggling.iter().map(|s| view! {
                            <li>{t_with("class-struggles_with", &[("student", &s.student), ("concept", &s.concept), ("percent", &percent(s.mastery))])}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

/// Bundles: this library's shared part to a file and back, for devices that never
/// meet on a network.
/// What a bundle did, in the learner's words.
fn bundle_done(key: &str, o: &BundleOutcome) -> String {
    t_with(
        key,
        &[
            ("docs", &o.docs),
            ("media", &o.media),
            ("reviews", &o.reviews),
            ("cards", &o.cards),
            ("notes", &o.notes),
        ],
    )
}

#[component]
fn BundleCard() -> impl IntoView {
    let error = RwSignal::new(None::<ErrorView>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // The code of the bundle just written, to show the learner.
    let written_code = RwSignal::new(None::<String>);
    // A bundle picked that needs its code, and the code being typed.
    let waiting = RwSignal::new(None::<String>);
    let code = RwSignal::new(String::new());
    let start = move || {
        busy.set(true);
        error.set(None);
        done.set(None);
        written_code.set(None);
    };
    let export = move |progress: bool| {
        start();
        spawn_local(async move {
            let result = ipc::invoke(command::ExportBundle { progress }).await;
            busy.set(false);
            match result {
                Ok(Some(o)) => {
                    let key = if progress {
                        "class-progress_written"
                    } else {
                        "class-exported"
                    };
                    done.set(Some(bundle_done(key, &o)));
                    written_code.set(o.code);
                }
                Ok(None) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let bring_in = move |path: String, typed: Option<String>| {
        start();
        spawn_local(async move {
            let asked = typed.is_some();
            let result = ipc::invoke(command::ImportBundle {
                path: path.clone(),
                code: typed,
            })
            .await;
            busy.set(false);
            match result {
                Ok(o) => {
                    waiting.set(None);
                    code.set(String::new());
                    done.set(Some(bundle_done("class-imported", &o)));
                    session().learned.update(|n| *n += 1);
                }
                Err(e) if e.code == ErrorCode::BundleCode => {
                    waiting.set(Some(path));
                    // Asked for the first time: the form says it; a wrong code is an error.
                    if asked {
                        error.set(Some(e));
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let pick = move |_| {
        start();
        waiting.set(None);
        spawn_local(async move {
            let result = ipc::invoke(command::PickBundle {}).await;
            busy.set(false);
            match result {
                Ok(Some(path)) => bring_in(path, None),
                Ok(None) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let open_with_code = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(path) = waiting.get_untracked() {
            bring_in(path, Some(code.get_untracked()));
        }
    };
    view! {
        <section class="card" aria-labelledby="bundle-title">
            <h2 id="bundle-title" class="section-title">{t("class-bundle")}</h2>
            <p class="muted">{t("class-bundle_hint")}</p>
            <ErrorBanner error/>
            <div class="actions">
                <button id="export-bundle" class="button" on:click=move |_| export(false) disabled=move || busy.get()>{t("class-export")}</button>
                <button id="import-bundle" class="button" on:click=pick disabled=move || busy.get()>{t("class-import")}</button>
                <button id="export-progress" class="button quiet" on:click=move |_| export(true) disabled=move || busy.get()>{t("class-export_progress")}</button>
            </div>
            {move || busy.get().then(|| view! { <p class="muted" role="status">{t("class-bundle_working")}</p> })}
            {move || done.get().map(|d| view! { <p class="saved" role="status" id="bundle-done">{d}</p> })}
            {move || written_code.get().map(|c| view! {
                <p class="bundle-code" id="bundle-code">{t("class-bundle_code_is")}" "<strong class="code">{c}</strong></p>
            })}
            {move || waiting.get().is_some().then(|| view! {
                <form on:submit=open_with_code id="bundle-code-form">
                    <div class="field">
                        <label for="bundle-code-input">{t("class-bundle_code_ask")}</label>
                        <input id="bundle-code-input" inputmode="numeric" autocomplete="off" spellcheck="false"
                            maxlength="40" placeholder="0000-0000-0000-0000-0000-0000"
                            prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) required/>
                    </div>
                    <button class="button" type="submit" disabled=move || busy.get()>{t("class-bundle_code_open")}</button>
                </form>
            })}
        </section>
    }
}
