//! `wirediff extract` and pages as inputs (issue 12), as a user meets them:
//! saved pages, encodings, hostile markup, a page with no article, and URLs
//! served by a tiny HTTP server inside the test (loopback only): the page, a
//! 404, a time-out, a body over the cap, an image, a redirect loop.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use predicates::prelude::*;
use serde_json::Value;

#[path = "support/command.rs"]
mod command;
use command::{wirediff, write};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/html/bridge/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

const PROSE: &str = "The council voted on Tuesday, after a long debate, to close the old harbour bridge for two years of repairs.";

fn page(body: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>Bridge closes</title>\
         <meta property=og:site_name content='Test Outlet'></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav>\
         <article><h1>Bridge closes</h1>{body}</article>\
         <footer>Copyright 2026 Test Outlet</footer></body></html>"
    )
}

#[test]
fn extract_prints_the_headline_and_story_one_per_line() {
    let out = wirediff()
        .args(["extract", &fixture("ledger.html")])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Harbour bridge to close for two years of repairs");
    assert!(lines[1].starts_with("The Kettleby harbour bridge will close"));
    assert_eq!(lines.len(), 10, "{text}");
    for furniture in ["cookies", "Share on", "About time", "Weather", "©"] {
        assert!(!text.contains(furniture), "{furniture} in {text}");
    }
}

#[test]
fn extract_json_has_metadata_kinds_and_reasons() {
    let out = wirediff()
        .args(["extract", "--format", "json", &fixture("courier.html")])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    let page = &v["pages"][0];
    assert_eq!(page["label"], "Valley Courier");
    assert_eq!(page["metadata"]["site_name"], "Valley Courier");
    assert_eq!(page["metadata"]["byline"], "Sam Patel");
    assert_eq!(page["paragraphs"][0]["kind"], "headline");
    assert_eq!(page["paragraphs"][1]["kind"], "story");
    let boiler = page["boilerplate"].as_array().expect("boilerplate");
    assert!(
        boiler
            .iter()
            .all(|p| p["kind"] == "boilerplate" && p["reason"].is_string())
    );
    assert!(boiler.iter().any(|p| p["reason"] == "cookie notice"));
}

#[test]
fn several_pages_get_a_header_each() {
    wirediff()
        .args([
            "extract",
            &fixture("ledger.html"),
            &fixture("coastwire.html"),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("==> ").count(2))
        .stdout(predicate::str::contains(
            "Kettleby bridge to close for repairs",
        ));
}

#[test]
fn a_missing_file_is_exit_2_naming_it() {
    wirediff()
        .args(["extract", "no/such/page.html"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("wirediff: no/such/page.html: "))
        .stdout("");
}

#[test]
fn a_page_without_an_article_says_so_exit_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        &dir,
        "menu.html",
        b"<html><body><nav><a href=/>Home</a> <a href=/b>B</a></nav></body></html>",
    );
    wirediff()
        .args(["extract", &p])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("menu.html: no article found"));
}

#[test]
fn page_text_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = format!("<p>{PROSE} Evil &#27;]0;title&#7; and \u{202e}reversed.</p><p>{PROSE}</p>");
    let p = write(&dir, "evil.html", page(&body).as_bytes());
    let out = wirediff()
        .args(["extract", &p])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(
        text.contains("^[]0;title") && text.contains("<U+202E>"),
        "{text:?}"
    );
}

#[test]
fn encodings_bom_latin1_and_a_lying_meta() {
    let dir = tempfile::tempdir().expect("tempdir");
    let words = "Caf\u{e9} owners said the \u{201c}closure\u{201d} would cost them \u{a3}5,000 a week, and na\u{ef}ve plans would not help.";
    // windows-1252 bytes, declared UTF-8: the declaration lies.
    let html = page(&format!("<p>{words}</p><p>{PROSE}</p>"));
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    let liar = write(&dir, "liar.html", &latin);
    // UTF-8 bytes declared iso-8859-1, with a BOM in a second copy.
    let utf8 = page(&format!("<p>{words}</p><p>{PROSE}</p>"))
        .replace("charset=utf-8", "charset=iso-8859-1");
    let declared_latin = write(&dir, "latin.html", utf8.as_bytes());
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(utf8.as_bytes());
    let with_bom = write(&dir, "bom.html", &bom);
    for p in [liar, declared_latin, with_bom] {
        wirediff()
            .args(["extract", &p])
            .assert()
            .success()
            .stdout(predicate::str::contains(words));
    }
}

#[test]
fn huge_and_malformed_markup_is_read_quickly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: Vec<(&str, String)> = vec![
        ("divs.html", "<div>".repeat(2_000_000)),
        (
            "bold.html",
            (0..100_000)
                .map(|i| format!("<p><b id={i}>x</p>"))
                .collect(),
        ),
        (
            "attr.html",
            format!("<p class=\"{}\">{PROSE}</p>", "x".repeat(5_000_000)),
        ),
        (
            "broken.html",
            format!("<html><p>{PROSE}<div><table><td><p>{PROSE}</span></b></i><!-- open"),
        ),
    ];
    for (name, body) in cases {
        let p = write(&dir, name, body.as_bytes());
        let started = Instant::now();
        let code = wirediff()
            .args(["extract", &p])
            .output()
            .expect("runs")
            .status
            .code();
        assert!(matches!(code, Some(0 | 1)), "{name}: {code:?}");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{name}: {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn pages_compare_by_outlet_name() {
    let out = wirediff()
        .args([
            "align",
            "--format",
            "json",
            &fixture("ledger.html"),
            &fixture("courier.html"),
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    let versions = v["versions"].as_array().expect("versions");
    assert_eq!(versions[0]["label"], "The Northern Ledger");
    assert_eq!(versions[1]["metadata"]["site_name"], "Valley Courier");
    assert!(versions[1]["metadata"]["published"].is_string());
}

// ------------------------------------------------------------------ URLs

/// What the test server saw: request paths and user agents.
#[derive(Default)]
struct Seen {
    paths: Vec<String>,
    agents: Vec<String>,
}

/// A loopback HTTP server for one test: serves fixed routes, at most 64
/// connections, and stops by itself after a minute.
fn serve() -> (String, Arc<Mutex<Seen>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    listener.set_nonblocking(true).expect("nonblocking");
    let seen = Arc::new(Mutex::new(Seen::default()));
    let shared = Arc::clone(&seen);
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut served = 0;
        while served < 64 && Instant::now() < deadline {
            match listener.accept() {
                Ok((stream, _)) => {
                    served += 1;
                    let seen = Arc::clone(&shared);
                    std::thread::spawn(move || answer(stream, &seen));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    });
    (base, seen)
}

fn answer(stream: TcpStream, seen: &Mutex<Seen>) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut agent = String::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some(v) = h.to_ascii_lowercase().strip_prefix("user-agent:") {
            agent = v.trim().to_string();
        }
    }
    if let Ok(mut s) = seen.lock() {
        s.paths.push(path.clone());
        s.agents.push(agent);
    }
    let mut stream = reader.into_inner();
    let story = page(&format!(
        "<p>{PROSE}</p><p>{PROSE}</p><img src=/pixel.png><script src=/app.js></script>"
    ));
    let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
        "/story.html" => (
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n".into(),
            story.into_bytes(),
        ),
        "/plain.txt" => (
            "200 OK",
            "Content-Type: text/plain\r\n".into(),
            format!("Headline\n\n{PROSE}").into_bytes(),
        ),
        "/moved" => ("302 Found", "Location: /story.html\r\n".into(), Vec::new()),
        "/loop" => ("302 Found", "Location: /loop\r\n".into(), Vec::new()),
        "/big" => (
            "200 OK",
            "Content-Type: text/html\r\n".into(),
            vec![b'a'; 50_000],
        ),
        "/image.png" => (
            "200 OK",
            "Content-Type: image/png\r\n".into(),
            b"\x89PNG\r\n".to_vec(),
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(4));
            (
                "200 OK",
                "Content-Type: text/html\r\n".into(),
                page("").into_bytes(),
            )
        }
        _ => (
            "404 Not Found",
            "Content-Type: text/html\r\n".into(),
            b"<h1>Not found</h1>".to_vec(),
        ),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}

#[test]
fn a_url_is_fetched_once_with_our_user_agent_and_nothing_it_refers_to() {
    let (base, seen) = serve();
    wirediff()
        .args(["extract", &format!("{base}/moved")])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Bridge closes\n"))
        .stdout(predicate::str::contains(PROSE));
    let seen = seen.lock().expect("lock");
    assert_eq!(
        seen.paths,
        ["/moved", "/story.html"],
        "no image, no script fetched"
    );
    assert!(
        seen.agents.iter().all(|a| a.starts_with("wirediff/")),
        "{:?}",
        seen.agents
    );
}

#[test]
fn url_errors_are_named_and_exit_2() {
    let (base, _) = serve();
    let cases = [
        ("/missing", vec![], "the server answered HTTP 404"),
        ("/slow", vec!["--timeout", "1"], "no answer within 1 s"),
        (
            "/big",
            vec!["--max-input", "1000"],
            "input exceeds 1000 bytes",
        ),
        (
            "/image.png",
            vec![],
            "not a web page or text (Content-Type image/png)",
        ),
        ("/loop", vec![], "redirects"),
    ];
    for (path, flags, message) in cases {
        let url = format!("{base}{path}");
        let started = Instant::now();
        wirediff()
            .args(&flags)
            .args(["extract", &url])
            .assert()
            .code(2)
            .stderr(predicate::str::starts_with(format!("wirediff: {url}: ")))
            .stderr(predicate::str::contains(message))
            .stdout("");
        assert!(started.elapsed() < Duration::from_secs(20), "{path}");
    }
}

#[test]
fn with_several_inputs_nothing_starts_unless_keep_going() {
    let (base, _) = serve();
    let good = format!("{base}/story.html");
    let plain = format!("{base}/plain.txt");
    let bad = format!("{base}/missing");
    wirediff()
        .args(["align", &good, &bad, "also/missing.html"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2 of 3 inputs could not be read"))
        .stderr(predicate::str::contains(format!(
            "{bad}: the server answered HTTP 404"
        )))
        .stderr(predicate::str::contains("also/missing.html: "))
        .stdout("");
    let out = wirediff()
        .args([
            "--keep-going",
            "align",
            "--format",
            "json",
            &good,
            &bad,
            &plain,
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("skipped {bad}")))
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    let labels: Vec<&str> = v["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .filter_map(|v| v["label"].as_str())
        .collect();
    // The page by its site name, the text by its server's host.
    assert_eq!(labels, ["Test Outlet", "127.0.0.1"]);
}
