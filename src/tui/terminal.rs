//! The real terminal: entering and leaving raw mode and the alternate screen, the
//! event loop, signals, suspend. The only file that names crossterm's backend.
//!
//! The terminal is restored on every way out: quit, error (the guard's `Drop`),
//! panic (a hook chained before the default one) and SIGTERM/SIGHUP/SIGINT (a
//! flag the loop polls). Mouse capture, which `ratatui::restore` does not undo,
//! is released on each of those paths.
//!
//! The comparison itself runs on a worker thread while the loop shows the
//! loading screen ([`super::loading`]); the UI proper starts when the worker
//! hands over its [`App`]. A panic on the worker (or on a rayon thread working
//! for it) is held by the hook instead of printed onto the alternate screen,
//! where it would vanish, and printed once the loop has restored the terminal.

use std::cell::Cell;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

use super::app::App;
use super::input;
use super::keymap::Action;
use super::loading::Loading;
use super::theme::Theme;
use super::views::Screen;

/// Whether mouse capture is on, so restore paths know to release it.
static MOUSE_ON: AtomicBool = AtomicBool::new(false);

/// Whether the terminal is in raw mode on the alternate screen, so restoring
/// happens once: leaving the alternate screen twice would move the cursor back
/// over what was printed after the first time (a held panic message).
static ENTERED: AtomicBool = AtomicBool::new(false);

/// Set while the worker compares: panics on threads other than the UI's are
/// then held in [`HELD_PANIC`] rather than printed.
static LOADING: AtomicBool = AtomicBool::new(false);

/// The first panic message held while loading.
static HELD_PANIC: Mutex<Option<String>> = Mutex::new(None);

thread_local! {
    /// Whether this thread runs the event loop (its panics are never held).
    static UI_THREAD: Cell<bool> = const { Cell::new(false) };
}

fn restore() {
    if MOUSE_ON.swap(false, Ordering::SeqCst) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    if ENTERED.swap(false, Ordering::SeqCst) {
        // Not `ratatui::restore`: on a hung-up terminal it reports its
        // failure with `eprintln!`, which panics on the dead stderr, and the
        // signal watcher would die before it exits the process.
        let _ = ratatui::try_restore();
        // The cursor the frames hid shows again (while suspended, too).
        let _ = execute!(io::stdout(), crossterm::cursor::Show);
    }
}

/// Set by a SIGTSTP from outside (`kill -TSTP`, a shell's `Ctrl-Z` in cooked
/// mode): the event loops suspend as for the suspend key, so the terminal is
/// restored before the process stops, instead of stopping in raw mode.
static SUSPEND_ASKED: AtomicBool = AtomicBool::new(false);

/// Watches SIGTSTP (see [`SUSPEND_ASKED`]).
fn watch_suspend() -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGTSTP])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            SUSPEND_ASKED.store(true, Ordering::SeqCst);
        }
    });
    Ok(())
}

/// Restores the terminal when dropped (error returns included).
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode and the alternate screen, as `ratatui::try_init` does but without
/// its panic hook: that one restores the terminal on a panic on any thread,
/// a worker's too, while the loop is still drawing (onto the main screen,
/// then). Ours, set in [`run`], decides when to restore.
fn enter(mouse: bool) -> io::Result<ratatui::DefaultTerminal> {
    enable_raw_mode()?;
    ENTERED.store(true, Ordering::SeqCst);
    execute!(io::stdout(), EnterAlternateScreen)?;
    let terminal = ratatui::Terminal::new(CrosstermBackend::new(io::stdout()))?;
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

/// How the UI ended.
#[derive(Debug)]
pub enum Ended<E> {
    /// The user quit (on the loading screen or in the UI).
    Quit,
    /// A signal ended it (the caller exits with 128 + its number).
    Signal(i32),
    /// The worker returned this error; the terminal is restored.
    Failed(E),
    /// The worker panicked; the terminal is restored and the panic message
    /// printed on stderr.
    Panicked,
}

/// Clears [`LOADING`] on every way out of the loading phase.
struct LoadingFlag;

impl Drop for LoadingFlag {
    fn drop(&mut self) {
        LOADING.store(false, Ordering::SeqCst);
    }
}

/// How long the worker has before the loading screen is drawn: a small input
/// (the sample) is compared well within it and opens straight on the UI, with
/// no loading screen flashing by.
const LOADING_GRACE: Duration = Duration::from_millis(100);

/// How often the loading loop looks at the worker and the keys (and redraws:
/// only changed cells go out, so mostly nothing). Short, because the app
/// appears only when the loop notices the worker is done: a comparison just
/// over the grace time would otherwise wait most of a tick more.
const LOADING_TICK: Duration = Duration::from_millis(20);

/// Runs `work` (the comparison, building the [`App`]) on a worker thread and
/// the UI on this one: the loading screen of `loading` until the worker is
/// done, then the app until the user quits or a signal arrives. Quitting the
/// loading screen abandons the worker (the process is about to exit).
///
/// # Errors
/// When the terminal cannot be set up or drawn to, or the thread not started.
pub fn run<E: Send + 'static>(
    loading: &Loading,
    work: impl FnOnce() -> Result<App, E> + Send + 'static,
    theme: &Theme,
    mouse: bool,
) -> io::Result<Ended<E>> {
    let signal = Arc::new(AtomicUsize::new(0));
    watch_signals(Arc::clone(&signal))?;
    watch_suspend()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if LOADING.load(Ordering::SeqCst) && !UI_THREAD.with(Cell::get) {
            let name = std::thread::current()
                .name()
                .unwrap_or("<unnamed>")
                .to_string();
            let mut held = HELD_PANIC.lock().unwrap_or_else(PoisonError::into_inner);
            held.get_or_insert_with(|| format!("thread '{name}' {info}"));
            return;
        }
        restore();
        previous(info);
    }));
    UI_THREAD.with(|t| t.set(true));
    LOADING.store(true, Ordering::SeqCst);
    let loading_flag = LoadingFlag;
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("compare".into())
        .spawn(move || {
            // On a panic the sender is dropped unsent: the loop sees the
            // channel disconnect.
            let _ = tx.send(work());
        })?;
    let mut terminal = enter(mouse)?;
    let _guard = Guard;
    let got = rx.recv_timeout(LOADING_GRACE);
    let mut app = match load(&mut terminal, loading, got, &rx, &signal, theme, mouse)? {
        Ok(app) => app,
        Err(ended) => return Ok(ended),
    };
    app.kind_tags = theme.kind_tags;
    app.mouse_capture = mouse;
    drop(loading_flag);
    loop {
        let size = terminal.size()?;
        app.viewport = (size.width, size.height);
        terminal.draw(|f| f.render_widget(Screen { app: &app, theme }, f.area()))?;
        // Poll so a signal is noticed within a quarter second.
        let mut suspended = false;
        while !event::poll(Duration::from_millis(250))? {
            let sig = signal.load(Ordering::SeqCst);
            if sig != 0 {
                return Ok(Ended::Signal(i32::try_from(sig).unwrap_or(15)));
            }
            if SUSPEND_ASKED.swap(false, Ordering::SeqCst) {
                suspend(&mut terminal, mouse)?;
                suspended = true;
                break;
            }
        }
        if suspended {
            continue;
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
                MouseEventKind::Down(event::MouseButton::Left) => app.click(m.column, m.row),
                _ => {}
            },
            _ => {}
        }
        if let Some(request) = app.export.take() {
            super::export_dialog::perform(&mut app, &request);
        }
        if let Some(copy) = app.copy.take() {
            app.message = Some(copy_out(&copy));
        }
        if app.mouse_capture != MOUSE_ON.load(Ordering::SeqCst) {
            if app.mouse_capture {
                execute!(io::stdout(), EnableMouseCapture)?;
            } else {
                execute!(io::stdout(), DisableMouseCapture)?;
            }
            MOUSE_ON.store(app.mouse_capture, Ordering::SeqCst);
        }
        if app.quit {
            return Ok(Ended::Quit);
        }
        if app.suspend {
            app.suspend = false;
            suspend(&mut terminal, mouse)?;
        }
    }
}

/// Puts `copy` on the clipboard with OSC 52 and in a new file in the
/// temporary folder (for terminals that ignore OSC 52), and says where.
fn copy_out(copy: &super::app::CopyRequest) -> String {
    use std::io::Write;
    let mut out = io::stdout();
    let _ = out.write_all(super::clipboard::osc52(&copy.text).as_bytes());
    let _ = out.flush();
    let dir = std::env::temp_dir();
    let name = format!(
        "wirediff-row{}-v{}-{}.txt",
        copy.row + 1,
        copy.version,
        std::process::id()
    );
    let path = dir.join(name);
    // A new file only: never follow or replace what is already there.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| f.write_all(copy.text.as_bytes()));
    let display = path.display().to_string();
    let shown = crate::sanitize::terminal(&display, false);
    match written {
        Ok(()) => format!(
            "copied row {} of v{}: OSC 52 clipboard, and {shown}",
            copy.row + 1,
            copy.version
        ),
        Err(e) => format!(
            "copied row {} of v{} to the clipboard (OSC 52); {shown}: {e}",
            copy.row + 1,
            copy.version
        ),
    }
}

/// Stops ourselves as the shell's Ctrl-Z would, the terminal restored; on
/// `fg` takes it again and clears it for a full redraw. SIGTSTP has a
/// handler of ours (see [`watch_suspend`]), so the stop is the default
/// action done by hand.
fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> io::Result<()> {
    restore();
    SUSPEND_ASKED.store(false, Ordering::SeqCst);
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    SUSPEND_ASKED.store(false, Ordering::SeqCst);
    *terminal = enter(mouse)?;
    terminal.clear()
}

/// The loading phase: waits on the worker, drawing the loading screen and
/// reading keys, from `got` (the worker's answer within the grace time) on.
/// `Ok(Ok(app))` when the worker is done, `Ok(Err(how))` when it ended
/// otherwise.
fn load<E>(
    terminal: &mut ratatui::DefaultTerminal,
    loading: &Loading,
    mut got: Result<Result<App, E>, RecvTimeoutError>,
    rx: &mpsc::Receiver<Result<App, E>>,
    signal: &AtomicUsize,
    theme: &Theme,
    mouse: bool,
) -> io::Result<Result<App, Ended<E>>> {
    loop {
        match got {
            Ok(Ok(app)) => return Ok(Ok(app)),
            Ok(Err(e)) => return Ok(Err(Ended::Failed(e))),
            Err(RecvTimeoutError::Disconnected) => {
                // The worker panicked: its message was held; print it where
                // the user will see it, on the restored terminal.
                restore();
                let held = HELD_PANIC
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                let msg = held.unwrap_or_else(|| "the comparison thread panicked".into());
                // A panic message can quote input text (a bad slice of it).
                eprintln!("{}", crate::sanitize::terminal(&msg, true));
                return Ok(Err(Ended::Panicked));
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        let sig = signal.load(Ordering::SeqCst);
        if sig != 0 {
            return Ok(Err(Ended::Signal(i32::try_from(sig).unwrap_or(15))));
        }
        if SUSPEND_ASKED.swap(false, Ordering::SeqCst) {
            suspend(terminal, mouse)?;
        }
        terminal.draw(|f| f.render_widget(loading.screen(theme), f.area()))?;
        // Other keys are dropped: there is nothing yet for them to act on.
        if event::poll(LOADING_TICK)?
            && let Event::Key(k) = event::read()?
            && k.kind == KeyEventKind::Press
            && let Some(key) = input::key(k)
        {
            if loading.quits(key) {
                return Ok(Err(Ended::Quit));
            }
            if loading.suspends(key) {
                suspend(terminal, mouse)?;
            }
        }
        got = match rx.try_recv() {
            Ok(answer) => Ok(answer),
            Err(TryRecvError::Empty) => Err(RecvTimeoutError::Timeout),
            Err(TryRecvError::Disconnected) => Err(RecvTimeoutError::Disconnected),
        };
    }
}

/// Runs the story list ([`super::story_list`]) until the user opens a story
/// or quits: `Ok(Ok(pick))`, or `Ok(Err(n))` when signal `n` ended it. The
/// terminal is restored on return, so the caller can open the story with
/// [`run`] and come back here after.
///
/// # Errors
/// When the terminal cannot be set up or drawn to.
pub fn pick(
    list: &mut super::story_list::StoryList,
    theme: &Theme,
    mouse: bool,
) -> io::Result<Result<super::story_list::Pick, i32>> {
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
        terminal.draw(|f| {
            let area = f.area();
            list.render(area, f.buffer_mut(), theme);
        })?;
        while !event::poll(Duration::from_millis(250))? {
            let sig = signal.load(Ordering::SeqCst);
            if sig != 0 {
                return Ok(Err(i32::try_from(sig).unwrap_or(15)));
            }
        }
        if let Event::Key(k) = event::read()?
            && k.kind == KeyEventKind::Press
            && let Some(key) = input::key(k)
            && let Some(chosen) = list.key(key)
        {
            return Ok(Ok(chosen));
        }
    }
}
