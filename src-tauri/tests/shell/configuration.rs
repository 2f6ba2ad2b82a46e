//! The hardening in tauri.conf.json and the capabilities cannot be loosened silently.

use std::path::Path;

use holdspace_app::COMMAND_NAMES;
use serde_json::Value;

fn read_json(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Sources that are the app itself or its IPC channel; anything else is remote.
const LOCAL_SOURCES: &[&str] = &["'self'", "'none'", "data:", "ipc:", "http://ipc.localhost"];

#[test]
fn the_csp_allows_no_remote_source_and_no_inline_or_eval_script() {
    let config = read_json("tauri.conf.json");
    let csp = config["app"]["security"]["csp"]
        .as_object()
        .expect("the CSP is set, as a map");
    assert_eq!(csp["default-src"], "'self'", "default-src must be 'self'");
    for (directive, sources) in csp {
        for source in sources.as_str().unwrap().split_whitespace() {
            assert!(
                LOCAL_SOURCES.contains(&source),
                "{directive} allows {source}: only the app itself and its IPC may be sources"
            );
        }
    }
    let script = csp["script-src"].as_str().unwrap();
    assert!(!script.contains("unsafe"), "no inline or eval script");
}

#[test]
fn the_configuration_keeps_tauri_hardened() {
    let config = read_json("tauri.conf.json");
    assert_eq!(
        config["app"]["withGlobalTauri"], false,
        "window.__TAURI__ must not exist"
    );
    assert_eq!(
        config["app"]["security"]["freezePrototype"], true,
        "prototypes frozen"
    );
    assert_eq!(
        config["app"]["security"]["assetProtocol"]["enable"], false,
        "asset protocol off"
    );
    assert!(
        config["app"]["security"]
            .get("dangerousDisableAssetCspModification")
            .is_none(),
        "Tauri must keep adding its nonces to the CSP"
    );
}

#[test]
fn capabilities_grant_only_our_commands_and_the_lock_handshake_events() {
    let capabilities = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let allowed_core = ["core:event:allow-listen", "core:event:allow-unlisten"];
    for entry in std::fs::read_dir(capabilities).unwrap() {
        let capability: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        for permission in capability["permissions"].as_array().unwrap() {
            let name = permission
                .as_str()
                .expect("permissions are plain identifiers, no scopes");
            for forbidden in ["fs:", "shell:", "http:", "opener:"] {
                assert!(
                    !name.starts_with(forbidden),
                    "{name}: no fs, shell or http permission may be granted"
                );
            }
            // Tauri names a command's permission allow-<command in kebab-case>.
            let ours = name
                .strip_prefix("allow-")
                .is_some_and(|command| COMMAND_NAMES.contains(&command.replace('-', "_").as_str()));
            assert!(
                ours || allowed_core.contains(&name),
                "{name} is not one of our commands or the lock events"
            );
        }
    }
}

#[test]
fn no_shell_http_or_fs_plugin_is_a_dependency_of_the_app() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    for plugin in ["tauri-plugin-shell", "tauri-plugin-http", "tauri-plugin-fs"] {
        assert!(
            !manifest.contains(plugin),
            "{plugin} must not be registered"
        );
    }
}
