// Migrations are embedded with include_str!; an SQL-only change must rebuild the crate.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
