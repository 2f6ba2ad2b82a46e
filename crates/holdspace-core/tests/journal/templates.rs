//! Journal templates: the built-ins from peer-support practice, reworded, reset, never deleted;
//! the user's own added, edited and deleted; bad input changes nothing.

use holdspace_core::journal::EntryKind;
use holdspace_core::templates::{self, BuiltinTemplate, TemplateInput, MAX_TEMPLATE_BYTES};
use holdspace_core::ErrorCode;

use crate::vault;

fn own(name: &str, body: &str) -> TemplateInput {
    TemplateInput {
        name: name.into(),
        kind: EntryKind::Note,
        body: body.into(),
    }
}

#[test]
fn a_new_vault_offers_the_three_practice_templates_and_none_asks_about_others() {
    let (_dir, vault) = vault();
    let all = templates::list(&vault).unwrap();
    let builtins: Vec<_> = all.iter().filter_map(|t| t.builtin).collect();
    assert_eq!(
        builtins,
        [
            BuiltinTemplate::DailyCheckIn,
            BuiltinTemplate::PreMeeting,
            BuiltinTemplate::PostMeeting
        ],
        "the daily check-in, the intention and the reflection come first, in that order"
    );
    let check_in = templates::builtin(&vault, BuiltinTemplate::DailyCheckIn).unwrap();
    assert!(check_in.body.contains("How am I arriving today?"));
    let reflection = templates::builtin(&vault, BuiltinTemplate::PostMeeting).unwrap();
    assert_eq!(reflection.kind, EntryKind::Reflection);
    for prompt in [
        "What did I hear that I want to keep?",
        "What did I share, and how did it feel?",
        "Is there feedback I want to ask for?",
    ] {
        assert!(
            reflection.body.contains(prompt),
            "the reflection asks: {prompt}"
        );
    }
    assert!(
        reflection.body.contains("stays in the room"),
        "the reflection reminds, gently, that what others shared is not for the journal"
    );
    assert!(
        all.iter().all(|t| !t.customised),
        "nothing is customised yet"
    );
}

#[test]
fn a_reworded_builtin_keeps_the_users_words_until_reset() {
    let (_dir, vault) = vault();
    let original = templates::builtin(&vault, BuiltinTemplate::DailyCheckIn).unwrap();
    let edited = templates::edit(
        &vault,
        original.id,
        &TemplateInput {
            name: "  Morning  ".into(),
            kind: EntryKind::Note,
            body: "How did I sleep?".into(),
        },
    )
    .unwrap();
    assert_eq!(edited.name, "Morning", "names are trimmed");
    assert_eq!(edited.body, "How did I sleep?");
    assert!(edited.customised);
    assert_eq!(
        templates::builtin(&vault, BuiltinTemplate::DailyCheckIn)
            .unwrap()
            .body,
        "How did I sleep?",
        "the user's wording is what the app offers from now on"
    );

    let reset = templates::reset(&vault, original.id).unwrap();
    assert_eq!(reset.name, original.name, "reset gives back the own name");
    assert_eq!(
        reset.body, original.body,
        "reset gives back the own wording"
    );
    assert_eq!(reset.kind, EntryKind::CheckIn, "and the own kind");
    assert!(!reset.customised);

    let refused = templates::delete(&vault, original.id).unwrap_err();
    assert_eq!(
        refused.code(),
        ErrorCode::InvalidInput,
        "built-ins are never deleted"
    );
    assert_eq!(
        templates::list(&vault).unwrap().len(),
        3,
        "the refusal removed nothing"
    );
}

#[test]
fn the_users_own_templates_are_added_edited_and_deleted() {
    let (_dir, vault) = vault();
    let added = templates::add(&vault, &own("Step work", "Which step am I on?")).unwrap();
    assert_eq!(added.builtin, None);
    assert_eq!(
        templates::list(&vault).unwrap().last().map(|t| t.id),
        Some(added.id),
        "a new template comes after the built-ins"
    );
    let edited =
        templates::edit(&vault, added.id, &own("Step work", "Which step, and why?")).unwrap();
    assert_eq!(edited.body, "Which step, and why?");
    assert!(!edited.customised, "customised is about built-ins only");
    assert_eq!(
        templates::reset(&vault, added.id).unwrap_err().code(),
        ErrorCode::InvalidInput,
        "an own template has no wording to go back to"
    );
    templates::delete(&vault, added.id).unwrap();
    assert_eq!(
        templates::get(&vault, added.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        templates::delete(&vault, added.id).unwrap_err().code(),
        ErrorCode::NotFound,
        "deleting twice says so"
    );
}

#[test]
fn bad_template_input_is_refused_and_changes_nothing() {
    let (_dir, vault) = vault();
    let before = templates::list(&vault).unwrap();
    let target = before[0].id;
    for bad in [
        own("   ", "a body"),
        own(&"n".repeat(201), "a body"),
        own("name", &"b".repeat(MAX_TEMPLATE_BYTES + 1)),
        own("name\0", "a body"),
        own("name", "a\0body"),
    ] {
        assert_eq!(
            templates::add(&vault, &bad).unwrap_err().code(),
            ErrorCode::InvalidInput
        );
        assert_eq!(
            templates::edit(&vault, target, &bad).unwrap_err().code(),
            ErrorCode::InvalidInput
        );
    }
    assert!(templates::add(&vault, &own("max", &"b".repeat(MAX_TEMPLATE_BYTES))).is_ok());
    let after = templates::list(&vault).unwrap();
    assert_eq!(
        after.len(),
        before.len() + 1,
        "only the valid one was added"
    );
    assert_eq!(
        after[0].body, before[0].body,
        "the refused edits left the built-in as it was"
    );
    assert_eq!(
        templates::edit(&vault, 9_999, &own("x", "y"))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
}
