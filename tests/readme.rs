//! The README's key table is the keymap's own: regenerate it with `wirediff keys`
//! when a binding changes, or this fails.

use wirediff::tui::keymap::Keymap;

#[test]
fn readme_key_table_matches_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let start =
        readme.find("<!-- keys:start -->\n").expect("start marker") + "<!-- keys:start -->\n".len();
    let end = readme.find("<!-- keys:end -->").expect("end marker");
    assert_eq!(
        &readme[start..end],
        Keymap::default().markdown_table(),
        "README key table is stale: paste `wirediff --no-config keys`"
    );
}

#[test]
fn readme_gives_the_two_setup_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let first_screen: String = readme.lines().take(25).collect::<Vec<_>>().join("\n");
    assert!(first_screen.contains("cargo run --release"));
    assert!(first_screen.contains("cargo test"));
}
