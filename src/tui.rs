//! The terminal UI: browse the versions, read them side by side, diff two, and
//! move through every change by keyboard.
//!
//! - [`keymap`]: keys, actions, help text (data, not code);
//! - [`app`]: the state and its one mutation path; [`export_dialog`]: the export
//!   dialog's state, and the one place the UI writes a file (through the library);
//!   [`differences`]: the differences panel's list and the kind filter;
//! - [`layout`] and [`wrap`]: visible columns and wrapped, marked lines;
//! - [`views`]: drawing the state (never changing it); [`loading`]: the screen
//!   shown while the comparison runs;
//! - [`story_list`]: the stories of a collection, where the UI opens when given one;
//! - [`theme`]: semantic styles; [`input`] and [`terminal`]: crossterm, kept apart.
//!
//! This module and its children are the only code that imports ratatui or
//! crossterm.

pub mod app;
pub mod clipboard;
pub mod differences;
pub mod export_dialog;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod loading;
pub mod people;
pub mod terminal;
pub mod theme;
pub mod views;
pub mod wrap;

// Collections (`wirediff stories`): the list the UI opens on.
pub mod story_list;

use serde::{Deserialize, Serialize};

use self::keymap::{Action, Key};
use self::theme::{ColorLevel, ThemeName};

/// The `[tui]` table of the config file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TuiConfig {
    /// `auto`, `dark`, `light` or `mono`.
    pub theme: ThemeName,
    /// Colour depth: `truecolor`, `256` or `16`; unset means detect.
    pub colors: Option<ColorLevel>,
    /// Scroll with the mouse wheel (capturing the mouse disables the terminal's
    /// own text selection; Shift-drag still selects in most terminals).
    pub mouse: bool,
    /// Extra or changed key bindings: key name = action name.
    pub keys: std::collections::BTreeMap<Key, Action>,
}

impl Default for TuiConfig {
    fn default() -> Self {
        Self {
            theme: ThemeName::Auto,
            colors: None,
            mouse: true,
            keys: std::collections::BTreeMap::new(),
        }
    }
}
