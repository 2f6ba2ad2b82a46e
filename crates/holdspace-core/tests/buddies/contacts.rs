//! Contacts in the vault: validation that changes nothing on bad input, filters, my card's
//! rules, and import's preview, duplicate detection and merge.

use holdspace_core::buddies::import::{self, DuplicateReason, ImportChoice};
use holdspace_core::buddies::my_card::{self, CardFieldInput, CardFieldKind, MyCardInput};
use holdspace_core::buddies::{self, ContactFilter, ContactInput, Labelled, Relation};
use holdspace_core::ErrorCode;

use super::fixture;
use super::support::{group, vault};

fn named(name: &str) -> ContactInput {
    ContactInput {
        display_name: name.into(),
        ..ContactInput::default()
    }
}

fn point(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

#[test]
fn a_first_name_is_enough_and_bad_input_changes_nothing() {
    let (_dir, vault) = vault();
    let kim = buddies::add(&vault, &named("  Kim ")).unwrap();
    assert_eq!(kim.display_name, "Kim", "names are trimmed");
    for bad in [
        named(""),
        ContactInput {
            emails: vec![point("", "not an address")],
            ..named("Lee")
        },
        ContactInput {
            phones: vec![point("", "call me")],
            ..named("Lee")
        },
        ContactInput {
            since: Some("last spring".into()),
            ..named("Lee")
        },
        ContactInput {
            group_ids: vec![999],
            ..named("Lee")
        },
        ContactInput {
            pronouns: "they\u{7}them".into(),
            ..named("Lee")
        },
    ] {
        let error = buddies::add(&vault, &bad).unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidInput);
        let error = buddies::edit(&vault, kim.id, &bad).unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidInput);
    }
    let all = buddies::list(&vault, &ContactFilter::default()).unwrap();
    assert_eq!(all, [kim], "refused input must add and change nothing");
}

#[test]
fn contacts_filter_by_relation_group_words_and_any_time() {
    let (_dir, vault) = vault();
    let tuesday = group(&vault, "2024-01-01");
    let mentor = buddies::add(
        &vault,
        &ContactInput {
            relation: Some(Relation::Mentor),
            group_ids: vec![tuesday],
            availability: "Evenings".into(),
            phones: vec![point("mobile", "+49 170 555")],
            ok_to_call_any_time: true,
            ..named("Alex")
        },
    )
    .unwrap();
    let peer = buddies::add(
        &vault,
        &ContactInput {
            relation: Some(Relation::Peer),
            notes: "met at the picnic".into(),
            ..named("Bo")
        },
    )
    .unwrap();
    let ids = |filter: ContactFilter| -> Vec<i64> {
        buddies::list(&vault, &filter)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(
        ids(ContactFilter::default()),
        [mentor.id, peer.id],
        "by name"
    );
    let by = |relation| ContactFilter {
        relation: Some(relation),
        ..ContactFilter::default()
    };
    assert_eq!(ids(by(Relation::Peer)), [peer.id]);
    assert!(ids(by(Relation::Sponsor)).is_empty());
    let in_group = ContactFilter {
        group_id: Some(tuesday),
        ..ContactFilter::default()
    };
    assert_eq!(ids(in_group), [mentor.id]);
    let words = |text: &str| ContactFilter {
        text: Some(text.into()),
        ..ContactFilter::default()
    };
    assert_eq!(ids(words("PICNIC")), [peer.id], "notes, any case");
    assert_eq!(
        ids(words("evenings 555")),
        [mentor.id],
        "every word, any field"
    );
    let any_time = ContactFilter {
        any_time_only: true,
        ..ContactFilter::default()
    };
    assert_eq!(ids(any_time), [mentor.id], "the Support now panel's list");
}

#[test]
fn my_card_refuses_fields_it_cannot_hold_and_ids_that_are_not_on_it() {
    let (_dir, vault) = vault();
    let field = |id, kind, value: &str| CardFieldInput {
        id,
        kind,
        label: String::new(),
        value: value.into(),
        shared: true,
    };
    let input = |fields| MyCardInput {
        display_name: "Robin".into(),
        fields,
    };
    for bad in [
        vec![field(None, CardFieldKind::Relation, "mentor")],
        vec![field(None, CardFieldKind::Email, "nope")],
        vec![field(Some(41), CardFieldKind::Phone, "+1 555")],
    ] {
        let error = my_card::save(&vault, &input(bad)).unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidInput);
    }
    let card = my_card::get(&vault).unwrap();
    assert_eq!(card.display_name, "", "refused saves change nothing");
    assert!(card.fields.is_empty());
}

#[test]
fn import_previews_without_saving_and_spots_a_likely_duplicate() {
    let (_dir, vault) = vault();
    let ada = buddies::add(
        &vault,
        &ContactInput {
            phones: vec![point("", "0555 0102030")],
            notes: "my own note".into(),
            ..named("Ada")
        },
    )
    .unwrap();
    let preview = import::preview(&vault, &fixture("v30_ios.vcf")).unwrap();
    assert_eq!(preview.len(), 1);
    let found = preview[0].likely_duplicate.as_ref().expect("same number");
    assert_eq!(found.contact_id, ada.id);
    assert_eq!(
        found.reason,
        DuplicateReason::SamePhone,
        "+1 (555) 010-2030 is 0555 0102030"
    );
    assert_eq!(
        buddies::list(&vault, &ContactFilter::default())
            .unwrap()
            .len(),
        1,
        "a preview saves nothing"
    );

    let merged = import::save(
        &vault,
        &[ImportChoice {
            contact: preview[0].contact.clone(),
            merge_into: Some(ada.id),
        }],
    )
    .unwrap();
    let ada = &merged[0];
    assert_eq!(ada.display_name, "Ada", "the user's own name for her stays");
    assert_eq!(
        ada.phones.len(),
        2,
        "the known number is not doubled; the new mobile number is added"
    );
    assert!(
        ada.notes.starts_with("my own note\n\n"),
        "the user's note is kept first"
    );
    assert!(ada.photo.is_none(), "the photo was not kept");
}

#[test]
fn importing_several_cards_is_all_or_nothing() {
    let (_dir, vault) = vault();
    let preview = import::preview(&vault, &fixture("several.vcf")).unwrap();
    let mut choices: Vec<ImportChoice> = preview
        .iter()
        .map(|p| ImportChoice {
            contact: p.contact.clone(),
            merge_into: None,
        })
        .collect();
    choices[2].contact.emails = vec![point("", "broken")];
    let error = import::save(&vault, &choices).unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidInput);
    assert!(buddies::list(&vault, &ContactFilter::default())
        .unwrap()
        .is_empty());
    choices[2].contact.emails.clear();
    let saved = import::save(&vault, &choices).unwrap();
    let names: Vec<&str> = saved.iter().map(|c| c.display_name.as_str()).collect();
    assert_eq!(names, ["Card One", "Card Two", "Card Three"]);
}

#[test]
fn values_a_contact_cannot_hold_go_to_its_notes_rather_than_being_lost() {
    let (_dir, vault) = vault();
    let text = "BEGIN:VCARD\nVERSION:3.0\nFN:Quinn\nTEL:ask at the desk\nEMAIL:quinn at example\nEND:VCARD\n";
    let preview = import::preview_text(&vault, text).unwrap();
    let contact = &preview[0].contact;
    assert!(contact.phones.is_empty() && contact.emails.is_empty());
    assert!(
        contact.notes.contains("ask at the desk") && contact.notes.contains("quinn at example")
    );
    buddies::add(&vault, contact).unwrap();
}

#[test]
fn pasted_text_blocks_read_back_as_cards() {
    let (_dir, vault) = vault();
    let text = "Name: Robin\nPronouns: he/him\nPhone (mobile): +49 151 1111111\nMessenger (Signal): @robin\nAvailable: evenings\nOK to call any time\nNote: first line\n  second line\n";
    let preview = import::preview_text(&vault, text).unwrap();
    let contact = &preview[0].contact;
    assert_eq!(contact.display_name, "Robin");
    assert_eq!(contact.pronouns, "he/him");
    assert_eq!(contact.phones, [point("mobile", "+49 151 1111111")]);
    assert_eq!(contact.messengers, [point("Signal", "@robin")]);
    assert!(contact.ok_to_call_any_time);
    assert_eq!(contact.notes, "first line\nsecond line");
}

#[test]
fn two_cards_merged_into_one_contact_both_land() {
    let (_dir, vault) = vault();
    let kim = buddies::add(&vault, &named("Kim")).unwrap();
    let with = |phone: &str| ImportChoice {
        contact: ContactInput {
            phones: vec![point("", phone)],
            ..named("Kim")
        },
        merge_into: Some(kim.id),
    };
    let saved = import::save(&vault, &[with("+1 555 0101 111"), with("+1 555 0202 222")]).unwrap();
    assert_eq!(saved.len(), 2);
    let kim = buddies::get(&vault, kim.id).unwrap();
    assert_eq!(
        kim.phones.len(),
        2,
        "the second merge starts from the first's result"
    );
}

#[test]
fn a_photo_of_an_odd_type_is_dropped_and_the_card_still_imports() {
    let (_dir, vault) = vault();
    let text = "BEGIN:VCARD\nVERSION:3.0\nFN:Odd\nPHOTO;ENCODING=b;TYPE=JPEG;X=\"a b\":AAAA\nPHOTO:data:text/html;base64,PHNjcmlwdD4=\nEND:VCARD\n";
    let preview = import::preview_text(&vault, text).unwrap();
    assert!(preview[0].card.had_photo);
    let kept = import::contact_from(&preview[0].card, true);
    buddies::add(&vault, &kept).unwrap();
}
