//! QR codes as SVG, for a phone camera to read from the screen or a printout. Error correction
//! level M survives a little glare; a card too long for a QR code is an error the user can act
//! on (share fewer fields), never a code too dense to scan.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::{Error, Result};

/// Version 20 (97 x 97 modules) holds about 660 bytes at level M and still scans from a laptop
/// screen; denser codes fail on older phone cameras.
const MAX_VERSION: i16 = 20;

pub fn svg(text: &str) -> Result<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .ok()
        .filter(|code| match code.version() {
            qrcode::Version::Normal(v) => v <= MAX_VERSION,
            qrcode::Version::Micro(_) => true,
        })
        .ok_or_else(|| {
            Error::invalid(
                "This card is too long for a QR code a phone can read. Share fewer fields, or share it as a file.",
            )
        })?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(256, 256)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}
