include!("src/command_names.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES)),
    )
    .unwrap_or_else(|error| {
        println!("cargo:warning=tauri build step failed: {error:#}");
        std::process::exit(1);
    });
}
