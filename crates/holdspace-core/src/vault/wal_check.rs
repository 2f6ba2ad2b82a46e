//! Our own look at the write-ahead log before SQLite opens the database.
//!
//! SQLite ends the log at the first frame whose checksum fails and silently ignores the rest,
//! because after a power cut a torn tail is normal. But a flipped byte in the middle of the log
//! looks the same to it, so saves the person was told were made would vanish without a word.
//! What must hold: a log that provably held more saved changes than SQLite would read is
//! refused as damage (the person is told, and the files stay as they are), while a log that a
//! crash or power cut left behind opens as before. Provable means one of:
//! - the header is broken although whole frames follow it (SQLite syncs the header before the
//!   first frame is written, so a crash cannot do this);
//! - after the first bad frame, later frames of the same log still chain correctly up to a
//!   commit: saved changes lie beyond the damage;
//! - SQLite's own index (`-shm`, left by a process that was killed) says more frames were
//!   committed than the log now yields. SQLite updates that index only after the frames are
//!   written and synced, so after a crash it never claims frames the log does not have.
//!
//! Only run while no other connection has the database open (the log may be mid-write).

use std::path::Path;

use crate::{Error, Result};

const WAL_HEADER: usize = 32;
const FRAME_HEADER: usize = 24;
const MAGIC_LITTLE: u32 = 0x377f_0682;
const MAGIC_BIG: u32 = 0x377f_0683;
const WAL_VERSION: u32 = 3_007_000;
/// Two copies of the index header, 48 bytes each, start the `-shm` file.
const INDEX_HEADER: usize = 48;

/// Refuses a log that lost saved changes to damage; any other log (none, empty, a crash's
/// torn tail) passes.
pub(crate) fn check(database: &Path) -> Result<()> {
    // The index first: it is written after the log, so read in this order a commit landing in
    // between cannot make the index claim frames the log read does not hold.
    let index = std::fs::read(companion(database, "-shm")).ok();
    let wal = match std::fs::read(companion(database, "-wal")) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io("read the database's write-ahead log")(e)),
    };
    match examine(&wal, index.as_deref()) {
        Verdict::Sound => Ok(()),
        Verdict::Damaged(why) => Err(Error::VaultDamaged(format!(
            "the write-ahead log is damaged ({why}); saved changes would be lost"
        ))),
    }
}

fn companion(database: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Sound,
    Damaged(&'static str),
}

struct Header {
    big_endian: bool,
    page_size: usize,
    salt: [u8; 8],
    checksum: (u32, u32),
}

pub(crate) fn examine(wal: &[u8], index: Option<&[u8]>) -> Verdict {
    if wal.len() < WAL_HEADER {
        return Verdict::Sound;
    }
    let Some(header) = read_header(wal) else {
        // Without a readable header SQLite cannot know the frame size; judge by the page size
        // the index recorded, or the smallest possible one.
        let page = index
            .and_then(read_index)
            .map(|i| i.page_size)
            .unwrap_or(512);
        return if wal.len() >= WAL_HEADER + FRAME_HEADER + page {
            Verdict::Damaged("its header is broken")
        } else {
            Verdict::Sound
        };
    };
    let frame_size = FRAME_HEADER + header.page_size;
    let frames: Vec<&[u8]> = wal[WAL_HEADER..].chunks_exact(frame_size).collect();

    // Walk the log as SQLite's recovery does: frames count until the first one that fails.
    let mut chain = header.checksum;
    let mut readable_end = 0usize;
    let mut first_bad = None;
    for (i, frame) in frames.iter().enumerate() {
        match frame_checks(&header, frame, chain) {
            Some((next, commit)) => {
                chain = next;
                if commit {
                    readable_end = i + 1;
                }
            }
            None => {
                first_bad = Some(i);
                break;
            }
        }
    }

    if let Some(index) = index.and_then(read_index) {
        if index.salt == header.salt {
            // The index names exactly what was committed. Frames past it may be a crash's
            // half-written transaction, whose already-written frames SQLite rewrites in place
            // before it fixes their checksums: judging those would refuse a sound vault.
            return if index.max_frame > readable_end {
                Verdict::Damaged("frames it recorded as saved no longer read back")
            } else {
                Verdict::Sound
            };
        }
    }

    // Without a usable index (after a power cut it may be stale): judge by the log alone.
    if let Some(bad) = first_bad {
        let frame = frames[bad];
        // Damage in the page data leaves the stored checksum right for the next frame; damage
        // in the checksum field leaves the computed one right. Try both.
        let stored = (be32(&frame[16..20]), be32(&frame[20..24]));
        let computed = frame_checksum(&header, frame, chain);
        for seed in [stored, computed] {
            if saved_frames_follow(&header, &frames[bad + 1..], seed) {
                return Verdict::Damaged("saved changes lie beyond a damaged frame");
            }
        }
    }
    Verdict::Sound
}

/// Whether the frames after a bad one still chain correctly, as one log, up to a commit.
fn saved_frames_follow(header: &Header, frames: &[&[u8]], seed: (u32, u32)) -> bool {
    let mut chain = seed;
    for frame in frames {
        match frame_checks(header, frame, chain) {
            Some((_, true)) => return true,
            Some((next, false)) => chain = next,
            None => return false,
        }
    }
    false
}

fn read_header(wal: &[u8]) -> Option<Header> {
    let magic = be32(&wal[0..4]);
    let big_endian = match magic {
        MAGIC_LITTLE => false,
        MAGIC_BIG => true,
        _ => return None,
    };
    if be32(&wal[4..8]) != WAL_VERSION {
        return None;
    }
    let page_size = be32(&wal[8..12]) as usize;
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return None;
    }
    let checksum = (be32(&wal[24..28]), be32(&wal[28..32]));
    if checksum_words(big_endian, &wal[..24], (0, 0)) != checksum {
        return None;
    }
    let mut salt = [0u8; 8];
    salt.copy_from_slice(&wal[16..24]);
    Some(Header {
        big_endian,
        page_size,
        salt,
        checksum,
    })
}

/// A frame that belongs to this log and is intact: its chained checksum and whether it
/// commits a transaction.
fn frame_checks(header: &Header, frame: &[u8], chain: (u32, u32)) -> Option<((u32, u32), bool)> {
    let page_number = be32(&frame[0..4]);
    if page_number == 0 || frame[8..16] != header.salt {
        return None;
    }
    let computed = frame_checksum(header, frame, chain);
    if computed != (be32(&frame[16..20]), be32(&frame[20..24])) {
        return None;
    }
    Some((computed, be32(&frame[4..8]) != 0))
}

/// SQLite's frame checksum: the first 8 bytes of the frame header, then the page.
fn frame_checksum(header: &Header, frame: &[u8], chain: (u32, u32)) -> (u32, u32) {
    let after_header = checksum_words(header.big_endian, &frame[0..8], chain);
    checksum_words(header.big_endian, &frame[FRAME_HEADER..], after_header)
}

/// SQLite's WAL checksum (a Fletcher-like sum over pairs of 32-bit words).
fn checksum_words(big_endian: bool, bytes: &[u8], seed: (u32, u32)) -> (u32, u32) {
    let (mut s1, mut s2) = seed;
    for pair in bytes.chunks_exact(8) {
        let word = |b: &[u8]| {
            let array = [b[0], b[1], b[2], b[3]];
            if big_endian {
                u32::from_be_bytes(array)
            } else {
                u32::from_le_bytes(array)
            }
        };
        s1 = s1.wrapping_add(word(&pair[0..4])).wrapping_add(s2);
        s2 = s2.wrapping_add(word(&pair[4..8])).wrapping_add(s1);
    }
    (s1, s2)
}

struct IndexHeader {
    page_size: usize,
    max_frame: usize,
    salt: [u8; 8],
}

/// SQLite's wal-index header as a killed process left it (native byte order, two equal
/// copies, its own checksum). Anything else is ignored, as SQLite ignores it.
fn read_index(shm: &[u8]) -> Option<IndexHeader> {
    if shm.len() < 2 * INDEX_HEADER {
        return None;
    }
    let (first, second) = (&shm[..INDEX_HEADER], &shm[INDEX_HEADER..2 * INDEX_HEADER]);
    if first != second || first[12] != 1 {
        return None;
    }
    let native = |b: &[u8]| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
    let (mut s1, mut s2) = (0u32, 0u32);
    for pair in first[..40].chunks_exact(8) {
        s1 = s1.wrapping_add(native(&pair[0..4])).wrapping_add(s2);
        s2 = s2.wrapping_add(native(&pair[4..8])).wrapping_add(s1);
    }
    if (s1, s2) != (native(&first[40..44]), native(&first[44..48])) {
        return None;
    }
    let stored_page = u16::from_ne_bytes([first[14], first[15]]) as usize;
    // SQLite stores 65,536 as 1 to fit it in 16 bits.
    let page_size = if stored_page == 1 {
        65_536
    } else {
        stored_page
    };
    let mut salt = [0u8; 8];
    salt.copy_from_slice(&first[32..40]);
    Some(IndexHeader {
        page_size,
        max_frame: native(&first[16..20]) as usize,
        salt,
    })
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// The pages the log holds a newer copy of (every frame that reads back, up to its last
/// commit): their copies in the database file may be torn by a checkpoint a crash cut short,
/// which is harmless, since SQLite reads and checkpoints them from the log.
pub(crate) fn logged_pages(database: &Path) -> std::collections::HashSet<u32> {
    let mut pages = std::collections::HashSet::new();
    let Ok(wal) = std::fs::read(companion(database, "-wal")) else {
        return pages;
    };
    if wal.len() < WAL_HEADER {
        return pages;
    }
    let Some(header) = read_header(&wal) else {
        return pages;
    };
    let mut chain = header.checksum;
    let mut pending = Vec::new();
    for frame in wal[WAL_HEADER..].chunks_exact(FRAME_HEADER + header.page_size) {
        let Some((next, commit)) = frame_checks(&header, frame, chain) else {
            break;
        };
        chain = next;
        pending.push(be32(&frame[0..4]));
        if commit {
            pages.extend(pending.drain(..));
        }
    }
    pages
}
