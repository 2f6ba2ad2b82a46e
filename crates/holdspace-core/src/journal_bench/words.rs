//! The real words of the benchmark's vocabulary, most frequent first: the head of a Zipf
//! distribution, where a word's position is its rank. Function words lead, present in nearly
//! every entry as in any English text; the content words are those peer-support journals use.
//! The long tail of rarer words is generated (see `vocabulary.rs`), so only the head needs to
//! read like a journal.

// rustfmt would give every word its own line (any element over ten characters forces it).
#[rustfmt::skip]
pub(super) const HEAD: &[&str] = &[
    "the", "i", "and", "to", "a", "of", "my", "was", "it", "in", "that", "me", "for", "but",
    "with", "is", "so", "on", "about", "at", "we", "had", "not", "be", "this", "felt", "today",
    "just", "what", "when", "after", "how", "feel", "more", "still", "like", "could", "again",
    "tired", "from", "really", "there", "she", "he", "they", "meeting", "can", "did", "want",
    "then", "think", "group", "all", "know", "been", "time", "some", "before", "because", "even",
    "would", "up", "out", "much", "one", "by", "than", "too", "day", "night", "week", "little",
    "better", "anxious", "morning", "evening", "work", "sleep", "shared", "talked", "grateful",
    "home", "tonight", "listened", "call", "myself", "good", "hard", "calm", "share", "family",
    "sponsor", "quiet", "walk", "said", "heard", "room", "people", "first", "need", "try", "kept",
    "hopeful", "thought", "being", "going", "back", "mind", "body", "noticed", "hand", "friend",
    "mom", "dad", "sister", "brother", "partner", "kids", "tea", "coffee", "dinner", "lunch",
    "breakfast", "rest", "steps", "small", "long", "enough", "honest", "slowly", "breath",
    "breathing", "relief", "angry", "sad", "happy", "lonely", "scared", "proud", "ashamed",
    "overwhelmed", "peaceful", "restless", "numb", "stuck", "safe", "heavy", "light", "ok", "okay",
    "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "plans", "routine", "cravings", "urge", "trigger", "boundaries", "buddy", "checked", "journal",
    "write", "wrote", "reading", "read", "prayer", "meditation", "gym", "run", "garden", "rain",
    "sun", "window", "chair", "couch", "bed", "phone", "text", "message", "email", "boss", "job",
    "money", "rent", "doctor", "therapist", "therapy", "appointment", "medication", "headache",
    "hungry", "ate", "cooked", "cleaned", "laundry", "dishes", "shower", "outside", "park", "bus",
    "train", "car", "drove", "late", "early", "laugh", "laughed", "cried", "crying", "smiled",
    "hug", "gentle", "kind", "patient", "impatient", "careful", "brave", "weak", "strong",
    "tomorrow", "yesterday", "hours", "minutes", "days", "months", "year", "anniversary", "chip",
    "milestone", "sober", "clean", "relapse", "slip", "step", "sharing", "program", "literature",
    "speaker", "newcomer", "service", "door", "chairs", "keys", "secretary", "circle", "round",
    "turn", "listen", "listening", "spoke", "speaking", "silence", "honesty", "acceptance",
    "surrender", "gratitude", "humility", "courage", "serenity", "willingness", "resentment",
    "fear", "worry", "guilt", "shame", "anger", "grief", "loss", "hope", "trust", "faith", "love",
    "support", "help", "asked", "offered", "accepted", "refused", "apologised", "forgave",
    "forgive", "remember", "forgot", "moment", "pattern", "habit", "choice", "decided", "promise",
    "goal", "intention", "reflection", "story", "note", "mood", "feelings", "energy", "lighter",
    "harder", "easier", "worse", "different", "same", "new", "old", "whole", "half", "almost",
    "finally", "maybe", "probably", "honestly", "quietly",
];
