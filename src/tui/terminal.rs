//! The real terminal: entering and leaving raw mode and the alternate screen, the
//! event loop, signals, suspend. The only file that names crossterm's backend.
//!
//! The terminal is restored on every way out: quit, error (the guard's `Drop`),
//! panic (a hook chained before the default one) and SIGTERM/SIGHUP/SIGINT (a
//! flag the loop polls). Mouse capture, which `ratatui::restore` does not undo,
//! is released on each of those paths.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;

use super::app::App;
use super::input;
use super::keymap::Action;
use super::theme::Theme;
use super::views::Screen;

/// Whether mouse capture is on, so restore paths know to release it.
static MOUSE_ON: AtomicBool = AtomicBool::new(false);

fn restore() {
    if MOUSE_ON.swap(false, Ordering::SeqCst) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
}

/// Restores the terminal when dropped (error returns included).
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter(mouse: bool) -> io::Result<ratatui::DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
        MOUSE_ON.store(true, Ordering::SeqCst);
    }
    Ok(terminal)
}

/// How long the event loop has to notice a signal before the watcher ends the
/// process itself.
const SIGNAL_GRACE: Duration = Duration::from_millis(750);

/// Watches SIGTERM, SIGHUP and SIGINT on a thread of its own: it raises the
/// flag the event loop polls, and if the loop does not end within
/// [`SIGNAL_GRACE`] (a hung-up terminal can keep crossterm reading an endless
/// end of file inside `poll`), restores what it can and exits with 128 + the
/// signal, so a closed terminal never leaves wirediff spinning.
fn watch_signals(flag: Arc<AtomicUsize>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            flag.store(usize::try_from(sig).unwrap_or(15), Ordering::SeqCst);
            std::thread::sleep(SIGNAL_GRACE);
            restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

/// Runs the UI until the user quits or a signal arrives. Returns the signal
/// number that ended it, if any (the caller exits with 128 + it).
///
/// # Errors
/// When the terminal cannot be set up or drawn to.
pub fn run(mut app: App, theme: &Theme, mouse: bool) -> io::Result<Option<i32>> {
    let signal = Arc::new(AtomicUsize::new(0));
    watch_signals(Arc::clone(&signal))?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let mut terminal = enter(mouse)?;
    let _guard = Guard;
    loop {
        let size = terminal.size()?;
        app.viewport = (size.width, size.height);
        terminal.draw(|f| f.render_widget(Screen { app: &app, theme }, f.area()))?;
        // Poll so a signal is noticed within a quarter second.
        while !event::poll(Duration::from_millis(250))? {
            let sig = signal.load(Ordering::SeqCst);
            if sig != 0 {
                return Ok(Some(i32::try_from(sig).unwrap_or(15)));
            }
        }
        match event::read()? {
            Event::Key(k) if k.kind == KeyEventKind::Press => {
                if let Some(key) = input::key(k) {
                    app.key(key);
                }
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => (0..3).for_each(|_| app.update(Action::Down)),
                MouseEventKind::ScrollUp => (0..3).for_each(|_| app.update(Action::Up)),
                _ => {}
            },
            _ => {}
        }
        if let Some(request) = app.export.take() {
            super::export_dialog::perform(&mut app, &request);
        }
        if app.quit {
            return Ok(None);
        }
        if app.suspend {
            app.suspend = false;
            restore();
            // Stop ourselves as the shell's Ctrl-Z would; we continue on `fg`.
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
            terminal = enter(mouse)?;
            terminal.clear()?;
        }
    }
}
