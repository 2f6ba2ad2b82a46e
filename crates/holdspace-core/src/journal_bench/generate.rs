//! Builds the benchmark's journal: entries of journal length (30 to 400 words, about 120 on
//! average, a long tail of long entries) in sentences of Zipf-distributed words, a quarter of
//! them titled, in a vault.

use std::path::Path;

use chrono::{Duration as Span, SecondsFormat, TimeZone, Utc};

use super::vocabulary::{Dice, Vocabulary, FIRST_CONTENT};
use crate::bench_fixture::scratch_vault;
use crate::journal::{self, EntryInput, EntryKind};
use crate::vault::Vault;
use crate::Result;

const MIN_WORDS: usize = 30;
const MAX_WORDS: usize = 400;
/// The mean of the exponential part above the minimum: with the cap, about 120 words in all.
const MEAN_EXTRA_WORDS: f64 = 90.0;
const BATCH: usize = 10_000;

fn length(dice: &mut Dice) -> usize {
    let extra = -(1.0 - dice.unit()).ln() * MEAN_EXTRA_WORDS;
    (MIN_WORDS + extra as usize).min(MAX_WORDS)
}

fn push_capitalised(text: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        text.extend(first.to_uppercase());
        text.push_str(chars.as_str());
    }
}

fn body(dice: &mut Dice, vocabulary: &Vocabulary) -> String {
    let words = length(dice);
    let mut text = String::with_capacity(words * 7);
    let mut left_in_sentence = 0;
    for _ in 0..words {
        if left_in_sentence == 0 {
            if !text.is_empty() {
                text.push_str(". ");
            }
            left_in_sentence = 5 + dice.below(14);
            push_capitalised(&mut text, vocabulary.draw(dice, 0));
        } else {
            text.push_str(if dice.below(10) == 0 { ", " } else { " " });
            text.push_str(vocabulary.draw(dice, 0));
        }
        left_in_sentence -= 1;
    }
    text.push('.');
    text
}

fn title(dice: &mut Dice, vocabulary: &Vocabulary) -> String {
    let mut text = String::new();
    for i in 0..2 + dice.below(3) {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(vocabulary.draw(dice, FIRST_CONTENT));
    }
    text
}

/// A new vault in `dir` holding `entries` generated entries, one every 47 minutes from 2016.
pub(super) fn journal(dir: &Path, entries: usize) -> Result<Vault> {
    let vault = scratch_vault(dir)?;
    let vocabulary = Vocabulary::new();
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let start = Utc
        .with_ymd_and_hms(2016, 1, 1, 8, 0, 0)
        .single()
        .unwrap_or_else(Utc::now);
    for first in (0..entries).step_by(BATCH) {
        let batch = first..entries.min(first + BATCH);
        let inputs: Vec<EntryInput> = batch
            .clone()
            .map(|n| EntryInput {
                kind: [EntryKind::CheckIn, EntryKind::Reflection, EntryKind::Note][n % 3],
                title: (n % 4 == 0).then(|| title(&mut dice, &vocabulary)),
                body: body(&mut dice, &vocabulary),
                mood: Some(u8::try_from(n % 5).unwrap_or(0) + 1),
                feelings: None,
                tags: None,
                group_id: None,
                occurrence_id: None,
            })
            .collect();
        let created: Vec<String> = batch
            .map(|n| {
                (start + Span::minutes(i64::try_from(n).unwrap_or(0) * 47))
                    .to_rfc3339_opts(SecondsFormat::Millis, true)
            })
            .collect();
        journal::insert_many_unchecked(&vault, &inputs, &created)?;
    }
    Ok(vault)
}
