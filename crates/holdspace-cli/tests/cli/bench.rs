//! `bench --quick --json` runs the harness and prints the documented rows (numbers not judged).

use crate::support::*;

#[test]
fn bench_quick_json_prints_an_array_of_ratio_rows() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["bench", "--quick", "--json"], "");
    assert_eq!(run.code, 0, "the quick benchmark runs: {}", run.stderr);
    let rows = run.json();
    let rows = rows
        .as_array()
        .expect("a top-level array, no wrapper object");
    assert!(
        rows.len() >= 4,
        "bulk, single insert, point read and list at least"
    );
    for row in rows {
        for field in ["metric", "baseline", "value", "ratio", "budget", "unit"] {
            assert!(row.get(field).is_some(), "every row has {field}: {row}");
        }
        assert!(
            row["baseline"].as_f64().unwrap() > 0.0,
            "the baseline was measured: {row}"
        );
    }
}
