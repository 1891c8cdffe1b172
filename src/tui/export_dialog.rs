//! The export dialog's state and keys: a format, a path, and the one effect it
//! asks for. What gets written is what the screen shows (the shown versions in
//! their order, or the pair; the reference; boilerplate shown or not), so the
//! dialog only lists those choices; they are changed on the main screen.
//!
//! The dialog never touches the file system itself: Enter turns it into an
//! [`ExportRequest`] that [`perform`] carries out through the library's atomic
//! writer, so the state machine stays testable without a disk.

use std::path::{Path, PathBuf};

use super::app::{App, Overlay};
use super::keymap::{Key, KeyCode};
use crate::export::{self, ExportOptions, Format, atomic::WriteError};

/// Which field of the dialog takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Left/Right (or h/l, Space) cycle the format.
    Format,
    /// Typing edits the path.
    Path,
}

/// The dialog's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    /// The chosen format.
    pub format: Format,
    /// The target path as typed.
    pub path: String,
    /// The focused field.
    pub field: Field,
    /// The path exists and the user was asked; Enter again replaces it.
    pub confirm_overwrite: bool,
    /// The last problem, shown inside the dialog.
    pub error: Option<String>,
}

/// What the dialog asks the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// The format.
    pub format: Format,
    /// Where.
    pub path: PathBuf,
    /// Replace an existing file (the user confirmed).
    pub force: bool,
    /// What to write.
    pub options: ExportOptions,
}

/// The name of the format in the dialog.
#[must_use]
pub fn format_name(f: Format) -> &'static str {
    match f {
        Format::Html => "HTML",
        Format::Md => "Markdown",
        Format::Json => "JSON",
        Format::Ansi => "ANSI text",
    }
}

impl ExportDialog {
    /// A dialog with HTML and a default file name in the current directory.
    #[must_use]
    pub fn new() -> Self {
        Self {
            format: Format::Html,
            path: format!("wirediff-export.{}", Format::Html.extension()),
            field: Field::Path,
            confirm_overwrite: false,
            error: None,
        }
    }

    /// Moves the format by `step` (±1), renaming the path's extension when it
    /// still is the previous format's.
    fn cycle(&mut self, forward: bool) {
        let all = Format::ALL;
        let at = all.iter().position(|f| *f == self.format).unwrap_or(0);
        let next = if forward {
            all[(at + 1) % all.len()]
        } else {
            all[(at + all.len() - 1) % all.len()]
        };
        let old_ext = format!(".{}", self.format.extension());
        if let Some(stem) = self.path.strip_suffix(&old_ext) {
            self.path = format!("{stem}.{}", next.extension());
        }
        self.format = next;
        self.confirm_overwrite = false;
    }
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self::new()
    }
}

/// What the screen shows (the choice its view was built for), as export options.
#[must_use]
pub fn on_screen(app: &App) -> ExportOptions {
    let choice = &app.view.choice;
    ExportOptions {
        reference: choice.reference,
        versions: choice.versions.clone(),
        boilerplate: choice.boilerplate,
        color: false,
        critic: false,
    }
}

/// Feeds a key to the open dialog; returns the request when Enter confirms.
pub fn key(app: &mut App, key: Key) -> Option<ExportRequest> {
    let Overlay::Export(dialog) = &mut app.overlay else {
        return None;
    };
    let plain = !key.ctrl && !key.alt;
    match key.code {
        KeyCode::Esc => {
            app.overlay = Overlay::None;
            app.message = Some("export cancelled".into());
        }
        KeyCode::Tab | KeyCode::Up | KeyCode::Down => {
            dialog.field = match dialog.field {
                Field::Format => Field::Path,
                Field::Path => Field::Format,
            };
        }
        KeyCode::Left if dialog.field == Field::Format => dialog.cycle(false),
        KeyCode::Right if dialog.field == Field::Format => dialog.cycle(true),
        KeyCode::Char(' ' | 'l') if dialog.field == Field::Format && plain => dialog.cycle(true),
        KeyCode::Char('h') if dialog.field == Field::Format && plain => dialog.cycle(false),
        KeyCode::Backspace if dialog.field == Field::Path => {
            dialog.path.pop();
            dialog.confirm_overwrite = false;
        }
        KeyCode::Char('u') if key.ctrl && dialog.field == Field::Path => {
            dialog.path.clear();
            dialog.confirm_overwrite = false;
        }
        KeyCode::Char(c) if plain && dialog.field == Field::Path && !c.is_control() => {
            dialog.path.push(c);
            dialog.confirm_overwrite = false;
        }
        KeyCode::Enter => {
            if dialog.path.trim().is_empty() {
                dialog.error = Some("type a file name".into());
                return None;
            }
            let request = ExportRequest {
                format: dialog.format,
                path: PathBuf::from(&dialog.path),
                force: dialog.confirm_overwrite,
                options: on_screen(app),
            };
            return Some(request);
        }
        _ => {}
    }
    None
}

/// Carries out `request`: writes the file atomically and reports on the status
/// line, or keeps the dialog open with the problem (asking before replacing an
/// existing file). The app's own view is written when the request is for what
/// it shows (it always is from the dialog), so nothing is computed again.
pub fn perform(app: &mut App, request: &ExportRequest) {
    // The files actually read, by identity: a directory's files are inputs too.
    let inputs: Vec<_> = app.cmp.versions.iter().filter_map(|v| v.file).collect();
    let result = export::atomic::write_file(&request.path, request.force, &inputs, |w| {
        if request.options.choice() == app.view.choice {
            export::write_view(
                &app.cmp,
                &app.view,
                request.format,
                request.options.render(),
                w,
            )
        } else {
            export::write(&app.cmp, request.format, &request.options, w)
        }
    });
    match result {
        Ok(()) => {
            app.overlay = Overlay::None;
            app.message = Some(format!(
                "wrote {} ({}, {} versions, reference v{})",
                shown_path(&request.path),
                format_name(request.format),
                request.options.versions.len(),
                request.options.reference
            ));
        }
        Err(e) => {
            if let Overlay::Export(dialog) = &mut app.overlay {
                match e {
                    WriteError::Exists(_) => {
                        dialog.confirm_overwrite = true;
                        dialog.error = Some("file exists: Enter replaces it, Esc cancels".into());
                    }
                    other => {
                        dialog.confirm_overwrite = false;
                        dialog.error = Some(other.to_string());
                    }
                }
            }
        }
    }
}

fn shown_path(p: &Path) -> String {
    p.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycling_the_format_renames_a_default_extension_only() {
        let mut d = ExportDialog::new();
        d.cycle(true);
        assert_eq!(d.format, Format::Md);
        assert_eq!(d.path, "wirediff-export.md");
        d.cycle(false);
        d.cycle(false);
        assert_eq!(d.format, Format::Ansi);
        assert_eq!(d.path, "wirediff-export.txt");
        d.path = "report".into();
        d.cycle(true);
        assert_eq!(d.path, "report");
        assert_eq!(d.format, Format::Html);
    }
}
