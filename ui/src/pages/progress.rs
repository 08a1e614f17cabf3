//! Progress: reviews as a calendar, true retention by week, the cards coming due, time
//! spent and mastery per concept — each chart drawn in SVG with a sentence that says
//! what it shows and its numbers as a table — and how reviews are scheduled.

use leptos::prelude::*;
use leptos::task::spawn_local;
use satchel_types::{DayReviews, ErrorView, LearningSettings, LearningStats, command};

use crate::app::session;
use crate::i18n::{intl, t, t_with};
use crate::ipc;
use crate::pages::search::owner_href;
use crate::widgets::ErrorBanner;

const DAY_MS: i64 = 86_400_000;
/// The colour-blind-safe steps of the heatmap, from none to most.
const HEAT: [&str; 5] = ["heat-0", "heat-1", "heat-2", "heat-3", "heat-4"];

/// The learner's date of a moment (a day's start is 04:00 their time), as their
/// language writes it.
fn date(ms: i64) -> String {
    intl::date(ms)
}

/// Whole minutes, as a number for messages that count them.
fn minutes(ms: i64) -> i64 {
    (ms as f64 / 60_000.0).round() as i64
}

#[component]
pub fn Progress() -> impl IntoView {
    let session = session();
    let stats = RwSignal::new(None::<LearningStats>);
    let error = RwSignal::new(None::<ErrorView>);
    Effect::new(move |_| {
        session.learned.track();
        spawn_local(async move {
            match ipc::invoke(command::LearningStats {}).await {
                Ok(s) => stats.set(Some(s)),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        <div class="page progress-page">
            <header class="page-header">
                <h1>{t("progress-title")}</h1>
                <div class="actions no-print">
                    <crate::widgets::PrintButtons name=Signal::derive(move || {
                        let learner = session.profile.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
                        t_with("progress-print_name", &[("learner", &learner)])
                    })/>
                    <crate::widgets::SaveCsvButton report=satchel_types::CsvReport::Reviews id="save-reviews-csv" label="progress-save_reviews_csv"/>
                    <crate::widgets::SaveCsvButton report=satchel_types::CsvReport::Mastery id="save-mastery-csv" label="progress-save_mastery_csv"/>
                </div>
            </header>
            // On paper, whose progress and of when.
            <p class="print-only sheet-date">{move || format!(
                "{} · {}",
                session.profile.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default()),
                crate::widgets::local_date(js_sys::Date::now() as i64)
            )}</p>
            <ErrorBanner error/>
            {move || stats.get().map(|s| view! {
                <Summary stats=s.clone()/>
                <Heatmap days=s.days.clone() today=s.today/>
                <Retention stats=s.clone()/>
                <Forecast forecast=s.forecast.clone() today=s.today/>
                <TimeSpent days=s.days.clone() today=s.today/>
                <Mastery stats=s.clone()/>
                <Scheduling settings=s.settings.clone() reviews=s.total_reviews/>
            })}
        </div>
    }
}

#[component]
fn Summary(stats: LearningStats) -> impl IntoView {
    let retention = stats
        .true_retention
        .map(|r| intl::percent(f64::from(r)))
        .unwrap_or_else(|| "—".to_owned());
    view! {
        <dl class="stat-tiles" id="progress-summary">
            <div class="stat-tile"><dt>{t("progress-reviews_total")}</dt><dd id="stat-reviews">{stats.total_reviews}</dd></div>
            <div class="stat-tile"><dt>{t("progress-retention")}</dt><dd id="stat-retention">{retention}</dd></div>
            <div class="stat-tile"><dt>{t("progress-due_today")}</dt><dd>{stats.counts.due + stats.counts.learning}</dd></div>
            <div class="stat-tile"><dt>{t("progress-time_total")}</dt><dd>{t_with("progress-minutes", &[("n", &minutes(stats.total_time_ms))])}</dd></div>
            <div class="stat-tile"><dt>{t("progress-cards")}</dt><dd class="small">{t_with("progress-card_counts", &[
                ("new", &stats.cards.new),
                ("learning", &stats.cards.learning),
                ("young", &stats.cards.young),
                ("mature", &stats.cards.mature),
            ])}</dd></div>
        </dl>
    }
}

/// A chart: its title, a sentence saying what it shows, the drawing, and its numbers.
#[component]
fn Chart(
    id: &'static str,
    title: String,
    summary: String,
    drawing: AnyView,
    head: [String; 2],
    rows: Vec<[String; 2]>,
) -> impl IntoView {
    view! {
        <figure class="chart" id=id>
            <h2 class="section-title">{title}</h2>
            <figcaption class="chart-summary">{summary}</figcaption>
            {drawing}
            <details class="chart-table">
                <summary>{t("progress-as_table")}</summary>
                <table>
                    <thead><tr><th scope="col">{head[0].clone()}</th><th scope="col">{head[1].clone()}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|[a, b]| view! { <tr><td>{a}</td><td>{b}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// A year of reviews, a column a week, darker for more.
#[component]
fn Heatmap(days: Vec<DayReviews>, today: i64) -> impl IntoView {
    const CELL: i64 = 12;
    let most = days.iter().map(|d| d.reviews).max().unwrap_or(0).max(1);
    let level = |n: u32| -> usize {
        if n == 0 {
            0
        } else {
            1 + ((n as f32 / most as f32) * 3.99) as usize
        }
    };
    let first = today - 364 * DAY_MS;
    let by_day: std::collections::HashMap<i64, u32> = days
        .iter()
        .map(|d| ((d.day - first).div_euclid(DAY_MS), d.reviews))
        .collect();
    // Day 0 sits in the row of its weekday, so weeks line up as columns.
    let offset = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(first as f64)).get_day() as i64;
    let cells = (0..365i64)
        .map(|n| {
            let slot = n + offset;
            let count = by_day.get(&n).copied().unwrap_or(0);
            let label = t_with("progress-day_reviews", &[("date", &date(first + n * DAY_MS)), ("n", &count)]);
            view! {
                <rect x=(slot / 7 * CELL).to_string() y=(slot % 7 * CELL).to_string() width="10" height="10" rx="2" class=HEAT[level(count)]>
                    <title>{label}</title>
                </rect>
            }
        })
        .collect_view();
    let active = days.iter().filter(|d| d.reviews > 0).count();
    let total: u32 = days.iter().map(|d| d.reviews).sum();
    let rows = days
        .iter()
        .rev()
        .map(|d| [date(d.day), intl::number(f64::from(d.reviews))])
        .collect();
    let width = (53 * CELL).to_string();
    view! {
        <Chart id="chart-heatmap" title=t("progress-heatmap")
            summary=t_with("progress-heatmap_summary", &[("n", &total), ("days", &active)])
            drawing=view! {
                <svg class="heatmap" viewBox=format!("0 0 {width} 84") role="img" aria-label=t("progress-heatmap")>{cells}</svg>
            }.into_any()
            head=[t("progress-day"), t("progress-reviews")]
            rows=rows/>
    }
}

/// Bars of `values` (0 to `top`), labelled below every `label_every`th.
/// A bar chart named `name` for screen readers (its figure gives the summary and the
/// numbers as a table).
fn bars(name: String, values: &[f32], top: f32, labels: &[String], target: Option<f32>) -> AnyView {
    const HEIGHT: f32 = 120.0;
    let width = (values.len().max(1) * 16) as f32;
    let top = top.max(f32::EPSILON);
    let drawn = values
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (v, label))| {
            let h = (v / top).clamp(0.0, 1.0) * HEIGHT;
            view! {
                <rect x=(i as f32 * 16.0 + 2.0).to_string() y=(HEIGHT - h).to_string() width="12" height=h.to_string() class="bar">
                    <title>{label.clone()}</title>
                </rect>
            }
        })
        .collect_view();
    let target = target.map(|t| {
        let y = HEIGHT - (t / top).clamp(0.0, 1.0) * HEIGHT;
        view! { <line x1="0" x2=width.to_string() y1=y.to_string() y2=y.to_string() class="target-line"/> }
    });
    view! {
        <svg class="bars" viewBox=format!("0 0 {width} {HEIGHT}") preserveAspectRatio="none" role="img" aria-label=name>
            {drawn}{target}
        </svg>
    }
    .into_any()
}

#[component]
fn Retention(stats: LearningStats) -> impl IntoView {
    let weeks: Vec<_> = stats
        .retention
        .iter()
        .rev()
        .take(26)
        .rev()
        .copied()
        .collect();
    let values: Vec<f32> = weeks
        .iter()
        .map(|w| w.passed as f32 / w.reviews.max(1) as f32)
        .collect();
    let labels: Vec<String> = weeks
        .iter()
        .zip(&values)
        .map(|(w, v)| {
            format!(
                "{}: {} ({})",
                date(w.week),
                intl::percent(f64::from(*v)),
                intl::number(f64::from(w.reviews))
            )
        })
        .collect();
    let desired = stats.settings.desired_retention;
    let summary = match stats.true_retention {
        Some(r) => t_with(
            "progress-retention_summary",
            &[
                ("percent", &intl::percent(f64::from(r))),
                ("desired", &intl::percent(f64::from(desired))),
            ],
        ),
        None => t("progress-retention_none"),
    };
    let rows = weeks
        .iter()
        .zip(&values)
        .map(|(w, v)| {
            [
                date(w.week),
                format!(
                    "{} ({})",
                    intl::percent(f64::from(*v)),
                    intl::number(f64::from(w.reviews))
                ),
            ]
        })
        .collect();
    view! {
        <Chart id="chart-retention" title=t("progress-retention_title") summary=summary
            drawing=bars(t("progress-retention_title"), &values, 1.0, &labels, Some(desired))
            head=[t("progress-week"), t("progress-recalled")] rows=rows/>
    }
}

#[component]
fn Forecast(forecast: Vec<u32>, today: i64) -> impl IntoView {
    let values: Vec<f32> = forecast.iter().map(|n| *n as f32).collect();
    let labels: Vec<String> = forecast
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "{}: {}",
                date(today + i as i64 * DAY_MS),
                intl::number(f64::from(*n))
            )
        })
        .collect();
    let week: u32 = forecast.iter().take(7).sum();
    let top = values.iter().copied().fold(1.0, f32::max);
    let rows = labels
        .iter()
        .zip(&forecast)
        .enumerate()
        .map(|(i, (_, n))| [date(today + i as i64 * DAY_MS), intl::number(f64::from(*n))])
        .collect();
    view! {
        <Chart id="chart-forecast" title=t("progress-forecast")
            summary=t_with("progress-forecast_summary", &[("today", &forecast.first().copied().unwrap_or(0)), ("week", &week)])
            drawing=bars(t("progress-forecast"), &values, top, &labels, None)
            head=[t("progress-day"), t("progress-due")] rows=rows/>
    }
}

#[component]
fn TimeSpent(days: Vec<DayReviews>, today: i64) -> impl IntoView {
    let first = today - 29 * DAY_MS;
    let mut spent = vec![0i64; 30];
    for day in &days {
        let n = (day.day - first).div_euclid(DAY_MS);
        if let Some(slot) = usize::try_from(n).ok().and_then(|n| spent.get_mut(n)) {
            *slot += day.time_ms;
        }
    }
    let values: Vec<f32> = spent.iter().map(|ms| *ms as f32 / 60_000.0).collect();
    let labels: Vec<String> = spent
        .iter()
        .enumerate()
        .map(|(i, ms)| {
            format!(
                "{}: {}",
                date(first + i as i64 * DAY_MS),
                t_with("progress-minutes", &[("n", &minutes(*ms))])
            )
        })
        .collect();
    let total: i64 = spent.iter().sum();
    let top = values.iter().copied().fold(1.0, f32::max);
    let rows = labels
        .iter()
        .map(|l| {
            let (a, b) = l.split_once(": ").unwrap_or_default();
            [a.to_owned(), b.to_owned()]
        })
        .collect();
    view! {
        <Chart id="chart-time" title=t("progress-time")
            summary=t_with("progress-time_summary", &[("n", &minutes(total))])
            drawing=bars(t("progress-time"), &values, top, &labels, None)
            head=[t("progress-day"), t("progress-time")] rows=rows/>
    }
}

#[component]
fn Mastery(stats: LearningStats) -> impl IntoView {
    let concepts = stats.mastery;
    let summary = if concepts.is_empty() {
        t("progress-mastery_none")
    } else {
        let known = concepts.iter().filter(|c| c.mastery >= 0.8).count();
        t_with(
            "progress-mastery_summary",
            &[("known", &known), ("n", &concepts.len())],
        )
    };
    let rows = concepts
        .iter()
        .map(|c| [c.label.clone(), intl::percent(f64::from(c.mastery))])
        .collect();
    let drawing = view! {
        <ul class="mastery-list" id="mastery-list">
            {concepts.into_iter().take(20).map(|c| {
                let percent = format!("{:.0}", c.mastery * 100.0);
                view! {
                    <li class="mastery-item">
                        <a class="link" href=owner_href(c.owner_kind, &c.owner_id)>{c.label.clone()}</a>
                        <svg class="mastery-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                            <rect x="0" y="0" width="100" height="8" class="bar-track"/>
                            <rect x="0" y="0" width=percent.clone() height="8" class="bar"/>
                        </svg>
                        <span class="muted">{intl::percent(f64::from(c.mastery))}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any();
    view! {
        <Chart id="chart-mastery" title=t("progress-mastery") summary=summary drawing=drawing
            head=[t("progress-concept"), t("progress-known")] rows=rows/>
    }
}

/// The desired retention, new cards a day, and what the learner's own reviews taught.
#[component]
fn Scheduling(settings: LearningSettings, reviews: u32) -> impl IntoView {
    let retention = RwSignal::new((settings.desired_retention * 100.0).round() as u32);
    let new_per_day = RwSignal::new(settings.new_per_day);
    let error = RwSignal::new(None::<ErrorView>);
    let saved = RwSignal::new(false);
    let queued = RwSignal::new(false);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let args = command::SetLearning {
            desired_retention: retention.get_untracked() as f32 / 100.0,
            new_per_day: new_per_day.get_untracked(),
        };
        spawn_local(async move {
            match ipc::invoke(args).await {
                Ok(_) => {
                    saved.set(true);
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let optimise = move |_| {
        spawn_local(async move {
            match ipc::invoke(command::OptimiseLearning {}).await {
                Ok(_) => queued.set(true),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let learnt = settings.optimisation.map(|o| {
        let key = if o.adopted {
            "progress-optimised"
        } else {
            "progress-optimised_kept"
        };
        t_with(
            key,
            &[
                ("reviews", &o.reviews),
                ("before", &intl::fixed(o.log_loss_before.into(), 3)),
                ("after", &intl::fixed(o.log_loss_after.into(), 3)),
            ],
        )
    });
    view! {
        <section class="scheduling no-print" aria-labelledby="scheduling-title">
            <h2 class="section-title" id="scheduling-title">{t("progress-scheduling")}</h2>
            <ErrorBanner error/>
            <form on:submit=save class="card">
                <div class="field">
                    <label for="desired-retention">{move || t_with("progress-desired", &[("percent", &intl::percent(f64::from(retention.get()) / 100.0))])}</label>
                    <input id="desired-retention" type="range" min="70" max="97" step="1" prop:value=move || retention.get().to_string()
                        on:input=move |e| retention.set(event_target_value(&e).parse().unwrap_or(90))/>
                    <p class="hint">{t("progress-desired_hint")}</p>
                </div>
                <div class="field">
                    <label for="new-per-day">{t("progress-new_per_day")}</label>
                    <input id="new-per-day" type="number" min="0" max="9999" prop:value=move || new_per_day.get().to_string()
                        on:input=move |e| new_per_day.set(event_target_value(&e).parse().unwrap_or(20))/>
                </div>
                <div class="actions">
                    <button type="submit" class="button primary">{t("progress-save")}</button>
                    <Show when=move || saved.get()><span role="status">{t("progress-saved")}</span></Show>
                </div>
            </form>
            <p id="optimisation">{learnt.unwrap_or_else(|| t_with("progress-not_optimised", &[("n", &reviews)]))}</p>
            <div class="actions">
                <button type="button" class="button" id="optimise-now" on:click=optimise disabled=move || queued.get()>{t("progress-optimise")}</button>
                <Show when=move || queued.get()><span role="status">{t("progress-optimise_queued")}</span></Show>
            </div>
        </section>
    }
}
