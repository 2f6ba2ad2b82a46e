//! Export: every field survives a round trip through our own reader, the QR code decodes back
//! to the exact vCard text, a card carries only the fields chosen, and each share is logged.

use holdspace_core::buddies::import::contact_from;
use holdspace_core::buddies::my_card::{
    self, CardFieldInput, CardFieldKind, MyCardInput, PresetInput,
};
use holdspace_core::buddies::sharing::{self, card_of, ShareMethod, ShareRequest, ShareSubject};
use holdspace_core::buddies::{self, ContactInput, Labelled, Photo, Relation};
use holdspace_core::interop::vcard::{self, VcardVersion};
use holdspace_core::vault::Vault;
use holdspace_core::{ErrorCode, Language};

use super::support::vault;

fn point(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

fn everything() -> ContactInput {
    ContactInput {
        display_name: "Ada, the; Brave".into(),
        pronouns: "she/her".into(),
        relation: Some(Relation::NewcomerISupport),
        phones: vec![
            point("mobile", "+49 170 1234567"),
            point("Sponsor line", "+1 (555) 010-2030"),
            point("", "030 123"),
        ],
        emails: vec![point("home", "ada@example.org"), point("Übung", "a@b.example")],
        messengers: vec![point("Signal", "+49 170 1234567"), point("", "@ada:matrix.org,x")],
        availability: "evenings, not Sundays; texts first".into(),
        ok_to_call_any_time: true,
        group_ids: Vec::new(),
        notes: "Met at Jürgen's group.\nLikes tea; hates calls before 9, truly.\\".into(),
        since: Some("2025-09-14".into()),
        photo: Some(Photo {
            media_type: "image/png".into(),
            base64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNg+M/A8B8ABQACAeIhvDMAAAAASUVORK5CYII=".into(),
        }),
    }
}

#[test]
fn a_contact_with_every_field_round_trips_through_vcard_3_and_4() {
    let (_dir, vault) = vault();
    let contact = buddies::add(&vault, &everything()).unwrap();
    for version in [VcardVersion::V3, VcardVersion::V4] {
        let text = vcard::write(&card_of(&contact), version);
        let cards = vcard::parse(text.as_bytes());
        assert_eq!(cards.len(), 1);
        assert_eq!(
            contact_from(&cards[0], true),
            contact.to_input(),
            "{version:?}: no field may be lost or changed on the way out and back in"
        );
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{version:?}: lines fold at 75 octets");
        }
    }
}

/// Draws the SVG the way a screen would and reads it with an independent QR decoder.
fn decode_qr(svg: &str) -> String {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).unwrap();
    let size = tree.size().to_int_size();
    let (width, height) = (size.width() * 2, size.height() * 2);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(2.0, 2.0),
        &mut pixmap.as_mut(),
    );
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width as usize, height as usize, |x, y| {
            pixmap.pixel(x as u32, y as u32).map_or(255, |p| p.red())
        });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    grids[0].decode().unwrap().1
}

fn my_card_with_four_fields(vault: &Vault) -> Vec<i64> {
    let field = |kind, label: &str, value: &str, shared| CardFieldInput {
        id: None,
        kind,
        label: label.into(),
        value: value.into(),
        shared,
    };
    let card = my_card::save(
        vault,
        &MyCardInput {
            display_name: "Robin".into(),
            fields: vec![
                field(CardFieldKind::Phone, "mobile", "+49 151 1111111", true),
                field(CardFieldKind::Phone, "work", "+49 30 2222222", false),
                field(CardFieldKind::Email, "", "robin@example.org", true),
                field(
                    CardFieldKind::Note,
                    "",
                    "Private: my clean date is in March",
                    false,
                ),
            ],
        },
    )
    .unwrap();
    card.fields.iter().map(|f| f.id).collect()
}

fn request(method: ShareMethod) -> ShareRequest {
    ShareRequest {
        subject: ShareSubject::MyCard,
        contact_id: None,
        preset_id: None,
        field_ids: None,
        method,
        recipient_contact_id: None,
        recipient: String::new(),
    }
}

#[test]
fn the_qr_code_decodes_to_the_exact_vcard_3_text_with_only_the_ticked_fields() {
    let (_dir, vault) = vault();
    my_card_with_four_fields(&vault);
    let shared = sharing::share(&vault, &request(ShareMethod::QrCode), Language::En).unwrap();
    let decoded = decode_qr(&shared.content);
    let expected = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;Robin;;;\r\nFN:Robin\r\nTEL;TYPE=CELL:+49 151 1111111\r\nEMAIL;TYPE=INTERNET:robin@example.org\r\nEND:VCARD\r\n";
    assert_eq!(
        decoded, expected,
        "a phone camera must read exactly the 3.0 card with the two ticked fields"
    );
}

#[test]
fn a_card_with_chosen_fields_contains_no_byte_of_the_others() {
    let (_dir, vault) = vault();
    let ids = my_card_with_four_fields(&vault);
    let mut chosen = request(ShareMethod::Vcard4File);
    chosen.field_ids = Some(vec![ids[1]]);
    let shared = sharing::share(&vault, &chosen, Language::En).unwrap();
    let bytes = shared.content.as_bytes();
    let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(
        has("+49 30 2222222") && has("Robin"),
        "the chosen field and the name"
    );
    for other in ["1111111", "robin@example.org", "clean date", "March"] {
        assert!(
            !has(other),
            "an unchosen field leaked into the card: {other}"
        );
    }
    let mut text = request(ShareMethod::Text);
    text.field_ids = Some(vec![ids[2]]);
    let block = sharing::share(&vault, &text, Language::En).unwrap().content;
    assert_eq!(block, "Name: Robin\nEmail: robin@example.org\n");
}

#[test]
fn presets_share_their_own_fields_and_lose_a_deleted_field() {
    let (_dir, vault) = vault();
    let ids = my_card_with_four_fields(&vault);
    let card = my_card::add_preset(
        &vault,
        &PresetInput {
            name: "close buddy".into(),
            field_ids: vec![ids[0], ids[1], ids[3]],
        },
    )
    .unwrap();
    let preset = my_card::preset_named(&card, "Close Buddy").unwrap();
    let mut by_preset = request(ShareMethod::Vcard3File);
    by_preset.preset_id = Some(preset.id);
    let content = sharing::share(&vault, &by_preset, Language::En)
        .unwrap()
        .content;
    assert!(content.contains("2222222") && content.contains("clean date"));
    assert!(!content.contains("robin@example.org"), "not in the preset");

    // Delete the work phone from the card: the preset must not share anything in its place.
    let now = my_card::get(&vault).unwrap();
    let keep: Vec<CardFieldInput> = now
        .fields
        .iter()
        .filter(|f| f.id != ids[1])
        .map(|f| CardFieldInput {
            id: Some(f.id),
            kind: f.kind,
            label: f.label.clone(),
            value: f.value.clone(),
            shared: f.shared,
        })
        .chain([CardFieldInput {
            id: None,
            kind: CardFieldKind::Phone,
            label: "new".into(),
            value: "+49 160 3333333".into(),
            shared: false,
        }])
        .collect();
    let card = my_card::save(
        &vault,
        &MyCardInput {
            display_name: "Robin".into(),
            fields: keep,
        },
    )
    .unwrap();
    assert_eq!(card.presets[0].field_ids, [ids[0], ids[3]]);
    let content = sharing::share(&vault, &by_preset, Language::En)
        .unwrap()
        .content;
    assert!(
        !content.contains("2222222") && !content.contains("3333333"),
        "neither the deleted number nor a new one may ride on an old preset"
    );
}

#[test]
fn every_share_is_logged_with_what_how_and_to_whom_and_survives_deleting_the_contact() {
    let (dir, vault) = vault();
    let ids = my_card_with_four_fields(&vault);
    let sam = buddies::add(
        &vault,
        &ContactInput {
            display_name: "Sam".into(),
            ..ContactInput::default()
        },
    )
    .unwrap();
    let mut to_sam = request(ShareMethod::QrCode);
    to_sam.recipient_contact_id = Some(sam.id);
    sharing::share(&vault, &to_sam, Language::En).unwrap();
    let mut file = request(ShareMethod::Vcard4File);
    file.field_ids = Some(vec![ids[2]]);
    file.recipient = "the Thursday newcomer".into();
    let path = dir.path().join("robin.vcf");
    sharing::share_to_file(&vault, &file, &path, Language::En).unwrap();
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("robin@example.org"));
    let mut contact = request(ShareMethod::Vcard3File);
    contact.subject = ShareSubject::Contact;
    contact.contact_id = Some(sam.id);
    let failed = sharing::share_to_file(
        &vault,
        &contact,
        &dir.path().join("no/such/dir.vcf"),
        Language::En,
    );
    assert_eq!(failed.unwrap_err().code(), ErrorCode::Io);

    let log = sharing::list(&vault).unwrap();
    assert_eq!(
        log.len(),
        2,
        "a share whose file could not be written is not logged"
    );
    let newest = &log[0];
    assert_eq!(newest.method, ShareMethod::Vcard4File);
    assert_eq!(newest.recipient, "the Thursday newcomer");
    let kinds: Vec<CardFieldKind> = newest.fields.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [CardFieldKind::Name, CardFieldKind::Email]);
    assert_eq!(log[1].method, ShareMethod::QrCode);
    assert_eq!(log[1].recipient_contact_id, Some(sam.id));
    assert_eq!(log[1].fields.len(), 3, "name and the two ticked fields");
    assert_eq!(
        log[1].fields[1].value, "+49 151 1111111",
        "who has which number"
    );

    buddies::delete(&vault, sam.id).unwrap();
    let log = sharing::list(&vault).unwrap();
    assert_eq!(log.len(), 2, "deleting a contact keeps the log");
    assert_eq!(log[1].recipient_contact_id, None);
}

#[test]
fn a_card_too_long_for_a_qr_code_is_refused_with_advice() {
    let (_dir, vault) = vault();
    let note = "word ".repeat(300);
    my_card::save(
        &vault,
        &MyCardInput {
            display_name: "Robin".into(),
            fields: vec![CardFieldInput {
                id: None,
                kind: CardFieldKind::Note,
                label: String::new(),
                value: note,
                shared: true,
            }],
        },
    )
    .unwrap();
    let error = sharing::share(&vault, &request(ShareMethod::QrCode), Language::En).unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidInput);
    assert!(
        sharing::list(&vault).unwrap().is_empty(),
        "nothing shared, nothing logged"
    );
}

#[test]
fn passing_on_a_contacts_card_carries_their_details_and_never_the_users_notes_about_them() {
    let (_dir, vault) = vault();
    let ada = buddies::add(&vault, &everything()).unwrap();
    let mut request = request(ShareMethod::Vcard4File);
    request.subject = ShareSubject::Contact;
    request.contact_id = Some(ada.id);
    let content = sharing::share(&vault, &request, Language::En)
        .unwrap()
        .content;
    assert!(content.contains("+49 170 1234567") && content.contains("ada@example.org"));
    for private in [
        "Jürgen",
        "NOTE",
        "X-HOLDSPACE-RELATION",
        "X-HOLDSPACE-SINCE",
        "X-HOLDSPACE-OK-TO-CALL",
        "PHOTO",
    ] {
        assert!(
            !content.contains(private),
            "{private} is the user's, not theirs to hand on"
        );
    }
    let logged = &sharing::list(&vault).unwrap()[0];
    assert!(
        logged.fields.iter().all(|f| f.kind != CardFieldKind::Note),
        "the log lists only what the card carried"
    );
}

#[test]
fn the_ticked_fields_decide_and_a_preset_only_names_a_share_that_matches_it() {
    let (_dir, vault) = vault();
    let ids = my_card_with_four_fields(&vault);
    let card = my_card::add_preset(
        &vault,
        &PresetInput {
            name: "newcomer list".into(),
            field_ids: vec![ids[2]],
        },
    )
    .unwrap();
    let mut request = request(ShareMethod::Text);
    request.preset_id = Some(card.presets[0].id);
    request.field_ids = Some(vec![ids[2], ids[0]]);
    let shared = sharing::share(&vault, &request, Language::En).unwrap();
    assert!(
        shared.content.contains("1111111"),
        "the ticked phone is shared"
    );
    assert_eq!(
        shared.share.preset, None,
        "the ticks differ from the preset: not logged as it"
    );
    request.field_ids = Some(vec![ids[2]]);
    let shared = sharing::share(&vault, &request, Language::En).unwrap();
    assert_eq!(shared.share.preset.as_deref(), Some("newcomer list"));
}
