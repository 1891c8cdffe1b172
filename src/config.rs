//! Configuration: embedded, commented defaults plus the user's overrides, strict.
//!
//! The default file (`assets/config.default.toml`) is embedded and printed by
//! `wirediff config --default`; a test checks it equals [`Config::default`]. The
//! user's file only overrides what it names. Unknown keys and bad values stop
//! the run with `path:line:column` and what was expected. Parsing is a pure
//! function of a string ([`Config::from_toml_str`]); finding and reading the
//! file is [`locate`] and the CLI's business.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::align::AlignConfig;
use crate::boilerplate::BoilerplateConfig;
use crate::compare::{DiffConfig, EngineConfig};

/// The commented default configuration, as shipped.
pub const DEFAULT_TOML: &str = include_str!("../assets/config.default.toml");

/// The whole configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `[align]`: aligner thresholds.
    pub align: AlignConfig,
    /// `[boilerplate]`: boilerplate rules.
    pub boilerplate: BoilerplateConfig,
    /// `[diff]`: which pairs of versions are word-diffed.
    pub diff: DiffConfig,
    /// `[tui]`: theme, colours, mouse and key bindings of the terminal UI.
    pub tui: crate::tui::TuiConfig,
}

/// Reads a share (a similarity or containment threshold): a number from 0
/// to 1. `nan`, `inf` and negative values parse as TOML floats but would
/// make every comparison true or false; they are refused where they stand.
///
/// # Errors
/// When the value is not a number or lies outside 0..=1.
pub fn share<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    let x = f32::deserialize(d)?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(serde::de::Error::custom(format!(
            "must be a number from 0 to 1, not {x}"
        )))
    }
}

impl Config {
    /// The engine's part of the configuration.
    #[must_use]
    pub fn engine(&self) -> EngineConfig {
        EngineConfig {
            align: self.align,
            boilerplate: self.boilerplate.clone(),
            diff: self.diff,
        }
    }
}

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    // The reason is part of the message and deliberately not `source()`: a
    // caller printing the chain (`{:#}`) would show it twice.
    #[error("{path}: {reason}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        reason: std::io::Error,
    },
    /// The file is not valid TOML or holds an unknown key or a bad value.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong, with the valid choices when there are some.
        message: String,
    },
}

impl Config {
    /// Parses a configuration; `path` is only used in error messages.
    ///
    /// # Errors
    /// [`Error::Parse`] with the line and column of the first problem.
    pub fn from_toml_str(src: &str, path: &str) -> Result<Self, Error> {
        toml::from_str::<Self>(src).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_col(src, s.start));
            Error::Parse {
                path: path.to_string(),
                line,
                column,
                message: e.message().trim().replace('\n', "; "),
            }
        })
    }

    /// Reads and parses the file at `path` (at most 1 MiB).
    ///
    /// # Errors
    /// [`Error::Read`] or [`Error::Parse`].
    pub fn load(path: &Path) -> Result<Self, Error> {
        let shown = crate::sanitize::os_text(path.as_os_str()).into_owned();
        let read_err = |reason| Error::Read {
            path: shown.clone(),
            reason,
        };
        let meta = std::fs::metadata(path).map_err(read_err)?;
        if meta.is_dir() {
            return Err(read_err(std::io::Error::other("is a directory")));
        }
        let mut buf = Vec::new();
        let file = std::fs::File::open(path).map_err(read_err)?;
        std::io::Read::read_to_end(&mut std::io::Read::take(file, 1 << 20), &mut buf)
            .map_err(read_err)?;
        let src = String::from_utf8(buf)
            .map_err(|_| read_err(std::io::Error::other("not UTF-8 text")))?;
        Self::from_toml_str(src.trim_start_matches('\u{feff}'), &shown)
    }
}

/// 1-based line and column (in characters) of byte offset `at` in `src`.
fn line_col(src: &str, at: usize) -> (usize, usize) {
    let at = at.min(src.len());
    let before = src.get(..at).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where the user's configuration file is: `WIREDIFF_CONFIG`, else
/// `$XDG_CONFIG_HOME/wirediff/config.toml`, else `~/.config/wirediff/config.toml`.
/// Returns the path whether or not the file exists.
#[must_use]
pub fn locate() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("WIREDIFF_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("wirediff").join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_outside_zero_to_one_are_refused_where_they_stand() {
        for bad in ["nan", "inf", "-0.5", "1.5"] {
            let src = format!("[align]\nlink_min_similarity = {bad}\n");
            let err = Config::from_toml_str(&src, "c.toml").expect_err(bad);
            let msg = err.to_string();
            assert!(msg.starts_with("c.toml:2:"), "{msg}");
            assert!(msg.contains("from 0 to 1"), "{msg}");
        }
        let src = "[boilerplate]\ncounterpart_min_similarity = -1.0\n";
        assert!(Config::from_toml_str(src, "c.toml").is_err());
        let ok = "[align]\nlink_min_similarity = 0.3\n";
        assert!(Config::from_toml_str(ok, "c.toml").is_ok());
    }

    #[test]
    fn shipped_default_equals_built_in_default() {
        let parsed = Config::from_toml_str(DEFAULT_TOML, "default").expect("default config parses");
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn partial_file_overrides_only_what_it_names() {
        let c = Config::from_toml_str("[align]\nlink_min_similarity = 0.4\n", "x").expect("parses");
        assert!((c.align.link_min_similarity - 0.4).abs() < 1e-6);
        assert_eq!(
            c.boilerplate,
            crate::boilerplate::BoilerplateConfig::default()
        );
    }

    #[test]
    fn unknown_key_names_line_and_column() {
        let err =
            Config::from_toml_str("[align]\nlink_min_similarty = 0.4\n", "c.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("c.toml:2:1: "), "{msg}");
        assert!(
            msg.contains("link_min_similarity"),
            "valid keys listed: {msg}"
        );
    }

    #[test]
    fn keys_and_theme_parse_and_bad_ones_list_the_choices() {
        let c = Config::from_toml_str(
            "[tui]\ntheme = \"light\"\n[tui.keys]\n\"C-n\" = \"next_change\"\n",
            "x",
        )
        .expect("parses");
        assert_eq!(c.tui.theme, crate::tui::theme::ThemeName::Light);
        assert_eq!(c.tui.keys.len(), 1);
        let err = Config::from_toml_str("[tui]\ntheme = \"neon\"\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.toml:2:") && err.contains("dark"),
            "{err}"
        );
        let err = Config::from_toml_str("[tui.keys]\n\"j\" = \"jump\"\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("next_change"), "{err}");
        let err = Config::from_toml_str("[tui.keys]\n\"Ctrl+j\" = \"quit\"\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("C-"), "{err}");
    }

    #[test]
    fn bad_value_type_is_reported() {
        let err = Config::from_toml_str("[boilerplate]\nbuilt_in_rules = \"yes\"\n", "c.toml")
            .unwrap_err();
        assert!(err.to_string().starts_with("c.toml:2:"), "{err}");
    }
}
