//! The generated journal's vocabulary and word sampler: a few thousand distinct words drawn
//! with Zipf's law, so a few words appear in nearly every entry, content words in a fraction
//! of them, and most words rarely, as in real writing. (A uniform draw over a small vocabulary
//! makes every word common and every query match almost every entry.)

use std::collections::HashSet;

use super::words::HEAD;

/// Distinct words in the journal: the real head and generated tail words.
const SIZE: usize = 5_000;
/// Zipf's exponent for English word frequencies.
const EXPONENT: f64 = 1.0;
/// The rarest word is a real one, so the rare-word query reads like a search someone makes.
pub(super) const RAREST: &str = "lighthouse";
/// The index of the first content word: the words before it are function words, which titles skip.
pub(super) const FIRST_CONTENT: usize = 26;

/// A deterministic xorshift generator: every run builds the same journal, so runs compare.
pub(super) struct Dice(pub(super) u64);

impl Dice {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Uniform in [0, 1).
    pub(super) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }
}

pub(super) struct Vocabulary {
    words: Vec<String>,
    /// Running sums of the Zipf weights 1/rank^s, for drawing by binary search.
    cumulative: Vec<f64>,
}

/// Pronounceable, distinct tail words ("bakon", "tremis"): i maps to one syllable pair and
/// ending, so no two indices give the same word.
fn tail_word(i: usize) -> String {
    const ONSETS: [&str; 18] = [
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr",
        "pl",
    ];
    const VOWELS: [&str; 5] = ["a", "e", "i", "o", "u"];
    const ENDINGS: [&str; 7] = ["", "n", "s", "l", "r", "th", "m"];
    let syllable = |k: usize| format!("{}{}", ONSETS[k / 5 % 18], VOWELS[k % 5]);
    let pair = i / ENDINGS.len();
    format!(
        "{}{}{}",
        syllable(pair % 90),
        syllable(pair / 90 % 90),
        ENDINGS[i % ENDINGS.len()]
    )
}

impl Vocabulary {
    pub(super) fn new() -> Self {
        let mut words: Vec<String> = HEAD.iter().map(|w| (*w).to_string()).collect();
        let head: HashSet<&str> = HEAD.iter().copied().chain([RAREST]).collect();
        let mut i = 0;
        while words.len() < SIZE - 1 {
            let word = tail_word(i);
            if !head.contains(word.as_str()) {
                words.push(word);
            }
            i += 1;
        }
        words.push(RAREST.into());
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += (rank as f64).powf(-EXPONENT);
                total
            })
            .collect();
        Self { words, cumulative }
    }

    /// A word by Zipf's law among the ranks from `first` on.
    pub(super) fn draw(&self, dice: &mut Dice, first: usize) -> &str {
        let below = first
            .checked_sub(1)
            .and_then(|i| self.cumulative.get(i))
            .copied()
            .unwrap_or(0.0);
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let target = below + dice.unit() * (total - below);
        let rank = self.cumulative.partition_point(|&c| c <= target);
        self.words
            .get(rank.min(self.words.len().saturating_sub(1)))
            .map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_has_its_size_and_no_word_twice() {
        let vocabulary = Vocabulary::new();
        let distinct: HashSet<&String> = vocabulary.words.iter().collect();
        assert_eq!(vocabulary.words.len(), SIZE, "the size the figures assume");
        assert_eq!(
            distinct.len(),
            SIZE,
            "a repeated word would merge two ranks"
        );
        assert_eq!(
            vocabulary.words.last().map(String::as_str),
            Some(RAREST),
            "the rare query's word is the rarest"
        );
    }
}
