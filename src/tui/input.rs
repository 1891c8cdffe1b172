//! Converting crossterm key events into our [`Key`]; the only place that knows
//! crossterm's key types.

use ratatui::crossterm::event::{KeyCode as CtCode, KeyEvent, KeyModifiers};

use super::keymap::{Key, KeyCode};

/// Our key for a crossterm key event, or `None` for keys we never bind.
#[must_use]
pub fn key(ev: KeyEvent) -> Option<Key> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let alt = ev.modifiers.contains(KeyModifiers::ALT);
    let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
    let (code, shift) = match ev.code {
        // Shift is already in the character ('G'); do not count it twice.
        CtCode::Char(c) => (KeyCode::Char(c), false),
        CtCode::Enter => (KeyCode::Enter, shift),
        CtCode::Esc => (KeyCode::Esc, shift),
        CtCode::Tab => (KeyCode::Tab, shift),
        CtCode::BackTab => (KeyCode::Tab, true),
        CtCode::Backspace => (KeyCode::Backspace, shift),
        CtCode::Up => (KeyCode::Up, shift),
        CtCode::Down => (KeyCode::Down, shift),
        CtCode::Left => (KeyCode::Left, shift),
        CtCode::Right => (KeyCode::Right, shift),
        CtCode::PageUp => (KeyCode::PageUp, shift),
        CtCode::PageDown => (KeyCode::PageDown, shift),
        CtCode::Home => (KeyCode::Home, shift),
        CtCode::End => (KeyCode::End, shift),
        CtCode::F(n) => (KeyCode::F(n), shift),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl,
        alt,
        shift,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_is_folded_into_characters_and_backtab() {
        let g = KeyEvent::new(CtCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(key(g), Some(Key::ch('G')));
        let bt = KeyEvent::new(CtCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(key(bt), Key::parse("S-Tab").ok());
        let cd = KeyEvent::new(CtCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(key(cd), Some(Key::ctrl('d')));
    }
}
