//! Printing what the window shows, laid out by the page's print stylesheet: through the
//! system's print dialog, or straight into a PDF the learner names (a class report to
//! send, a sheet of questions to copy).

use satchel_core::types::{ErrorCode, ErrorView, command};

use crate::ipc::{Args, ReplyTo};

/// Opens the system's print dialog on the page shown.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_page(
    window: tauri::WebviewWindow,
    _: Args<command::PrintPage>,
) -> ReplyTo<command::PrintPage> {
    window
        .print()
        .map_err(|e| ErrorView::new(ErrorCode::Internal, format!("printing: {e}")))
}

/// Prints the page shown into a PDF where the learner chooses.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_pdf(
    app: tauri::AppHandle,
    window: tauri::WebviewWindow,
    Args(command::SavePdf { name }): Args<command::SavePdf>,
) -> ReplyTo<command::SavePdf> {
    save_pdf_as(app, window, name).await
}

#[cfg(target_os = "linux")]
async fn save_pdf_as(
    app: tauri::AppHandle,
    window: tauri::WebviewWindow,
    name: String,
) -> ReplyTo<command::SavePdf> {
    let name = format!("{}.pdf", safe_file_name(&name));
    let Some(path) = crate::commands::ask_where_to_save(app, "PDF", "pdf", name).await? else {
        return Ok(None);
    };
    linux::print_to_pdf(&window, &path).await?;
    Ok(Some(path.display().to_string()))
}

/// WebView2 and WKWebView print to a file only through their own dialogs, whose
/// printers include one that saves a PDF.
#[cfg(not(target_os = "linux"))]
async fn save_pdf_as(
    _app: tauri::AppHandle,
    window: tauri::WebviewWindow,
    _name: String,
) -> ReplyTo<command::SavePdf> {
    window
        .print()
        .map_err(|e| ErrorView::new(ErrorCode::Internal, format!("printing: {e}")))?;
    Ok(None)
}

/// `name` as a file's name on every system: no folder separators, nothing Windows
/// refuses, never empty.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn safe_file_name(name: &str) -> String {
    let name = satchel_core::file_name_part(name);
    let name = name.trim().trim_matches('.');
    if name.is_empty() {
        "Satchel".to_owned()
    } else {
        name.to_owned()
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::cell::RefCell;
    use std::path::Path;
    use std::rc::Rc;

    use satchel_core::types::{ErrorCode, ErrorView};
    use tauri::WebviewWindow;
    use webkit2gtk::PrintOperationExt;

    /// Prints the window's page into `path` with GTK's file printer, no dialog shown;
    /// ends when WebKit has written the file.
    pub(super) async fn print_to_pdf(window: &WebviewWindow, path: &Path) -> Result<(), ErrorView> {
        let uri = gtk::glib::filename_to_uri(path, None)
            .map_err(|e| {
                ErrorView::new(ErrorCode::InvalidInput, format!("{}: {e}", path.display()))
            })?
            .to_string();
        let (done, finished) = tokio::sync::oneshot::channel::<Result<(), String>>();
        window
            .with_webview(move |webview| {
                let operation = webkit2gtk::PrintOperation::new(&webview.inner());
                let settings = gtk::PrintSettings::new();
                // GTK names its file printer in the learner's language, and WebKit
                // looks the printer up by that name.
                settings.set_printer(gtk::glib::dgettext(Some("gtk30"), "Print to File").as_str());
                settings.set("output-file-format", Some("pdf"));
                settings.set("output-uri", Some(&uri));
                operation.set_print_settings(&settings);
                // The operation stays alive until it reports, then lets itself go.
                let waiting = Rc::new(RefCell::new(Some((done, operation.clone()))));
                let failed = Rc::clone(&waiting);
                operation.connect_failed(move |_, error| {
                    if let Some((done, _operation)) = failed.borrow_mut().take() {
                        let _ = done.send(Err(error.to_string()));
                    }
                });
                operation.connect_finished(move |_| {
                    if let Some((done, _operation)) = waiting.borrow_mut().take() {
                        let _ = done.send(Ok(()));
                    }
                });
                operation.print();
            })
            .map_err(|e| ErrorView::new(ErrorCode::Internal, format!("printing: {e}")))?;
        match finished.await {
            Ok(Ok(())) if path.is_file() => Ok(()),
            Ok(Ok(())) => Err(ErrorView::new(
                ErrorCode::Storage,
                format!("{}: the printer wrote nothing", path.display()),
            )),
            Ok(Err(error)) => Err(ErrorView::new(
                ErrorCode::Storage,
                format!("{}: {error}", path.display()),
            )),
            Err(_) => Err(ErrorView::new(
                ErrorCode::Internal,
                "printing stopped before it ended".to_owned(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn a_page_name_makes_a_file_name_on_every_system() {
        assert_eq!(safe_file_name("Biology::Cells"), "Biology__Cells");
        assert_eq!(safe_file_name("Class 5/B: report"), "Class 5_B_ report");
        assert_eq!(safe_file_name(" .. "), "Satchel");
        assert_eq!(safe_file_name("Ñandú"), "Ñandú");
    }
}
